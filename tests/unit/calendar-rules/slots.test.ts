import { describe, expect, it } from 'vitest';
import { expandPostingSlots, fillableSlots, openSlots } from '../../../src/shared/calendar-rules';

const CHANNEL = '6f1c1b7e-4a4e-4c5d-9a0b-1f2e3d4c5b6a';
const TUESDAY = 2;
const THURSDAY = 4;
const SUNDAY = 7;

describe('expandPostingSlots', () => {
  it('expands weekday x time slots and keeps 09:00 local across the March DST change', () => {
    // 2027-03-08 is a Monday; New York switches to EDT on Sunday 2027-03-14.
    const slots = expandPostingSlots({
      channelId: CHANNEL,
      slots: [
        { weekday: THURSDAY, time: '12:30' },
        { weekday: TUESDAY, time: '09:00' },
      ],
      timezone: 'America/New_York',
      from: '2027-03-08',
      to: '2027-03-21',
    });
    expect(slots.map(({ id, start, status }) => ({ id, start, status }))).toEqual([
      { id: `${CHANNEL}:2027-03-09T09:00`, start: '2027-03-09T14:00:00.000Z', status: 'ok' },
      { id: `${CHANNEL}:2027-03-11T12:30`, start: '2027-03-11T17:30:00.000Z', status: 'ok' },
      { id: `${CHANNEL}:2027-03-16T09:00`, start: '2027-03-16T13:00:00.000Z', status: 'ok' },
      { id: `${CHANNEL}:2027-03-18T12:30`, start: '2027-03-18T16:30:00.000Z', status: 'ok' },
    ]);
    expect(slots.every((slot) => slot.channelId === CHANNEL)).toBe(true);
  });

  it('reports a slot in the spring-forward gap with no start and leaves it out of fillable slots', () => {
    const slots = expandPostingSlots({
      channelId: CHANNEL,
      slots: [
        { weekday: SUNDAY, time: '02:30' },
        { weekday: SUNDAY, time: '10:00' },
      ],
      timezone: 'America/Chicago',
      from: '2027-03-07',
      to: '2027-03-14',
    });
    expect(slots.map(({ date, time, status, start }) => [date, time, status, start])).toEqual([
      ['2027-03-07', '02:30', 'ok', '2027-03-07T08:30:00.000Z'],
      ['2027-03-07', '10:00', 'ok', '2027-03-07T16:00:00.000Z'],
      ['2027-03-14', '02:30', 'gap', null],
      ['2027-03-14', '10:00', 'ok', '2027-03-14T15:00:00.000Z'],
    ]);
    expect(slots[2].message).toContain('does not exist');
    expect(fillableSlots(slots).map((slot) => slot.id)).toEqual([
      `${CHANNEL}:2027-03-07T02:30`,
      `${CHANNEL}:2027-03-07T10:00`,
      `${CHANNEL}:2027-03-14T10:00`,
    ]);
  });

  it('uses the first occurrence of a fall-back time and says so', () => {
    const [slot] = expandPostingSlots({
      channelId: CHANNEL,
      slots: [{ weekday: SUNDAY, time: '01:30' }],
      timezone: 'America/New_York',
      from: '2027-11-07',
      to: '2027-11-07',
    });
    expect(slot).toMatchObject({ status: 'ambiguous', start: '2027-11-07T05:30:00.000Z' });
    expect(slot.message).toMatch(/twice/);
    expect(fillableSlots([slot])).toHaveLength(1);
  });

  it('is ordered by start and gives unique ids, collapsing duplicate schedule entries', () => {
    const slots = expandPostingSlots({
      channelId: 'c1',
      slots: [
        { weekday: SUNDAY, time: '01:45' },
        { weekday: SUNDAY, time: '00:30' },
        { weekday: SUNDAY, time: '03:00' },
        { weekday: SUNDAY, time: '01:45' },
        ...[1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, time: '23:30' })),
      ],
      timezone: 'America/Chicago',
      from: '2027-10-30',
      to: '2027-11-14',
    });
    const starts = slots.map((slot) => Date.parse(slot.start ?? ''));
    expect(starts.every((start, i) => i === 0 || start > starts[i - 1])).toBe(true);
    expect(new Set(slots.map((slot) => slot.id)).size).toBe(slots.length);
    // 16 days: 3 Sundays x 3 times + 13 other days x 1
    expect(slots).toHaveLength(22);
  });

  it('returns nothing for an empty schedule and rejects bad ranges', () => {
    expect(
      expandPostingSlots({ channelId: 'c1', slots: [], timezone: 'UTC', from: '2027-01-01', to: '2027-12-31' }),
    ).toEqual([]);
    expect(() =>
      expandPostingSlots({ channelId: 'c1', slots: [], timezone: 'UTC', from: '2027-02-01', to: '2027-01-01' }),
    ).toThrow();
    expect(() =>
      expandPostingSlots({ channelId: 'c1', slots: [], timezone: 'UTC', from: '2027-01-01', to: '2029-01-01' }),
    ).toThrow();
    expect(() =>
      expandPostingSlots({ channelId: 'c1', slots: [{ weekday: 8, time: '09:00' }], timezone: 'UTC', from: '2027-01-01', to: '2027-01-02' }),
    ).toThrow();
  });
});

describe('openSlots', () => {
  it('drops slots that already hold a post, matching by instant', () => {
    const slots = expandPostingSlots({
      channelId: 'c1',
      slots: [{ weekday: TUESDAY, time: '09:00' }],
      timezone: 'America/New_York',
      from: '2027-03-01',
      to: '2027-03-31',
    });
    expect(slots).toHaveLength(5);
    // The same instant written with a different precision still counts as taken.
    const open = openSlots(slots, ['2027-03-09T14:00:00Z', '2027-03-30T13:00:00.000Z', '2027-03-30T13:05:00.000Z']);
    expect(open.map((slot) => slot.date)).toEqual(['2027-03-02', '2027-03-16', '2027-03-23']);
  });
});
