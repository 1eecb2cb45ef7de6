import { describe, expect, it } from 'vitest';
import { countedText, MixReport, mixReport, parseMixReportRequest, promotionText, signalText } from '../../../src/shared/planning';
import type { MixReportRequestInput } from '../../../src/shared/planning';

const categories = [
  { id: 'story', name: 'Employee highlights', targetShare: 0.5, isPromotional: false },
  { id: 'product', name: 'Product', targetShare: 0.25, isPromotional: true },
  { id: 'question', name: 'Question', targetShare: 0.25, isPromotional: false },
];

type Post = MixReportRequestInput['posts'][number];
let counter = 0;
const post = (categoryId: string | null, scheduledAt: string, status: Post['status'] = 'approved', channelIds = ['li']): Post => ({
  id: `p${counter++}`,
  categoryId,
  channelIds,
  scheduledAt,
  status,
});

// Week 2027-W09 runs Mon 1 March – Sun 7 March; Amsterdam is UTC+1 then.
const posts: Post[] = [
  post('story', '2027-03-01T08:00:00.000Z', 'published'),
  post('story', '2027-03-02T08:00:00.000Z'),
  post('product', '2027-03-03T08:00:00.000Z'),
  post('product', '2027-03-04T08:00:00.000Z', 'draft'),
  post('question', '2027-03-05T08:00:00.000Z', 'archived'),
  // Sunday 23:30 UTC = Monday 00:30 in Amsterdam: week 10, not week 9.
  post('product', '2027-03-07T23:30:00.000Z'),
  post('story', '2027-03-09T08:00:00.000Z', 'published', ['fb']),
  post('question', '2027-03-10T08:00:00.000Z'),
  post(null, '2027-03-11T08:00:00.000Z'),
  // Outside the range (31 March 23:30 UTC is 1 April in Amsterdam, after `to`).
  post('story', '2027-03-31T23:30:00.000Z'),
  post('story', '2027-02-27T08:00:00.000Z'),
];

const request = (overrides: Partial<MixReportRequestInput> = {}): MixReportRequestInput => ({
  categories,
  posts,
  from: '2027-03-01',
  to: '2027-03-31',
  timezone: 'Europe/Amsterdam',
  granularity: 'week',
  windowSize: 4,
  ...overrides,
});

const report = (overrides: Partial<MixReportRequestInput> = {}) => mixReport(parseMixReportRequest(request(overrides)));

describe('mixReport', () => {
  it('counts planned and published posts per category against the targets', () => {
    const result = report();
    expect(MixReport.safeParse(result).success).toBe(true);
    // Counted: 8 posts (archived and out-of-range excluded), one of them uncategorized.
    expect(result.total).toBe(8);
    expect(result.published).toBe(2);
    expect(result.planned).toBe(6);
    expect(result.uncategorized).toBe(1);
    const byId = Object.fromEntries(result.categories.map((row) => [row.categoryId, row]));
    expect(byId.story).toMatchObject({ planned: 1, published: 2, count: 3, targetCount: 4, deviation: -1, signal: 'on_target' });
    expect(byId.product).toMatchObject({ planned: 3, published: 0, count: 3, targetCount: 2, signal: 'on_target' });
    expect(byId.question).toMatchObject({ count: 1, targetCount: 2, signal: 'on_target' });
    expect(byId.product.percent).toBeCloseTo(37.5, 9);
    expect(byId.product.targetPercent).toBeCloseTo(25, 9);
  });

  it('flags over and under beyond ±1 post', () => {
    const extra = Array.from({ length: 4 }, (_, k) => post('product', `2027-03-2${k}T08:00:00.000Z`));
    const result = mixReport(parseMixReportRequest(request({ posts: [...posts, ...extra] })));
    const byId = Object.fromEntries(result.categories.map((row) => [row.categoryId, row]));
    // 12 posts: product 7 vs 3 target → over; story 3 vs 6 → under.
    expect(byId.product.signal).toBe('over');
    expect(byId.story.signal).toBe('under');
  });

  it('splits into ISO weeks of the time zone', () => {
    const result = report();
    expect(result.periods.map((period) => period.key)).toEqual(['2027-W09', '2027-W10', '2027-W11', '2027-W12', '2027-W13']);
    expect(result.periods[0]).toMatchObject({ start: '2027-03-01', end: '2027-03-07', total: 4 });
    expect(result.periods[1].total).toBe(4);
    const week10Product = result.periods[1].categories.find((row) => row.categoryId === 'product');
    expect(week10Product).toMatchObject({ count: 1, targetCount: 1 });
    expect(result.periods[4]).toMatchObject({ start: '2027-03-29', end: '2027-03-31', total: 0 });
  });

  it('splits into months', () => {
    const result = report({ from: '2027-02-15', granularity: 'month' });
    expect(result.periods.map((period) => [period.key, period.start, period.end, period.total])).toEqual([
      ['2027-02', '2027-02-15', '2027-02-28', 1],
      ['2027-03', '2027-03-01', '2027-03-31', 8],
    ]);
  });

  it('calls out the promotional share', () => {
    const result = report();
    expect(result.promotionalShare).toMatchObject({ count: 3, targetShare: 0.25 });
    expect(result.promotionalShare.share).toBeCloseTo(3 / 8, 12);
  });

  it('filters by channel', () => {
    const result = report({ channelId: 'fb' });
    expect(result.total).toBe(1);
    expect(result.categories.find((row) => row.categoryId === 'story')?.published).toBe(1);
  });

  it('counts a post on several channels once per channel, as the planner balances it', () => {
    const shared = [
      post('product', '2027-03-15T08:00:00.000Z', 'approved', ['li', 'fb', 'ig']),
      post('story', '2027-03-16T08:00:00.000Z', 'published', ['li', 'fb']),
      post('question', '2027-03-17T08:00:00.000Z', 'approved', ['li', 'li']),
    ];
    const all = report({ posts: shared, granularity: 'month' });
    // 3 + 2 publications; a duplicated channel id counts once.
    expect(all.total).toBe(6);
    const byId = Object.fromEntries(all.categories.map((row) => [row.categoryId, row]));
    expect(byId.product).toMatchObject({ planned: 3, count: 3, targetCount: 1.5 });
    expect(byId.story).toMatchObject({ published: 2, count: 2, targetCount: 3 });
    expect(all.periods[0]).toMatchObject({ key: '2027-03', total: 6 });
    expect(all.promotionalShare).toMatchObject({ count: 3, share: 0.5 });
    // The rolling window runs over publications: [product ×3, story] → product 3 vs 1.
    expect(all.rollingWindow.maxDeviation).toBeCloseTo(2, 12);
    // With a channel filter each post counts once on that channel.
    const linkedIn = report({ posts: shared, channelId: 'li' });
    expect(linkedIn.total).toBe(3);
    expect(report({ posts: shared, channelId: 'ig' }).total).toBe(1);
  });

  it('computes the rolling-window deviation over posts in time order', () => {
    // Posts in order: story story product product product story question (uncategorized).
    // Window 4, worst: [story story product product] or [story product product product]: product 3 vs 1 → 2.
    const result = report();
    expect(result.rollingWindow.size).toBe(4);
    expect(result.rollingWindow.maxDeviation).toBeCloseTo(2, 12);
    expect(result.rollingWindow.categoryId).toBe('product');
    expect(result.rollingWindow.windowStart).toBe('2027-03-02T08:00:00.000Z');
  });

  it('names the bad field of a malformed request', () => {
    expect(() => parseMixReportRequest({ ...request(), granularity: 'day' })).toThrow(/granularity/);
    expect(() => parseMixReportRequest({ ...request(), posts: [{ ...posts[0], scheduledAt: 'soon' }] })).toThrow(/posts\[0\]\.scheduledAt/);
  });
});

describe('one rule for on target, over and under, in words', () => {
  it('counts publications and the posts behind them', () => {
    const report = mixReport(parseMixReportRequest(request({ posts: [post('story', '2027-03-02T08:00:00.000Z', 'approved', ['li', 'fb', 'ig']), post('product', '2027-03-03T08:00:00.000Z')] })));
    expect(report.total).toBe(4);
    expect(report.posts).toBe(2);
    expect(countedText(report)).toBe('4 publications of 2 posts');
    expect(countedText({ total: 3, posts: 3 })).toBe('3 posts');
  });

  it('the badge text and the promotion line never contradict the signal', () => {
    expect(signalText('on_target', 0.6)).toBe('On target');
    expect(signalText('over', 1.4)).toBe('1.4 over');
    expect(signalText('under', -2)).toBe('2.0 under');
    const share = (count: number, total: number, signal: 'over' | 'under' | 'on_target') => ({
      total,
      promotionalShare: { count, share: count / total, targetShare: 0.15, signal },
    });
    // 3 of 18 is 17% against 15%: within one post, so at the limit, not "fine" and not green
    expect(promotionText(share(3, 18, 'on_target'))).toBe('3 of 18 are product posts (17%); the limit is 15% (2.7). Within one of the limit: one more would be too many.');
    expect(promotionText(share(6, 18, 'over'))).toMatch(/That is 3\.3 over: people tune out/);
    expect(promotionText(share(0, 18, 'under'))).toMatch(/Well under the limit\.$/);
  });
});
