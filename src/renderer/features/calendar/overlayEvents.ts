// Background layers drawn behind the posts: closures, blackouts, observances and open slots.
import type { EventInput } from '@fullcalendar/core';
import type { CalendarOverlay } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/domain/schemas';
import { addDaysLocal } from '../../../shared/time';
import { toCalendarTime } from './postEvents';

export interface OverlayOptions {
  showObservances: boolean;
  showOpenSlots: boolean;
  zone: string;
  channels: ReadonlyMap<string, Channel>;
}

/** All-day background events use exclusive end dates. */
const allDay = (id: string, start: string, endInclusive: string, title: string, className: string, color: string): EventInput => ({
  id,
  title,
  start,
  end: addDaysLocal(endInclusive, 1),
  allDay: true,
  display: 'background',
  backgroundColor: color,
  classNames: [className],
});

export function overlayToEvents(overlay: CalendarOverlay, options: OverlayOptions): EventInput[] {
  const events: EventInput[] = [];
  for (const holiday of overlay.holidays) {
    events.push(allDay(`holiday-${holiday.date}`, holiday.date, holiday.date, `Closed: ${holiday.name}`, 'sb-closure', '#ffe3e3'));
  }
  for (const blackout of overlay.blackouts) {
    events.push(
      allDay(`blackout-${blackout.id}`, blackout.startDate, blackout.endDate, `Blackout${blackout.reason ? `: ${blackout.reason}` : ''}`, 'sb-blackout', '#e9ecef'),
    );
  }
  if (options.showObservances) {
    for (const o of overlay.observances) {
      // Month-long observances would tint a whole month: they show as a label on their first day only.
      const end = o.kind === 'month' ? o.start : o.end;
      events.push(allDay(`obs-${o.id}-${o.start}`, o.start, end, o.name, 'sb-observance', '#fff3bf'));
    }
  }
  if (options.showOpenSlots) {
    for (const slot of overlay.openSlots) {
      const channel = options.channels.get(slot.channelId);
      events.push({
        id: `slot-${slot.id}`,
        title: `Open: ${channel?.name ?? 'channel'}`,
        start: toCalendarTime(slot.start, options.zone),
        allDay: false,
        editable: false,
        classNames: ['sb-open-slot'],
        backgroundColor: 'transparent',
        borderColor: channel?.color ?? '#adb5bd',
        textColor: '#495057',
        extendedProps: { openSlot: slot },
      });
    }
  }
  return events;
}
