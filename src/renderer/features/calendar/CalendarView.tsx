// FullCalendar with the app's fixed options. It re-renders only when a prop changes: the page
// passes an event source function, memoized content renderers and stable handlers, because FullCalendar lays the
// whole view out again (and re-renders every cell's React content) on any changed option.
import type { CalendarOptions } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { memo, useCallback, type Ref } from 'react';
import { toCalendarTime } from './postEvents';

/** The views by their names in the address (#/calendar?view=week) and FullCalendar's. */
export const VIEWS = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay', list: 'listMonth' } as const;
export type ViewName = keyof typeof VIEWS;

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const HEADER_TOOLBAR = { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listMonth' };
const BUTTON_TEXT = { today: 'Today', month: 'Month', week: 'Week', day: 'Day', list: 'List', prev: '‹', next: '›' };
const BUTTON_HINTS = { prev: 'Previous $0', next: 'Next $0', today: 'Go to today' };
const EVENT_TIME_FORMAT = { hour: 'numeric', minute: '2-digit', meridiem: 'short' } as const;

type Passed =
  | 'events'
  | 'eventContent'
  | 'datesSet'
  | 'eventDrop'
  | 'eventClick'
  | 'eventMouseEnter'
  | 'eventMouseLeave'
  | 'eventDragStart'
  | 'dateClick'
  | 'drop'
  | 'dayHeaderContent'
  | 'dayCellContent';

export interface CalendarViewProps extends Pick<CalendarOptions, Passed> {
  calendarRef: Ref<FullCalendar>;
  /** used when the calendar mounts; later moves go through its API */
  initialView: string;
  initialDate: string | undefined;
  zone: string;
}

export const CalendarView = memo(function CalendarView({ calendarRef, initialView, initialDate, zone, ...passed }: CalendarViewProps) {
  const now = useCallback(() => toCalendarTime(new Date().toISOString(), zone), [zone]);
  return (
    <FullCalendar
      ref={calendarRef}
      plugins={PLUGINS}
      initialView={initialView}
      initialDate={initialDate}
      timeZone="UTC"
      firstDay={1}
      height="100%"
      headerToolbar={HEADER_TOOLBAR}
      // FullCalendar's icon fonts are role=img without a name: plain arrows with hints instead
      buttonIcons={false}
      buttonText={BUTTON_TEXT}
      buttonHints={BUTTON_HINTS}
      now={now}
      eventInteractive
      eventDisplay="block"
      allDaySlot={false}
      editable
      eventDurationEditable={false}
      nowIndicator
      slotMinTime="06:00:00"
      slotMaxTime="22:00:00"
      eventTimeFormat={EVENT_TIME_FORMAT}
      droppable
      // the events come from a source function (calendarEvents.ts): asked again on every move,
      // as the week and day views draw events the month does not (open slots, no "+N more")
      lazyFetching={false}
      {...passed}
    />
  );
});
