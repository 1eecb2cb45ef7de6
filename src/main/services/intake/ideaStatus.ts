// An idea's status follows the posts made from it: scheduled once one is on the calendar, used
// once one is published, back to accepted when they are unscheduled or deleted.
import { ideaStatusForPost, type IdeaStatus } from '../../../shared/domain/ideas';
import type { Repositories } from '../../db/repositories';
import type { AuditService } from '../review/audit';

/** Call inside the transaction that wrote the posts. */
export function followPosts(repos: Repositories, audit: Pick<AuditService, 'record'>, ideaIds: Iterable<string>, now: string): void {
  for (const id of new Set(ideaIds)) {
    const idea = repos.ideas.get(id);
    if (!idea || idea.status === 'declined') continue;
    const statuses = repos.posts.byIdea(id).map(ideaStatusForPost);
    const next: IdeaStatus = statuses.includes('used') ? 'used' : statuses.includes('scheduled') ? 'scheduled' : 'accepted';
    if (statuses.length === 0 && (idea.status === 'new' || idea.status === 'needs_info')) continue;
    if (next === idea.status) continue;
    repos.ideas.save({ ...idea, status: next, updatedAt: now });
    audit.record({ kind: 'idea.follow_post', subjectType: 'idea', subjectId: id, body: { title: idea.title, from: idea.status, to: next } });
  }
}
