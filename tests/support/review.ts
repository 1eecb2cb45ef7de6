// Getting posts into review states for tests of what comes after review (export, sign-off).
import type { Post, PostStatus } from '../../src/shared/domain/schemas';
import type { Workspace } from '../../src/main/workspace';

/**
 * Puts a post straight into a status, as the seed does: for tests of export and calendars, not of
 * the review workflow itself (tests/api/reviews.test.ts takes posts through it step by step).
 */
export function seedStatus(ws: Pick<Workspace, 'services'>, post: Post, status: PostStatus): Post {
  return ws.services.posts.storeAll([{ ...ws.services.posts.get(post.id), status }])[0];
}

/** Takes a post through the real workflow: submitted by the current person, approved by `approver`. */
export function approveThroughReview(ws: Pick<Workspace, 'services'>, post: Post, approver: string): Post {
  const { session, reviews } = ws.services;
  const me = session.current();
  const submitted = reviews.submit(post.id, ws.services.posts.get(post.id).revision);
  session.actAs(session.resolve(approver).id);
  try {
    return reviews.approve(post.id, submitted.revision);
  } finally {
    session.actAs(me.id);
  }
}
