import { describe, expect, it } from 'vitest';
import type { CalendarOverlay } from '../../../src/shared/api/contract';
import { dropConcerns } from '../../../src/renderer/features/calendar/dropChecks';

const overlay = {
  holidays: [{ date: '2030-12-25', name: 'Christmas Day', observed: false, actualDate: '2030-12-25' }],
  blackouts: [{ id: '11111111-1111-4111-8111-111111111111', startDate: '2030-12-28', endDate: '2030-12-31', reason: 'Year-end quiet period', revision: 1, createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z' }],
  observances: [],
  openSlots: [],
  skippedSlots: [],
} as unknown as CalendarOverlay;
const NOW = new Date('2030-12-20T12:00:00.000Z');

describe('what a drop asks about first', () => {
  it('names a bank holiday, a blackout with its reason, and a time already passed', () => {
    expect(dropConcerns('2030-12-25T14:00:00.000Z', '2030-12-25', overlay, NOW)).toEqual(['The bank is closed that day (Christmas Day).']);
    expect(dropConcerns('2030-12-29T14:00:00.000Z', '2030-12-29', overlay, NOW)).toEqual(['That day is in a blackout (Year-end quiet period): nothing should go out.']);
    expect(dropConcerns('2030-12-19T14:00:00.000Z', '2030-12-19', overlay, NOW)).toEqual(['That time has already passed: the post would be scheduled in the past.']);
  });

  it('asks nothing for an ordinary future day', () => {
    expect(dropConcerns('2030-12-23T14:00:00.000Z', '2030-12-23', overlay, NOW)).toEqual([]);
    expect(dropConcerns('2030-12-23T14:00:00.000Z', '2030-12-23', null, NOW)).toEqual([]);
  });
});
