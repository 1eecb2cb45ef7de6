// Recurring series ("Tip Tuesday" every week): rrule generates the dates, each occurrence then
// becomes its own post that can be edited one by one.
// The wall-clock time stays fixed in the zone (a weekly 09:00 stays 09:00 across DST): rrule
// works on "floating" dates (UTC fields = calendar date) and each date + time goes through
// zonedWallTimeToUtc, so DST gaps and overlaps are flagged, never shifted.
import { RRule, datetime, type Weekday } from 'rrule';
import { z } from 'zod';
import { LocalDate, LocalTime, TimeZone } from '../domain/schemas';
import { zonedWallTimeToUtc, type WallTimeStatus } from '../time';

export const MAX_SERIES_OCCURRENCES = 500;

export const SeriesFrequency = z.enum(['daily', 'weekly', 'monthly']);
export type SeriesFrequency = z.infer<typeof SeriesFrequency>;

export const SeriesInput = z
  .object({
    startDate: LocalDate,
    time: LocalTime,
    timezone: TimeZone,
    freq: SeriesFrequency,
    interval: z.number().int().min(1).max(366).default(1),
    /** ISO weekdays 1 = Monday … 7 = Sunday; for weekly series, defaults to startDate's weekday. */
    byWeekday: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    count: z.number().int().min(1).max(MAX_SERIES_OCCURRENCES).optional(),
    /** Last possible date, inclusive */
    until: LocalDate.optional(),
  })
  .refine((input) => input.count !== undefined || input.until !== undefined, {
    message: 'a series needs an end: a count or an until date',
  })
  .refine((input) => input.until === undefined || input.until >= input.startDate, {
    message: 'until is before startDate',
    path: ['until'],
  });
export type SeriesInput = z.input<typeof SeriesInput>;

export interface SeriesOccurrence {
  date: string;
  time: string;
  /** UTC instant; null when the wall time falls in a DST gap that day (see status). */
  instant: string | null;
  status: WallTimeStatus;
  /** As in zonedWallTimeToUtc: both readings for gap/ambiguous times. */
  candidates: string[];
  message?: string;
}

const FREQUENCIES: Record<SeriesFrequency, number> = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
};

/** Index = ISO weekday - 1 */
const WEEKDAYS: Weekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const splitDate = (date: string): [number, number, number] => {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
};

const floatingDateToLocal = (date: Date): string => date.toISOString().slice(0, 10);

function buildRule(input: z.output<typeof SeriesInput>): RRule {
  const until = input.until ? datetime(...splitDate(input.until), 23, 59, 59) : null;
  return new RRule({
    freq: FREQUENCIES[input.freq],
    interval: input.interval,
    dtstart: datetime(...splitDate(input.startDate)),
    byweekday: input.byWeekday ? input.byWeekday.map((weekday) => WEEKDAYS[weekday - 1]) : null,
    count: input.count ?? null,
    until,
  });
}

/**
 * The occurrences of a series, oldest first. Throws when the series has no end or would have
 * more than MAX_SERIES_OCCURRENCES occurrences (nothing is cut off silently).
 * Monthly series follow RFC 5545: a start on the 31st skips months without a 31st.
 */
export function expandSeries(rawInput: SeriesInput): SeriesOccurrence[] {
  const input = SeriesInput.parse(rawInput);
  const dates = buildRule(input).all((_, generated) => generated <= MAX_SERIES_OCCURRENCES);
  if (dates.length > MAX_SERIES_OCCURRENCES) {
    throw new RangeError(
      `This series would create more than ${MAX_SERIES_OCCURRENCES} posts; choose an earlier end date or a count.`,
    );
  }
  return dates.map((floating) => {
    const date = floatingDateToLocal(floating);
    const conversion = zonedWallTimeToUtc(date, input.time, input.timezone);
    return {
      date,
      time: input.time,
      instant: conversion.instant,
      status: conversion.status,
      candidates: conversion.candidates,
      ...(conversion.message ? { message: conversion.message } : {}),
    };
  });
}

/** The series in plain English from rrule's toText(), e.g. "every week on Tuesday for 10 times". */
export function describeSeries(rawInput: SeriesInput): string {
  return buildRule(SeriesInput.parse(rawInput)).toText();
}
