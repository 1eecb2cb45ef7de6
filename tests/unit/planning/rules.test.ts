import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autofill, parsePlanRequest } from '../../../src/shared/planning';
import type { CategorySpec } from './helpers';
import { buildRequest, exhaustiveWithRules, maxPrefixDeviation, ruleBreaks, sequenceOf } from './helpers';

const EPS = 1e-9;

const run = (specs: CategorySpec[], slots: number, pins: Array<[number, number]> = [], perDay = 1) => {
  const request = buildRequest(specs, slots, { pins, perDay });
  const result = autofill(parsePlanRequest(request));
  return { request, result, sequence: sequenceOf(request, result), shares: request.categories.map((c) => c.targetShare) };
};

describe('category rules', () => {
  it('noConsecutive: never two in a row even when the share asks for it', () => {
    // A 60% category with noConsecutive: the unconstrained optimum would put it side by side.
    const { sequence, result } = run([{ share: 3, noConsecutive: true }, { share: 2 }], 10);
    for (let k = 1; k < sequence.length; k++) expect(sequence[k] === 0 && sequence[k - 1] === 0).toBe(false);
    expect(result.violations).toEqual([]);
  });

  it('minGapSlots: at least that many other slots between two posts of the category', () => {
    const { sequence, result } = run([{ share: 1, minGapSlots: 3 }, { share: 1 }, { share: 1 }, { share: 1 }], 16);
    const positions = sequence.flatMap((category, k) => (category === 0 ? [k] : []));
    expect(positions.length).toBeGreaterThan(2);
    for (let j = 1; j < positions.length; j++) expect(positions[j] - positions[j - 1] - 1).toBeGreaterThanOrEqual(3);
    expect(result.violations).toEqual([]);
  });

  it('maxPerWeek: counts ISO weeks of the request time zone', () => {
    // Slots: Sat 10:00, Sat 15:00, Sun 22:00 (New York) = Mon 03:00 UTC, Mon 15:00 New York.
    const starts = ['2027-01-09T15:00:00Z', '2027-01-09T20:00:00Z', '2027-01-11T03:00:00Z', '2027-01-11T20:00:00Z'];
    const build = (timezone: string) => ({
      timezone,
      categories: [
        { id: 'a', name: 'A', targetShare: 0.5, maxPerWeek: 1 },
        { id: 'b', name: 'B', targetShare: 0.5 },
      ],
      slots: starts.map((start, k) => ({ id: `s${k}`, channelId: 'ch', start })),
      pinned: [
        { slotId: 's0', categoryId: 'a' },
        { slotId: 's1', categoryId: 'b' },
        { slotId: 's3', categoryId: 'b' },
      ],
    });
    const newYork = autofill(parsePlanRequest(build('America/New_York')));
    // Sunday 22:00 in New York is still the week of Saturday's A post: A is not allowed.
    expect(newYork.assignments[0]).toMatchObject({ slotId: 's2', categoryId: 'b' });
    expect(newYork.violations).toEqual([]);
    const utc = autofill(parsePlanRequest(build('UTC')));
    // In UTC the slot is Monday, a new week: balance prefers A.
    expect(utc.assignments[0]).toMatchObject({ slotId: 's2', categoryId: 'a' });
  });

  it('reports violations naming rule and slot when the request is infeasible', () => {
    // Two categories, both noConsecutive, three slots with the middle one pinned... then pins adjacent.
    const { result } = run([{ share: 1, noConsecutive: true }, { share: 1 }], 4, [[1, 0], [2, 0]]);
    // Two adjacent pins: a conflict among scheduled posts, not something the plan did (apply is not blocked).
    expect(result.pinConflicts).toContainEqual(expect.objectContaining({ rule: 'noConsecutive', categoryId: 'cat-0', slotId: 's2' }));
    expect(result.violations).toEqual([]);
    // A pin next to a free slot: the plan keeps the free slot clear, so nothing is reported at all.
    const clear = run([{ share: 1, noConsecutive: true }, { share: 1 }], 4, [[1, 0]]);
    expect([...clear.result.violations, ...clear.result.pinConflicts]).toEqual([]);
    const weekly = run([{ share: 1, maxPerWeek: 1 }, { share: 1, maxPerWeek: 1 }], 3);
    expect(weekly.result.violations.length).toBeGreaterThan(0);
    expect(weekly.result.violations[0]).toMatchObject({ rule: 'maxPerWeek' });
    expect(weekly.result.violations[0].slotId).toMatch(/^s\d$/);
  });

  it('says which rule raised B above the pin optimum', () => {
    const { result } = run([{ share: 3, noConsecutive: true }, { share: 2 }], 10);
    const channel = result.metrics.channels[0];
    expect(channel.maxPrefixDeviation).toBeGreaterThan(0.6 + EPS);
    expect(channel.excessCauses).toContainEqual(expect.objectContaining({ kind: 'rule', rule: 'noConsecutive', categoryId: 'cat-0' }));
  });
});

describe('property: rules against brute force on small instances', () => {
  const spec = fc.record({
    share: fc.integer({ min: 1, max: 5 }),
    noConsecutive: fc.boolean(),
    minGapSlots: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    maxPerWeek: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  });
  const instance = fc
    .tuple(fc.array(spec, { minLength: 2, maxLength: 3 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 2 }))
    .chain(([specs, slots, perDay]) =>
      fc.tuple(
        fc.constant(specs),
        fc.constant(slots),
        fc.constant(perDay),
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 0, max: specs.length - 1 })), {
          selector: ([slot]) => slot,
          maxLength: 2,
        }),
      ),
    );

  it('violations are empty exactly when a rule-abiding plan exists, and B then equals the brute-force optimum', () => {
    fc.assert(
      fc.property(instance, ([specs, slots, perDay, pins]) => {
        const { sequence, shares, result } = run(specs, slots, pins, perDay);
        // Slots start on a Monday (UTC): week = day index / 7.
        const week = sequence.map((_, k) => Math.floor(Math.floor(k / perDay) / 7));
        const best = exhaustiveWithRules(specs, shares, slots, new Map(pins), week);
        if (best === null) {
          expect(result.violations.length + result.pinConflicts.length).toBeGreaterThan(0);
        } else {
          expect(result.violations).toEqual([]);
          expect(result.pinConflicts).toEqual([]);
          expect(ruleBreaks(sequence, specs, week)).toBe(0);
          expect(maxPrefixDeviation(sequence, shares)).toBeCloseTo(best, 9);
          expect(result.metrics.channels[0].optimalPrefixDeviation).toBeCloseTo(best, 9);
        }
        expect(result.violations.length + result.pinConflicts.length).toBe(ruleBreaks(sequence, specs, week));
        // A pin conflict involves pinned posts only: none when the pins, even packed side by side, break nothing.
        const pinsOnly = sequence.map((category, k) => (pins.some(([slot]) => slot === k) ? category : -1));
        const pinOnlyBreaks = ruleBreaks(pinsOnly.filter((category) => category >= 0), specs, week.filter((_, k) => pinsOnly[k] >= 0));
        if (pinOnlyBreaks === 0) expect(result.pinConflicts).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });
});
