// Mix report: how the scheduled and published posts of a date range compare with the target shares.
import type { MixCategoryRow, MixPeriodRow, MixReport, MixReportRequest, MixSignal } from './schemas';
import { LocalCalendar, dateOfDayNumber, dayNumberOfDate } from './localCalendar';

const DAY_MS = 86_400_000;
/** Wider than any UTC offset: posts outside this margin cannot fall inside the local range. */
const OFFSET_MARGIN_MS = 15 * 3_600_000;
/** Sort key = ms × KEY_BASE + category slot: a numeric typed-array sort instead of a comparator sort. */
const KEY_BASE = 1024; // > MAX_MIX_CATEGORIES + 1 (schemas.ts)
const UNCATEGORIZED = -1;

/** Within ±1 post of the target counts as on target. */
export const mixSignal = (deviation: number): MixSignal => (deviation > 1 ? 'over' : deviation < -1 ? 'under' : 'on_target');

/** One rule everywhere: on target = within one publication of the target count; else how far off. */
export const signalText = (signal: MixSignal, deviation: number): string =>
  signal === 'on_target' ? 'On target' : `${Math.abs(deviation).toFixed(1)} ${signal === 'over' ? 'over' : 'under'}`;

/** "92 publications of 30 posts" (a post on three channels is three publications), or "30 posts". */
export const countedText = (report: Pick<MixReport, 'total' | 'posts'>): string =>
  report.total === report.posts ? `${report.total} posts` : `${report.total} publications of ${report.posts} posts`;

/** The self-promotion line, by the same rule as the categories (within one of the limit = on target). */
export function promotionText(report: Pick<MixReport, 'total' | 'promotionalShare'>): string {
  const { count, share, targetShare, signal } = report.promotionalShare;
  const limit = report.total * targetShare;
  const head = `${count} of ${report.total} are product posts (${(share * 100).toFixed(0)}%); the limit is ${(targetShare * 100).toFixed(0)}% (${limit.toFixed(1)}).`;
  if (signal === 'over') return `${head} That is ${(count - limit).toFixed(1)} over: people tune out feeds that only sell, so swap one for a story.`;
  if (signal === 'on_target') return `${head} Within one of the limit: ${count > limit ? 'one more would be too many' : 'fine'}.`;
  return `${head} Well under the limit.`;
}


export const mixReport = (request: MixReportRequest): MixReport => {
  const { categories, timezone } = request;
  const categoryCount = categories.length;
  const categoryIndex = new Map(categories.map((category, index) => [category.id, index]));
  const fromDay = dayNumberOfDate(request.from);
  const toDay = dayNumberOfDate(request.to);
  const calendar = new LocalCalendar(timezone, fromDay * DAY_MS, (toDay + 1) * DAY_MS);
  const channelId = request.channelId ?? null;

  // Periods in order, each covering a run of days clipped to the range.
  const periodKeys: string[] = [];
  const periodStart: number[] = [];
  const periodEnd: number[] = [];
  const periodOfDay = new Int32Array(toDay - fromDay + 1);
  for (let day = fromDay; day <= toDay; day++) {
    const local = calendar.dayOf(day);
    const key = request.granularity === 'week' ? local.isoWeek : local.month;
    if (periodKeys.length === 0 || periodKeys[periodKeys.length - 1] !== key) {
      periodKeys.push(key);
      periodStart.push(day);
      periodEnd.push(day);
    } else periodEnd[periodEnd.length - 1] = day;
    periodOfDay[day - fromDay] = periodKeys.length - 1;
  }
  const periodCounts = new Int32Array(periodKeys.length * (categoryCount + 1));
  const periodTotals = new Int32Array(periodKeys.length);

  const planned = new Int32Array(categoryCount + 1);
  const published = new Int32Array(categoryCount + 1);
  const lowMs = fromDay * DAY_MS - OFFSET_MARGIN_MS;
  const highMs = (toDay + 1) * DAY_MS + OFFSET_MARGIN_MS;
  // Without a channel filter every publication counts: a post on three channels is three posts of
  // its category, exactly as the planner balances it (one pinned slot per channel).
  const publicationsOf = (post: MixReportRequest['posts'][number]): number =>
    channelId !== null || post.channelIds.length <= 1 ? 1 : new Set(post.channelIds).size;
  let keys = new Float64Array(request.posts.length);
  let counted = 0;
  let countedPosts = 0;
  for (const post of request.posts) {
    if (post.status === 'archived') continue;
    if (channelId !== null && !post.channelIds.includes(channelId)) continue;
    const ms = Date.parse(post.scheduledAt);
    if (ms < lowMs || ms > highMs) continue;
    const day = calendar.dayNumber(ms);
    if (day < fromDay || day > toDay) continue;
    const index = post.categoryId === null ? UNCATEGORIZED : (categoryIndex.get(post.categoryId) ?? UNCATEGORIZED);
    const slot = index + 1; // 0 = uncategorized
    const weight = publicationsOf(post);
    countedPosts++;
    if (post.status === 'published') published[slot] += weight;
    else planned[slot] += weight;
    const period = periodOfDay[day - fromDay];
    periodCounts[period * (categoryCount + 1) + slot] += weight;
    periodTotals[period] += weight;
    if (counted + weight > keys.length) {
      const grown = new Float64Array(Math.max(2 * keys.length, counted + weight));
      grown.set(keys);
      keys = grown;
    }
    for (let copy = 0; copy < weight; copy++) keys[counted++] = ms * KEY_BASE + slot;
  }

  const total = counted;
  const categoryRows: MixCategoryRow[] = categories.map((category, index) => {
    const count = planned[index + 1] + published[index + 1];
    const targetCount = total * category.targetShare;
    const deviation = count - targetCount;
    return {
      categoryId: category.id,
      name: category.name,
      isPromotional: category.isPromotional,
      planned: planned[index + 1],
      published: published[index + 1],
      count,
      targetCount,
      targetPercent: category.targetShare * 100,
      percent: total === 0 ? 0 : (count / total) * 100,
      deviation,
      signal: mixSignal(deviation),
    };
  });

  const periods: MixPeriodRow[] = periodKeys.map((key, period) => {
    const periodTotal = periodTotals[period];
    return {
      key,
      start: dateOfDayNumber(periodStart[period]),
      end: dateOfDayNumber(periodEnd[period]),
      total: periodTotal,
      categories: categories.map((category, index) => {
        const count = periodCounts[period * (categoryCount + 1) + index + 1];
        const targetCount = periodTotal * category.targetShare;
        return { categoryId: category.id, count, targetCount, deviation: count - targetCount, signal: mixSignal(count - targetCount) };
      }),
    };
  });

  // Rolling window over the posts in time order.
  const ordered = keys.subarray(0, counted).sort();
  const size = Math.min(request.windowSize, total);
  let worstDeviation = 0;
  let worstCategory: string | null = null;
  let worstStart: string | null = null;
  if (size > 0) {
    const slotOf = (key: number): number => key - Math.floor(key / KEY_BASE) * KEY_BASE;
    const windowCounts = new Float64Array(categoryCount + 1);
    for (let k = 0; k < ordered.length; k++) {
      windowCounts[slotOf(ordered[k])]++;
      if (k >= size) windowCounts[slotOf(ordered[k - size])]--;
      if (k < size - 1) continue;
      for (let index = 0; index < categoryCount; index++) {
        const deviation = Math.abs(windowCounts[index + 1] - size * categories[index].targetShare);
        if (deviation > worstDeviation + 1e-12) {
          worstDeviation = deviation;
          worstCategory = categories[index].id;
          worstStart = new Date(Math.floor(ordered[k - size + 1] / KEY_BASE)).toISOString();
        }
      }
    }
  }

  let promotionalCount = 0;
  let promotionalTarget = 0;
  categories.forEach((category, index) => {
    if (!category.isPromotional) return;
    promotionalCount += planned[index + 1] + published[index + 1];
    promotionalTarget += category.targetShare;
  });

  return {
    from: request.from,
    to: request.to,
    channelId,
    timezone,
    granularity: request.granularity,
    total,
    posts: countedPosts,
    planned: planned.reduce((sum, value) => sum + value, 0),
    published: published.reduce((sum, value) => sum + value, 0),
    uncategorized: planned[0] + published[0],
    categories: categoryRows,
    periods,
    rollingWindow: { size, maxDeviation: worstDeviation, categoryId: worstCategory, windowStart: worstStart },
    promotionalShare: {
      count: promotionalCount,
      share: total === 0 ? 0 : promotionalCount / total,
      targetShare: promotionalTarget,
      signal: mixSignal(promotionalCount - total * promotionalTarget),
    },
  };
};
