// What a day is, written on it: closures, blackouts and observances (and in month view, how many
// posting slots are still open).
import type { DayCellContentArg, DayHeaderContentArg } from '@fullcalendar/core';
import type { CalendarOverlay } from '../../../shared/api/contract';
import { addDaysLocal } from '../../../shared/time';
import { element } from './domNodes';
import { calendarWallClock } from './postEvents';

type LabelKind = 'closure' | 'blackout' | 'observance';
export type DayLabelMap = Map<string, Array<{ text: string; kind: LabelKind }>>;

/** What the day cells and headers show: each date's labels and (month view) open slot count. */
export interface CellLayers {
  labels: DayLabelMap;
  openSlots: Map<string, number>;
  /** equal keys draw the same cells: a refetched overlay with nothing new needs no redraw */
  key: string;
}

export function cellLayers(overlay: CalendarOverlay | null, showObservances: boolean): CellLayers {
  const labels: DayLabelMap = new Map();
  const add = (date: string, text: string, kind: LabelKind) => labels.set(date, [...(labels.get(date) ?? []), { text, kind }]);
  for (const h of overlay?.holidays ?? []) add(h.date, `Closed: ${h.name}`, 'closure');
  for (const b of overlay?.blackouts ?? []) {
    for (let d = b.startDate; d <= b.endDate; d = addDaysLocal(d, 1)) add(d, `Blackout${b.reason ? `: ${b.reason}` : ''}`, 'blackout');
  }
  if (showObservances) {
    for (const o of overlay?.observances ?? []) {
      // a holiday already names the day (Veterans Day): no second label
      if (!(labels.get(o.start) ?? []).some((l) => l.text.includes(o.name))) add(o.start, o.name, 'observance');
    }
  }
  const openSlots = new Map<string, number>();
  for (const slot of overlay?.openSlots ?? []) openSlots.set(slot.date, (openSlots.get(slot.date) ?? 0) + 1);
  return { labels, openSlots, key: JSON.stringify([[...labels], [...openSlots]]) };
}

type DayLabel = DayLabelMap extends Map<string, infer V> ? V : never;

// Plain DOM nodes, like the events (eventContent.ts): as React content each of the month's 42
// cells would be a portal FullCalendar re-renders with the whole view.
function labelNodes(labels: DayLabel): HTMLElement[] {
  return labels.map((l) => {
    const node = element('span', `sb-day-label sb-day-${l.kind}`, l.text);
    node.title = l.text;
    return node;
  });
}

export function dayHeaderNodes(arg: DayHeaderContentArg, labels: DayLabelMap | null): { domNodes: Node[] } {
  const root = element('span', 'sb-day-header');
  root.append(element('span', '', arg.text), ...labelNodes(labels?.get(calendarWallClock(arg.date).date) ?? []));
  return { domNodes: [root] };
}

export function dayCellNodes(arg: DayCellContentArg, labels: DayLabelMap | null, openSlots: Map<string, number> | null): { domNodes: Node[] } {
  const date = calendarWallClock(arg.date).date;
  const nodes: Node[] = [];
  const dayLabels = labels?.get(date) ?? [];
  if (dayLabels.length) {
    const wrap = element('span', 'sb-day-labels');
    wrap.append(...labelNodes(dayLabels));
    nodes.push(wrap);
  }
  const open = openSlots?.get(date) ?? 0;
  if (open > 0) nodes.push(element('span', 'sb-open-count', `${open} open`));
  nodes.push(element('span', '', arg.dayNumberText));
  return { domNodes: nodes };
}
