// The posting schedule as the editor shows it: one row per time of day, a set of weekdays per row.
import type { PostingSlot } from '../../../shared/domain/schemas';

export const WEEKDAYS = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
] as const;

export const DAY_PRESETS = {
  everyday: { label: 'Every day', days: [1, 2, 3, 4, 5, 6, 7] },
  weekdays: { label: 'Weekdays (Mon–Fri)', days: [1, 2, 3, 4, 5] },
  weekends: { label: 'Weekends (Sat–Sun)', days: [6, 7] },
} as const;
export type DayPreset = keyof typeof DAY_PRESETS;

export interface ScheduleRow {
  time: string;
  days: number[];
}

const byTime = (a: ScheduleRow, b: ScheduleRow) => a.time.localeCompare(b.time);

export function slotsToRows(slots: readonly PostingSlot[]): ScheduleRow[] {
  const rows = new Map<string, Set<number>>();
  for (const slot of slots) {
    const days = rows.get(slot.time) ?? new Set<number>();
    days.add(slot.weekday);
    rows.set(slot.time, days);
  }
  return [...rows].map(([time, days]) => ({ time, days: [...days].sort() })).sort(byTime);
}

/** Rows with no weekday ticked hold no slot and are dropped. */
export function rowsToSlots(rows: readonly ScheduleRow[]): PostingSlot[] {
  return rows
    .flatMap((row) => row.days.map((weekday) => ({ weekday, time: row.time })))
    .sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

export function addRow(rows: readonly ScheduleRow[], time: string, days: readonly number[]): ScheduleRow[] {
  const existing = rows.find((r) => r.time === time);
  if (existing) {
    return rows.map((r) => (r === existing ? { time, days: [...new Set([...r.days, ...days])].sort() } : r));
  }
  return [...rows, { time, days: [...days].sort() }].sort(byTime);
}

export function toggleDay(rows: readonly ScheduleRow[], time: string, day: number): ScheduleRow[] {
  return rows.map((r) =>
    r.time !== time ? r : { time, days: r.days.includes(day) ? r.days.filter((d) => d !== day) : [...r.days, day].sort() },
  );
}

/** "9:30 AM" for "09:30": how the team reads times. */
export function formatTime(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "10 posting times a week" */
export function describeSchedule(slots: readonly PostingSlot[]): string {
  if (slots.length === 0) return 'No posting schedule';
  return `${slots.length} posting ${slots.length === 1 ? 'time' : 'times'} a week`;
}
