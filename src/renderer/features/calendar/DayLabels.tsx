// What a day is, written on it: closures, blackouts and observances (and in month view, how many
// posting slots are still open).
import type { DayCellContentArg, DayHeaderContentArg } from '@fullcalendar/core';
import { useMemo } from 'react';
import type { CalendarOverlay } from '../../../shared/api/contract';
import { addDaysLocal } from '../../../shared/time';
import { calendarWallClock } from './postEvents';

type LabelKind = 'closure' | 'blackout' | 'observance';
export type DayLabelMap = Map<string, Array<{ text: string; kind: LabelKind }>>;

export function useDayLabels(overlay: CalendarOverlay | null, showObservances: boolean): DayLabelMap {
  return useMemo(() => {
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
    return labels;
  }, [overlay, showObservances]);
}

function Labels({ labels, className }: { labels: DayLabelMap extends Map<string, infer V> ? V : never; className?: string }) {
  if (labels.length === 0) return null;
  const items = labels.map((l) => (
    <span key={l.text} className={`sb-day-label sb-day-${l.kind}`} title={l.text}>
      {l.text}
    </span>
  ));
  return className ? <span className={className}>{items}</span> : <>{items}</>;
}

export function DayHeader({ arg, labels }: { arg: DayHeaderContentArg; labels: DayLabelMap | null }) {
  return (
    <span className="sb-day-header">
      <span>{arg.text}</span>
      <Labels labels={labels?.get(calendarWallClock(arg.date).date) ?? []} />
    </span>
  );
}

export function DayCell({ arg, labels, openSlots }: { arg: DayCellContentArg; labels: DayLabelMap | null; openSlots: Map<string, number> | null }) {
  const date = calendarWallClock(arg.date).date;
  const open = openSlots?.get(date) ?? 0;
  return (
    <>
      <Labels labels={labels?.get(date) ?? []} className="sb-day-labels" />
      {open > 0 && <span className="sb-open-count">{open} open</span>}
      <span>{arg.dayNumberText}</span>
    </>
  );
}
