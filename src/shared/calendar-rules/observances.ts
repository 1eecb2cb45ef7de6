// Observances a community bank might post about (an optional, editable calendar overlay).
// Each observance is plain JSON data with a date rule, so users can edit, disable or add them.
// Dates that sponsors set each year are approximated by the rule noted beside them: check the
// sponsor's announcement and edit the observance if it differs.
import { addDays, endOfMonth, getDaysInMonth } from 'date-fns';
import { z } from 'zod';
import { LocalDate } from '../domain/schemas';
import { calendarDate, formatCalendarDate, nthWeekdayOfMonth } from './dates';

const Month = z.number().int().min(1).max(12);
const IsoWeekday = z.number().int().min(1).max(7);

export const ObservanceRule = z.discriminatedUnion('type', [
  /** The whole calendar month. */
  z.object({ type: z.literal('month'), month: Month }),
  /** A fixed date, optionally lasting several days. */
  z.object({
    type: z.literal('fixedDate'),
    month: Month,
    day: z.number().int().min(1).max(31),
    days: z.number().int().min(1).max(31).default(1),
  }),
  /** The nth ISO weekday of a month (-1 = last), shifted by offsetDays, lasting `days`. */
  z.object({
    type: z.literal('nthWeekday'),
    month: Month,
    weekday: IsoWeekday,
    nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
    offsetDays: z.number().int().min(-31).max(31).default(0),
    days: z.number().int().min(1).max(31).default(1),
  }),
]);
export type ObservanceRule = z.input<typeof ObservanceRule>;

export const Observance = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case words joined by hyphens'),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['month', 'week', 'day']),
  rule: ObservanceRule,
  enabled: z.boolean().default(true),
  /** Who sets the date and how the rule approximates it. */
  note: z.string().max(500).default(''),
});
export type Observance = z.input<typeof Observance>;

export interface ObservanceOccurrence {
  id: string;
  name: string;
  kind: 'month' | 'week' | 'day';
  /** First day, `YYYY-MM-DD` */
  start: string;
  /** Last day, inclusive, `YYYY-MM-DD` (equal to start for a one-day observance) */
  end: string;
}

const MONDAY = 1;
const THURSDAY = 4;
const SUNDAY = 7;

export const DEFAULT_OBSERVANCES: readonly Observance[] = [
  {
    id: 'america-saves-week',
    name: 'America Saves Week',
    kind: 'week',
    rule: { type: 'nthWeekday', month: 2, weekday: MONDAY, nth: -1, days: 5 },
    note: 'America Saves (Consumer Federation of America) sets it yearly; Monday-Friday from the last Monday of February matched 2023-2025 (e.g. 2024-02-26 to 2024-03-01).',
  },
  {
    id: 'financial-literacy-month',
    name: 'Financial Literacy Month',
    kind: 'month',
    rule: { type: 'month', month: 4 },
    note: 'April (US Senate resolution, observed yearly).',
  },
  {
    id: 'earth-day',
    name: 'Earth Day',
    kind: 'day',
    rule: { type: 'fixedDate', month: 4, day: 22 },
  },
  {
    id: 'national-small-business-week',
    name: 'National Small Business Week',
    kind: 'week',
    rule: { type: 'nthWeekday', month: 5, weekday: SUNDAY, nth: 1, days: 7 },
    note: 'Proclaimed yearly by the SBA. Approximated as the first full Sunday-Saturday week of May (2025: May 4-10); some years began in late April (2024: April 28-May 4), so check sba.gov and edit.',
  },
  {
    id: 'teacher-appreciation-week',
    name: 'Teacher Appreciation Week',
    kind: 'week',
    rule: { type: 'nthWeekday', month: 5, weekday: MONDAY, nth: 1, days: 5 },
    note: 'NEA/PTA: the first full week of May, Monday-Friday.',
  },
  {
    id: 'national-homeownership-month',
    name: 'National Homeownership Month',
    kind: 'month',
    rule: { type: 'month', month: 6 },
    note: 'June (HUD).',
  },
  {
    id: 'military-consumer-month',
    name: 'Military Consumer Month',
    kind: 'month',
    rule: { type: 'month', month: 7 },
    note: 'July (FTC and Department of Defense).',
  },
  {
    id: 'cybersecurity-awareness-month',
    name: 'Cybersecurity Awareness Month',
    kind: 'month',
    rule: { type: 'month', month: 10 },
    note: 'October (CISA and the National Cybersecurity Alliance).',
  },
  {
    id: 'customer-service-week',
    name: 'Customer Service Week',
    kind: 'week',
    rule: { type: 'nthWeekday', month: 10, weekday: MONDAY, nth: 1, days: 5 },
    note: 'The first full week of October, Monday-Friday.',
  },
  {
    id: 'get-smart-about-credit-day',
    name: 'Get Smart About Credit Day',
    kind: 'day',
    rule: { type: 'nthWeekday', month: 10, weekday: THURSDAY, nth: 3 },
    note: 'ABA Foundation: the third Thursday of October.',
  },
  {
    id: 'world-savings-day',
    name: 'World Savings Day',
    kind: 'day',
    rule: { type: 'fixedDate', month: 10, day: 31 },
    note: 'October 31 (some countries mark it on October 30).',
  },
  {
    id: 'veterans-day',
    name: 'Veterans Day',
    kind: 'day',
    rule: { type: 'fixedDate', month: 11, day: 11 },
  },
  {
    id: 'small-business-saturday',
    name: 'Small Business Saturday',
    kind: 'day',
    rule: { type: 'nthWeekday', month: 11, weekday: THURSDAY, nth: 4, offsetDays: 2 },
    note: 'The Saturday after Thanksgiving (fourth Thursday of November).',
  },
];

/** Where one observance falls in `year`, or null when its rule has no date that year. */
export function resolveObservance(observance: Observance, year: number): ObservanceOccurrence | null {
  const { id, name, kind, rule } = Observance.parse(observance);
  let start: Date;
  let end: Date;
  switch (rule.type) {
    case 'month':
      start = calendarDate(year, rule.month, 1);
      end = endOfMonth(start);
      break;
    case 'fixedDate':
      // February 29 and similar exist only in some years.
      if (rule.day > getDaysInMonth(calendarDate(year, rule.month, 1))) return null;
      start = calendarDate(year, rule.month, rule.day);
      end = addDays(start, rule.days - 1);
      break;
    case 'nthWeekday':
      try {
        start = addDays(nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth), rule.offsetDays);
      } catch {
        return null; // e.g. a fifth Monday the month does not have
      }
      end = addDays(start, rule.days - 1);
      break;
  }
  return { id, name, kind, start: formatCalendarDate(start), end: formatCalendarDate(end) };
}

/**
 * Every enabled observance overlapping the inclusive date range, sorted by start date then name.
 * Multi-day observances that only partly overlap are included with their full start and end.
 */
export function observancesForRange(
  from: string,
  to: string,
  observances: readonly Observance[] = DEFAULT_OBSERVANCES,
): ObservanceOccurrence[] {
  LocalDate.parse(from);
  LocalDate.parse(to);
  if (to < from) throw new RangeError(`observancesForRange: ${to} is before ${from}`);
  const occurrences: ObservanceOccurrence[] = [];
  // One year back catches a multi-day observance that starts in December and runs into `from`.
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year += 1) {
    for (const observance of observances) {
      if (observance.enabled === false) continue;
      const occurrence = resolveObservance(observance, year);
      if (occurrence && occurrence.start <= to && occurrence.end >= from) occurrences.push(occurrence);
    }
  }
  return occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
}
