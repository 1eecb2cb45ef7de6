import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autofill, parsePlanRequest } from '../../../src/shared/planning';
import type { PlanRequestInput } from '../../../src/shared/planning';
import { DAY_MS, categoryId, exhaustiveOptimum, maxPrefixDeviation, periodExcess } from './helpers';

const EPS = 1e-9;

interface Instance {
  weights: number[];
  /** Per channel: first day offset from 2027-01-01 and number of daily slots. */
  channels: Array<{ startDay: number; days: number }>;
  /** [channel, slot index, category] */
  pins: Array<[number, number, number]>;
}

const slotId = (channel: number, slot: number): string => `c${channel}-s${slot}`;
const startOf = (channel: number, day: number): string => new Date(Date.UTC(2027, 0, 1) + day * DAY_MS + (9 + channel) * 3_600_000).toISOString();

const requestOf = (instance: Instance, balancePeriod: 'month' | 'week' | 'none'): PlanRequestInput => {
  const total = instance.weights.reduce((sum, weight) => sum + weight, 0);
  return {
    timezone: 'UTC',
    categories: instance.weights.map((weight, index) => ({ id: categoryId(index), name: `Category ${index}`, targetShare: weight / total })),
    slots: instance.channels.flatMap((channel, c) =>
      Array.from({ length: channel.days }, (_, k) => ({ id: slotId(c, k), channelId: `ch${c}`, start: startOf(c, channel.startDay + k) })),
    ),
    pinned: instance.pins.map(([channel, slot, category]) => ({ slotId: slotId(channel, slot), categoryId: categoryId(category) })),
    options: { balancePeriod },
  };
};

/** Per channel, the category of every slot in time order (pins included), read back from the result. */
const channelSequences = (instance: Instance, request: PlanRequestInput, result: ReturnType<typeof autofill>): number[][] => {
  const chosen = new Map<string, number>();
  for (const pin of request.pinned ?? []) chosen.set(pin.slotId, Number(pin.categoryId.slice(4)));
  for (const assignment of result.assignments) chosen.set(assignment.slotId, Number(assignment.categoryId!.slice(4)));
  return instance.channels.map((channel, c) => Array.from({ length: channel.days }, (_, k) => chosen.get(slotId(c, k))!));
};

/** Category counts per calendar month (UTC) over all channels. */
const monthCounts = (instance: Instance, sequences: number[][]): Map<string, number[]> => {
  const months = new Map<string, number[]>();
  sequences.forEach((sequence, c) =>
    sequence.forEach((category, k) => {
      const month = startOf(c, instance.channels[c].startDay + k).slice(0, 7);
      if (!months.has(month)) months.set(month, instance.weights.map(() => 0));
      months.get(month)![category]++;
    }),
  );
  return months;
};

const plan = (instance: Instance, balancePeriod: 'month' | 'week' | 'none') => {
  const request = requestOf(instance, balancePeriod);
  const result = autofill(parsePlanRequest(request));
  const sequences = channelSequences(instance, request, result);
  const shares = request.categories.map((category) => category.targetShare);
  const excess = [...monthCounts(instance, sequences).values()].reduce((sum, counts) => sum + periodExcess(counts, shares), 0);
  return { request, result, sequences, shares, excess };
};

const instanceArbitrary: fc.Arbitrary<Instance> = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 }),
    fc.array(fc.record({ startDay: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: 5, max: 60 }) }), { minLength: 2, maxLength: 3 }),
  )
  .chain(([weights, channels]) =>
    fc.record({
      weights: fc.constant(weights),
      channels: fc.constant(channels),
      pins: fc.uniqueArray(
        fc.integer({ min: 0, max: channels.length - 1 }).chain((channel) =>
          fc.tuple(fc.constant(channel), fc.integer({ min: 0, max: channels[channel].days - 1 }), fc.integer({ min: 0, max: weights.length - 1 })),
        ),
        { selector: ([channel, slot]) => `${channel}:${slot}`, maxLength: 4 },
      ),
    }),
  );

describe('coordinating channels per month', () => {
  // Three identical channels, 50/50, one slot a day through January and February. Every channel at
  // B* = 0.5 holds exactly one of each category per pair of slots; January's 31st slot opens a pair,
  // so identical channels all put 16 of one category in January: 48 vs 46.5, 1.5 off.
  const identical: Instance = { weights: [1, 1], channels: [0, 1, 2].map(() => ({ startDay: 0, days: 59 })), pins: [] };

  it('independent channels drift 1.5 posts off in January', () => {
    const { result } = plan(identical, 'none');
    const january = result.metrics.periods.find((period) => period.key === '2027-01')!;
    expect(january.posts).toBe(93);
    expect(january.maxDeviation).toBeCloseTo(1.5, 9);
  });

  it('coordinated channels keep every month within one post and every channel at B* = 0.5', () => {
    const { result, sequences, shares } = plan(identical, 'month');
    for (const sequence of sequences) expect(maxPrefixDeviation(sequence, shares)).toBeCloseTo(0.5, 9);
    for (const channel of result.metrics.channels) expect(channel.maxPrefixDeviation).toBeCloseTo(0.5, 9);
    expect(result.metrics.periods.map((period) => period.key)).toEqual(['2027-01', '2027-02']);
    for (const period of result.metrics.periods) expect(period.maxDeviation).toBeLessThanOrEqual(1);
    const counts = monthCounts(identical, sequences);
    expect(counts.get('2027-01')!.reduce((a, b) => a + b)).toBe(93);
    for (const month of counts.values()) expect(periodExcess(month, shares)).toBe(0);
    // A slot the coordination changed says so.
    expect(result.assignments.some((assignment) => assignment.reason.includes('monthly mix of all channels'))).toBe(true);
  });

  it('weeks can be the period instead', () => {
    const { result } = plan(identical, 'week');
    expect(result.metrics.periods[0].key).toBe('2026-W53');
    expect(result.metrics.periods.every((period) => /^\d{4}-W\d{2}$/.test(period.key))).toBe(true);
    for (const period of result.metrics.periods) expect(period.maxDeviation).toBeLessThanOrEqual(1);
  });

  it('property: every channel keeps its exact B*, pins stay, and the monthly excess never grows', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const coordinated = plan(instance, 'month');
        const independent = plan(instance, 'none');
        expect(coordinated.result.violations).toEqual([]);
        coordinated.sequences.forEach((sequence, c) => {
          const pins = new Map(instance.pins.filter(([channel]) => channel === c).map(([, slot, category]) => [slot, category]));
          for (const [slot, category] of pins) expect(sequence[slot]).toBe(category);
          const optimum = exhaustiveOptimum(coordinated.shares, sequence.length, pins);
          expect(maxPrefixDeviation(sequence, coordinated.shares)).toBeCloseTo(optimum, 9);
          expect(coordinated.result.metrics.channels[c].optimalPrefixDeviation).toBeCloseTo(optimum, 9);
        });
        expect(coordinated.excess).toBeLessThanOrEqual(independent.excess + EPS);
        // The planner's own period metrics agree with the counts read back from the assignments.
        const counted = monthCounts(instance, coordinated.sequences);
        for (const period of coordinated.result.metrics.periods) {
          expect(period.categories.map((row) => row.planned)).toEqual(counted.get(period.key));
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('pieces of content: the same category on the same day across channels is one post', () => {
  const piecesOf = (instance: Instance, balancePeriod: 'month' | 'none') => plan(instance, balancePeriod);

  it('three identical channels line up: one piece a day instead of three', () => {
    // 28 days of 50/50: no month drifts, so nothing stops the channels from matching every day
    const identical: Instance = { weights: [1, 1], channels: [0, 1, 2].map(() => ({ startDay: 0, days: 28 })), pins: [] };
    const { result } = piecesOf(identical, 'month');
    expect(result.assignments).toHaveLength(3 * 28);
    expect(result.pieces).toHaveLength(28);
    expect(result.piecesToWrite).toBe(28);
    for (const piece of result.pieces) expect(piece.slotIds.map((id) => id.split('-')[0]).sort()).toEqual(['c0', 'c1', 'c2']);
  });

  it('property: pieces split the planned slots by day and category, never two slots of one channel', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const aligned = piecesOf(instance, 'month');
        const byId = new Map(aligned.result.assignments.map((a) => [a.slotId, a]));
        const slotsOfRequest = new Map(aligned.request.slots.map((slot) => [slot.id, slot]));
        const seen = aligned.result.pieces.flatMap((piece) => piece.slotIds);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(aligned.result.assignments.filter((a) => a.categoryId !== null).length);
        for (const piece of aligned.result.pieces) {
          const assignments = piece.slotIds.map((id) => byId.get(id)!);
          expect(new Set(assignments.map((a) => a.categoryId))).toEqual(new Set([piece.categoryId]));
          expect(new Set(assignments.map((a) => a.channelId)).size).toBe(assignments.length);
          expect(new Set(piece.slotIds.map((id) => slotsOfRequest.get(id)!.start.slice(0, 10)))).toEqual(new Set([piece.date]));
        }
      }),
      { numRuns: 80 },
    );
  });
});
