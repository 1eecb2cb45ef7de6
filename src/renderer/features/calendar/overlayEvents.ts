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

/** How tall an open slot's block is in the week and day views. */
const OPEN_SLOT_MINUTES = 30;

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
    // Open slots are background events: drawn behind the posts, never over them. Slots of several
    // channels at the same time become one block naming them all.
    const byStart = new Map<string, CalendarOverlay['openSlots']>();
    for (const slot of overlay.openSlots) byStart.set(slot.start, [...(byStart.get(slot.start) ?? []), slot]);
    for (const [start, slots] of byStart) {
      const names = slots.map((slot) => options.channels.get(slot.channelId)?.name ?? 'a channel');
      events.push({
        id: `slot-${slots[0].id}`,
        title: `Open: ${names.join(', ')}`,
        start: toCalendarTime(start, options.zone),
        end: toCalendarTime(new Date(Date.parse(start) + OPEN_SLOT_MINUTES * 60_000).toISOString(), options.zone),
        allDay: false,
        display: 'background',
        classNames: ['sb-open-slot'],
        backgroundColor: '#e7f5ff',
        extendedProps: { openSlots: slots },
      });
    }
  }
  return events;
}
