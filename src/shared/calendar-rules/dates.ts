// Calendar-date helpers for rules that live on dates, not instants. Every Date here is a
// TZDate pinned to UTC so date-fns arithmetic never depends on the machine's own zone.
import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, format, getISODay, lastDayOfMonth } from 'date-fns';

export const calendarDate = (year: number, month: number, day: number): TZDate =>
  new TZDate(year, month - 1, day, 'UTC');

export const formatCalendarDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * The `nth` given ISO weekday (1 = Monday … 7 = Sunday) of a month; `nth = -1` is the last one.
 * e.g. Thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4).
 */
export function nthWeekdayOfMonth(year: number, month: number, isoWeekday: number, nth: number): TZDate {
  if (nth === -1) {
    const last = lastDayOfMonth(calendarDate(year, month, 1));
    return addDays(last, -((getISODay(last) - isoWeekday + 7) % 7));
  }
  const first = calendarDate(year, month, 1);
  const firstMatch = addDays(first, (isoWeekday - getISODay(first) + 7) % 7);
  const result = addWeeks(firstMatch, nth - 1);
  if (result.getMonth() !== month - 1) {
    throw new RangeError(`There is no weekday #${nth} (ISO ${isoWeekday}) in ${year}-${month}`);
  }
  return result;
}
