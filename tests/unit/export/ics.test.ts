import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportItems, icsUid } from '../../../src/shared/export';
import { buildVTimezone } from '../../../src/shared/export/vtimezone';
import type { ExportItemInput } from '../../../src/shared/export';
import { DST_CASES, OPTIONS, TRICKY_TEXTS, hasBom, makeItem } from './fixtures';

/** Parses with ical.js and registers the file's own VTIMEZONEs, so times resolve through them only. */
function readIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  ICAL.TimezoneService.reset();
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { calendar, zones, events };
}

function icsOf(items: ExportItemInput[], options = OPTIONS): string {
  const out = exportItems('ics', items, options);
  expect(out.files).toHaveLength(1);
  return out.files[0].content;
}

describe('iCalendar export', () => {
  it('writes one event per post and channel with stable UIDs, summary and description', () => {
    const a = makeItem({ postId: 'p1', channelId: 'fb', channelName: 'Bank FB', title: 'Open house', text: TRICKY_TEXTS.commasQuotes });
    const b = makeItem({ postId: 'p1', channelId: 'li', channelName: 'Bank LinkedIn', network: 'linkedin', title: 'Open house', text: TRICKY_TEXTS.emoji });
    const { events } = readIcs(icsOf([a, b]));
    expect(events.map((e) => e.uid)).toEqual(['p1-fb@storybank', 'p1-li@storybank']);
    expect(events.map((e) => e.summary)).toEqual(['[Bank FB] Open house', '[Bank LinkedIn] Open house']);
    expect(events.map((e) => e.description)).toEqual([TRICKY_TEXTS.commasQuotes, TRICKY_TEXTS.emoji]);
    expect(icsUid({ postId: 'p1', channelId: 'fb' })).toBe('p1-fb@storybank');
  });

  it('keeps texts with quotes, commas, emoji, Chinese, Arabic and long lines intact (line breaks become LF)', () => {
    const texts = Object.values(TRICKY_TEXTS);
    const items = texts.map((text, i) => makeItem({ text, scheduledAt: `2027-03-2${i}T14:00:00.000Z` }));
    const content = icsOf(items);
    const { events } = readIcs(content);
    expect(events.map((e) => e.description)).toEqual(texts.map((t) => t.replace(/\r\n/g, '\n')));
    // RFC 5545 §3.1: content lines are folded at 75 octets.
    for (const line of content.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('puts DTSTART in the channel zone with a VTIMEZONE that resolves to the right instant across DST', () => {
    const items = DST_CASES.map((c, i) => makeItem({ postId: `dst-${i}`, timezone: c.timezone, scheduledAt: c.scheduledAt }));
    const { events, zones } = readIcs(icsOf(items));
    expect(zones.map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual(['America/Chicago', 'America/New_York']);
    DST_CASES.forEach((c, i) => {
      const event = events.find((e) => e.uid === `${items[i].postId}-${items[i].channelId}@storybank`);
      if (!event) throw new Error(`event for case ${i} missing`);
      const start = event.startDate;
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(c.timezone);
      expect(start.zone.tzid).toBe(c.timezone);
      expect([start.year, start.month, start.day, start.hour, start.minute]).toEqual([c.local.y, c.local.mo, c.local.d, c.local.h, c.local.mi]);
      expect(start.toUnixTime() * 1000).toBe(Date.parse(c.scheduledAt));
      expect(event.endDate.toUnixTime() - start.toUnixTime()).toBe(15 * 60);
    });
  });

  it('re-export keeps the UIDs and raises SEQUENCE so calendars update instead of duplicating', () => {
    const items = [makeItem({ postId: 'stable', channelId: 'c' })];
    const first = readIcs(icsOf(items)).events[0];
    const later = readIcs(icsOf(items, { ...OPTIONS, now: '2027-01-05T09:00:00.000Z' })).events[0];
    expect(later.uid).toBe(first.uid);
    expect(later.sequence).toBeGreaterThan(first.sequence);
  });

  it('marks approved posts CONFIRMED and drafts TENTATIVE, carries link and category', () => {
    const approved = makeItem({ link: 'https://bank.example/a', categoryName: 'Community' });
    const draft = makeItem({ status: 'draft', scheduledAt: '2027-03-21T14:00:00.000Z' });
    const { events } = readIcs(icsOf([approved, draft]));
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'TENTATIVE']);
    expect(events[0].component.getFirstPropertyValue('url')).toBe('https://bank.example/a');
    expect(events[0].component.getFirstPropertyValue('categories')).toBe('Community');
  });

  it('writes UTF-8 without a BOM and ends every line with CRLF', () => {
    const content = icsOf([makeItem({ text: TRICKY_TEXTS.chinese })]);
    expect(hasBom(content)).toBe(false);
    expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('VTIMEZONE built from the runtime tz data', () => {
  // Each zone is checked through ical.js: local wall clock + our VTIMEZONE must give back the instant.
  // Instants right before and after each change; the repeated hours are covered below.
  const cases: { zone: string; instants: string[] }[] = [
    { zone: 'Europe/London', instants: ['2027-03-28T00:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-10-30T23:30:00.000Z', '2027-10-31T02:30:00.000Z', '2028-07-01T12:00:00.000Z'] },
    { zone: 'Australia/Sydney', instants: ['2027-04-03T14:30:00.000Z', '2027-04-03T17:30:00.000Z', '2027-10-02T15:30:00.000Z', '2027-10-02T16:30:00.000Z'] },
    { zone: 'Asia/Kolkata', instants: ['2027-01-10T04:45:00.000Z', '2027-07-10T04:45:00.000Z'] },
    { zone: 'America/Sao_Paulo', instants: ['2018-12-01T12:00:00.000Z', '2019-03-01T12:00:00.000Z', '2019-12-01T12:00:00.000Z'] },
    { zone: 'America/New_York', instants: ['2027-01-15T17:00:00.000Z', '2027-06-15T16:00:00.000Z', '2029-12-15T17:00:00.000Z'] },
  ];
  for (const { zone, instants } of cases) {
    it(`resolves ${zone} wall clocks to the original instants`, () => {
      const items = instants.map((scheduledAt) => makeItem({ timezone: zone, scheduledAt }));
      const { events } = readIcs(icsOf(items));
      expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual(instants);
      expect(events.map((e) => e.startDate.zone.tzid)).toEqual(instants.map(() => zone));
    });
  }

  it('writes a time in the repeated hour (clocks going back) in UTC, with a warning', () => {
    // 01:30 happens twice in London on 2027-10-31: at 00:30Z (BST) and at 01:30Z (GMT).
    const first = makeItem({ timezone: 'Europe/London', scheduledAt: '2027-10-31T00:30:00.000Z' });
    const second = makeItem({ timezone: 'Europe/London', scheduledAt: '2027-10-31T01:30:00.000Z' });
    const out = exportItems('ics', [first, second], OPTIONS);
    const { events } = readIcs(out.files[0].content);
    expect(events.map((e) => new Date(e.startDate.toUnixTime() * 1000).toISOString())).toEqual([first.scheduledAt, second.scheduledAt]);
    expect(events.map((e) => e.component.getFirstProperty('dtstart')?.getParameter('tzid'))).toEqual([undefined, undefined]);
    expect(out.warnings.map((w) => [w.postId, w.rule])).toEqual([
      [first.postId, 'ics.ambiguous_local_time'],
      [second.postId, 'ics.ambiguous_local_time'],
    ]);
  });

  it('uses a yearly RRULE pair where the zone has one rule, one-off observances where the rule changed', () => {
    const ny = buildVTimezone('America/New_York', Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-12-01T00:00:00Z'));
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const london = buildVTimezone('Europe/London', Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-12-01T00:00:00Z'));
    expect(london).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    // Brazil abolished DST in 2019: a yearly rule would invent transitions that never happen.
    const saoPaulo = buildVTimezone('America/Sao_Paulo', Date.parse('2018-06-01T00:00:00Z'), Date.parse('2019-06-01T00:00:00Z'));
    expect(saoPaulo).not.toContain('RRULE');
    expect(saoPaulo).toContain('TZOFFSETTO:-0200');
    const tokyo = buildVTimezone('Asia/Tokyo', Date.parse('2027-03-01T00:00:00Z'), Date.parse('2027-12-01T00:00:00Z'));
    expect(tokyo).toContain('TZOFFSETTO:+0900');
    expect(tokyo).not.toContain('DAYLIGHT');
  });
});
