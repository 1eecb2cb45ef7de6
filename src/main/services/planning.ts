// Bridges the workspace and the pure balance engine: builds a PlanRequest from channels,
// posting slots, scheduled posts (pins) and the backlog, and applies a plan in one transaction.
import { closedDates, expandPostingSlots, federalReserveHolidaysBetween } from '../../shared/calendar-rules';
import type { PlanPreview, PlanScope } from '../../shared/api/contract';
import type { Post } from '../../shared/domain/schemas';
import type { Idea } from '../../shared/domain/ideas';
import {
  autofill,
  mixReport,
  parseMixReportRequest,
  parsePlanRequest,
  type MixReport,
  type PlanRequestInput,
  type PlanResult,
} from '../../shared/planning';
import { channelTime } from '../../shared/posts';
import { addDaysLocal, formatInZone, zonedDayStartUtc } from '../../shared/time';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from './errors';
import { reportProgress } from './progress';
import type { PostService } from './posts';
import type { WorkspaceService } from './workspace';

const IDEA_PREFIX = 'idea:';

interface SlotInfo {
  start: string;
  channelId: string;
}
const POST_PREFIX = 'post:';

/** One post for a piece's slots (earliest first): on each slot's channel, at that slot's own time. */
function placementOf(slots: readonly SlotInfo[]): Pick<Post, 'scheduledAt' | 'channelIds' | 'channelOffsets'> {
  const scheduledAt = slots[0].start;
  const minutesAfter = (slot: SlotInfo) => (Date.parse(slot.start) - Date.parse(scheduledAt)) / 60_000;
  return {
    scheduledAt,
    channelIds: slots.map((slot) => slot.channelId),
    channelOffsets: Object.fromEntries(slots.filter((slot) => slot.start !== scheduledAt).map((slot) => [slot.channelId, minutesAfter(slot)])),
  };
}

export function createPlanningService(repos: Repositories, workspace: WorkspaceService, posts: PostService, access: Access) {

  const buildRequest = (scope: PlanScope): { request: PlanRequestInput; slotInfo: Map<string, SlotInfo> } => {
    const zone = workspace.timezone();
    if (scope.to < scope.from) {
      throw new ServiceError('validation', 'to: the range ends before it starts', [{ path: 'to', message: 'the range ends before it starts' }]);
    }
    const categories = repos.categories.list().filter((c) => c.targetShare > 0);
    if (categories.length === 0) throw new ServiceError('conflict', 'Set target shares for your categories before planning.');
    const channels = repos.channels.list().filter((c) => !scope.channelId || c.id === scope.channelId);
    if (scope.channelId && channels.length === 0) {
      throw new ServiceError('validation', `channelId: channel ${scope.channelId} does not exist`, [{ path: 'channelId', message: 'no such channel' }]);
    }
    // Closed days are hard constraints: no slot on a blackout date or a Fed holiday.
    const closed = closedDates(scope.from, scope.to, federalReserveHolidaysBetween(scope.from, scope.to), repos.blackouts.list());
    const categoryIds = new Set(categories.map((c) => c.id));
    const scheduled = repos.posts.list({
      from: zonedDayStartUtc(scope.from, zone),
      to: zonedDayStartUtc(addDaysLocal(scope.to, 1), zone),
    }).filter((p) => p.status !== 'archived');

    const slots: PlanRequestInput['slots'] = [];
    const pinned: PlanRequestInput['pinned'] = [];
    const slotInfo = new Map<string, SlotInfo>();
    for (const channel of channels) {
      const byStart = new Map<string, string>();
      for (const slot of expandPostingSlots({ channelId: channel.id, slots: channel.slots, timezone: channel.timezone ?? zone, from: scope.from, to: scope.to })) {
        if (!slot.start || closed.has(slot.date)) continue;
        byStart.set(slot.start, slot.id);
        slots.push({ id: slot.id, channelId: channel.id, start: slot.start });
        slotInfo.set(slot.id, { start: slot.start, channelId: channel.id });
      }
      // Anything already scheduled is pinned: on its slot, or on a slot of its own.
      for (const post of scheduled) {
        if (!post.channelIds.includes(channel.id) || !post.categoryId || !categoryIds.has(post.categoryId)) continue;
        const at = channelTime(post, channel.id)!;
        let slotId = byStart.get(at);
        if (!slotId) {
          slotId = `${POST_PREFIX}${post.id}:${channel.id}`;
          slots.push({ id: slotId, channelId: channel.id, start: at });
          slotInfo.set(slotId, { start: at, channelId: channel.id });
        } else byStart.delete(at);
        if (!pinned.some((p) => p.slotId === slotId)) pinned.push({ slotId, categoryId: post.categoryId });
      }
    }

    const backlog: PlanRequestInput['backlog'] = [];
    for (const post of repos.posts.list({ unscheduled: true, statuses: ['draft'] })) {
      if (post.categoryId && categoryIds.has(post.categoryId) && !post.placeholder) {
        backlog.push({ id: `${POST_PREFIX}${post.id}`, categoryId: post.categoryId, title: post.title, channelIds: post.channelIds });
      }
    }
    for (const idea of repos.ideas.list(['accepted'])) {
      if (idea.categoryId && categoryIds.has(idea.categoryId)) {
        backlog.push({
          id: `${IDEA_PREFIX}${idea.id}`,
          categoryId: idea.categoryId,
          title: idea.title,
          ...(idea.earliest ? { earliest: idea.earliest } : {}),
          ...(idea.latest ? { latest: idea.latest } : {}),
        });
      }
    }

    // The engine wants shares of the categories in play (those above 0%) to sum to 1.
    const shareSum = categories.reduce((sum, c) => sum + c.targetShare, 0);
    return {
      slotInfo,
      request: {
        timezone: zone,
        categories: categories.map((c) => ({
          id: c.id,
          name: c.name,
          targetShare: c.targetShare / shareSum,
          ...(c.minGapSlots !== null ? { minGapSlots: c.minGapSlots } : {}),
          ...(c.maxPerWeek !== null ? { maxPerWeek: c.maxPerWeek } : {}),
          noConsecutive: c.noConsecutive,
        })),
        slots,
        pinned,
        backlog,
        channels: channels.map((c) => ({ id: c.id, name: c.name })),
        options: { placeholders: scope.placeholders ?? true },
      },
    };
  };

  const plan = (scope: PlanScope): { result: PlanResult; slotInfo: Map<string, SlotInfo> } => {
    reportProgress('reading the calendar', 0, 1);
    const { request, slotInfo } = buildRequest(scope);
    return { result: autofill(parsePlanRequest(request), (phase, done, total) => reportProgress(phase, done, total)), slotInfo };
  };

  return {
    /** Runs the engine on an explicit request (CLI `plan --request`). */
    planRequest: (json: unknown): PlanResult => autofill(parsePlanRequest(json)),

    preview(scope: PlanScope): PlanPreview {
      const { result: raw, slotInfo } = plan(scope);
      // The engine names slots by id; people read "Riverside on X, Tue, Mar 2, 9:30 AM" (the app's
      // own date style, as in the plan's table beside these messages).
      const zone = workspace.timezone();
      const channelNames = new Map(repos.channels.list().map((c) => [c.id, c.name]));
      // a message that names the channel already gets the time alone
      const label = (slotId: string, text: string): string => {
        const { start, channelId } = slotInfo.get(slotId)!;
        const when = formatInZone(start, zone, 'EEE, MMM d, h:mm a');
        const channel = channelNames.get(channelId) ?? '';
        return channel && !text.includes(channel) ? `${channel}, ${when}` : when;
      };
      // Messages may name any slot (a conflict names both posts), so every known slot id is looked for.
      const slotIds = [...slotInfo.keys()];
      const humanize = (message: string): string =>
        slotIds.reduce((text, id) => (text.includes(id) ? text.split(id).join(label(id, text)) : text), message);
      const humanizeCauses = <T extends { excessCauses: Array<{ message: string }> }>(m: T): T => ({
        ...m,
        excessCauses: m.excessCauses.map((c) => ({ ...c, message: humanize(c.message) })),
      });
      const result = {
        ...raw,
        metrics: { ...raw.metrics, overall: humanizeCauses(raw.metrics.overall), channels: raw.metrics.channels.map(humanizeCauses) },
        violations: raw.violations.map((v) => ({ ...v, message: humanize(v.message) })),
        pinConflicts: raw.pinConflicts.map((v) => ({ ...v, message: humanize(v.message) })),
      };
      const posts = new Map(repos.posts.list({ unscheduled: true }).map((p) => [p.id, p.title]));
      const ideas = new Map(repos.ideas.list().map((i) => [i.id, i.title]));
      return {
        result,
        rows: result.assignments.map((a) => ({
          ...a,
          start: slotInfo.get(a.slotId)?.start ?? '',
          itemTitle: a.itemId
            ? (a.itemId.startsWith(IDEA_PREFIX) ? ideas.get(a.itemId.slice(IDEA_PREFIX.length)) : posts.get(a.itemId.slice(POST_PREFIX.length))) ?? null
            : null,
        })),
      };
    },

    /** Applies the plan in one transaction; returns a batch id that `undo` takes back. */
    apply(scope: PlanScope): { batchId: string; scheduled: number; created: number; fromIdeas: number; placeholders: number } {
      access.require('planner', 'apply plans', { policy: true });
      const { result, slotInfo } = plan(scope);
      if (result.violations.length) {
        throw new ServiceError('conflict', `The plan breaks ${result.violations.length} rule(s): ${result.violations[0].message}`);
      }
      const zone = workspace.timezone();
      const categories = new Map(repos.categories.list().map((c) => [c.id, c]));
      const now = nowIso();
      const batchId = newId();
      const created: Post[] = [];
      const scheduled: Post[] = [];
      const ideasBefore: Idea[] = [];
      const scheduledBefore: Post[] = [];
      const reasons = new Map(result.assignments.map((a) => [a.slotId, a.reason]));
      for (const piece of result.pieces) {
        const slots = piece.slotIds.map((id) => slotInfo.get(id)).filter((slot): slot is SlotInfo => slot !== undefined);
        if (slots.length === 0) continue;
        const placement = { ...placementOf(slots), updatedAt: now };
        if (piece.itemId?.startsWith(POST_PREFIX)) {
          const before = repos.posts.get(piece.itemId.slice(POST_PREFIX.length));
          if (!before) continue;
          scheduledBefore.push(before);
          scheduled.push({ ...before, ...placement });
          continue;
        }
        const idea = piece.itemId?.startsWith(IDEA_PREFIX) ? repos.ideas.get(piece.itemId.slice(IDEA_PREFIX.length)) : null;
        const category = categories.get(piece.categoryId);
        const reason = reasons.get(piece.slotIds[0]) ?? '';
        created.push({
          id: newId(),
          title: idea ? idea.title : `${category?.name ?? 'Post'}: to be written`,
          baseText: idea?.story ?? '',
          channelTexts: {},
          categoryId: piece.categoryId,
          timezone: zone,
          images: idea ? idea.photos.map((photo) => ({ src: photo.src, alt: photo.alt, ...(idea.featured.length ? { people: idea.featured.map((f) => f.name) } : {}) })) : [],
          link: null,
          notes: idea ? `From ${idea.submittedBy || 'staff'}${idea.branch ? ` (${idea.branch})` : ''}: story idea.` : `Planned: ${reason}`,
          status: 'draft',
          placeholder: !idea,
          seriesId: null,
          ideaId: idea?.id ?? null,
          issues: [],
          revision: 1,
          createdAt: now,
          ...placement,
        });
        if (idea) ideasBefore.push(idea);
      }
      // Everything the plan read must be as it was: an edit made while it ran is never overwritten.
      repos.transaction(() => {
        for (const idea of ideasBefore) {
          const current = repos.ideas.get(idea.id);
          if (!current) throw notFound('Idea', idea.id);
          // the idea becomes scheduled with its post (posts.storeAll)
          checkRevision(current, idea.revision, `Idea "${idea.title}"`);
        }
        const stored = posts.storeUnchanged(scheduled, { body: { planBatchId: batchId } });
        posts.storeAll(created, { body: { planBatchId: batchId } });
        repos.planBatches.insert(
          batchId,
          {
            created: created.map((p) => p.id),
            scheduled: scheduledBefore.map((before, i) => ({ before, revisionAfter: stored[i].revision })),
            ideas: ideasBefore,
          },
          now,
        );
      });
      return { batchId, scheduled: scheduled.length, created: created.length, fromIdeas: ideasBefore.length, placeholders: created.length - ideasBefore.length };
    },

    /** Takes an applied plan back, unless what it scheduled was edited since (then nothing changes). */
    undo(batchId: string): { undone: boolean } {
      access.require('planner', 'undo plans', { policy: true });
      repos.transaction(() => {
        const applied = repos.planBatches.get(batchId);
        if (!applied) throw new ServiceError('not_found', `Plan ${batchId} cannot be undone: it was already undone or never applied.`);
        for (const id of applied.created) {
          const current = repos.posts.get(id);
          // created at revision 1: a later revision means someone has written it since
          if (current) checkRevision(current, 1, `Post "${current.title}"`);
          if (current) posts.removeRecorded(current, { planBatchId: batchId, undo: true });
        }
        for (const { before, revisionAfter } of applied.scheduled) {
          const current = repos.posts.get(before.id);
          if (current) checkRevision(current, revisionAfter, `Post "${current.title}"`);
        }
        posts.storeAll(applied.scheduled.map((s) => s.before), { body: { planBatchId: batchId, undo: true } });
        for (const idea of applied.ideas) repos.ideas.save(idea);
        repos.planBatches.delete(batchId);
      });
      return { undone: true };
    },

    mix(scope: { from: string; to: string; channelId?: string; granularity?: 'week' | 'month'; windowSize?: number }): MixReport {
      const zone = workspace.timezone();
      const list = repos.posts.list({ from: zonedDayStartUtc(scope.from, zone), to: zonedDayStartUtc(addDaysLocal(scope.to, 1), zone) });
      return mixReport(
        parseMixReportRequest({
          categories: repos.categories.list().map((c) => ({ id: c.id, name: c.name, targetShare: c.targetShare, isPromotional: c.isPromotional })),
          posts: list.map((p) => ({ id: p.id, categoryId: p.categoryId, channelIds: p.channelIds, scheduledAt: p.scheduledAt, status: p.status })),
          from: scope.from,
          to: scope.to,
          ...(scope.channelId ? { channelId: scope.channelId } : {}),
          timezone: zone,
          granularity: scope.granularity ?? 'month',
          ...(scope.windowSize ? { windowSize: scope.windowSize } : {}),
        }),
      );
    },
  };
}
export type PlanningService = ReturnType<typeof createPlanningService>;
