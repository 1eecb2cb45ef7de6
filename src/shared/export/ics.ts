// iCalendar (RFC 5545) for Outlook and Google Calendar, written by ical-generator.
// One VEVENT per post and channel:
// - UID `<postId>-<channelId>@storybank`: stable, so a re-import updates the event instead of adding one;
// - SEQUENCE = whole minutes from 2020-01-01Z to the export time: grows with every later export,
//   which Outlook needs to accept the new version of an event it already has;
// - DTSTART/DTEND with TZID = the channel's zone (15 minutes long) plus that zone's VTIMEZONE
//   (in UTC, with a warning, when the local time falls in the repeated hour of a DST change);
// - SUMMARY `[channel] title`, DESCRIPTION the post text, URL the link, CATEGORIES the category;
// - STATUS CONFIRMED for approved/exported/published, CANCELLED for archived, else TENTATIVE.
// Encoding: UTF-8 WITHOUT a BOM: RFC 5545 content lines start with BEGIN:VCALENDAR and several
// importers reject a leading BOM.
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus } from 'ical-generator';
import { ExportLog, MINUTE_MS, repeatedWallClockCheck, sortItems, wallClock } from './common';
import type { ExportItem, ExportOptions, ExportOutput } from './types';
import { buildVTimezone } from './vtimezone';

export const ICS_EVENT_MINUTES = 15;
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

export function icsUid(item: Pick<ExportItem, 'postId' | 'channelId'>): string {
  return `${item.postId}-${item.channelId}@storybank`;
}

/**
 * TZDate that hands itself back when ical-generator asks for the zone it already has, instead of
 * building a copy (two fewer zone conversions per event; 10,000-event exports are CPU-bound).
 */
class ZonedDate extends TZDate {
  override withTimeZone(timeZone: string | null | undefined): TZDate {
    return timeZone === this.timeZone ? this : super.withTimeZone(timeZone as string);
  }
}

const FOLD_AFTER_OCTETS = 74;

/** UTF-8 octets of one code point given as its UTF-16 form (1 or 2 units). */
const utf8Octets = (unit: number, pair: boolean): number => (pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3);

/**
 * ical-generator's own folding rule (`foldLines` in its tools: a CRLF + space before the code
 * point that would take a line past 74 octets), with the octets counted arithmetically: the
 * library builds a TextEncoder per character, which made folding most of a 10,000-event export.
 * The golden files check the output stays byte-identical to the library's.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let from = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < line.length;
    const size = utf8Octets(unit, pair);
    octets += size;
    if (octets > FOLD_AFTER_OCTETS) {
      parts.push(line.slice(from, i));
      from = i;
      octets = size;
    }
    if (pair) i++;
  }
  parts.push(line.slice(from));
  return parts.join('\r\n ');
}

export function foldLongLines(text: string): string {
  return text
    .split('\r\n')
    // a UTF-16 unit is at most 3 octets: shorter lines never fold
    .map((line) => (line.length * 3 > FOLD_AFTER_OCTETS ? foldLine(line) : line))
    .join('\r\n');
}

function eventStatus(status: ExportItem['status']): ICalEventStatus {
  if (status === 'approved' || status === 'exported' || status === 'published') return ICalEventStatus.CONFIRMED;
  if (status === 'archived') return ICalEventStatus.CANCELLED;
  return ICalEventStatus.TENTATIVE;
}

export function exportIcs(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const sorted = sortItems(items);
  const nowMs = Date.parse(options.now);
  // Span of event times per zone, so each VTIMEZONE covers exactly the years it is used in.
  const spans = new Map<string, { from: number; to: number }>();
  for (const item of sorted) {
    const at = Date.parse(item.scheduledAt);
    const span = spans.get(item.timezone);
    if (span) {
      span.from = Math.min(span.from, at);
      span.to = Math.max(span.to, at + ICS_EVENT_MINUTES * MINUTE_MS);
    } else {
      spans.set(item.timezone, { from: at, to: at + ICS_EVENT_MINUTES * MINUTE_MS });
    }
  }
  const calendar = ical({
    name: options.workspaceName,
    prodId: { company: 'Storybank', product: 'Storybank', language: 'EN' },
  });
  const sequence = Math.max(0, Math.floor((nowMs - SEQUENCE_EPOCH_MS) / MINUTE_MS));
  const isRepeated = new Map([...spans].map(([zone, span]) => [zone, repeatedWallClockCheck(zone, span.from, span.to)]));
  const log = new ExportLog();
  const zonesInUse = new Set<string>();
  const events: string[] = [];
  for (const item of sorted) {
    const at = Date.parse(item.scheduledAt);
    const ambiguous = isRepeated.get(item.timezone)?.(at) === true;
    if (ambiguous) {
      log.warn(
        item,
        'ics.ambiguous_local_time',
        `Calendar: ${wallClock(at, item.timezone, 'yyyy-MM-dd HH:mm')} happens twice in ${item.timezone} (clocks go back), so this event's time is written in UTC`,
      );
    }
    const event = calendar.createEvent({
      id: icsUid(item),
      sequence,
      stamp: new Date(nowMs),
      // A TZDate carries the zone, so ical-generator writes the wall clock of that zone.
      start: new ZonedDate(at, item.timezone),
      end: new ZonedDate(at + ICS_EVENT_MINUTES * MINUTE_MS, item.timezone),
      timezone: ambiguous ? null : item.timezone,
      summary: `[${item.channelName}] ${item.title}`,
      description: item.text,
      url: item.link,
      status: eventStatus(item.status),
      categories: item.categoryName ? [{ name: item.categoryName }] : [],
    });
    const zone = event.timezone();
    if (zone) zonesInUse.add(zone);
    events.push(event.toString());
  }
  // ical-generator's calendar.toString() folds the whole text with one TextEncoder per character
  // (~3 s for 10,000 events). So the calendar frame comes from ical-generator without events, the
  // VTIMEZONEs and the events' own (unfolded) ical-generator text are put where calendar.toString()
  // puts them, and the lines are folded by ical-generator's rule (see foldLine). The result is byte-identical to calendar.toString().
  calendar.clear();
  const frame = calendar.toString();
  const closing = 'END:VCALENDAR';
  const zones = [...zonesInUse].map((zone) => {
    const span = spans.get(zone);
    return span ? `${buildVTimezone(zone, span.from, span.to)}\r\n` : '';
  });
  const unfolded = frame.slice(0, frame.length - closing.length) + zones.join('') + events.join('') + closing;
  // RFC 5545 ends every content line with CRLF, the last one included.
  const content = `${foldLongLines(unfolded)}\r\n`;
  return log.output([{ name: `${options.baseName}.ics`, content, rows: sorted.length }]);
}
