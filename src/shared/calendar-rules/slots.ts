// A channel's weekly posting schedule (weekday x times, like Buffer's) expanded into dated
// slots, shown in the calendar as empty places to fill.
import { differenceInCalendarDays } from 'date-fns';
import { z } from 'zod';
import { Id, LocalDate, PostingSlot, TimeZone } from '../domain/schemas';
import { eachLocalDate, isoWeekdayOfDate, zonedWallTimeToUtc, type WallTimeStatus } from '../time';
import { calendarDate } from './dates';

const toCalendarDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return calendarDate(year, month, day);
};

/** Longest range expanded in one call (a calendar shows at most a few months). */
export const MAX_SLOT_RANGE_DAYS = 400;

export const ExpandPostingSlotsInput = z.object({
  channelId: Id.or(z.string().min(1)),
  slots: z.array(PostingSlot),
  timezone: TimeZone,
  /** First day, `YYYY-MM-DD` in the channel zone */
  from: LocalDate,
  /** Last day, inclusive */
  to: LocalDate,
});
export type ExpandPostingSlotsInput = z.input<typeof ExpandPostingSlotsInput>;

export interface DatedSlot {
  /** Deterministic: `${channelId}:${date}T${time}` */
  id: string;
  channelId: string;
  /**
   * UTC instant. null for a slot whose wall time does not exist that day (DST gap): such a
   * slot is reported, never moved, and is not fillable. For an ambiguous wall time (fall-back)
   * it is the first occurrence, and `status` says so.
   */
  start: string | null;
  date: string;
  time: string;
  status: WallTimeStatus;
  /** Explanation for gap and ambiguous slots */
  message?: string;
}

/**
 * Every slot of the schedule between `from` and `to` (inclusive), ordered by time: by `start`
 * for real slots, and a gap slot sits where its wall time would be. Duplicate schedule
 * entries collapse into one slot.
 */
export function expandPostingSlots(rawInput: ExpandPostingSlotsInput): DatedSlot[] {
  const input = ExpandPostingSlotsInput.parse(rawInput);
  if (input.to < input.from) throw new RangeError(`expandPostingSlots: ${input.to} is before ${input.from}`);
  const dates = eachLocalDateCapped(input.from, input.to);

  const timesByWeekday = new Map<number, string[]>();
  for (const { weekday, time } of input.slots) {
    const times = timesByWeekday.get(weekday) ?? [];
    if (!times.includes(time)) times.push(time);
    timesByWeekday.set(weekday, times);
  }

  const slots: DatedSlot[] = [];
  for (const date of dates) {
    const times = [...(timesByWeekday.get(isoWeekdayOfDate(date)) ?? [])].sort();
    for (const time of times) {
      const conversion = zonedWallTimeToUtc(date, time, input.timezone);
      slots.push({
        id: `${input.channelId}:${date}T${time}`,
        channelId: input.channelId,
        start: conversion.instant,
        date,
        time,
        status: conversion.status,
        ...(conversion.message ? { message: conversion.message } : {}),
      });
    }
  }
  // Dates ascend and times ascend within a day; with the first occurrence chosen for ambiguous
  // times, this wall-clock order is also the order of `start`.
  return slots;
}

/** Slots a post can be put into: everything except DST-gap slots. */
export function fillableSlots(slots: readonly DatedSlot[]): (DatedSlot & { start: string })[] {
  return slots.filter((slot): slot is DatedSlot & { start: string } => slot.start !== null);
}

/**
 * Fillable slots with no post already at that instant, for the "open slot" placeholders.
 * `takenInstants` are the UTC `scheduledAt` values of the channel's posts.
 */
export function openSlots(slots: readonly DatedSlot[], takenInstants: Iterable<string>): (DatedSlot & { start: string })[] {
  const taken = new Set([...takenInstants].map((instant) => new Date(instant).getTime()));
  return fillableSlots(slots).filter((slot) => !taken.has(new Date(slot.start).getTime()));
}

function eachLocalDateCapped(from: string, to: string): string[] {
  const days = differenceInCalendarDays(toCalendarDate(to), toCalendarDate(from)) + 1;
  if (days > MAX_SLOT_RANGE_DAYS) {
    throw new RangeError(`expandPostingSlots: ${days} days requested; at most ${MAX_SLOT_RANGE_DAYS} at a time`);
  }
  return eachLocalDate(from, to);
}
