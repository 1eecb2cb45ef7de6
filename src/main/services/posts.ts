import type { PostFilter, PostInput } from '../../shared/api/contract';
import { Post } from '../../shared/domain/schemas';
import type { Repositories } from '../db/repositories';
import { newId, nowIso } from '../db/repositories/rows';
import { notFound, ServiceError } from './errors';
import type { WorkspaceService } from './workspace';

export function createPostService(repos: Repositories, workspace: WorkspaceService) {
  /** Referenced channels and category must exist; the error names the field. */
  const checkReferences = (post: Post): void => {
    post.channelIds.forEach((channelId, index) => {
      if (!repos.channels.get(channelId)) {
        throw new ServiceError('validation', `channelIds[${index}]: channel ${channelId} does not exist`, [
          { path: `channelIds[${index}]`, message: `channel ${channelId} does not exist` },
        ]);
      }
    });
    if (post.categoryId && !repos.categories.get(post.categoryId)) {
      throw new ServiceError('validation', `categoryId: category ${post.categoryId} does not exist`, [
        { path: 'categoryId', message: `category ${post.categoryId} does not exist` },
      ]);
    }
  };

  const requirePost = (id: string): Post => {
    const post = repos.posts.get(id);
    if (!post) throw notFound('Post', id);
    return post;
  };

  const store = (post: Post): Post => {
    checkReferences(post);
    repos.transaction(() => repos.posts.save(post));
    return post;
  };

  return {
    list: (filter: PostFilter): Post[] => repos.posts.list(filter),
    get: requirePost,

    create(input: PostInput): Post {
      const now = nowIso();
      return store(
        Post.parse({ timezone: workspace.timezone(), ...input, id: newId(), createdAt: now, updatedAt: now }),
      );
    },

    update(input: Partial<PostInput> & { id: string }): Post {
      const existing = requirePost(input.id);
      return store(Post.parse({ ...existing, ...input, updatedAt: nowIso() }));
    },

    move(id: string, scheduledAt: string | null): Post {
      requirePost(id);
      repos.posts.move(id, scheduledAt, nowIso());
      return requirePost(id);
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
      const post = requirePost(id);
      repos.posts.delete(id);
      return { deleted: post };
    },

    /** Undo of delete: the post comes back exactly as it was. */
    restore(post: Post): Post {
      if (repos.posts.get(post.id)) {
        throw new ServiceError('conflict', `Post ${post.id} already exists; nothing to restore.`);
      }
      return store(post);
    },
  };
}
export type PostService = ReturnType<typeof createPostService>;
