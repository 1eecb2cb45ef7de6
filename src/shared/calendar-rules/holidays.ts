// US Federal Reserve bank holidays, shown in the calendar as closures.
// Rule (federalreserve.gov/aboutthefed/k8.htm): a holiday on a Sunday is observed the following
// Monday; a holiday on a Saturday is NOT moved (Reserve Banks open the Friday before).
import { addDays, getISODay } from 'date-fns';
import { z } from 'zod';
import { LocalDate } from '../domain/schemas';
import { calendarDate, formatCalendarDate, nthWeekdayOfMonth } from './dates';

export const FedHoliday = z.object({
  /** The day Reserve Banks are closed: `YYYY-MM-DD`. */
  date: LocalDate,
  name: z.string().min(1),
  /** True when the holiday fell on a Sunday and is observed on the Monday `date`. */
  observed: z.boolean(),
  /** The holiday's own date; differs from `date` only when `observed`. */
  actualDate: LocalDate,
});
export type FedHoliday = z.infer<typeof FedHoliday>;

/** Juneteenth became a Federal Reserve holiday from 2022 on. */
const FIRST_JUNETEENTH_YEAR = 2022;
const MONDAY = 1;
const THURSDAY = 4;
const SUNDAY = 7;

/** The 11 Federal Reserve holidays of `year` (10 before 2022), in date order. */
export function federalReserveHolidays(year: number): FedHoliday[] {
  if (!Number.isInteger(year) || year < 1986 || year > 9998) {
    throw new RangeError(`federalReserveHolidays: unsupported year ${year}`);
  }
  const rules: [string, Date][] = [
    ["New Year's Day", calendarDate(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekdayOfMonth(year, 1, MONDAY, 3)],
    ["Washington's Birthday", nthWeekdayOfMonth(year, 2, MONDAY, 3)],
    ['Memorial Day', nthWeekdayOfMonth(year, 5, MONDAY, -1)],
    ...(year >= FIRST_JUNETEENTH_YEAR
      ? ([['Juneteenth National Independence Day', calendarDate(year, 6, 19)]] as [string, Date][])
      : []),
    ['Independence Day', calendarDate(year, 7, 4)],
    ['Labor Day', nthWeekdayOfMonth(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekdayOfMonth(year, 10, MONDAY, 2)],
    ['Veterans Day', calendarDate(year, 11, 11)],
    ['Thanksgiving Day', nthWeekdayOfMonth(year, 11, THURSDAY, 4)],
    ['Christmas Day', calendarDate(year, 12, 25)],
  ];
  return rules.map(([name, actual]) => {
    const observed = getISODay(actual) === SUNDAY;
    return {
      date: formatCalendarDate(observed ? addDays(actual, 1) : actual),
      name,
      observed,
      actualDate: formatCalendarDate(actual),
    };
  });
}

/** Holidays of every year touched by the inclusive range, limited to dates inside it. */
export function federalReserveHolidaysBetween(from: string, to: string): FedHoliday[] {
  LocalDate.parse(from);
  LocalDate.parse(to);
  const holidays: FedHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (const holiday of federalReserveHolidays(year)) {
      if ((holiday.date >= from && holiday.date <= to) || (holiday.actualDate >= from && holiday.actualDate <= to)) {
        holidays.push(holiday);
      }
    }
  }
  return holidays;
}
