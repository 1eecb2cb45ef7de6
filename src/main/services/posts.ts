import type { PostFilter, PostInput } from '../../shared/api/contract';
import { federalReserveHolidays } from '../../shared/calendar-rules';
import { Post } from '../../shared/domain/schemas';
import { validatePost } from '../../shared/posts';
import type { Repositories } from '../db/repositories';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from './errors';
import type { WorkspaceService } from './workspace';

/** What validation reads from the database, read once per batch of saves. */
function readValidationContext(repos: Repositories) {
  const holidays = new Map<number, ReturnType<typeof federalReserveHolidays>>();
  return {
    channels: new Map(repos.channels.list().map((c) => [c.id, c])),
    categoryIds: new Set(repos.categories.list().map((c) => c.id)),
    blackouts: repos.blackouts.list(),
    /** Holidays of the year and both neighbours (a post's local date may fall in either). */
    holidaysAround(year: number) {
      if (!holidays.has(year)) holidays.set(year, [year - 1, year, year + 1].flatMap((y) => federalReserveHolidays(y)));
      return holidays.get(year)!;
    },
  };
}
type ValidationContext = ReturnType<typeof readValidationContext>;

export function createPostService(repos: Repositories, workspace: WorkspaceService) {
  /** Referenced channels and category must exist; the error names the field. */
  const checkReferences = (post: Post, context: ValidationContext, prefix = ''): void => {
    post.channelIds.forEach((channelId, index) => {
      if (!context.channels.has(channelId)) {
        const path = `${prefix}channelIds[${index}]`;
        throw new ServiceError('validation', `${path}: channel ${channelId} does not exist`, [
          { path, message: `channel ${channelId} does not exist` },
        ]);
      }
    });
    if (post.categoryId && !context.categoryIds.has(post.categoryId)) {
      const path = `${prefix}categoryId`;
      throw new ServiceError('validation', `${path}: category ${post.categoryId} does not exist`, [
        { path, message: `category ${post.categoryId} does not exist` },
      ]);
    }
  };

  const requirePost = (id: string): Post => {
    const post = repos.posts.get(id);
    if (!post) throw notFound('Post', id);
    return post;
  };

  /** Validates references, recomputes issues and saves every post in one transaction; returns them as stored. */
  const storeAll = (posts: Post[]): Post[] =>
    repos.transaction(() => {
      const context = readValidationContext(repos);
      const checked = posts.map((post, index) => {
        checkReferences(post, context, posts.length > 1 ? `[${index}].` : '');
        const holidays = post.scheduledAt ? context.holidaysAround(Number(post.scheduledAt.slice(0, 4))) : [];
        return { ...post, issues: validatePost(post, { channels: context.channels, holidays, blackouts: context.blackouts }) };
      });
      return checked.map((post) => ({ ...post, revision: repos.posts.save(post) }));
    });
  const store = (post: Post): Post => storeAll([post])[0];

  /** Read, check the revision the caller read, change and write, all under the write lock. */
  const changeAt = (id: string, revision: number, change: (post: Post) => Post): Post =>
    repos.transaction(() => {
      const existing = requirePost(id);
      checkRevision(existing, revision, `Post "${existing.title}"`);
      return store(change(existing));
    });

  /**
   * Saves changed copies of posts read earlier (a plan, an export), refusing the whole batch if any
   * of them was changed in the meantime: long work never overwrites an edit made while it ran.
   */
  const storeUnchanged = (changed: Post[]): Post[] =>
    repos.transaction(() => {
      for (const post of changed) checkRevision(requirePost(post.id), post.revision, `Post "${post.title}"`);
      return storeAll(changed);
    });

  return {
    list: (filter: PostFilter): Post[] => repos.posts.list(filter),
    get: requirePost,
    storeAll,
    storeUnchanged,

    create(input: PostInput): Post {
      const now = nowIso();
      return store(
        Post.parse({ timezone: workspace.timezone(), ...input, id: newId(), createdAt: now, updatedAt: now }),
      );
    },

    update({ revision, ...patch }: Partial<PostInput> & { id: string; revision: number }): Post {
      return changeAt(patch.id, revision, (existing) => Post.parse({ ...existing, ...patch, revision: existing.revision, updatedAt: nowIso() }));
    },

    move(id: string, scheduledAt: string | null, revision: number): Post {
      return changeAt(id, revision, (existing) => ({ ...existing, scheduledAt, updatedAt: nowIso() }));
    },

    duplicate(id: string): Post {
      const source = requirePost(id);
      const now = nowIso();
      return store({
        ...source,
        id: newId(),
        title: `${source.title} (copy)`,
        status: 'draft',
        seriesId: null,
        createdAt: now,
        updatedAt: now,
      });
    },

    delete(id: string): { deleted: Post } {
      return repos.transaction(() => {
        const post = requirePost(id);
        repos.posts.delete(id);
        return { deleted: post };
      });
    },

    /** Undo of delete: the post comes back as it was (with a new revision, so stale copies stay stale). */
    restore(post: Post): Post {
      return repos.transaction(() => {
        if (repos.posts.get(post.id)) {
          throw new ServiceError('conflict', `Post ${post.id} already exists; nothing to restore.`);
        }
        return store({ ...post, revision: post.revision + 1 });
      });
    },

    /** Re-validates every post (after channels or blackouts change). */
    revalidateAll(): void {
      storeAll(repos.posts.list({}));
    },
  };
}
export type PostService = ReturnType<typeof createPostService>;
