import type { PostFilter, PostInput } from '../../shared/api/contract';
import { federalReserveHolidays } from '../../shared/calendar-rules';
import { Post } from '../../shared/domain/schemas';
import { validatePost } from '../../shared/posts';
import type { Repositories } from '../db/repositories';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from './errors';
import { followPosts } from './intake/ideaStatus';
import { mediaSha256 } from './media';
import type { AuditService } from './review/audit';
import { postContentHash } from './review/hashing';
import type { Access } from './review/people';
import type { WorkspaceService } from './workspace';

/** Statuses whose content a scheduler already holds: changing it here does not change it there. */
const HANDED_OVER = new Set<Post['status']>(['exported', 'published']);
const MOVE_FIELDS = new Set(['scheduledAt', 'channelOffsets']);
const TRACKED_FIELDS = ['title', 'baseText', 'channelIds', 'channelTexts', 'channelOffsets', 'categoryId', 'scheduledAt', 'timezone', 'images', 'link', 'notes', 'status', 'placeholder'] as const;

export interface StoreOptions {
  /** false: the caller records its own audit entry (a review step) or nothing changes (revalidation). */
  audit?: boolean;
  /** The audit kind (default: post.create, post.move or post.update, from what changed). */
  kind?: string;
  /** Extra facts for the audit entry (the plan batch, the export batch). */
  body?: Record<string, unknown>;
}

/** The fields that differ between two versions of a post. */
function changedFields(before: Post, after: Post): string[] {
  return TRACKED_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A version of a post as the audit trail keeps it: every text and image, so any version can be shown later. */
const postVersion = (post: Post) => ({
  title: post.title,
  status: post.status,
  scheduledAt: post.scheduledAt,
  channelIds: post.channelIds,
  baseText: post.baseText,
  channelTexts: post.channelTexts,
  images: post.images.map((i) => ({ src: i.src, alt: i.alt, people: i.people ?? [], sha256: mediaSha256(i.src) })),
  link: post.link,
  categoryId: post.categoryId,
});

/**
 * An approved post is locked: a change to what approval covers (texts, media, link, channels, time)
 * sends it back to review.
 */
function lockApproved(before: Post | null, after: Post): Post {
  if (!before || before.status !== 'approved' || after.status !== 'approved') return after;
  return postContentHash(before) === postContentHash(after) ? after : { ...after, status: 'in_review' };
}

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

export function createPostService(repos: Repositories, workspace: WorkspaceService, access: Access, audit: AuditService) {
  const recordChange = (before: Post | null, after: Post, options: StoreOptions): void => {
    const fields = before ? changedFields(before, after) : [];
    if (before && fields.length === 0) return;
    const returnedToReview = before?.status === 'approved' && after.status === 'in_review';
    // A move that sends an approved post back to review is still a move.
    const moveOnly = fields.every((f) => MOVE_FIELDS.has(f) || (returnedToReview && f === 'status'));
    const kind = options.kind ?? (!before ? 'post.create' : moveOnly ? 'post.move' : 'post.update');
    audit.record({
      kind,
      subjectType: 'post',
      subjectId: after.id,
      beforeHash: before ? postContentHash(before) : null,
      afterHash: postContentHash(after),
      body: { ...options.body, title: after.title, changed: fields, version: postVersion(after), ...(returnedToReview ? { returnedToReview: true } : {}) },
    });
  };

  /**
   * Exported and published posts are already in the scheduler: changing one here needs the
   * caller's explicit confirmation, and the trail records that it was given.
   */
  const guardHandedOver = (before: Post, after: Post, confirmed: boolean | undefined): void => {
    if (!HANDED_OVER.has(before.status) || postContentHash(before) === postContentHash(after)) return;
    if (!confirmed) {
      throw new ServiceError(
        'confirmation_required',
        `"${before.title}" is ${before.status}: the scheduler already has it, so changing it here will not change what goes out. Confirm to change it anyway, then update it in the scheduler too.`,
      );
    }
    audit.record({ kind: 'post.changed_after_export', subjectType: 'post', subjectId: before.id, beforeHash: postContentHash(before), afterHash: postContentHash(after), body: { title: before.title, status: before.status } });
  };

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
  const storeAll = (posts: Post[], options: StoreOptions = {}): Post[] =>
    repos.transaction(() => {
      const context = readValidationContext(repos);
      const track = options.audit !== false;
      const checked = posts.map((post, index) => {
        checkReferences(post, context, posts.length > 1 ? `[${index}].` : '');
        const holidays = post.scheduledAt ? context.holidaysAround(Number(post.scheduledAt.slice(0, 4))) : [];
        const before = track ? repos.posts.get(post.id) : null;
        const locked = track ? lockApproved(before, post) : post;
        return { before, post: { ...locked, issues: validatePost(locked, { channels: context.channels, holidays, blackouts: context.blackouts }) } };
      });
      const stored = checked.map(({ before, post }) => {
        const saved = { ...post, revision: repos.posts.save(post) };
        if (track) recordChange(before, saved, options);
        return saved;
      });
      const ideaIds = checked.flatMap(({ before, post }) => [before?.ideaId, post.ideaId]).filter((id): id is string => !!id);
      if (ideaIds.length) followPosts(repos, audit, ideaIds, nowIso());
      return stored;
    });
  const store = (post: Post): Post => storeAll([post])[0];

  /** Read, check the revision the caller read, change and write, all under the write lock. */
  const changeAt = (id: string, revision: number, confirmed: boolean | undefined, change: (post: Post) => Post): Post =>
    repos.transaction(() => {
      const existing = requirePost(id);
      checkRevision(existing, revision, `Post "${existing.title}"`);
      const next = change(existing);
      guardHandedOver(existing, next, confirmed);
      return store(next);
    });

  /**
   * Saves changed copies of posts read earlier (a plan, an export), refusing the whole batch if any
   * of them was changed in the meantime: long work never overwrites an edit made while it ran.
   */
  const storeUnchanged = (changed: Post[], options: StoreOptions = {}): Post[] =>
    repos.transaction(() => {
      for (const post of changed) checkRevision(requirePost(post.id), post.revision, `Post "${post.title}"`);
      return storeAll(changed, options);
    });

  const removeRecorded = (post: Post, body: Record<string, unknown> = {}): void => {
    repos.posts.delete(post.id);
    if (post.ideaId) followPosts(repos, audit, [post.ideaId], nowIso());
    audit.record({ kind: 'post.delete', subjectType: 'post', subjectId: post.id, beforeHash: postContentHash(post), body: { ...body, title: post.title, version: postVersion(post) } });
  };

  const draft = (action: string): void => {
    access.require('planner', action, { policy: true });
  };

  return {
    list: (filter: PostFilter): Post[] => repos.posts.list(filter),
    get: requirePost,
    storeAll,
    storeUnchanged,

    create(input: PostInput): Post {
      draft('create posts');
      if (input.status && input.status !== 'draft') {
        throw new ServiceError('validation', 'status: a new post starts as a draft; submit it for review to move it on', [{ path: 'status', message: 'a new post starts as a draft' }]);
      }
      const now = nowIso();
      return store(
        Post.parse({ timezone: workspace.timezone(), ...input, id: newId(), createdAt: now, updatedAt: now }),
      );
    },

    update({ revision, confirmHandedOver, ...patch }: Partial<PostInput> & { id: string; revision: number; confirmHandedOver?: boolean }): Post {
      draft('edit posts');
      return changeAt(patch.id, revision, confirmHandedOver, (existing) => {
        if (patch.status && patch.status !== existing.status) {
          throw new ServiceError('validation', `status: "${existing.title}" is ${existing.status}; change it with Submit, Approve, Request changes, Publish or Archive (the review workflow)`, [
            { path: 'status', message: 'changed only through the review workflow' },
          ]);
        }
        return Post.parse({ ...existing, ...patch, revision: existing.revision, updatedAt: nowIso() });
      });
    },

    move(id: string, scheduledAt: string | null, revision: number, confirmHandedOver?: boolean): Post {
      draft('move posts');
      return changeAt(id, revision, confirmHandedOver, (existing) => ({ ...existing, scheduledAt, updatedAt: nowIso() }));
    },

    duplicate(id: string): Post {
      draft('duplicate posts');
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

    /** Deletes a post and records it (the caller checks roles and revisions). */
    removeRecorded,

    delete(id: string): { deleted: Post } {
      draft('delete posts');
      return repos.transaction(() => {
        const post = requirePost(id);
        removeRecorded(post);
        return { deleted: post };
      });
    },

    /** Undo of delete: the post comes back as it was (with a new revision, so stale copies stay stale). */
    restore(post: Post): Post {
      draft('restore posts');
      return repos.transaction(() => {
        if (repos.posts.get(post.id)) {
          throw new ServiceError('conflict', `Post ${post.id} already exists; nothing to restore.`);
        }
        return store({ ...post, revision: post.revision + 1 });
      });
    },

    /** Re-validates every post (after channels or blackouts change). */
    revalidateAll(): void {
      storeAll(repos.posts.list({}), { audit: false });
    },
  };
}
export type PostService = ReturnType<typeof createPostService>;
