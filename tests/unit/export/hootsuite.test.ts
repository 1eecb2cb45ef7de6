import { describe, expect, it } from 'vitest';
import { exportItems } from '../../../src/shared/export';
import { DST_CASES, NOW, OPTIONS, TRICKY_TEXTS, hasBom, makeItem, pad2, readCsv } from './fixtures';

const NOW_MS = Date.parse(NOW);
const at = (minutesAfterNow: number) => new Date(NOW_MS + minutesAfterNow * 60_000).toISOString();

describe('Hootsuite Bulk Composer CSV', () => {
  it('has no header: date-time, message, URL; texts round-trip through csv-parse', () => {
    const texts = Object.values(TRICKY_TEXTS);
    const items = texts.map((text, i) => makeItem({ text, link: i === 0 ? 'https://bank.example/x' : null, scheduledAt: `2027-03-2${i}T14:00:00.000Z` }));
    const out = exportItems('hootsuite', items, OPTIONS);
    const rows = readCsv(out.files[0].content);
    expect(rows).toHaveLength(texts.length);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[0]).toEqual(['03/20/2027 10:00', TRICKY_TEXTS.commasQuotes, 'https://bank.example/x']);
    expect(rows.map((r) => r[1])).toEqual(texts);
    expect(rows[1][2]).toBe('');
  });

  it('writes the date order the user chose, in the channel zone across DST', () => {
    for (const c of DST_CASES) {
      const item = makeItem({ timezone: c.timezone, scheduledAt: c.scheduledAt });
      const { y, mo, d, h, mi } = c.local;
      const mdy = readCsv(exportItems('hootsuite', [item], OPTIONS).files[0].content)[0][0];
      const dmy = readCsv(exportItems('hootsuite', [item], { ...OPTIONS, dateOrder: 'dmy' }).files[0].content)[0][0];
      expect(mdy).toBe(`${pad2(mo)}/${pad2(d)}/${y} ${pad2(h)}:${pad2(mi)}`);
      expect(dmy).toBe(`${pad2(d)}/${pad2(mo)}/${y} ${pad2(h)}:${pad2(mi)}`);
    }
  });

  it('rounds times up to the next 5 minutes and reports each rounded row', () => {
    const offGrid = makeItem({ text: 'off grid', scheduledAt: '2027-03-20T14:03:00.000Z' });
    const withSeconds = makeItem({ text: 'seconds', scheduledAt: '2027-03-21T14:10:20.000Z' });
    const onGrid = makeItem({ text: 'on grid', scheduledAt: '2027-03-22T14:10:00.000Z' });
    const out = exportItems('hootsuite', [offGrid, withSeconds, onGrid], OPTIONS);
    expect(readCsv(out.files[0].content).map((r) => r[0])).toEqual(['03/20/2027 10:05', '03/21/2027 10:15', '03/22/2027 10:10']);
    expect(out.warnings.map((w) => [w.postId, w.rule])).toEqual([
      [offGrid.postId, 'hootsuite.rounded_up'],
      [withSeconds.postId, 'hootsuite.rounded_up'],
    ]);
    expect(out.warnings[0].message).toContain('10:03');
    expect(out.warnings[0].message).toContain('10:05');
    expect(out.leftOut).toEqual([]);
  });

  it('leaves out posts less than 10 minutes ahead, judged on the rounded time', () => {
    const nineAhead = makeItem({ text: 'too soon', scheduledAt: at(4) }); // rounds to +5
    const roundsToTen = makeItem({ text: 'just enough', scheduledAt: at(6) }); // rounds to +10
    const out = exportItems('hootsuite', [nineAhead, roundsToTen], OPTIONS);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([[nineAhead.postId, 'hootsuite.too_soon']]);
    expect(readCsv(out.files[0].content).map((r) => r[1])).toEqual(['just enough']);
  });

  it('leaves out a second post in the same 5-minute slot', () => {
    const first = makeItem({ text: 'first', scheduledAt: '2027-03-20T14:01:00.000Z' });
    const second = makeItem({ text: 'second', scheduledAt: '2027-03-20T14:04:00.000Z' });
    const out = exportItems('hootsuite', [second, first], OPTIONS);
    expect(readCsv(out.files[0].content).map((r) => r[1])).toEqual(['first']);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([[second.postId, 'hootsuite.slot_taken']]);
    expect(out.leftOut[0].reason).toContain(first.postId);
  });

  it('leaves out duplicate messages', () => {
    const first = makeItem({ text: 'Same words', scheduledAt: '2027-03-20T14:00:00.000Z' });
    const again = makeItem({ text: 'Same words', scheduledAt: '2027-03-27T14:00:00.000Z' });
    const out = exportItems('hootsuite', [first, again], OPTIONS);
    expect(out.files[0].rows).toBe(1);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([[again.postId, 'hootsuite.duplicate_message']]);
  });

  it('takes at most 350 rows and lists the rest as left out', () => {
    const start = Date.parse('2027-02-01T14:00:00.000Z');
    const items = Array.from({ length: 351 }, (_, i) => makeItem({ text: `Message ${i}`, scheduledAt: new Date(start + i * 3_600_000).toISOString() }));
    const out = exportItems('hootsuite', items, OPTIONS);
    expect(out.files).toHaveLength(1);
    expect(readCsv(out.files[0].content)).toHaveLength(350);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([[items[350].postId, 'hootsuite.over_limit']]);
  });

  it('writes one file per channel (every row goes to all profiles chosen at upload)', () => {
    const items = [makeItem({ channelId: 'a', channelName: 'A' }), makeItem({ channelId: 'b', channelName: 'B' })];
    const out = exportItems('hootsuite', items, OPTIONS);
    expect(out.files.map((f) => [f.name, f.channelId, f.rows])).toEqual([
      ['spring-plan-hootsuite-a.csv', 'a', 1],
      ['spring-plan-hootsuite-b.csv', 'b', 1],
    ]);
  });

  it('writes UTF-8 without a BOM, since the first cell is a date', () => {
    const content = exportItems('hootsuite', [makeItem({ text: TRICKY_TEXTS.chinese })], OPTIONS).files[0].content;
    expect(hasBom(content)).toBe(false);
    expect(content.startsWith('03/20/2027 10:00,')).toBe(true);
  });

  it('exports approved posts only and warns that images must be attached in Hootsuite', () => {
    const draft = makeItem({ status: 'in_review' });
    const withImage = makeItem({ images: [{ url: 'https://c.example/a.jpg', alt: '' }], scheduledAt: '2027-03-21T14:00:00.000Z' });
    const out = exportItems('hootsuite', [draft, withImage], OPTIONS);
    expect(out.leftOut.map((l) => l.rule)).toEqual(['hootsuite.not_approved']);
    expect(out.warnings.map((w) => w.rule)).toEqual(['hootsuite.images_not_carried']);
  });
});
