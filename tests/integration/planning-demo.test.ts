// A year planned on the demo workspace: the mix panel (mix report, month granularity) shows every
// month within ±1 post of target. The demo seeds scheduled posts relative to "today", so the test
// fixes that day (the figures would otherwise move with the calendar); the first month is full of
// pinned posts, and an independent dynamic programme checks the pins leave room to be on target.
import { channelTime } from '../../src/shared/posts';
import { TZDate } from '@date-fns/tz';
import { addMonths, endOfMonth, format, startOfMonth } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../src/shared/api/contract';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { bestAggregateExcess, feasibleCountsAt } from '../unit/planning/helpers';

const EPS = 1e-9;

type DemoWorkspace = ReturnType<typeof tempWorkspace>;

/** The day the demo is seeded as of. */
const TODAY = new Date('2026-11-24T15:00:00Z');

const monthRange = (zone: string, firstOffset: number, months: number): { from: string; to: string } => {
  const thisMonth = startOfMonth(new TZDate(TODAY.getTime(), zone));
  return {
    from: format(addMonths(thisMonth, firstOffset), 'yyyy-MM-dd'),
    to: format(endOfMonth(addMonths(thisMonth, firstOffset + months - 1)), 'yyyy-MM-dd'),
  };
};

describe('planning a year on the demo workspace', () => {
  let ws: DemoWorkspace;
  let zone: string;
  let range: { from: string; to: string };
  let preview: PlanPreview;

  beforeAll(() => {
    ws = tempWorkspace({ demo: true, demoToday: TODAY });
    zone = ws.services.workspace.timezone();
    range = monthRange(zone, 1, 12);
    preview = ws.services.planning.preview(range);
  });
  afterAll(() => ws.cleanup());

  it('plans without breaking a rule, and channels without pins stay within Tijdeman’s bound', () => {
    expect(preview.result.violations).toEqual([]);
    const channels = preview.result.metrics.channels;
    expect(channels.length).toBe(ws.services.repos.channels.list().length);
    for (const channel of channels) {
      if (channel.pinned === 0) expect(channel.maxPrefixDeviation).toBeLessThanOrEqual(channel.tijdemanBound + EPS);
      if (channel.optimalPrefixDeviation !== null) expect(channel.maxPrefixDeviation).toBeCloseTo(channel.optimalPrefixDeviation, 9);
    }
  });

  it('a later stretch without any scheduled post keeps every channel within Tijdeman’s bound', () => {
    // The demo's posts end about a month after next month starts: months 4-9 hold none.
    const later = ws.services.planning.preview(monthRange(zone, 4, 6));
    expect(later.result.violations).toEqual([]);
    for (const channel of later.result.metrics.channels) {
      expect(channel.pinned).toBe(0);
      expect(channel.maxPrefixDeviation).toBeLessThanOrEqual(channel.tijdemanBound + EPS);
      expect(channel.maxPrefixDeviation).toBeGreaterThanOrEqual(channel.lowerBound - EPS);
    }
    // No ±1-per-month claim here: with every channel at B* = 1 − largest share and no pins, an
    // exact search over all channels shows some ranges admit no plan with every month within ±1.
  });

  it('after apply the mix panel shows every month within ±1 post, the first one (full of pins) included', () => {
    const categories = ws.services.repos.categories.list().filter((category) => category.targetShare > 0);
    const shareSum = categories.reduce((sum, category) => sum + category.targetShare, 0);
    const shares = categories.map((category) => category.targetShare / shareSum);
    const categoryIndex = new Map(categories.map((category, index) => [category.id, index]));
    const fromMs = new TZDate(`${range.from}T00:00:00`, zone).getTime();
    const toMs = endOfMonth(new TZDate(`${range.to}T00:00:00`, zone)).getTime();
    const monthOf = (ms: number): string => format(new TZDate(ms, zone), 'yyyy-MM');
    const firstMonth = range.from.slice(0, 7);

    // Positions of every channel: the preview's open slots plus the posts already scheduled (pins).
    const scheduled = ws.services.repos.posts
      .list({})
      .filter((post) => post.scheduledAt && post.status !== 'archived' && post.categoryId && categoryIndex.has(post.categoryId))
      .filter((post) => Date.parse(post.scheduledAt!) >= fromMs && Date.parse(post.scheduledAt!) <= toMs);
    const feasiblePerChannel = preview.result.metrics.channels.map((metrics) => {
      const positions = [
        ...preview.rows.filter((row) => row.channelId === metrics.channelId).map((row) => ({ ms: Date.parse(row.start), pin: -1 })),
        ...scheduled
          .filter((post) => post.channelIds.includes(metrics.channelId))
          .map((post) => ({ ms: Date.parse(post.scheduledAt!), pin: categoryIndex.get(post.categoryId!)! })),
      ].sort((a, b) => a.ms - b.ms);
      expect(positions.filter((position) => position.pin >= 0).length).toBe(metrics.pinned);
      const firstMonthLength = positions.filter((position) => monthOf(position.ms) === firstMonth).length;
      return feasibleCountsAt(shares, positions.map((position) => position.pin), metrics.maxPrefixDeviation, firstMonthLength);
    });
    const bestFirstMonth = bestAggregateExcess(feasiblePerChannel, shares);

    const applied = ws.services.planning.apply(range);
    // one post per piece; every planned slot is on one of them, on its channel at the slot's own time
    expect(applied.created + applied.scheduled).toBe(preview.result.pieces.length);
    expect(preview.result.pieces.length).toBeLessThan(preview.rows.length * 0.6);
    const publications = new Set(
      ws.services.posts.list({}).flatMap((post) => post.channelIds.map((channelId) => `${channelId}@${channelTime(post, channelId)}`)),
    );
    expect(preview.rows.filter((row) => row.categoryId && !publications.has(`${row.channelId}@${row.start}`))).toEqual([]);
    const mix = ws.services.planning.mix({ ...range, granularity: 'month' });
    expect(mix.periods).toHaveLength(12);
    // The report counts publications (a post on three channels counts three times), as the planner does.
    expect(mix.total).toBe(preview.result.metrics.overall.posts);
    expect(mix.periods.map((period) => period.total)).toEqual(preview.result.metrics.periods.map((period) => period.posts));

    const table = mix.periods.map((period) => `${period.key} ${period.categories.map((row) => `${row.count}/${row.targetCount.toFixed(1)}`).join(' ')}`);
    // The pins leave room for an on-target first month, and the plan finds it; so do the other eleven.
    expect(bestFirstMonth).toBe(0);
    for (const period of mix.periods) {
      expect(period.categories.map((row) => row.signal), table.join('\n')).toEqual(period.categories.map(() => 'on_target'));
    }
  });
});

describe('undo after apply', () => {
  it('gives back the exact database (each restored row one revision on, so stale copies stay stale)', () => {
    const ws = tempWorkspace({ demo: true, demoToday: TODAY });
    try {
      const range = monthRange(ws.services.workspace.timezone(), 1, 12);
      const before = dbFingerprint(ws.db, ['revision'], { exceptAudit: true });
      const applied = ws.services.planning.apply(range);
      expect(applied.created).toBeGreaterThan(500);
      expect(dbFingerprint(ws.db, ['revision'], { exceptAudit: true })).not.toBe(before);
      expect(ws.services.planning.undo(applied.batchId)).toEqual({ undone: true });
      expect(dbFingerprint(ws.db, ['revision'], { exceptAudit: true })).toBe(before);
    } finally {
      ws.cleanup();
    }
  });
});
