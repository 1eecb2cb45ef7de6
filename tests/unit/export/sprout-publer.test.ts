import { describe, expect, it } from 'vitest';
import { PUBLER_HEADER, SPROUT_HEADER, exportItems } from '../../../src/shared/export';
import { DST_CASES, NOW, OPTIONS, TRICKY_TEXTS, hasBom, makeItem, pad2, readCsv, readCsvObjects } from './fixtures';

describe('Sprout Social bulk CSV', () => {
  it('writes date, time_24hr, message_text first and round-trips tricky texts', () => {
    const texts = Object.values(TRICKY_TEXTS);
    const items = texts.map((text, i) => makeItem({ text, scheduledAt: `2027-03-2${i}T14:00:00.000Z` }));
    const out = exportItems('sprout', items, OPTIONS);
    const rows = readCsv(out.files[0].content);
    expect(rows[0].slice(0, 3)).toEqual(['date', 'time_24hr', 'message_text']);
    expect(rows[0]).toEqual([...SPROUT_HEADER]);
    expect(readCsvObjects(out.files[0].content).map((r) => r.message_text)).toEqual(texts);
    expect(hasBom(out.files[0].content)).toBe(false);
  });

  it('follows the chosen date order and the channel zone across DST', () => {
    for (const c of DST_CASES) {
      const item = makeItem({ timezone: c.timezone, scheduledAt: c.scheduledAt });
      const { y, mo, d, h, mi } = c.local;
      const [mdy] = readCsvObjects(exportItems('sprout', [item], OPTIONS).files[0].content);
      const [dmy] = readCsvObjects(exportItems('sprout', [item], { ...OPTIONS, dateOrder: 'dmy' }).files[0].content);
      expect([mdy.date, mdy.time_24hr]).toEqual([`${pad2(mo)}/${pad2(d)}/${y}`, `${pad2(h)}:${pad2(mi)}`]);
      expect(dmy.date).toBe(`${pad2(d)}/${pad2(mo)}/${y}`);
    }
  });

  it('leaves out posts under 10 minutes after the upload or after the previous post', () => {
    const nowMs = Date.parse(NOW);
    const soon = makeItem({ scheduledAt: new Date(nowMs + 9 * 60_000).toISOString() });
    const first = makeItem({ scheduledAt: '2027-03-20T14:00:00.000Z' });
    const close = makeItem({ scheduledAt: '2027-03-20T14:09:00.000Z' });
    const apart = makeItem({ scheduledAt: '2027-03-20T14:10:00.000Z' });
    const out = exportItems('sprout', [soon, first, close, apart], OPTIONS);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([
      [soon.postId, 'sprout.too_soon'],
      [close.postId, 'sprout.too_close'],
    ]);
    expect(readCsvObjects(out.files[0].content).map((r) => r.time_24hr)).toEqual(['10:00', '10:10']);
  });

  it('splits a channel over 350 rows into numbered files', () => {
    const start = Date.parse('2027-02-01T14:00:00.000Z');
    const items = Array.from({ length: 351 }, (_, i) => makeItem({ scheduledAt: new Date(start + i * 600_000).toISOString() }));
    const out = exportItems('sprout', items, OPTIONS);
    expect(out.files.map((f) => [f.name, f.rows])).toEqual([
      ['spring-plan-sprout-first-community-fb-1.csv', 350],
      ['spring-plan-sprout-first-community-fb-2.csv', 1],
    ]);
    expect(out.leftOut).toEqual([]);
  });

  it('leaves out unpublished images', () => {
    const out = exportItems('sprout', [makeItem({ images: [{ url: '', alt: '' }] })], OPTIONS);
    expect(out.files).toEqual([]);
    expect(out.leftOut.map((l) => l.rule)).toEqual(['sprout.image_not_public']);
  });
});

describe('Publer CSV', () => {
  it('writes all 12 columns in order, even when blank', () => {
    const out = exportItems('publer', [makeItem({ text: TRICKY_TEXTS.arabic })], OPTIONS);
    const rows = readCsv(out.files[0].content);
    expect(rows[0]).toEqual([
      'Date', 'Text', 'Link(s)', 'Media URL(s)', 'Title', 'Label(s)', 'Alt text(s)', 'Comment(s)', 'Board/Album', 'Post subtype', 'CTA', 'Reminder',
    ]);
    expect(PUBLER_HEADER).toEqual(rows[0]);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    expect(rows[1][1]).toBe(TRICKY_TEXTS.arabic);
    expect(hasBom(out.files[0].content)).toBe(false);
  });

  it('writes YYYY-MM-DD HH:MM with a colon, in the channel zone across DST', () => {
    for (const c of DST_CASES) {
      const [row] = readCsvObjects(exportItems('publer', [makeItem({ timezone: c.timezone, scheduledAt: c.scheduledAt })], OPTIONS).files[0].content);
      const { y, mo, d, h, mi } = c.local;
      expect(row.Date).toBe(`${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}`);
    }
  });

  it('carries link, title, labels, several media URLs and their alt texts', () => {
    const item = makeItem({
      title: 'Branch tour',
      link: 'https://bank.example/tour',
      tags: ['branch', 'tour'],
      images: [{ url: 'https://c.example/1.jpg', alt: 'Front door' }, { url: 'https://c.example/2.jpg', alt: 'Lobby, with plants' }],
    });
    const [row] = readCsvObjects(exportItems('publer', [item], OPTIONS).files[0].content);
    expect(row['Link(s)']).toBe('https://bank.example/tour');
    expect(row.Title).toBe('Branch tour');
    expect(row['Label(s)']).toBe('branch,tour');
    expect(row['Media URL(s)'].split(',')).toEqual(['https://c.example/1.jpg', 'https://c.example/2.jpg']);
    expect(row['Alt text(s)'].split('||')).toEqual(['Front door', 'Lobby, with plants']);
  });

  it('leaves out posts whose media is not a public https URL', () => {
    const http = makeItem({ images: [{ url: 'http://c.example/1.jpg', alt: '' }] });
    const local = makeItem({ images: [{ url: 'https://localhost/1.jpg', alt: '' }] });
    const out = exportItems('publer', [http, local], OPTIONS);
    expect(out.files).toEqual([]);
    expect(out.leftOut.map((l) => l.rule)).toEqual(['publer.image_not_public', 'publer.image_not_public']);
  });
});
