// The review workflow: draft -> in review -> approved (or changes requested) -> exported ->
// published; archived. Each step checks the person's role, the post's findings and four-eyes, and
// is written to the audit trail with the post's content hash.
import { MIN_OVERRIDE_REASON, type PostReview, type ReviewedFinding, type Signoff, type SignoffChange } from '../../../shared/api/reviews';
import { checkPostCompliance } from '../../../shared/compliance';
import { personKey, type AuditEntry } from '../../../shared/domain/people';
import type { Post, PostStatus } from '../../../shared/domain/schemas';
import { STATUS_LABELS } from '../../../shared/domain/schemas';
import { zonedDayStartUtc, addDaysLocal } from '../../../shared/time';
import type { Repositories } from '../../db/repositories';
import { checkRevision, notFound, ServiceError } from '../errors';
import type { PostService } from '../posts';
import type { WorkspaceService } from '../workspace';
import type { AuditService } from './audit';
import type { ComplianceService } from './compliance';
import { postContentHash } from './hashing';
import type { ReleaseService } from './releases';
import type { Access } from './people';

export const FOUR_EYES_KEY = 'review.fourEyes';

/** Statuses a sign-off counts as reviewed. */
const REVIEWED: ReadonlySet<PostStatus> = new Set(['approved', 'exported', 'published']);
const CONTENT_KINDS = ['post.create', 'post.update', 'post.move', 'post.submit'];

const bad = (message: string, path = 'status'): ServiceError => new ServiceError('validation', message, [{ path, message }]);

export function createReviewService(deps: {
  repos: Repositories;
  posts: PostService;
  workspace: WorkspaceService;
  access: Access;
  audit: AuditService;
  compliance: ComplianceService;
  releases: ReleaseService;
}) {
  const { repos, posts, access, audit, compliance, releases } = deps;

  const fourEyes = (): boolean => repos.settings.get(FOUR_EYES_KEY) !== 'false';

  /** Overrides recorded for this exact content (an edit makes them lapse). */
  const overridesFor = (postId: string, contentHash: string): Map<string, AuditEntry> => {
    const map = new Map<string, AuditEntry>();
    for (const entry of repos.audit.forSubject(postId)) {
      if (entry.kind === 'compliance.override' && entry.body.contentHash === contentHash) map.set(`${entry.body.channelId}|${entry.body.ruleId}`, entry);
    }
    return map;
  };

  /** What reviewing reads besides the post, read once for any number of posts. */
  const readReviewContext = () => {
    let recorded: ReturnType<ReleaseService['all']> | null = null;
    return {
      channels: new Map(repos.channels.list().map((c) => [c.id, c])),
      categories: new Map(repos.categories.list().map((c) => [c.id, c])),
      settings: compliance.settings(),
      releases: () => (recorded ??= releases.all()),
    };
  };
  type ReviewContext = ReturnType<typeof readReviewContext>;

  const review = (post: Post, context: ReviewContext = readReviewContext()): PostReview => {
    const { channels, categories } = context;
    const contentHash = postContentHash(post);
    const overrides = overridesFor(post.id, contentHash);
    const found = checkPostCompliance(post, channels, categories, context.settings).flatMap(({ channelId, findings }) =>
      findings.map((finding): ReviewedFinding => {
        const entry = overrides.get(`${channelId}|${finding.ruleId}`);
        return { ...finding, channelId, override: entry ? { by: entry.actorName, at: entry.at, reason: String(entry.body.reason) } : null };
      }),
    );
    const channelName = (id: string | null) => (id ? (channels.get(id)?.name ?? 'a removed channel') : 'the post');
    const submitBlockers = [
      ...(post.channelIds.length === 0 ? ['Choose at least one channel.'] : []),
      // each issue already names its channel
      ...post.issues.filter((i) => i.severity === 'error').map((i) => i.message),
      // accessibility: every image is described before anyone reviews it
      ...post.images.flatMap((image, index) => (image.alt.trim() === '' ? [`Image ${index + 1} has no alt text: describe it for people who use screen readers.`] : [])),
    ];
    const recorded = post.images.some((i) => i.people?.length) ? context.releases() : new Map();
    const releaseBlockers = post.images.flatMap((image, index) =>
      (image.people ?? []).flatMap((person) => {
        const release = recorded.get(personKey(person));
        if (!release) return [`Image ${index + 1} shows ${person}: no likeness release is recorded for them.`];
        if (!release.given) return [`Image ${index + 1} shows ${person}, who did not give a likeness release (recorded by ${release.recordedBy}).`];
        return [];
      }),
    );
    const blockers = [
      ...submitBlockers,
      ...releaseBlockers,
      ...found
        .filter((f) => f.severity === 'blocking' && !f.override)
        .map((f) => `${channelName(f.channelId)}: ${f.message} (${f.citation}; at "${f.span.text}")`),
    ];
    return { postId: post.id, status: post.status, contentHash, issues: post.issues, compliance: found, blockers, submitBlockers };
  };

  /**
   * Errors (network rules, a date that does not exist, no channel) stop a post at submission;
   * blocking compliance findings stop it at approval, where an approver can fix the wording with
   * the planner or override the finding with a written reason.
   */
  const requireBlockersCleared = (post: Post, action: 'submitted' | 'approved'): PostReview => {
    const result = review(post);
    const blockers = action === 'submitted' ? result.submitBlockers : result.blockers;
    if (blockers.length > 0) {
      throw bad(`"${post.title}" cannot be ${action} yet. Fix first: ${blockers.join(' ')}`, 'blockers');
    }
    return result;
  };

  /** Read under the write lock, check the revision the caller read, change the status and record why. */
  const transition = (
    id: string,
    revision: number,
    step: (post: Post) => { status: PostStatus; kind: string; body?: Record<string, unknown> },
  ): Post =>
    repos.transaction(() => {
      const post = posts.get(id);
      checkRevision(post, revision, `Post "${post.title}"`);
      const { status, kind, body } = step(post);
      const [stored] = posts.storeAll([{ ...post, status, updatedAt: new Date().toISOString() }], { audit: false });
      const hash = postContentHash(stored);
      audit.record({ kind, subjectType: 'post', subjectId: id, beforeHash: hash, afterHash: hash, body: { title: post.title, from: post.status, to: status, ...body } });
      return stored;
    });

  const expectStatus = (post: Post, allowed: readonly PostStatus[], action: string): void => {
    if (!allowed.includes(post.status)) {
      throw bad(`"${post.title}" is ${STATUS_LABELS[post.status].toLowerCase()}: only a post that is ${allowed.map((s) => STATUS_LABELS[s].toLowerCase()).join(' or ')} can be ${action}.`);
    }
  };

  /** Who shaped this content since it was last approved (four-eyes: none of them may approve it). */
  const contentAuthors = (postId: string): Set<string> => {
    const entries = repos.audit.forSubject(postId);
    let since = 0;
    entries.forEach((e, i) => {
      if (e.kind === 'post.approve') since = i + 1;
    });
    return new Set(entries.slice(since).filter((e) => CONTENT_KINDS.includes(e.kind) && e.actorId).map((e) => e.actorId!));
  };

  const postsInRange = (from: string, to: string): Post[] => {
    const zone = deps.workspace.timezone();
    const start = zonedDayStartUtc(from, zone);
    const end = zonedDayStartUtc(addDaysLocal(to, 1), zone);
    return posts.list({ from: start, to: end }).filter((p) => p.status !== 'archived' && p.scheduledAt && p.scheduledAt < end);
  };

  const signoffFrom = (entry: AuditEntry): Signoff => {
    const recorded = entry.body.posts as Signoff['posts'][number][];
    const from = String(entry.body.from);
    const to = String(entry.body.to);
    const now = new Map(postsInRange(from, to).map((p) => [p.id, p]));
    const changes: SignoffChange[] = [];
    for (const old of recorded) {
      const current = now.get(old.id);
      if (!current) changes.push({ postId: old.id, title: old.title, change: 'removed' });
      else if (current.scheduledAt !== old.scheduledAt) changes.push({ postId: old.id, title: current.title, change: 'moved' });
      else if (postContentHash(current) !== old.hash) changes.push({ postId: old.id, title: current.title, change: 'edited' });
    }
    const recordedIds = new Set(recorded.map((p) => p.id));
    for (const post of now.values()) if (!recordedIds.has(post.id)) changes.push({ postId: post.id, title: post.title, change: 'added' });
    return { id: entry.id, label: String(entry.body.label), from, to, by: entry.actorName, at: entry.at, posts: recorded, stale: changes.length > 0, changes };
  };

  return {
    fourEyes,
    setFourEyes(on: boolean): boolean {
      return repos.transaction(() => {
        access.require('admin', 'change the review settings');
        repos.settings.set(FOUR_EYES_KEY, on ? 'true' : 'false');
        audit.record({ kind: 'settings.review', subjectType: 'settings', subjectId: null, body: { fourEyes: on } });
        return on;
      });
    },

    review: (id: string): PostReview => review(posts.get(id)),
    /** Reviews of many posts (a month's packet, a range check), reading channels, rules and releases once. */
    reviewMany(list: readonly Post[]): Map<string, PostReview> {
      const context = readReviewContext();
      return new Map(list.map((post) => [post.id, review(post, context)]));
    },
    /** Scheduled posts of a range of local dates (archived ones left out), as sign-offs and the packet count them. */
    postsInRange,

    submit(id: string, revision: number): Post {
      access.require('planner', 'submit posts for review', { policy: true });
      return transition(id, revision, (post) => {
        expectStatus(post, ['draft', 'changes_requested'], 'submitted');
        const { contentHash } = requireBlockersCleared(post, 'submitted');
        return { status: 'in_review', kind: 'post.submit', body: { contentHash } };
      });
    },

    approve(id: string, revision: number): Post {
      const me = access.require('approver', 'approve posts', { policy: true });
      return transition(id, revision, (post) => {
        expectStatus(post, ['in_review'], 'approved');
        if (fourEyes() && contentAuthors(id).has(me.id)) {
          throw new ServiceError('forbidden', `${me.name} wrote or submitted "${post.title}": four-eyes review is on, so someone else must approve it.`);
        }
        const result = requireBlockersCleared(post, 'approved');
        const overridden = result.compliance.filter((f) => f.override).map((f) => ({ ruleId: f.ruleId, channelId: f.channelId, reason: f.override!.reason }));
        return { status: 'approved', kind: 'post.approve', body: { contentHash: result.contentHash, overridden, warnings: result.compliance.filter((f) => f.severity === 'warning').map((f) => f.ruleId) } };
      });
    },

    requestChanges(id: string, revision: number, comment: string): Post {
      access.require('approver', 'request changes', { policy: true });
      if (comment.trim().length === 0) throw bad('comment: say what needs to change', 'comment');
      return transition(id, revision, (post) => {
        expectStatus(post, ['in_review', 'approved'], 'sent back with changes requested');
        return { status: 'changes_requested', kind: 'post.request_changes', body: { comment: comment.trim(), contentHash: postContentHash(post) } };
      });
    },

    publish(id: string, revision: number, url?: string | null): Post {
      access.require('planner', 'mark posts published');
      return transition(id, revision, (post) => {
        expectStatus(post, ['approved', 'exported'], 'marked published');
        return { status: 'published', kind: 'post.publish', body: { url: url ?? null, contentHash: postContentHash(post) } };
      });
    },

    archive(id: string, revision: number): Post {
      access.require('planner', 'archive posts');
      return transition(id, revision, (post) => {
        if (post.status === 'archived') throw bad(`"${post.title}" is already archived.`);
        return { status: 'archived', kind: 'post.archive' };
      });
    },

    reopen(id: string, revision: number): Post {
      access.require('planner', 'reopen posts', { policy: true });
      return transition(id, revision, (post) => {
        expectStatus(post, ['archived', 'changes_requested', 'in_review'], 'reopened as a draft');
        return { status: 'draft', kind: 'post.reopen' };
      });
    },

    comment(postId: string, text: string, replyTo: string | null = null): AuditEntry {
      const me = access.require(['planner', 'approver', 'contributor', 'admin'], 'comment');
      if (text.trim().length === 0) throw bad('text: a comment needs words', 'text');
      return repos.transaction(() => {
        const post = posts.get(postId);
        if (replyTo && !repos.audit.forSubject(postId).some((e) => e.id === replyTo && (e.kind === 'post.comment' || e.kind === 'post.request_changes'))) {
          throw notFound('Comment', replyTo);
        }
        return audit.record({ kind: 'post.comment', subjectType: 'post', subjectId: post.id, body: { title: post.title, text: text.trim(), replyTo } }, me);
      });
    },

    override(input: { postId: string; revision: number; ruleId: string; channelId: string; reason: string }): PostReview {
      const me = access.require('approver', 'override compliance findings', { policy: true });
      if (input.reason.trim().length < MIN_OVERRIDE_REASON) throw bad(`reason: write why this finding does not apply (at least ${MIN_OVERRIDE_REASON} characters)`, 'reason');
      return repos.transaction(() => {
        const post = posts.get(input.postId);
        checkRevision(post, input.revision, `Post "${post.title}"`);
        const current = review(post);
        const finding = current.compliance.find((f) => f.ruleId === input.ruleId && f.channelId === input.channelId);
        if (!finding) throw bad(`ruleId: "${input.ruleId}" finds nothing in this post on that channel now`, 'ruleId');
        if (finding.severity !== 'blocking') throw bad(`ruleId: "${input.ruleId}" is a warning; only blocking findings need an override`, 'ruleId');
        audit.record(
          {
            kind: 'compliance.override',
            subjectType: 'post',
            subjectId: post.id,
            beforeHash: current.contentHash,
            afterHash: current.contentHash,
            body: { title: post.title, ruleId: input.ruleId, channelId: input.channelId, citation: finding.citation, message: finding.message, reason: input.reason.trim(), contentHash: current.contentHash },
          },
          me,
        );
        return review(post);
      });
    },

    /** Comments and decisions on a post, oldest first. */
    history: (postId: string): AuditEntry[] => repos.audit.forSubject(postId),

    signoff(input: { from: string; to: string; label: string }): Signoff {
      access.require('approver', 'sign off the calendar', { policy: true });
      return repos.transaction(() => {
        const inRange = postsInRange(input.from, input.to);
        const pending = inRange.filter((p) => !REVIEWED.has(p.status));
        if (inRange.length === 0) throw bad(`${input.label} has no scheduled posts to sign off.`, 'from');
        if (pending.length > 0) {
          const names = pending.slice(0, 5).map((p) => `"${p.title}" (${STATUS_LABELS[p.status].toLowerCase()})`).join(', ');
          throw bad(`${pending.length} of ${inRange.length} posts in ${input.label} are not approved yet: ${names}${pending.length > 5 ? ', …' : ''}.`, 'from');
        }
        const recorded: Signoff['posts'][number][] = inRange.map((p) => ({ id: p.id, title: p.title, scheduledAt: p.scheduledAt, hash: postContentHash(p) }));
        const entry = audit.record({ kind: 'signoff.create', subjectType: 'range', subjectId: `${input.from}..${input.to}`, body: { label: input.label, from: input.from, to: input.to, posts: recorded } });
        return signoffFrom(entry);
      });
    },

    /** Sign-offs overlapping the range (all of them without one), newest first, each fresh or stale with what changed. */
    signoffs(range: { from?: string; to?: string } = {}): Signoff[] {
      return repos.audit
        .query({ kinds: ['signoff.create'], limit: 200 })
        .filter((e) => (!range.to || String(e.body.from) <= range.to) && (!range.from || String(e.body.to) >= range.from))
        .map(signoffFrom);
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
