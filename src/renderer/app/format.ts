// The one way the app writes dates and times: the user's locale through Intl, in the workspace's
// zone. Calendar dates (`YYYY-MM-DD`) carry no zone and are formatted as they are.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { utcToZonedWallTime } from '../../shared/time';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are slow to build and are asked for hundreds of times per render: one per option set. */
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(undefined, options)));
  return made;
}

/** A calendar date as a UTC midnight: formatting it in UTC gives back the same date in every zone. */
const dateAsUtc = (date: string): Date => new Date(`${date}T00:00:00Z`);

const DAY = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;
const DAY_WITH_YEAR = { ...DAY, year: 'numeric' } as const;
const TIME = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' } as const;

/** "Thu, Dec 24, 2026" (or without the year). */
export const formatDate = (date: string, withYear = true): string => formatter(withYear ? DAY_WITH_YEAR : DAY).format(dateAsUtc(date));

/** `HH:mm` as "9:30 AM" (or the locale's own form). */
export const formatTime = (time: string): string => formatter(TIME).format(new Date(`1970-01-01T${time}:00Z`));

/** An instant in the workspace zone: "Tue, Dec 1, 9:30 AM". */
export function formatInstant(instant: string | null, zone: string, empty = 'Unscheduled'): string {
  if (!instant) return empty;
  const wall = utcToZonedWallTime(instant, zone);
  return `${formatDate(wall.date, false)}, ${formatTime(wall.time)}`;
}

/** "Thu, Dec 24, 2026" or "Thu, Dec 24 – Sat, Dec 26, 2026" (the year once when both share it). */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${formatDate(start, !sameYear)} – ${formatDate(end)}`;
}

/** A mix period by its first and last day: "Dec 2026" for a month, "Nov 30 – Dec 6" for a week. */
export function formatPeriod(start: string, end: string, granularity: 'week' | 'month'): string {
  if (granularity === 'month') return formatter({ month: 'short', year: 'numeric', timeZone: 'UTC' }).format(dateAsUtc(start));
  const short = formatter({ month: 'short', day: 'numeric', timeZone: 'UTC' });
  return `${short.format(dateAsUtc(start))} – ${short.format(dateAsUtc(end))}`;
}

export const todayIn = (zone: string): string => utcToZonedWallTime(new Date().toISOString(), zone).date;

export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));
