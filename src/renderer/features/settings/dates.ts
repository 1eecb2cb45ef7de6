// Calendar dates (`YYYY-MM-DD`, no zone) as the team reads them.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { utcToZonedWallTime } from '../../../shared/time';

export const todayIn = (zone: string): string => utcToZonedWallTime(new Date().toISOString(), zone).date;

export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/** "Thu, Dec 24, 2026" or "Thu, Dec 24 – Sat, Dec 26, 2026" (the year once when both share it). */
export function formatDateRange(start: string, end: string): string {
  const a = parseISO(start);
  const b = parseISO(end);
  if (start === end) return format(a, 'EEE, MMM d, yyyy');
  if (a.getFullYear() === b.getFullYear()) return `${format(a, 'EEE, MMM d')} – ${format(b, 'EEE, MMM d, yyyy')}`;
  return `${format(a, 'EEE, MMM d, yyyy')} – ${format(b, 'EEE, MMM d, yyyy')}`;
}
