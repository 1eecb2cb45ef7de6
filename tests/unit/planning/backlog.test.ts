import { describe, expect, it } from 'vitest';
import { autofill, parsePlanRequest } from '../../../src/shared/planning';
import type { PlanRequestInput } from '../../../src/shared/planning';

// One category, so every slot is a "story" slot: the test isolates item choice from balancing.
const base = (slotStarts: Array<[string, string]>, backlog: PlanRequestInput['backlog'], placeholders = true): PlanRequestInput => ({
  timezone: 'Europe/Amsterdam',
  categories: [
    { id: 'story', name: 'Employee highlights', targetShare: 1 },
  ],
  slots: slotStarts.map(([channelId, start], k) => ({ id: `s${k}`, channelId, start })),
  backlog,
  channels: [
    { id: 'li', name: 'LinkedIn' },
    { id: 'fb', name: 'Facebook' },
  ],
  options: { placeholders, windowSize: 10 },
});

const itemsBySlot = (request: PlanRequestInput) => {
  const result = autofill(parsePlanRequest(request));
  return { result, items: Object.fromEntries(result.assignments.map((a) => [a.slotId, a.itemId])) };
};

describe('backlog items', () => {
  it('fills slots earliest expiry first', () => {
    const request = base(
      [
        ['li', '2027-03-01T09:00:00Z'],
        ['li', '2027-03-02T09:00:00Z'],
        ['li', '2027-03-03T09:00:00Z'],
      ],
      [
        { id: 'late', categoryId: 'story', latest: '2027-06-01' },
        { id: 'never', categoryId: 'story' },
        { id: 'soon', categoryId: 'story', latest: '2027-03-05', title: "Maria's marathon" },
      ],
    );
    const { items, result } = itemsBySlot(request);
    expect(items).toEqual({ s0: 'soon', s1: 'late', s2: 'never' });
    expect(result.assignments[0].reason).toContain("'Maria's marathon' expires 2027-03-05");
    expect(result.assignments.every((a) => !a.placeholder)).toBe(true);
  });

  it('respects earliest/latest dates in the request time zone', () => {
    // 2027-03-01T23:30Z is already 2 March in Amsterdam.
    const request = base(
      [['li', '2027-03-01T23:30:00Z']],
      [
        { id: 'expired-1-march', categoryId: 'story', latest: '2027-03-01' },
        { id: 'from-3-march', categoryId: 'story', earliest: '2027-03-03' },
        { id: 'fits', categoryId: 'story', earliest: '2027-03-02', latest: '2027-03-02' },
      ],
    );
    expect(itemsBySlot(request).items).toEqual({ s0: 'fits' });
  });

  it('respects channel restrictions and prefers the channel-bound item on equal expiry', () => {
    const request = base(
      [
        ['fb', '2027-03-01T09:00:00Z'],
        ['li', '2027-03-01T10:00:00Z'],
      ],
      [
        { id: 'any', categoryId: 'story', latest: '2027-04-01' },
        { id: 'li-only', categoryId: 'story', latest: '2027-03-02', channelIds: ['li'] },
        { id: 'fb-only', categoryId: 'story', latest: '2027-04-01', channelIds: ['fb'] },
      ],
    );
    expect(itemsBySlot(request).items).toEqual({ s0: 'fb-only', s1: 'li-only' });
  });

  it('uses each item once and falls back to a placeholder that says why', () => {
    const request = base(
      [
        ['li', '2027-03-01T09:00:00Z'],
        ['li', '2027-03-02T09:00:00Z'],
        ['fb', '2027-03-02T09:00:00Z'],
      ],
      [{ id: 'only', categoryId: 'story', channelIds: ['li'] }],
    );
    const { result, items } = itemsBySlot(request);
    expect(items).toEqual({ s0: 'only', s1: null, s2: null });
    const bySlot = Object.fromEntries(result.assignments.map((a) => [a.slotId, a]));
    expect(bySlot.s1.placeholder).toBe(true);
    expect(bySlot.s2.reason).toContain('placeholder: no Employee highlights item in the backlog for Facebook');
    expect(bySlot.s1.reason).toMatch(/^placeholder: every Employee highlights item for LinkedIn is used/);
  });

  it('with placeholders off, switches to a category that has an item or leaves the slot open, and blames the shortage', () => {
    const request: PlanRequestInput = {
      timezone: 'UTC',
      categories: [
        { id: 'a', name: 'A', targetShare: 0.5 },
        { id: 'b', name: 'B', targetShare: 0.5 },
      ],
      slots: Array.from({ length: 6 }, (_, k) => ({ id: `s${k}`, channelId: 'li', start: `2027-03-0${k + 1}T09:00:00Z` })),
      backlog: [
        { id: 'a1', categoryId: 'a' },
        { id: 'a2', categoryId: 'a' },
        { id: 'a3', categoryId: 'a' },
        { id: 'a4', categoryId: 'a' },
        { id: 'b1', categoryId: 'b' },
      ],
      options: { placeholders: false, windowSize: 10 },
    };
    const result = autofill(parsePlanRequest(request));
    expect(result.assignments.every((a) => !a.placeholder)).toBe(true);
    const filled = result.assignments.filter((a) => a.categoryId !== null);
    expect(filled).toHaveLength(5);
    expect(filled.every((a) => a.itemId !== null)).toBe(true);
    expect(new Set(filled.map((a) => a.itemId)).size).toBe(5);
    expect(result.assignments.find((a) => a.categoryId === null)?.reason).toMatch(/^left open/);
    const channel = result.metrics.channels[0];
    expect(channel.posts).toBe(5);
    expect(channel.excessCauses).toContainEqual(expect.objectContaining({ kind: 'shortage' }));
    expect(channel.optimalPrefixDeviation).toBeNull();
  });
});
