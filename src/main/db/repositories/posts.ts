import type { PostFilter } from '../../../shared/api/contract';
import type { Post, PostImage, PostIssue, PostLink, PostStatus } from '../../../shared/domain/schemas';
import type { Db } from '../connection';
import { fromBool, parseJson, toBool } from './rows';

interface PostRow {
  id: string;
  title: string;
  base_text: string;
  category_id: string | null;
  scheduled_at: string | null;
  timezone: string;
  images: string;
  link: string | null;
  notes: string;
  status: string;
  placeholder: number;
  series_id: string | null;
  idea_id: string | null;
  issues: string;
  revision: number;
  created_at: string;
  updated_at: string;
  channels: string;
}

// Rows were validated by zod on the way in; reading maps them without re-validating (hot path).
const toPost = (row: PostRow): Post => {
  const channels = parseJson<{ c: string; t: string | null; o: number }[]>(row.channels, []);
  const channelTexts: Record<string, string> = {};
  const channelOffsets: Record<string, number> = {};
  for (const { c, t, o } of channels) {
    if (t !== null) channelTexts[c] = t;
    if (o) channelOffsets[c] = o;
  }
  return {
    id: row.id,
    title: row.title,
    baseText: row.base_text,
    channelIds: channels.map((ch) => ch.c),
    channelTexts,
    channelOffsets,
    categoryId: row.category_id,
    scheduledAt: row.scheduled_at,
    timezone: row.timezone,
    images: parseJson<PostImage[]>(row.images, []),
    link: parseJson<PostLink | null>(row.link, null),
    notes: row.notes,
    status: row.status as PostStatus,
    placeholder: toBool(row.placeholder),
    seriesId: row.series_id,
    ideaId: row.idea_id,
    issues: parseJson<PostIssue[]>(row.issues, []),
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
};

const SELECT_POSTS = `
  SELECT p.*, (
    SELECT json_group_array(json_object('c', pc.channel_id, 't', pc.text_override, 'o', pc.offset_minutes))
    FROM (SELECT * FROM post_channels WHERE post_id = p.id ORDER BY position) pc
  ) AS channels
  FROM posts p`;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (m) => `\\${m}`);

export function createPostRepository(db: Db) {
  const getStmt = db.prepare<[string], PostRow>(`${SELECT_POSTS} WHERE p.id = ?`);
  const upsertStmt = db.prepare(`
    INSERT INTO posts (id, title, base_text, category_id, scheduled_at, timezone, images, link, notes,
      status, placeholder, series_id, idea_id, issues, revision, created_at, updated_at)
    VALUES (@id, @title, @base_text, @category_id, @scheduled_at, @timezone, @images, @link, @notes,
      @status, @placeholder, @series_id, @idea_id, @issues, @revision, @created_at, @updated_at)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, base_text = excluded.base_text,
      category_id = excluded.category_id, scheduled_at = excluded.scheduled_at,
      timezone = excluded.timezone, images = excluded.images, link = excluded.link,
      notes = excluded.notes, status = excluded.status, placeholder = excluded.placeholder,
      series_id = excluded.series_id, idea_id = excluded.idea_id, issues = excluded.issues, updated_at = excluded.updated_at,
      revision = posts.revision + 1
    RETURNING revision`);
  const clearChannelsStmt = db.prepare('DELETE FROM post_channels WHERE post_id = ?');
  const addChannelStmt = db.prepare(
    'INSERT INTO post_channels (post_id, channel_id, text_override, offset_minutes, position) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteStmt = db.prepare('DELETE FROM posts WHERE id = ?');
  const anyStmt = db.prepare('SELECT EXISTS (SELECT 1 FROM posts) AS found');
  const byIdeaStmt = db.prepare<[string], PostRow>(`${SELECT_POSTS} WHERE p.idea_id = ? ORDER BY p.scheduled_at IS NULL, p.scheduled_at, p.created_at, p.id`);

  return {
    get(id: string): Post | null {
      const row = getStmt.get(id);
      return row ? toPost(row) : null;
    },

    list(filter: PostFilter = {}): Post[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.unscheduled) where.push('p.scheduled_at IS NULL');
      if (filter.from) {
        where.push('p.scheduled_at >= ?');
        params.push(filter.from);
      }
      if (filter.to) {
        where.push('p.scheduled_at < ?');
        params.push(filter.to);
      }
      if (filter.categoryIds?.length) {
        where.push(`p.category_id IN (${filter.categoryIds.map(() => '?').join(',')})`);
        params.push(...filter.categoryIds);
      }
      if (filter.statuses?.length) {
        where.push(`p.status IN (${filter.statuses.map(() => '?').join(',')})`);
        params.push(...filter.statuses);
      }
      if (filter.channelIds?.length) {
        where.push(
          `EXISTS (SELECT 1 FROM post_channels f WHERE f.post_id = p.id AND f.channel_id IN (${filter.channelIds
            .map(() => '?')
            .join(',')}))`,
        );
        params.push(...filter.channelIds);
      }
      if (filter.text?.trim()) {
        const like = `%${escapeLike(filter.text.trim())}%`;
        where.push(
          `(p.title LIKE ? ESCAPE '\\' OR p.base_text LIKE ? ESCAPE '\\' OR p.notes LIKE ? ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM post_channels t WHERE t.post_id = p.id AND t.text_override LIKE ? ESCAPE '\\'))`,
        );
        params.push(like, like, like, like);
      }
      const sql = `${SELECT_POSTS}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.scheduled_at IS NULL, p.scheduled_at, p.created_at, p.id`; // id last: the same order on every machine of a team
      return (db.prepare(sql).all(...params) as PostRow[]).map(toPost);
    },

    /** Inserts or replaces a post and its channel list (call inside a transaction); returns its new revision. */
    save(post: Post): number {
      const { revision } = upsertStmt.get({
        id: post.id,
        title: post.title,
        base_text: post.baseText,
        category_id: post.categoryId,
        scheduled_at: post.scheduledAt,
        timezone: post.timezone,
        images: JSON.stringify(post.images),
        link: post.link ? JSON.stringify(post.link) : null,
        notes: post.notes,
        status: post.status,
        placeholder: fromBool(post.placeholder),
        series_id: post.seriesId,
        idea_id: post.ideaId ?? null,
        issues: JSON.stringify(post.issues),
        revision: post.revision,
        created_at: post.createdAt,
        updated_at: post.updatedAt,
      }) as { revision: number };
      clearChannelsStmt.run(post.id);
      post.channelIds.forEach((channelId, position) => {
        addChannelStmt.run(post.id, channelId, post.channelTexts[channelId] ?? null, post.channelOffsets[channelId] ?? 0, position);
      });
      return revision;
    },

    /** The posts made from a story idea. */
    byIdea: (ideaId: string): Post[] => byIdeaStmt.all(ideaId).map(toPost),

    /** Whether the workspace has any post at all (without reading them). */
    any(): boolean {
      return (anyStmt.get() as { found: number }).found === 1;
    },

    delete(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },
  };
}
export type PostRepository = ReturnType<typeof createPostRepository>;
