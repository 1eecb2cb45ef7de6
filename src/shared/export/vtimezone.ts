// VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, built from the runtime's tz data through
// @date-fns/tz (tzScan finds the offset changes, tzName the abbreviations). No installed package
// ships VTIMEZONE definitions (@touch4it/ical-timezones is not a dependency), and ical.js only
// parses them, so the observances are computed here and handed to ical-generator as its
// timezone generator.
// Output: when the zone follows one yearly rule over the covered years (nearly every zone today),
// the classic STANDARD + DAYLIGHT pair with RRULE, which Outlook handles best; otherwise (rule
// changes, DST abolished ...) one observance per actual transition, each with its own DTSTART.
// Limits: transitions are located to the hour (tzScan's resolution), exact for every current zone.
import { tzName, tzOffset, tzScan } from '@date-fns/tz';
import { escape } from 'ical-generator';

interface Transition {
  atMs: number;
  /** Offsets in minutes east of UTC. */
  from: number;
  to: number;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Wall clock of an instant at a fixed offset, read through the UTC getters. */
function wall(atMs: number, offsetMinutes: number): Date {
  return new Date(atMs + offsetMinutes * 60_000);
}

function formatLocal(local: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1) +
    pad(local.getUTCDate()) +
    'T' +
    pad(local.getUTCHours()) +
    pad(local.getUTCMinutes()) +
    pad(local.getUTCSeconds())
  );
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

interface YearlyRule {
  month: number;
  weekday: number;
  /** 1..4 = nth weekday of the month, -1 = last. */
  ordinal: number;
  timeOfDay: string;
  from: number;
  to: number;
}

/** RFC 5545 onsets are the local time before the change (TZOFFSETFROM). */
function ruleOf(t: Transition): YearlyRule {
  const local = wall(t.atMs, t.from);
  const day = local.getUTCDate();
  // Days in the month's last 7 are "last <weekday>" (-1): the EU and Australian rules.
  const inLastWeek = day > daysInMonth(local.getUTCFullYear(), local.getUTCMonth()) - 7;
  return {
    month: local.getUTCMonth() + 1,
    weekday: local.getUTCDay(),
    ordinal: inLastWeek ? -1 : Math.ceil(day / 7),
    timeOfDay: formatLocal(local).slice(9),
    from: t.from,
    to: t.to,
  };
}

function sameRule(a: YearlyRule, b: YearlyRule): boolean {
  return a.month === b.month && a.weekday === b.weekday && a.ordinal === b.ordinal && a.timeOfDay === b.timeOfDay && a.from === b.from && a.to === b.to;
}

/** The one yearly rule all transitions follow, or null when there is none (one per year, same shape). */
function commonRule(transitions: Transition[], years: number): YearlyRule | null {
  if (transitions.length !== years) return null;
  const rules = transitions.map(ruleOf);
  const yearsSeen = new Set(transitions.map((t) => wall(t.atMs, t.from).getUTCFullYear()));
  if (yearsSeen.size !== years) return null;
  return rules.every((r) => sameRule(r, rules[0])) ? rules[0] : null;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number, name: string, rrule?: string): string[] {
  const lines = [`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`];
  if (rrule) lines.push(`RRULE:${rrule}`);
  if (name) lines.push(`TZNAME:${escape(name, false)}`);
  lines.push(`END:${kind}`);
  return lines;
}

/**
 * VTIMEZONE text (CRLF lines) for `timeZone`, valid for instants from `fromMs` to `toMs`.
 * Covers the whole years from the year before `fromMs` to the year after `toMs`, so the first
 * onset lies before the first event.
 */
export function buildVTimezone(timeZone: string, fromMs: number, toMs: number): string {
  const firstYear = new Date(fromMs).getUTCFullYear() - 1;
  const lastYear = new Date(toMs).getUTCFullYear() + 1;
  const start = new Date(Date.UTC(firstYear, 0, 1));
  const end = new Date(Date.UTC(lastYear + 1, 0, 1));
  const transitions: Transition[] = tzScan(timeZone, { start, end }).map((c) => ({
    atMs: c.date.getTime(),
    from: c.offset - c.change,
    to: c.offset,
  }));
  const nameAt = (atMs: number) => tzName(timeZone, new Date(atMs), 'short');
  const lines = ['BEGIN:VTIMEZONE', `TZID:${escape(timeZone, false)}`];

  const forward = transitions.filter((t) => t.to > t.from);
  const back = transitions.filter((t) => t.to < t.from);
  const years = lastYear - firstYear + 1;
  const daylightRule = commonRule(forward, years);
  const standardRule = commonRule(back, years);
  if (transitions.length === 0) {
    const offset = tzOffset(timeZone, start);
    lines.push(...observance('STANDARD', '19700101T000000', offset, offset, nameAt(start.getTime())));
  } else if (daylightRule && standardRule && forward.length + back.length === transitions.length) {
    for (const [kind, rule, first] of [
      ['DAYLIGHT', daylightRule, forward[0]],
      ['STANDARD', standardRule, back[0]],
    ] as const) {
      const byDay = `${rule.ordinal}${WEEKDAYS[rule.weekday]}`;
      lines.push(...observance(kind, formatLocal(wall(first.atMs, first.from)), rule.from, rule.to, nameAt(first.atMs), `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${byDay}`));
    }
  } else {
    // One-off observances: the offset in force at the start, then every real change.
    const initial = tzOffset(timeZone, start);
    const initialKind = transitions[0].to < transitions[0].from ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(initialKind, formatLocal(wall(start.getTime(), initial)), initial, initial, nameAt(start.getTime())));
    for (const t of transitions) {
      lines.push(...observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', formatLocal(wall(t.atMs, t.from)), t.from, t.to, nameAt(t.atMs)));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
