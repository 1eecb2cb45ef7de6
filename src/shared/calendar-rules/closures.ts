// Closure warnings: a post on a Federal Reserve holiday or inside a user blackout is allowed
// but flagged, so nobody schedules a "visit us today" post for a day the bank is closed.
import { z } from 'zod';
import { LocalDate } from '../domain/schemas';
import { addDaysLocal, utcToZonedWallTime } from '../time';
import type { FedHoliday } from './holidays';

export const Blackout = z
  .object({
    startDate: LocalDate,
    /** Inclusive */
    endDate: LocalDate,
    reason: z.string().trim().max(200).default(''),
  })
  .refine((blackout) => blackout.endDate >= blackout.startDate, {
    message: 'endDate is before startDate',
    path: ['endDate'],
  });
export type Blackout = z.input<typeof Blackout>;

export interface ClosureFinding {
  kind: 'holiday' | 'blackout';
  message: string;
}

type HolidayLike = Pick<FedHoliday, 'date' | 'name' | 'observed'> & { actualDate?: string };

/** Closures and blackouts on one calendar date (for day cells and post warnings). */
export function closuresOnDate(
  date: string,
  holidays: readonly HolidayLike[],
  blackouts: readonly Blackout[],
): ClosureFinding[] {
  LocalDate.parse(date);
  const findings: ClosureFinding[] = [];
  for (const holiday of holidays) {
    if (holiday.date === date) {
      findings.push({
        kind: 'holiday',
        message: holiday.observed
          ? `${date} is a Federal Reserve holiday: ${holiday.name} (observed). Banks are closed.`
          : `${date} is a Federal Reserve holiday: ${holiday.name}. Banks are closed.`,
      });
    } else if (holiday.actualDate === date) {
      findings.push({
        kind: 'holiday',
        message: `${date} is ${holiday.name}; Federal Reserve banks close on the observed day, ${holiday.date}.`,
      });
    }
  }
  for (const raw of blackouts) {
    const blackout = Blackout.parse(raw);
    if (date >= blackout.startDate && date <= blackout.endDate) {
      const span =
        blackout.startDate === blackout.endDate ? blackout.startDate : `${blackout.startDate} to ${blackout.endDate}`;
      findings.push({
        kind: 'blackout',
        message: `${date} is inside a blackout (${span})${blackout.reason ? `: ${blackout.reason}` : ''}.`,
      });
    }
  }
  return findings;
}

/** Warning messages for a post at `instant`, judged on its local date in `zone`. */
export function closureWarnings(
  instant: string,
  zone: string,
  holidays: readonly HolidayLike[],
  blackouts: readonly Blackout[],
): string[] {
  const { date } = utcToZonedWallTime(instant, zone);
  return closuresOnDate(date, holidays, blackouts).map((finding) => finding.message);
}

/**
 * Every local date from `from` to `to` (inclusive) on which the bank is closed: Federal Reserve
 * holidays and blackout days. The planner gives such days no post and the calendar offers no open
 * slot on them.
 */
export function closedDates(from: string, to: string, holidays: readonly Pick<FedHoliday, 'date'>[], blackouts: readonly Blackout[]): Set<string> {
  const closed = new Set(holidays.map((h) => h.date).filter((date) => date >= from && date <= to));
  for (const blackout of blackouts) {
    const first = blackout.startDate > from ? blackout.startDate : from;
    const last = blackout.endDate < to ? blackout.endDate : to;
    for (let date = first; date <= last; date = addDaysLocal(date, 1)) closed.add(date);
  }
  return closed;
}
