// Local dates, ISO weeks and months of UTC instants in one IANA zone.
// Offsets come from @date-fns/tz; transitions are found once per range (tzScan) so that tens of
// thousands of instants cost a binary search each instead of an Intl call each.
import { tzOffset, tzScan } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Instants this close to a detected transition ask Intl directly (tzScan works at hour resolution). */
const TRANSITION_GUARD_MS = 3 * 3_600_000;

export interface LocalDay {
  /** Days since 1970-01-01 in local wall-clock terms. */
  dayNumber: number;
  /** `YYYY-MM-DD` */
  date: string;
  /** `2027-W09` */
  isoWeek: string;
  /** `2027-03` */
  month: string;
}

export class LocalCalendar {
  private readonly changeTimes: number[] = [];
  private readonly segmentOffsets: number[] = [];
  private readonly dayCache = new Map<number, LocalDay>();

  constructor(
    readonly timeZone: string,
    fromMs: number,
    toMs: number,
  ) {
    const start = new Date(fromMs - 2 * DAY_MS);
    const end = new Date(toMs + 2 * DAY_MS);
    this.segmentOffsets.push(tzOffset(timeZone, start));
    for (const change of tzScan(timeZone, { start, end })) {
      this.changeTimes.push(change.date.getTime());
      this.segmentOffsets.push(change.offset);
    }
  }

  /** UTC offset in minutes at `ms`. */
  offsetMinutes(ms: number): number {
    const times = this.changeTimes;
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle] <= ms) low = middle + 1;
      else high = middle;
    }
    const nearTransition =
      (low > 0 && ms - times[low - 1] < TRANSITION_GUARD_MS) || (low < times.length && times[low] - ms < TRANSITION_GUARD_MS);
    return nearTransition ? tzOffset(this.timeZone, new Date(ms)) : this.segmentOffsets[low];
  }

  dayNumber(ms: number): number {
    return Math.floor((ms + this.offsetMinutes(ms) * MINUTE_MS) / DAY_MS);
  }

  day(ms: number): LocalDay {
    return this.dayOf(this.dayNumber(ms));
  }

  dayOf(dayNumber: number): LocalDay {
    let day = this.dayCache.get(dayNumber);
    if (!day) {
      const date = dateOfDayNumber(dayNumber);
      // The zone only decides which calendar day an instant falls on (above); the ISO week of a
      // calendar day is zone-free, so date-fns reads it from a plain local-noon Date of that day.
      const noon = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
      day = {
        dayNumber,
        date,
        isoWeek: `${getISOWeekYear(noon)}-W${String(getISOWeek(noon)).padStart(2, '0')}`,
        month: date.slice(0, 7),
      };
      this.dayCache.set(dayNumber, day);
    }
    return day;
  }

}

/** Day number of a `YYYY-MM-DD` calendar date. */
const dayNumbers = new Map<string, number>();
/** Days since 1970-01-01 of a `YYYY-MM-DD` date (memoised: a 10,000-item backlog repeats a few hundred dates). */
export const dayNumberOfDate = (date: string): number => {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size < 100_000) dayNumbers.set(date, day);
  }
  return day;
};
export const dateOfDayNumber = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
