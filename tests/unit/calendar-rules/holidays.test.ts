import { describe, expect, it } from 'vitest';
import {
  FedHoliday,
  federalReserveHolidays,
  federalReserveHolidaysBetween,
  nthWeekdayOfMonth,
} from '../../../src/shared/calendar-rules';

// Closure dates copied from the Federal Reserve's published schedule, K.8 "Holidays Observed by
// the Federal Reserve System 2026-2030" (federalreserve.gov/aboutthefed/k8.htm, updated
// 2025-12-31). Saturday holidays are listed on the Saturday (banks open the Friday before);
// Sunday holidays on the Monday after (2027-07-05, 2029-11-12).
const PUBLISHED: Record<number, string[]> = {
  2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-04', '09-07', '10-12', '11-11', '11-26', '12-25'],
  2027: ['01-01', '01-18', '02-15', '05-31', '06-19', '07-05', '09-06', '10-11', '11-11', '11-25', '12-25'],
  2028: ['01-01', '01-17', '02-21', '05-29', '06-19', '07-04', '09-04', '10-09', '11-11', '11-23', '12-25'],
  2029: ['01-01', '01-15', '02-19', '05-28', '06-19', '07-04', '09-03', '10-08', '11-12', '11-22', '12-25'],
  2030: ['01-01', '01-21', '02-18', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
};

describe('federalReserveHolidays', () => {
  it.each(Object.entries(PUBLISHED))('matches the published %s schedule', (year, days) => {
    const holidays = federalReserveHolidays(Number(year));
    expect(holidays.map((holiday) => holiday.date)).toEqual(days.map((day) => `${year}-${day}`));
    for (const holiday of holidays) expect(FedHoliday.parse(holiday)).toEqual(holiday);
  });

  it('names the eleven holidays as the Fed does', () => {
    expect(federalReserveHolidays(2027).map((holiday) => holiday.name)).toEqual([
      "New Year's Day",
      'Birthday of Martin Luther King, Jr.',
      "Washington's Birthday",
      'Memorial Day',
      'Juneteenth National Independence Day',
      'Independence Day',
      'Labor Day',
      'Columbus Day',
      'Veterans Day',
      'Thanksgiving Day',
      'Christmas Day',
    ]);
  });

  it('does not move a Saturday holiday to Friday', () => {
    const independence2026 = federalReserveHolidays(2026).find((holiday) => holiday.name === 'Independence Day');
    expect(independence2026).toEqual({ date: '2026-07-04', name: 'Independence Day', observed: false, actualDate: '2026-07-04' });
    const christmas2027 = federalReserveHolidays(2027).find((holiday) => holiday.name === 'Christmas Day');
    expect(christmas2027).toMatchObject({ date: '2027-12-25', observed: false });
    expect(federalReserveHolidays(2026).some((holiday) => holiday.date === '2026-07-03')).toBe(false);
    // New Year's Day 2028 is a Saturday: 2027-12-31 stays a business day.
    expect(federalReserveHolidays(2027).some((holiday) => holiday.date === '2027-12-31')).toBe(false);
  });

  it('moves a Sunday holiday to Monday and marks it observed', () => {
    const independence2027 = federalReserveHolidays(2027).find((holiday) => holiday.name === 'Independence Day');
    expect(independence2027).toEqual({ date: '2027-07-05', name: 'Independence Day', observed: true, actualDate: '2027-07-04' });
  });

  it('has no Juneteenth before 2022', () => {
    expect(federalReserveHolidays(2021)).toHaveLength(10);
    expect(federalReserveHolidays(2022)).toHaveLength(11);
  });

  it('rejects nonsense years', () => {
    expect(() => federalReserveHolidays(2027.5)).toThrow();
    expect(() => federalReserveHolidays(1900)).toThrow();
  });
});

describe('federalReserveHolidaysBetween', () => {
  it('returns the holidays inside an inclusive range across years', () => {
    expect(federalReserveHolidaysBetween('2026-12-20', '2027-01-18').map((holiday) => holiday.date)).toEqual([
      '2026-12-25',
      '2027-01-01',
      '2027-01-18',
    ]);
  });

  it('includes a Sunday holiday whose observed Monday is outside the range', () => {
    expect(federalReserveHolidaysBetween('2027-07-04', '2027-07-04').map((holiday) => holiday.name)).toEqual([
      'Independence Day',
    ]);
  });
});

describe('nthWeekdayOfMonth', () => {
  it('finds nth and last weekdays', () => {
    const iso = (date: Date) => date.toISOString().slice(0, 10);
    expect(iso(nthWeekdayOfMonth(2027, 11, 4, 4))).toBe('2027-11-25'); // Thanksgiving
    expect(iso(nthWeekdayOfMonth(2027, 5, 1, -1))).toBe('2027-05-31'); // Memorial Day
    expect(iso(nthWeekdayOfMonth(2026, 3, 7, 2))).toBe('2026-03-08'); // US DST start
    expect(() => nthWeekdayOfMonth(2027, 2, 1, 5)).toThrow(); // February 2027 has four Mondays
  });
});
