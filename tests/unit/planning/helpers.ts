// Test helpers: request builders and independent oracles (exhaustive search) for the planner.
import type { PlanRequestInput, PlanResult } from '../../../src/shared/planning';

export const DAY_MS = 86_400_000;
/** Monday 2027-01-04 00:00 UTC: slot weeks in UTC start on a Monday. */
export const MONDAY_MS = Date.UTC(2027, 0, 4);

export interface CategorySpec {
  share: number;
  minGapSlots?: number;
  maxPerWeek?: number;
  noConsecutive?: boolean;
}

/** Slots of one channel `ch-<channel>`, `perDay` a day from MONDAY at 09:00, 10:00, ... UTC. */
export const slotTimes = (count: number, perDay: number): string[] =>
  Array.from({ length: count }, (_, k) => new Date(MONDAY_MS + Math.floor(k / perDay) * DAY_MS + (9 + (k % perDay)) * 3_600_000).toISOString());

export const categoryId = (index: number): string => `cat-${index}`;

export const buildRequest = (
  specs: CategorySpec[],
  slotCount: number,
  options: { perDay?: number; pins?: Array<[number, number]>; channel?: string; timezone?: string } = {},
): PlanRequestInput => {
  const total = specs.reduce((sum, spec) => sum + spec.share, 0);
  const channel = options.channel ?? 'ch-1';
  return {
    timezone: options.timezone ?? 'UTC',
    categories: specs.map((spec, index) => ({
      id: categoryId(index),
      name: `Category ${index}`,
      targetShare: spec.share / total,
      minGapSlots: spec.minGapSlots,
      maxPerWeek: spec.maxPerWeek,
      noConsecutive: spec.noConsecutive,
    })),
    slots: slotTimes(slotCount, options.perDay ?? 1).map((start, k) => ({ id: `s${k}`, channelId: channel, start })),
    pinned: (options.pins ?? []).map(([slot, category]) => ({ slotId: `s${slot}`, categoryId: categoryId(category) })),
  };
};

/** Category index per slot position (time order = index order in buildRequest), pins included. */
export const sequenceOf = (request: PlanRequestInput, result: PlanResult): number[] => {
  const byId = new Map<string, number>();
  request.categories.forEach((category, index) => byId.set(category.id, index));
  const chosen = new Map<string, number>();
  for (const pin of request.pinned ?? []) chosen.set(pin.slotId, byId.get(pin.categoryId)!);
  for (const assignment of result.assignments) {
    if (assignment.categoryId !== null) chosen.set(assignment.slotId, byId.get(assignment.categoryId)!);
  }
  return request.slots.map((slot) => chosen.get(slot.id) ?? -1);
};

/** max_{i,k} |x_ik − k·r_i| computed from scratch. */
export const maxPrefixDeviation = (sequence: number[], shares: number[]): number => {
  const counts = shares.map(() => 0);
  let worst = 0;
  sequence.forEach((category, k) => {
    counts[category]++;
    shares.forEach((share, i) => {
      worst = Math.max(worst, Math.abs(counts[i] - (k + 1) * share));
    });
  });
  return worst;
};

/** Exact B* by dynamic programming over count vectors (pins forced, no rules). */
export const exhaustiveOptimum = (shares: number[], slotCount: number, pins: Map<number, number>): number => {
  let states = new Map<string, { counts: number[]; worst: number }>([['', { counts: shares.map(() => 0), worst: 0 }]]);
  for (let k = 1; k <= slotCount; k++) {
    const next = new Map<string, { counts: number[]; worst: number }>();
    const choices = pins.has(k - 1) ? [pins.get(k - 1)!] : shares.map((_, i) => i);
    for (const state of states.values()) {
      for (const choice of choices) {
        const counts = [...state.counts];
        counts[choice]++;
        let worst = state.worst;
        counts.forEach((count, i) => {
          worst = Math.max(worst, Math.abs(count - k * shares[i]));
        });
        const key = counts.join(',');
        const existing = next.get(key);
        if (!existing || worst < existing.worst) next.set(key, { counts, worst });
      }
    }
    states = next;
  }
  return Math.min(...[...states.values()].map((state) => state.worst));
};

/** Indices of rule breaks in a full sequence; `week[k]` is the week of position k. */
export const ruleBreaks = (sequence: number[], specs: CategorySpec[], week: number[]): number => {
  let breaks = 0;
  const last = specs.map(() => -1);
  const perWeek = new Map<string, number>();
  sequence.forEach((category, k) => {
    const spec = specs[category];
    const gap = Math.max(spec.minGapSlots ?? 0, spec.noConsecutive ? 1 : 0);
    if (last[category] >= 0 && k - last[category] - 1 < gap) breaks++;
    last[category] = k;
    const key = `${category}:${week[k]}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
    if (spec.maxPerWeek !== undefined && perWeek.get(key)! > spec.maxPerWeek) breaks++;
  });
  return breaks;
};

/** Every completion of the free slots (brute force): the best B among rule-abiding ones, or null. */
export const exhaustiveWithRules = (
  specs: CategorySpec[],
  shares: number[],
  slotCount: number,
  pins: Map<number, number>,
  week: number[],
): number | null => {
  let best: number | null = null;
  const sequence: number[] = new Array(slotCount).fill(0);
  const visit = (k: number): void => {
    if (k === slotCount) {
      if (ruleBreaks(sequence, specs, week) === 0) {
        const deviation = maxPrefixDeviation(sequence, shares);
        if (best === null || deviation < best) best = deviation;
      }
      return;
    }
    const choices = pins.has(k) ? [pins.get(k)!] : shares.map((_, i) => i);
    for (const choice of choices) {
      sequence[k] = choice;
      visit(k + 1);
    }
  };
  visit(0);
  return best;
};

/**
 * Independent oracle for one channel (dynamic programming over count vectors, rules ignored): every
 * count vector the first `length` positions can hold in some full sequence whose prefix deviations
 * all stay within `bound`. `pins[k]` is the pinned category of position k or −1.
 */
export const feasibleCountsAt = (shares: number[], pins: number[], bound: number, length: number): number[][] => {
  const total = pins.length;
  const inBand = (counts: number[], k: number): boolean => counts.every((count, i) => Math.abs(count - k * shares[i]) <= bound + 1e-9);
  const layers: Array<Map<string, number[]>> = [new Map([[shares.map(() => 0).join(','), shares.map(() => 0)]])];
  for (let k = 1; k <= total; k++) {
    const next = new Map<string, number[]>();
    const choices = pins[k - 1] >= 0 ? [pins[k - 1]] : shares.map((_, i) => i);
    for (const counts of layers[k - 1].values()) {
      for (const choice of choices) {
        const grown = [...counts];
        grown[choice]++;
        if (inBand(grown, k)) next.set(grown.join(','), grown);
      }
    }
    layers.push(next);
  }
  // Backwards: keep only states from which the rest of the sequence can still be completed.
  let alive = new Set(layers[total].keys());
  for (let k = total - 1; k >= length; k--) {
    const keep = new Set<string>();
    const choices = pins[k] >= 0 ? [pins[k]] : shares.map((_, i) => i);
    for (const [key, counts] of layers[k]) {
      const completes = choices.some((choice) => {
        const grown = [...counts];
        grown[choice]++;
        return alive.has(grown.join(','));
      });
      if (completes) keep.add(key);
    }
    alive = keep;
  }
  return [...alive].map((key) => key.split(',').map(Number));
};

/** Excess of a period's counts over the ±1 band: Σ_i max(0, |count_i − share_i·posts| − 1). */
export const periodExcess = (counts: number[], shares: number[]): number => {
  const posts = counts.reduce((sum, count) => sum + count, 0);
  return counts.reduce((sum, count, i) => sum + Math.max(0, Math.abs(count - shares[i] * posts) - 1), 0);
};

/** Smallest period excess over one feasible count vector per channel (0 = on target is possible). */
export const bestAggregateExcess = (perChannel: number[][][], shares: number[]): number => {
  let sums = new Map<string, number[]>([[shares.map(() => 0).join(','), shares.map(() => 0)]]);
  for (const options of perChannel) {
    const next = new Map<string, number[]>();
    for (const partial of sums.values()) {
      for (const option of options) {
        const sum = partial.map((value, i) => value + option[i]);
        next.set(sum.join(','), sum);
      }
    }
    sums = next;
  }
  let best = Infinity;
  for (const sum of sums.values()) best = Math.min(best, periodExcess(sum, shares));
  return best;
};
