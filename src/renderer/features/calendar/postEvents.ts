// Posts <-> FullCalendar events. FullCalendar runs in 'UTC' mode and is fed wall-clock times of
// the workspace zone written as if they were UTC, so what it shows is the bank's local time
// whatever the machine's zone; moves are read back the same way and converted with the zone.
import type { EventInput } from '@fullcalendar/core';
import type { Category, Post } from '../../../shared/domain/schemas';
import { utcToZonedWallTime, zonedWallTimeToUtc, type ZonedConversion } from '../../../shared/time';

export const UNCATEGORISED_COLOR = '#868e96';

/** `color` mixed with white: weight 0.16 = 16% colour. */
export function tint(color: string, weight: number): string {
  const channel = (i: number) => Math.round(255 - (255 - parseInt(color.slice(i, i + 2), 16)) * weight);
  return `#${[1, 3, 5].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

export function postToEvent(post: Post, zone: string, categories: Map<string, Category>): EventInput | null {
  if (!post.scheduledAt) return null;
  const category = post.categoryId ? categories.get(post.categoryId) : undefined;
  const color = category?.color ?? UNCATEGORISED_COLOR;
  return {
    id: post.id,
    title: post.title,
    start: toCalendarTime(post.scheduledAt, zone),
    allDay: false,
    // a light tint with the full colour as a bar keeps dark text readable (WCAG AA) on every category colour
    backgroundColor: tint(color, 0.16),
    borderColor: color,
    textColor: '#1f2328',
    classNames: [`sb-is-${post.status}`],
    extendedProps: { post },
  };
}

/** Time a post gets when it is put on a whole day (month view). */
export const DEFAULT_POST_TIME = '09:00';

/** A date FullCalendar reports, as the bank's wall clock (its UTC fields). */
export function calendarWallClock(date: Date): { date: string; time: string } {
  const iso = date.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** An instant as FullCalendar is fed it: the wall clock in `zone`, written as if it were UTC. */
export function toCalendarTime(instant: string, zone: string): string {
  const wall = utcToZonedWallTime(instant, zone);
  return `${wall.date}T${wall.time}:00Z`;
}

/** A date FullCalendar reports -> a real instant in `zone` (a whole day gets DEFAULT_POST_TIME). */
export function eventDateToInstant(date: Date, zone: string, allDay = false): ZonedConversion {
  const wall = calendarWallClock(date);
  return zonedWallTimeToUtc(wall.date, allDay ? DEFAULT_POST_TIME : wall.time, zone);
}
