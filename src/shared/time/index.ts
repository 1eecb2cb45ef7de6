// Wall-clock <-> UTC conversion for the calendar.
// Instants are stored in UTC plus the IANA zone; people see and edit wall-clock time in the
// workspace (or channel) zone. A wall time that does not exist (spring-forward gap) or exists
// twice (fall-back overlap) is reported, never shifted silently.
// All zone rules come from @date-fns/tz (the runtime's Intl time-zone data); the only local
// logic is trying each offset the zone uses around that day and keeping those that round-trip.
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { z } from 'zod';
import { LocalDate, LocalTime, TimeZone, UtcInstant } from '../domain/schemas';

export const WallTimeStatus = z.enum(['ok', 'gap', 'ambiguous']);
export type WallTimeStatus = z.infer<typeof WallTimeStatus>;

export interface ZonedConversion {
  /** UTC instant `2027-03-14T06:30:00.000Z`; the earlier one when ambiguous; null in a gap. */
  instant: string | null;
  status: WallTimeStatus;
  /**
   * Earliest first.
   * - ok: the single instant.
   * - ambiguous: both real instants (first and second occurrence of the wall time).
   * - gap: the two instants you get by reading the wall time with the offset in force before
   *   and after the change; they show as the same wall time one gap-length earlier and later
   *   (New York 02:30 on a spring-forward day -> 01:30 EST and 03:30 EDT), so the UI can offer them.
   */
  candidates: string[];
  /** Plain-language explanation for gap and ambiguous results. */
  message?: string;
}

export interface ZonedWallTime {
  /** `YYYY-MM-DD` in the zone */
  date: string;
  /** `HH:mm` in the zone */
  time: string;
  /** UTC offset in force, e.g. `-05:00`, `+00:00` */
  offset: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const parseLocalDate = (date: string): [number, number, number] => {
  LocalDate.parse(date);
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
};

const parseLocalTime = (time: string): [number, number] => {
  LocalTime.parse(time);
  const [hours, minutes] = time.split(':').map(Number);
  return [hours, minutes];
};

const parseInstant = (instant: string): number => {
  UtcInstant.parse(instant);
  return new Date(instant).getTime();
};

// Validating a zone builds an Intl.DateTimeFormat; remember the ones already seen.
const knownZones = new Set<string>();
const assertZone = (zone: string): void => {
  if (knownZones.has(zone)) return;
  TimeZone.parse(zone);
  knownZones.add(zone);
};

const toUtcIso = (ms: number): string => new Date(ms).toISOString();

// The zone's UTC offset (minutes) at an instant, remembered per quarter hour: every offset and
// every change of offset in the time-zone data falls on a quarter hour, so the answer is the same
// for the whole bucket. Planning a year converts thousands of slots; each lookup otherwise costs
// an Intl formatting call.
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();
const offsetAt = (zone: string, ms: number): number => {
  const key = `${zone}@${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = tzOffset(zone, new Date(ms));
    offsets.set(key, offset);
  }
  return offset;
};

/** Whether the instant `ms` shows as exactly this wall date and time in `zone`. */
const showsAs = (ms: number, zone: string, wall: readonly number[]): boolean => {
  const shown = new Date(ms + offsetAt(zone, ms) * MINUTE_MS);
  return (
    shown.getUTCFullYear() === wall[0] &&
    shown.getUTCMonth() + 1 === wall[1] &&
    shown.getUTCDate() === wall[2] &&
    shown.getUTCHours() === wall[3] &&
    shown.getUTCMinutes() === wall[4]
  );
};

/**
 * Converts a wall-clock date and time in `zone` to a UTC instant, flagging times that do not
 * exist (gap) or exist twice (ambiguous).
 */
export function zonedWallTimeToUtc(date: string, time: string, zone: string): ZonedConversion {
  const [year, month, day] = parseLocalDate(date);
  const [hours, minutes] = parseLocalTime(time);
  assertZone(zone);

  // The wall time read as if it were UTC; the real instant is within ±14 h of it, so the
  // offsets a day either side cover the offsets before and after any change near it.
  const wallAsUtc = Date.UTC(year, month - 1, day, hours, minutes);
  const offsets = new Set(
    [-DAY_MS, 0, DAY_MS].map((delta) => offsetAt(zone, wallAsUtc + delta)),
  );
  const readings = [...new Set([...offsets].map((offset) => wallAsUtc - offset * MINUTE_MS))].sort(
    (a, b) => a - b,
  );
  const wall = [year, month, day, hours, minutes];
  const matching = readings.filter((ms) => showsAs(ms, zone, wall));

  if (matching.length === 1) {
    return { instant: toUtcIso(matching[0]), status: 'ok', candidates: [toUtcIso(matching[0])] };
  }
  if (matching.length > 1) {
    const [first, second] = [matching[0], matching[matching.length - 1]];
    const firstOffset = format(new TZDate(first, zone), 'xxx');
    const secondOffset = format(new TZDate(second, zone), 'xxx');
    return {
      instant: toUtcIso(first),
      status: 'ambiguous',
      candidates: [toUtcIso(first), toUtcIso(second)],
      message:
        `${time} on ${date} happens twice in ${zone} because the clocks go back: ` +
        `first at UTC${firstOffset}, then again at UTC${secondOffset}. ` +
        `The first one is used unless you choose the second.`,
    };
  }
  const alternatives = readings.map((ms) => {
    const zoned = new TZDate(ms, zone);
    const shownDate = format(zoned, 'yyyy-MM-dd');
    return shownDate === date ? format(zoned, 'HH:mm') : `${format(zoned, 'HH:mm')} on ${shownDate}`;
  });
  return {
    instant: null,
    status: 'gap',
    candidates: readings.map(toUtcIso),
    message:
      `${time} does not exist on ${date} in ${zone}: the clocks skip forward over it. ` +
      `Choose another time` +
      (alternatives.length > 1 ? `, for example ${alternatives.join(' or ')}.` : '.'),
  };
}

/** The wall-clock date, time, offset and ISO weekday of a UTC instant in `zone`. */
export function utcToZonedWallTime(instant: string, zone: string): ZonedWallTime {
  const ms = parseInstant(instant);
  assertZone(zone);
  // The zone's offset at that instant (what TZDate itself uses), then plain UTC arithmetic:
  // three date-fns formats per call made a month of 1,000 posts take ~250 ms to place.
  const offsetMinutes = tzOffset(zone, new Date(ms));
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const iso = shifted.toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    offset: `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`,
    weekday: shifted.getUTCDay() || 7,
  };
}

/** Formats a UTC instant in `zone` with a date-fns pattern (e.g. `EEE d MMM, HH:mm zzz`). */
export function formatInZone(instant: string, zone: string, pattern: string): string {
  const ms = parseInstant(instant);
  assertZone(zone);
  return format(new TZDate(ms, zone), pattern);
}

/**
 * The UTC instant at which the local calendar day `date` begins in `zone`. Usually local
 * midnight; where midnight falls in a DST gap (e.g. America/Santiago) it is the first wall
 * time that exists, such as 01:00.
 */
export function zonedDayStartUtc(date: string, zone: string): string {
  const [year, month, day] = parseLocalDate(date);
  assertZone(zone);
  // Start from noon, which exists on every day, and let the library find the day's start.
  const noon = new TZDate(year, month - 1, day, 12, 0, zone);
  return toUtcIso(startOfDay(noon).getTime());
}

/** Half-open UTC range [start, end) covering the local day `date` in `zone` (23, 24 or 25 h). */
export function zonedDayRangeUtc(date: string, zone: string): { start: string; end: string } {
  return { start: zonedDayStartUtc(date, zone), end: zonedDayStartUtc(addDaysLocal(date, 1), zone) };
}

/** Calendar arithmetic on `YYYY-MM-DD` dates; zone-free, so DST cannot shift the result. */
export function addDaysLocal(date: string, days: number): string {
  const [year, month, day] = parseLocalDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`addDaysLocal: days must be an integer, got ${days}`);
  return format(addDays(new TZDate(year, month - 1, day, 'UTC'), days), 'yyyy-MM-dd');
}

/** A month as `YYYY-MM`. */
export const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and last calendar date of a `YYYY-MM` month. */
export function monthDays(month: string): { from: string; to: string } {
  const match = YEAR_MONTH.exec(month);
  if (!match) throw new RangeError(`monthDays: expected YYYY-MM, got "${month}"`);
  const next = Number(match[2]) === 12 ? `${Number(match[1]) + 1}-01-01` : `${match[1]}-${String(Number(match[2]) + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDaysLocal(next, -1) };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekdayOfDate(date: string): number {
  const [year, month, day] = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** Every calendar date from `from` to `to`, both included. */
export function eachLocalDate(from: string, to: string): string[] {
  const [year, month, day] = parseLocalDate(from);
  parseLocalDate(to);
  const dates: string[] = [];
  // Pure calendar stepping: Date.UTC normalises day overflow into the next month/year, and a
  // UTC timestamp's ISO string starts with that calendar date. No zone is involved.
  for (let offset = 0; ; offset += 1) {
    const date = new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
    if (date > to) break;
    dates.push(date);
  }
  return dates;
}
