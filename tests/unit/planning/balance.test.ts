import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autofill, parsePlanRequest } from '../../../src/shared/planning';
import { buildRequest, exhaustiveOptimum, maxPrefixDeviation, sequenceOf } from './helpers';

const EPS = 1e-9;

const plan = (weights: number[], slots: number, pins: Array<[number, number]> = []) => {
  const request = buildRequest(weights.map((share) => ({ share })), slots, { pins });
  const result = autofill(parsePlanRequest(request));
  const shares = request.categories.map((category) => category.targetShare);
  return { request, result, shares, sequence: sequenceOf(request, result), channel: result.metrics.channels[0] };
};

describe('regression vectors from the balancing theory note', () => {
  // Weights → B* per /research/balancing-theory.md §2; slots = one period (sum of weights) and three periods.
  const vectors: Array<[number[], number]> = [
    [[2, 1], 1 / 3],
    [[1, 1, 1], 2 / 3],
    [[1, 15, 15], 23 / 31],
    [[1, 1, 15, 3, 10], 2 / 3],
    [[6, 5, 4, 3, 2], 7 / 10],
  ];
  for (const [weights, expected] of vectors) {
    for (const periods of [1, 3]) {
      it(`${JSON.stringify(weights)} over ${periods} period(s) → B = ${expected.toFixed(4)}`, () => {
        const slots = periods * weights.reduce((a, b) => a + b, 0);
        const { sequence, shares, channel } = plan(weights, slots);
        expect(maxPrefixDeviation(sequence, shares)).toBeCloseTo(expected, 9);
        expect(channel.maxPrefixDeviation).toBeCloseTo(expected, 9);
        expect(channel.optimalPrefixDeviation).toBeCloseTo(expected, 9);
        expect(channel.lowerBound).toBeCloseTo(1 - Math.max(...shares), 12);
      });
    }
  }

  it('[2,1] gives the sequence ABA', () => {
    expect(plan([2, 1], 3).sequence).toEqual([0, 1, 0]);
  });

  it('reports Tijdeman’s bound 1 − 1/(2(n−1))', () => {
    expect(plan([6, 5, 4, 3, 2], 20).channel.tijdemanBound).toBeCloseTo(0.875, 12);
    expect(plan([2, 1], 3).channel.tijdemanBound).toBeCloseTo(0.5, 12);
  });

  it('the note’s pin counter-example (0.5/0.5, 10 slots, pins at slots 2 and 7) reaches the optimum 0.5', () => {
    for (const pinCategories of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      const pins: Array<[number, number]> = [[1, pinCategories[0]], [6, pinCategories[1]]];
      const { sequence, shares } = plan([1, 1], 10, pins);
      expect(sequence[1]).toBe(pinCategories[0]);
      expect(sequence[6]).toBe(pinCategories[1]);
      expect(maxPrefixDeviation(sequence, shares)).toBeCloseTo(exhaustiveOptimum(shares, 10, new Map(pins)), 9);
    }
  });
});

const weightsArbitrary = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 });

describe('property: B against bounds and exhaustive search', () => {
  it('without pins: lower bound ≤ B = exhaustive optimum ≤ Tijdeman', () => {
    fc.assert(
      fc.property(weightsArbitrary, fc.integer({ min: 1, max: 12 }), (weights, slots) => {
        const { sequence, shares, channel } = plan(weights, slots);
        const deviation = maxPrefixDeviation(sequence, shares);
        const optimum = exhaustiveOptimum(shares, slots, new Map());
        expect(Math.abs(deviation - optimum)).toBeLessThan(EPS);
        expect(Math.abs(channel.maxPrefixDeviation - deviation)).toBeLessThan(EPS);
        const n = shares.length;
        expect(deviation).toBeLessThanOrEqual(1 - 1 / (2 * (n - 1)) + EPS);
        if (slots >= 1) expect(deviation).toBeGreaterThanOrEqual(1 - Math.max(...shares) - EPS);
      }),
      { numRuns: 150 },
    );
  });

  it('with pins: B = exhaustive optimum with the pins forced, and pins are kept', () => {
    const instance = fc
      .tuple(weightsArbitrary, fc.integer({ min: 2, max: 12 }))
      .chain(([weights, slots]) =>
        fc.tuple(
          fc.constant(weights),
          fc.constant(slots),
          fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 0, max: weights.length - 1 })), {
            selector: ([slot]) => slot,
            maxLength: Math.min(4, slots),
          }),
        ),
      );
    fc.assert(
      fc.property(instance, ([weights, slots, pins]) => {
        const { sequence, shares, channel, result } = plan(weights, slots, pins);
        for (const [slot, category] of pins) expect(sequence[slot]).toBe(category);
        expect(result.assignments).toHaveLength(slots - pins.length);
        const deviation = maxPrefixDeviation(sequence, shares);
        expect(deviation).toBeCloseTo(exhaustiveOptimum(shares, slots, new Map(pins)), 9);
        expect(channel.optimalPrefixDeviation).toBeCloseTo(deviation, 9);
        expect(deviation).toBeGreaterThanOrEqual(channel.lowerBound - EPS);
        expect(result.violations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('longer instances without pins stay within Tijdeman and above the lower bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 7 }), fc.integer({ min: 1, max: 200 }), (weights, slots) => {
        const { sequence, shares, channel } = plan(weights, slots);
        const deviation = maxPrefixDeviation(sequence, shares);
        expect(deviation).toBeLessThanOrEqual(channel.tijdemanBound + EPS);
        expect(deviation).toBeGreaterThanOrEqual(channel.lowerBound - EPS);
        expect(channel.windowDeviation).toBeLessThanOrEqual(2 * deviation + EPS);
      }),
      { numRuns: 60 },
    );
  });

  it('names the pins when they force B above the pin-free optimum', () => {
    // Three pinned posts of a 1/3 category at the start force B ≥ 2 − 3·(1/3)… well above 2/3.
    const { channel } = plan([1, 1, 1], 9, [[0, 0], [1, 0], [2, 0]]);
    expect(channel.maxPrefixDeviation).toBeGreaterThan(2 / 3 + EPS);
    const pinCause = channel.excessCauses.find((cause) => cause.kind === 'pin');
    expect(pinCause?.slotIds).toEqual(expect.arrayContaining(['s0', 's1']));
    expect(pinCause?.categoryId).toBe('cat-0');
  });
});

describe('several channels', () => {
  it('balances each channel on its own and reports overall metrics over all posts', () => {
    const one = buildRequest([{ share: 1 }, { share: 1 }], 6, { channel: 'a' });
    const two = buildRequest([{ share: 1 }, { share: 1 }], 4, { channel: 'b' });
    const request = { ...one, slots: [...one.slots, ...two.slots.map((slot) => ({ ...slot, id: `b-${slot.id}` }))] };
    const result = autofill(parsePlanRequest(request));
    expect(result.metrics.channels.map((channel) => channel.channelId)).toEqual(['a', 'b']);
    for (const channel of result.metrics.channels) expect(channel.maxPrefixDeviation).toBeCloseTo(0.5, 9);
    expect(result.metrics.overall.posts).toBe(10);
    expect(result.metrics.overall.categories.map((category) => category.planned).reduce((a, b) => a + b)).toBe(10);
  });
});
