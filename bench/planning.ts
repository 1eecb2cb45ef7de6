// Planning benchmarks: autofill over a year of slots on five channels, and the mix report over 50k posts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { autofill, mixReport, parseMixReportRequest, parsePlanRequest } from '../src/shared/planning';
import type { MixReportRequestInput, PlanRequestInput } from '../src/shared/planning';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

/** Deterministic pseudo-random numbers so every run measures the same instance. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** Milestone 1's aims: a year planned in-process, planning against parsing its request, the mix report. */
const BUDGETS = { planYearMs: 300, planParseRatio: 5, mix50kMs: 50 };
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2027, 0, 4);
const CATEGORIES = [
  { id: 'employee', name: 'Employee highlights', targetShare: 0.3 },
  { id: 'question', name: 'Question', targetShare: 0.25 },
  { id: 'community', name: 'Community', targetShare: 0.2, maxPerWeek: 4 },
  { id: 'product', name: 'Product', targetShare: 0.15, noConsecutive: true },
  { id: 'education', name: 'Education', targetShare: 0.1, minGapSlots: 2 },
];
const CHANNELS = ['linkedin', 'facebook', 'instagram', 'x', 'google'];

export const yearRequest = (): PlanRequestInput => {
  const random = seeded(42);
  const slots = CHANNELS.flatMap((channelId) =>
    Array.from({ length: 730 }, (_, k) => ({
      id: `${channelId}-${k}`,
      channelId,
      start: new Date(START_MS + Math.floor(k / 2) * DAY_MS + (k % 2 === 0 ? 9 : 15) * 3_600_000 - 3_600_000).toISOString(),
    })),
  );
  const pinnedSlots = new Set<string>();
  while (pinnedSlots.size < 200) pinnedSlots.add(slots[Math.floor(random() * slots.length)].id);
  const pinned = [...pinnedSlots].map((slotId) => ({ slotId, categoryId: CATEGORIES[Math.floor(random() * CATEGORIES.length)].id }));
  const backlog = Array.from({ length: 10_000 }, (_, index) => {
    const earliestDay = Math.floor(random() * 365);
    const latestDay = earliestDay + 7 + Math.floor(random() * 120);
    const date = (day: number) => new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
    return {
      id: `item-${index}`,
      title: `Story ${index}`,
      categoryId: CATEGORIES[Math.floor(random() * CATEGORIES.length)].id,
      earliest: date(earliestDay),
      latest: random() < 0.2 ? null : date(latestDay),
      channelIds: random() < 0.5 ? [] : [CHANNELS[Math.floor(random() * CHANNELS.length)]],
    };
  });
  return {
    timezone: 'Europe/Amsterdam',
    categories: CATEGORIES,
    slots,
    pinned,
    backlog,
    channels: CHANNELS.map((id) => ({ id, name: id })),
    options: { placeholders: true, windowSize: 10 },
  };
};

const mixRequest = (): MixReportRequestInput => {
  const random = seeded(7);
  const statuses = ['draft', 'approved', 'published', 'published', 'archived', 'in_review'] as const;
  return {
    categories: CATEGORIES.map((category) => ({ ...category, isPromotional: category.id === 'product' })),
    posts: Array.from({ length: 50_000 }, (_, index) => ({
      id: `post-${index}`,
      categoryId: random() < 0.02 ? null : CATEGORIES[Math.floor(random() * CATEGORIES.length)].id,
      channelIds: [CHANNELS[Math.floor(random() * CHANNELS.length)]],
      scheduledAt: new Date(START_MS + Math.floor(random() * 365 * 24) * 3_600_000).toISOString(),
      status: statuses[Math.floor(random() * statuses.length)],
    })),
    from: '2027-01-04',
    to: '2028-01-02',
    timezone: 'Europe/Amsterdam',
    granularity: 'week',
    windowSize: 10,
  };
};

/** Median of `runs` timings after one warm-up. */
export const median = (runs: number, body: () => void): number => {
  body();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    body();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
};

export async function run(report: Report): Promise<void> {
  const json: unknown = JSON.parse(JSON.stringify(yearRequest()));
  // Warm both paths the same way first, so the ratio compares steady-state code, not JIT warm-up.
  for (let i = 0; i < 3; i++) autofill(parsePlanRequest(json));
  const parseMs = median(21, () => parsePlanRequest(json));
  const parsed = parsePlanRequest(json);
  const planMs = median(21, () => autofill(parsed));
  report('plan_year_5ch_ms', planMs, 'ms');
  report('plan_parse_ms', parseMs, 'ms');
  report('plan_parse_ratio', planMs / parseMs, 'x');
  warnOverBudget('plan_year_5ch_ms', planMs, BUDGETS.planYearMs);
  warnOverBudget('plan_parse_ratio', planMs / parseMs, BUDGETS.planParseRatio, 'x');

  // The same request through the CLI (`storybank plan --request FILE`): process start included.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storybank-bench-'));
  const file = path.join(dir, 'year-request.json');
  fs.writeFileSync(file, JSON.stringify(json));
  const bin = path.join(__dirname, '..', 'bin', 'storybank.js');
  report(
    'plan_year_cli_ms',
    median(3, () => {
      const result = spawnSync(process.execPath, [bin, 'plan', '--request', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (result.status !== 0) throw new Error(`storybank plan --request failed: ${result.stderr}`);
    }),
    'ms',
  );
  fs.rmSync(dir, { recursive: true, force: true });

  const mix = parseMixReportRequest(JSON.parse(JSON.stringify(mixRequest())));
  const mixMs = median(9, () => mixReport(mix));
  report('mix_report_50k_ms', mixMs, 'ms');
  warnOverBudget('mix_report_50k_ms', mixMs, BUDGETS.mix50kMs);
}

// Allow `npx tsx bench/planning.ts` on its own.
if (process.argv[1]?.endsWith('planning.ts')) {
  void run((name, value, unit) => console.log(`bench ${name} ${value.toFixed(2)} ${unit}`));
}
