// Closure warnings: a post on a Federal Reserve holiday or inside a user blackout is allowed
// but flagged, so nobody schedules a "visit us today" post for a day the bank is closed.
import { z } from 'zod';
import { LocalDate } from '../domain/schemas';
import { utcToZonedWallTime } from '../time';
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
