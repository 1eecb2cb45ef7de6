// The dates a calendar view shows. FullCalendar reports them once it has drawn the view; the
// opening view's range is also worked out here, the way FullCalendar lays it out (weeks from
// Monday, six weeks in a month), so its posts load while the calendar is still being built
// and the calendar draws once, with them. When the guess differs, FullCalendar's dates win.
import { addDaysLocal, isoWeekdayOfDate, monthDays, utcToZonedWallTime, zonedDayStartUtc } from '../../../shared/time';
import { VIEWS } from './CalendarView';
import type { VisibleRange } from './useCalendarData';

/** `end` and `currentEnd` exclusive, as FullCalendar gives them. */
export function visibleRange(view: string, start: string, end: string, currentStart: string, currentEnd: string, zone: string): VisibleRange {
  return {
    from: zonedDayStartUtc(start, zone),
    to: zonedDayStartUtc(end, zone),
    firstDate: start,
    lastDate: addDaysLocal(end, -1),
    view,
    mixFrom: currentStart,
    mixTo: addDaysLocal(currentEnd, -1),
  };
}

const mondayOf = (date: string): string => addDaysLocal(date, 1 - isoWeekdayOfDate(date));
const firstOfNextMonth = (date: string): string => addDaysLocal(monthDays(date.slice(0, 7)).to, 1);

/** The range FullCalendar will show for `view` opened at `date` (today in the zone by default). */
export function openingRange(view: string, date: string | undefined, zone: string): VisibleRange {
  const day = date ?? utcToZonedWallTime(new Date().toISOString(), zone).date;
  const monthStart = `${day.slice(0, 7)}-01`;
  switch (view) {
    case VIEWS.week:
      return visibleRange(view, mondayOf(day), addDaysLocal(mondayOf(day), 7), mondayOf(day), addDaysLocal(mondayOf(day), 7), zone);
    case VIEWS.day:
      return visibleRange(view, day, addDaysLocal(day, 1), day, addDaysLocal(day, 1), zone);
    case VIEWS.list:
      return visibleRange(view, monthStart, firstOfNextMonth(day), monthStart, firstOfNextMonth(day), zone);
    default:
      return visibleRange(view, mondayOf(monthStart), addDaysLocal(mondayOf(monthStart), 42), monthStart, firstOfNextMonth(day), zone);
  }
}

/** The views just before and after `visible` (the previous and next month, week or day). */
export function besideRanges(visible: VisibleRange, zone: string): VisibleRange[] {
  const start = visible.mixFrom;
  if (visible.view === VIEWS.week) return [-7, 7].map((days) => openingRange(visible.view, addDaysLocal(start, days), zone));
  if (visible.view === VIEWS.day) return [-1, 1].map((days) => openingRange(visible.view, addDaysLocal(start, days), zone));
  const previousMonth = `${addDaysLocal(start, -1).slice(0, 7)}-01`;
  return [previousMonth, firstOfNextMonth(start)].map((date) => openingRange(visible.view, date, zone));
}
