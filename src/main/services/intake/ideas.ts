// Employee-story ideas: the board's moves, the detail with its history, turning an idea into a
// draft post and thanking the submitter. Every change is recorded in the audit trail, which is
// also the idea's history.
import type { BranchCoverage, IdeaDetail, IdeaInput, ThankYouNote } from '../../../shared/api/ideas';
import { IDEA_STATUS_LABELS, Idea, quarterOf, type IdeaStatus } from '../../../shared/domain/ideas';
import { personKey } from '../../../shared/domain/people';
import { NETWORK_LABELS, Post } from '../../../shared/domain/schemas';
import type { Repositories } from '../../db/repositories';
import { newId, nowIso } from '../../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from '../errors';
import type { PostService } from '../posts';
import type { AuditService, Author } from '../review/audit';
import type { Access, Session } from '../review/people';
import { utcToZonedWallTime } from '../../../shared/time';
import type { ReleaseService } from '../review/releases';
import type { WorkspaceService } from '../workspace';
import { composeThankYou } from './thanks';

/** Statuses that follow the idea's post, never set by hand. */
const FOLLOWS_POST: readonly IdeaStatus[] = ['scheduled', 'used'];
/** The category a story idea gets when the submitter suggests none. */
export const DEFAULT_IDEA_CATEGORY = /employee/i;

export interface IdeaServiceDeps {
  repos: Repositories;
  access: Access;
  audit: Pick<AuditService, 'record'>;
  posts: PostService;
  releases: Pick<ReleaseService, 'all'>;
  workspace: WorkspaceService;
  session: Pick<Session, 'current'>;
}

const changedFields = (before: Idea, after: Idea): string[] =>
  (Object.keys(after) as Array<keyof Idea>).filter((key) => !['revision', 'updatedAt'].includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]));

export interface CategoryLookup {
  /** The category id for a suggested name (case-insensitive), else the workspace's employee highlights. */
  idFor(name: string): string | null;
  known(name: string): boolean;
}
/** The workspace's categories by name, read once (an import asks for every row). */
export function categoryLookup(repos: Repositories): CategoryLookup {
  const categories = repos.categories.list();
  const byName = new Map(categories.map((c) => [c.name.toLowerCase(), c.id]));
  const fallback = categories.find((c) => DEFAULT_IDEA_CATEGORY.test(c.name))?.id ?? null;
  return { idFor: (name) => byName.get(name.trim().toLowerCase()) ?? fallback, known: (name) => byName.has(name.trim().toLowerCase()) };
}

function checked(repos: Repositories, idea: Idea): Idea {
  if (idea.categoryId && !repos.categories.get(idea.categoryId)) {
    throw new ServiceError('validation', `categoryId: category ${idea.categoryId} does not exist`, [{ path: 'categoryId', message: 'no such category' }]);
  }
  if (idea.earliest && idea.latest && idea.latest < idea.earliest) {
    throw new ServiceError('validation', 'latest: the idea expires before it can run', [{ path: 'latest', message: 'before earliest' }]);
  }
  if (idea.status === 'declined' && idea.declineReason.trim() === '') {
    throw new ServiceError('validation', 'reason: say why the idea is declined (the submitter will want to know)', [{ path: 'reason', message: 'required' }]);
  }
  return idea;
}

/** The channels a category's posts usually go to: those used by at least a quarter of them, else all. */
export function usualChannels(repos: Repositories, categoryId: string | null): string[] {
  const channels = repos.channels.list();
  if (!categoryId) return channels.map((c) => c.id);
  const posts = repos.posts.list({ categoryIds: [categoryId] });
  const counts = new Map<string, number>();
  for (const post of posts) for (const id of post.channelIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const usual = channels.filter((c) => (counts.get(c.id) ?? 0) >= Math.max(1, posts.length / 4)).map((c) => c.id);
  return usual.length ? usual : channels.map((c) => c.id);
}

export function createIdeaService({ repos, access, audit, posts, releases, workspace, session }: IdeaServiceDeps) {
  const requireIdea = (id: string): Idea => repos.ideas.get(id) ?? (() => { throw notFound('Idea', id); })();

  /**
   * Saves an idea and records what changed (inside the caller's transaction). An import passes the
   * person once for all its rows, and ideas it has already checked against the workspace.
   */
  const store = (before: Idea | null, next: Idea, kind: string, body: Record<string, unknown> = {}, bulk?: { by: Author }): Idea => {
    const stored = { ...next, revision: repos.ideas.save(bulk ? next : checked(repos, next)) };
    const fields = before ? changedFields(before, stored) : [];
    if (before && fields.length === 0) return stored;
    const input = { kind, subjectType: 'idea', subjectId: stored.id, body: { title: stored.title, ...(before ? { fields, from: before.status, to: stored.status } : { status: stored.status }), ...body } };
    if (bulk) audit.record(input, bulk.by);
    else audit.record(input);
    return stored;
  };

  const changeAt = (id: string, revision: number, change: (idea: Idea) => Idea, kind: string, body?: Record<string, unknown>): Idea =>
    repos.transaction(() => {
      const existing = requireIdea(id);
      checkRevision(existing, revision, `Idea "${existing.title}"`);
      return store(existing, Idea.parse({ ...change(existing), updatedAt: nowIso() }), kind, body);
    });

  /** A move on the board. Scheduled and used follow the idea's post; declining needs a reason. */
  const move = (id: string, revision: number, status: IdeaStatus, reason?: string): Idea => {
    access.require('planner', 'move story ideas');
    const current = requireIdea(id);
    if (FOLLOWS_POST.includes(status) && current.status !== status) {
      throw new ServiceError('validation', `status: "${current.title}" becomes ${IDEA_STATUS_LABELS[status].toLowerCase()} when a post made from it is ${status === 'used' ? 'published' : 'on the calendar'}: use Make post, then schedule the post`, [{ path: 'status', message: 'follows the post' }]);
    }
    return changeAt(id, revision, (existing) => ({ ...existing, status, declineReason: status === 'declined' ? (reason ?? existing.declineReason).trim() : '' }), 'idea.move', reason ? { reason } : {});
  };

  return {
    store,
    move,
    list: (statuses?: IdeaStatus[]): Idea[] => repos.ideas.list(statuses),

    get(id: string): IdeaDetail {
      const idea = requireIdea(id);
      const known = releases.all();
      return {
        idea,
        history: repos.audit.query({ subjectId: id, limit: 500 }).reverse(),
        posts: repos.posts.byIdea(id).map(({ id: postId, title, status, scheduledAt }) => ({ id: postId, title, status, scheduledAt })),
        releases: idea.featured.map((person) => ({ person: person.name, consentStated: person.consentStated, release: known.get(personKey(person.name)) ?? null })),
      };
    },

    create(input: IdeaInput): Idea {
      access.require(['contributor', 'planner'], 'add story ideas');
      if (input.status && !['new', 'accepted'].includes(input.status)) {
        throw new ServiceError('validation', `status: a new idea starts as new or accepted, not ${IDEA_STATUS_LABELS[input.status].toLowerCase()}`, [{ path: 'status', message: 'new or accepted' }]);
      }
      const now = nowIso();
      return repos.transaction(() =>
        store(null, Idea.parse({ categoryId: categoryLookup(repos).idFor(''), ...input, id: newId(), createdAt: now, updatedAt: now }), 'idea.create'),
      );
    },

    update({ id, revision, status, ...patch }: Partial<IdeaInput> & { id: string; revision: number }): Idea {
      access.require('planner', 'change story ideas');
      if (status) {
        const current = requireIdea(id);
        if (status !== current.status) return move(id, revision, status);
      }
      return changeAt(id, revision, (existing) => ({ ...existing, ...patch }), 'idea.update');
    },

    /** A draft post from the idea: category, story, photos (alt text still to write) and the category's usual channels. */
    makePost(id: string, revision: number): { post: Post; idea: Idea } {
      access.require('planner', 'make posts from story ideas', { policy: true });
      return repos.transaction(() => {
        const idea = requireIdea(id);
        checkRevision(idea, revision, `Idea "${idea.title}"`);
        if (idea.status === 'declined') throw new ServiceError('validation', `"${idea.title}" was declined: move it back to Accepted first`);
        const now = nowIso();
        const people = idea.featured.map((f) => f.name);
        const from = [idea.submittedBy || 'staff', idea.branch].filter(Boolean).join(', ');
        const [post] = posts.storeAll([
          Post.parse({
            id: newId(),
            title: idea.title,
            baseText: idea.story,
            categoryId: idea.categoryId,
            channelIds: usualChannels(repos, idea.categoryId),
            timezone: workspace.timezone(),
            images: idea.photos.map((photo) => ({ src: photo.src, alt: photo.alt, ...(people.length ? { people } : {}) })),
            notes: `Story idea from ${from}.${idea.notes ? ` ${idea.notes}` : ''}`,
            ideaId: idea.id,
            createdAt: now,
            updatedAt: now,
          }),
        ]);
        const after = repos.ideas.get(id)!;
        audit.record({ kind: 'idea.make_post', subjectType: 'idea', subjectId: id, body: { title: idea.title, postId: post.id } });
        return { post, idea: after };
      });
    },

    /** "Your story is going out on ...": for the submitter, once a post made from the idea is scheduled. */
    async thanks(id: string): Promise<ThankYouNote> {
      const idea = requireIdea(id);
      const scheduled = repos.posts.byIdea(id).filter((p) => p.scheduledAt && p.status !== 'archived');
      if (scheduled.length === 0) throw new ServiceError('validation', `"${idea.title}" has no scheduled post yet: schedule the post made from it first`);
      const channels = new Map(repos.channels.list().map((c) => [c.id, c]));
      const first = scheduled[0];
      const networks = [...new Set(first.channelIds.map((cid) => channels.get(cid)).filter((c) => c !== undefined).map((c) => NETWORK_LABELS[c.network]))];
      return composeThankYou({ idea, bank: workspace.get().name, at: first.scheduledAt!, timezone: first.timezone, networks, author: session.current().name });
    },

    /** Which branches sent ideas in the quarter of `on`, and which known branches sent nothing. */
    coverage(on: string): BranchCoverage {
      const quarter = quarterOf(on);
      const zone = workspace.timezone();
      const byBranch = new Map<string, { branch: string; ideas: number; lastAt: string | null }>();
      for (const idea of repos.ideas.list()) {
        const branch = idea.branch.trim();
        if (!branch) continue;
        const key = branch.toLowerCase();
        const entry = byBranch.get(key) ?? { branch, ideas: 0, lastAt: null };
        const day = utcToZonedWallTime(idea.createdAt, zone).date;
        if (day >= quarter.from && day <= quarter.to) {
          entry.ideas += 1;
          if (!entry.lastAt || idea.createdAt > entry.lastAt) entry.lastAt = idea.createdAt;
        }
        byBranch.set(key, entry);
      }
      const branches = [...byBranch.values()].sort((a, b) => b.ideas - a.ideas || a.branch.localeCompare(b.branch));
      return { quarter: quarter.label, from: quarter.from, to: quarter.to, branches, silent: branches.filter((b) => b.ideas === 0).map((b) => b.branch) };
    },
  };
}
export type IdeaService = ReturnType<typeof createIdeaService>;
