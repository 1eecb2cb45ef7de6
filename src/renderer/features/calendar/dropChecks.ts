// Why a post should not go where it was dropped: the bank is closed, a blackout is on, or the time
// has passed. The user is asked before the move is made.
import type { CalendarOverlay } from '../../../shared/api/contract';

export function dropConcerns(instant: string, date: string, overlay: CalendarOverlay | null, now = new Date()): string[] {
  const concerns: string[] = [];
  if (Date.parse(instant) < now.getTime()) concerns.push('That time has already passed: the post would be scheduled in the past.');
  for (const holiday of overlay?.holidays ?? []) {
    if (holiday.date === date) concerns.push(`The bank is closed that day (${holiday.name}).`);
  }
  for (const blackout of overlay?.blackouts ?? []) {
    if (blackout.startDate <= date && date <= blackout.endDate) concerns.push(`That day is in a blackout${blackout.reason ? ` (${blackout.reason})` : ''}: nothing should go out.`);
  }
  return concerns;
}
