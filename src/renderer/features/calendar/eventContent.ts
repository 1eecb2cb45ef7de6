// What each calendar event shows, as plain DOM nodes rather than React elements: FullCalendar
// mounts React content one root per event, which dominated the month view's paint time with
// hundreds of events.
import type { EventContentArg, EventInput } from '@fullcalendar/core';
import type { CalendarOverlay } from '../../../shared/api/contract';
import { NETWORK_LABELS, STATUS_LABELS, type Channel, type Post } from '../../../shared/domain/schemas';
import { utcToZonedWallTime } from '../../../shared/time';
import { formatTime } from '../../app/format';
import { networkIconNode } from '../../components/networkIcons';
import { VIEWS } from './CalendarView';
import { element } from './domNodes';

export type Density = 'comfortable' | 'compact';
/** Posts a month cell shows before "+N more": two-line cards take more room than one-line ones. */
export const MONTH_EVENTS_PER_DAY: Record<Density, number> = { comfortable: 2, compact: 4 };

/** Keeps the first `limit` events of each day (by start) and adds a "+N more" event for the rest. */
export function limitPerDay(events: EventInput[], limit: number): EventInput[] {
  const byDay = new Map<string, EventInput[]>();
  for (const event of events) {
    const day = String(event.start).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const kept: EventInput[] = [];
  for (const [day, dayEvents] of byDay) {
    if (dayEvents.length <= limit + 1) {
      kept.push(...dayEvents);
      continue;
    }
    dayEvents.sort((a, b) => String(a.start).localeCompare(String(b.start)));
    kept.push(...dayEvents.slice(0, limit), {
      id: `more-${day}`,
      title: `+${dayEvents.length - limit} more`,
      start: `${day}T23:59:00Z`,
      allDay: false,
      editable: false,
      classNames: ['sb-more-event'],
      backgroundColor: 'transparent',
      borderColor: 'transparent',
      textColor: '#1f2328',
      extendedProps: { moreDate: day },
    });
  }
  return kept;
}

export interface EventContext {
  zone: string;
  channels: ReadonlyMap<string, Channel>;
  density: Density;
}

function openSlotLabel(slots: CalendarOverlay['openSlots'], { zone, channels }: EventContext): HTMLElement {
  const node = element('div', 'sb-open-label');
  node.append(element('span', '', `${formatTime(utcToZonedWallTime(slots[0].start, zone).time)} open`));
  for (const slot of slots) {
    const channel = channels.get(slot.channelId);
    if (channel) node.append(networkIconNode(channel.network, 11, channel.name));
  }
  node.title = `Open slot on ${slots.map((slot) => channels.get(slot.channelId)?.name ?? 'a channel').join(', ')}: click to write a post for it`;
  return node;
}

/**
 * The month view has no status line (the card's stripes or outline and the legend say it), and in compact
 * density no logos: a month can hold hundreds of cards, each node is laid out.
 */
function postContent(post: Post, timeText: string, view: string, { channels, density }: EventContext): HTMLElement {
  const month = view === VIEWS.month;
  const errors = post.issues.filter((i) => i.severity === 'error').length;
  const warnings = post.issues.length - errors;
  const root = element('div', `sb-event sb-status-${post.status}`);
  const names = post.channelIds.map((id) => channels.get(id)?.name).filter(Boolean);
  root.setAttribute('aria-label', `${timeText} ${post.title}, ${STATUS_LABELS[post.status]}${names.length ? `, on ${names.join(', ')}` : ''}`);
  const head = element('div', 'sb-event-head');
  head.append(element('span', 'sb-event-time', timeText));
  for (const id of month && density === 'compact' ? [] : post.channelIds) {
    const channel = channels.get(id);
    if (channel) head.append(networkIconNode(channel.network, 12, `${channel.name} (${NETWORK_LABELS[channel.network]})`));
  }
  if (post.issues.length > 0) {
    const issue = element('span', 'sb-issue', '⚠');
    issue.title = post.issues.map((i) => i.message).join('\n');
    issue.setAttribute('aria-label', `${errors} errors, ${warnings} warnings`);
    head.append(issue);
  }
  // the whole title, on up to two lines (CSS clamps it)
  root.append(head, element('div', 'sb-event-title', post.title));
  if (!month) root.append(element('div', 'sb-status', STATUS_LABELS[post.status]));
  return root;
}

export function renderEventContent(arg: EventContentArg, context: EventContext): { domNodes: Node[] } | undefined {
  const props = arg.event.extendedProps;
  if (props.moreDate) return { domNodes: [element('span', 'sb-more', arg.event.title)] };
  if (props.openSlots) return { domNodes: [openSlotLabel(props.openSlots as CalendarOverlay['openSlots'], context)] };
  const post = props.post as Post | undefined;
  if (!post) return undefined; // background layers keep FullCalendar's own rendering
  return { domNodes: [postContent(post, arg.timeText, arg.view.type, context)] };
}
