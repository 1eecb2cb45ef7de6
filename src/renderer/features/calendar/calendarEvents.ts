// What FullCalendar draws: the posts and layers as events, and the labels of the day cells.
// FullCalendar gets them from an event source function, not an events array, so that moving to
// the previous or next month draws once: FullCalendar asks for the new dates while it handles the
// click, the months fetched ahead answer at once, and it lays the view out a single time with
// them. (With an array it drew the new month empty, then again when the page passed its posts.)
import type { Calendar, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import type FullCalendar from '@fullcalendar/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { CalendarOverlay } from '../../../shared/api/contract';
import type { Category, Channel, Post } from '../../../shared/domain/schemas';
import { zonedDayStartUtc } from '../../../shared/time';
import { useStableCallback } from '../../app/stable';
import { VIEWS } from './CalendarView';
import { cellLayers, type CellLayers } from './DayLabels';
import { limitPerDay, MONTH_EVENTS_PER_DAY, type Density } from './eventContent';
import { overlayToEvents } from './overlayEvents';
import { calendarWallClock, postToEvent } from './postEvents';
import type { CalendarData, VisibleRange } from './useCalendarData';

/** Everything besides the posts and the layers that changes what the events are. */
export interface EventOptions {
  zone: string;
  view: string;
  categories: ReadonlyMap<string, Category>;
  channels: ReadonlyMap<string, Channel>;
  showObservances: boolean;
  showOpenSlots: boolean;
  /** open slots are drawn only when no channel filter is on */
  channelFiltered: boolean;
  density: Density;
}

export function buildEvents(posts: Post[], overlay: CalendarOverlay | null, options: EventOptions): EventInput[] {
  const isMonth = options.view === VIEWS.month;
  let postEvents = posts.map((p) => postToEvent(p, options.zone, options.categories as Map<string, Category>)).filter((e) => e !== null);
  // A busy month holds ~1,000 posts; FullCalendar would lay out every one of them. Each day
  // shows its first few and a "+N more" that opens the day's agenda.
  if (isMonth) postEvents = limitPerDay(postEvents, MONTH_EVENTS_PER_DAY[options.density]);
  if (!overlay) return postEvents;
  const layers = overlayToEvents(overlay, {
    zone: options.zone,
    channels: options.channels,
    showObservances: options.showObservances,
    // month view counts open slots per day; the list keeps them in a list of their own
    showOpenSlots: options.showOpenSlots && !isMonth && options.view !== VIEWS.list && !options.channelFiltered,
  });
  return [...layers, ...postEvents];
}

/** What FullCalendar was last given: its events, and the layers its cells were drawn with. */
interface Drawn {
  events: EventInput[] | null;
  layers: CellLayers;
}

type Success = (events: EventInput[]) => void;

/** Cells before any layers have loaded: no labels, no open slots. */
const NO_LAYERS = cellLayers(null, false);

interface Waiting {
  from: string;
  to: string;
  success: Success;
}

export interface CalendarEvents {
  /** FullCalendar's `events` option; its identity never changes */
  source: (info: EventSourceFuncArg, success: Success) => void;
  /** the layers the cells are drawn with now (read by the day cell and header renderers) */
  currentLayers: () => CellLayers;
}

type Data = Pick<CalendarData, 'posts' | 'overlay' | 'shownRange' | 'readySnapshot'>;

export function useCalendarEvents(calendarRef: RefObject<FullCalendar | null>, range: VisibleRange, data: Data, options: EventOptions): CalendarEvents {
  const { posts, overlay, shownRange, readySnapshot } = data;
  // The same posts, layers and options give the same events array (by identity), so what was
  // drawn from a month fetched ahead is known to be drawn when the page then shows that month.
  const built = useRef(new WeakMap<Post[], { overlay: CalendarOverlay | null; options: EventOptions; events: EventInput[] }>());
  const eventsOf = (list: Post[], layers: CalendarOverlay | null): EventInput[] => {
    const hit = built.current.get(list);
    if (hit && hit.overlay === layers && hit.options === options) return hit.events;
    const events = buildEvents(list, layers, options);
    built.current.set(list, { overlay: layers, options, events });
    return events;
  };
  const layered = useRef(new WeakMap<CalendarOverlay, { showObservances: boolean; layers: CellLayers }>());
  const layersOf = (layers: CalendarOverlay | null): CellLayers => {
    if (!layers) return NO_LAYERS;
    const hit = layered.current.get(layers);
    if (hit && hit.showObservances === options.showObservances) return hit.layers;
    const computed = cellLayers(layers, options.showObservances);
    layered.current.set(layers, { showObservances: options.showObservances, layers: computed });
    return computed;
  };

  const drawn = useRef<Drawn>({ events: null, layers: NO_LAYERS });
  const waiting = useRef<Waiting | null>(null);
  const give = (events: EventInput[], layers: CellLayers, success: Success) => {
    drawn.current = { events, layers };
    success(events);
  };

  const source = useStableCallback((info: EventSourceFuncArg, success: Success) => {
    const start = calendarWallClock(info.start).date;
    const end = calendarWallClock(info.end).date;
    const from = zonedDayStartUtc(start, options.zone);
    const to = zonedDayStartUtc(end, options.zone);
    waiting.current = null;
    if (shownRange === range && from === range.from && to === range.to) return give(eventsOf(posts, overlay), layersOf(overlay), success);
    const ready = readySnapshot(start, end);
    if (ready) return give(eventsOf(ready.posts, ready.surroundings[0]), layersOf(ready.surroundings[0]), success);
    // not fetched yet: drawn when the page has loaded these dates (below)
    waiting.current = { from, to, success };
  });

  // After every render (cheap: eventsOf and layersOf are memoized), FullCalendar is brought up to
  // what the page shows: a view it waits for, new events (a move, a search) or new day labels.
  useEffect(() => {
    // the React wrapper types its calendar as the plain API; it is the Calendar, which can batch
    const api = calendarRef.current?.getApi() as Calendar | undefined;
    if (!api || shownRange !== range) return; // still showing the last view's posts
    const events = eventsOf(posts, overlay);
    const layers = layersOf(overlay);
    const pending = waiting.current;
    if (pending && (pending.from !== range.from || pending.to !== range.to)) return;
    const cellsChanged = layers.key !== drawn.current.layers.key;
    if (!pending && events === drawn.current.events && !cellsChanged) {
      drawn.current.layers = layers;
      return;
    }
    // one layout for both: the cells' labels (render() redraws custom content) and the events
    api.batchRendering(() => {
      if (cellsChanged) {
        drawn.current.layers = layers;
        api.render();
      }
      if (pending) {
        waiting.current = null;
        give(events, layers, pending.success);
      } else api.refetchEvents();
    });
  });

  const currentLayers = useCallback(() => drawn.current.layers, []);
  return { source, currentLayers };
}
