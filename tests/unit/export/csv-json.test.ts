import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { GENERIC_CSV_HEADER, exportItems, type JsonExportDocument } from '../../../src/shared/export';
import { DST_CASES, NOW, OPTIONS, TRICKY_TEXTS, hasBom, makeItem, pad2, readCsvObjects } from './fixtures';

describe('generic CSV', () => {
  it('starts with a UTF-8 BOM for Excel and round-trips every field through csv-parse', () => {
    const item = makeItem({
      text: TRICKY_TEXTS.newlines,
      title: 'Título, "quoted"',
      link: 'https://bank.example/a',
      images: [{ url: 'https://c.example/1.jpg', alt: 'One' }, { url: '', alt: '二' }],
      tags: ['rates', 'tips'],
      categoryName: 'Products',
      status: 'in_review',
    });
    const out = exportItems('csv', [item], OPTIONS);
    expect(out.files.map((f) => [f.name, f.rows])).toEqual([['spring-plan.csv', 1]]);
    const content = out.files[0].content;
    expect(hasBom(content)).toBe(true);
    const [row] = readCsvObjects(content);
    expect(Object.keys(row)).toEqual([...GENERIC_CSV_HEADER]);
    expect(row).toEqual({
      post_id: item.postId,
      channel_id: item.channelId,
      channel_name: item.channelName,
      network: 'facebook',
      time_zone: 'America/New_York',
      scheduled_at_utc: item.scheduledAt,
      scheduled_local: '2027-03-20 10:00',
      title: 'Título, "quoted"',
      text: TRICKY_TEXTS.newlines,
      link: 'https://bank.example/a',
      image_urls: 'https://c.example/1.jpg\n',
      image_alts: 'One\n二',
      tags: 'rates, tips',
      category: 'Products',
      status: 'in_review',
      content_hash: item.contentHash,
    });
  });

  it('writes one row per post and channel, every status, local times across DST', () => {
    const items = DST_CASES.map((c) => makeItem({ postId: 'same-post', channelId: c.scheduledAt, timezone: c.timezone, scheduledAt: c.scheduledAt, status: 'draft' }));
    const rows = readCsvObjects(exportItems('csv', items, OPTIONS).files[0].content);
    expect(rows).toHaveLength(3);
    for (const c of DST_CASES) {
      const row = rows.find((r) => r.channel_id === c.scheduledAt);
      const { y, mo, d, h, mi } = c.local;
      expect(row?.scheduled_local).toBe(`${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}`);
    }
  });

  it('keeps spreadsheet formulas inert and says so', () => {
    const item = makeItem({ text: '=HYPERLINK("http://evil.example")' });
    const out = exportItems('csv', [item], OPTIONS);
    expect(readCsvObjects(out.files[0].content)[0].text).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(out.warnings.map((w) => [w.postId, w.rule])).toEqual([[item.postId, 'csv.formula_escaped']]);
    expect(out.warnings[0].message).toContain('text');
  });
});

describe('JSON export', () => {
  it('keeps every field of every item (full fidelity), without a BOM', () => {
    const items = [
      makeItem({ text: TRICKY_TEXTS.arabic, images: [{ url: '', alt: 'local only' }], tags: ['a'], categoryName: 'X', link: 'https://b.example' }),
      makeItem({ text: TRICKY_TEXTS.emoji, status: 'archived', scheduledAt: '2027-03-21T14:00:00.000Z' }),
    ];
    const out = exportItems('json', items, OPTIONS);
    expect(out.files[0].name).toBe('spring-plan.json');
    expect(hasBom(out.files[0].content)).toBe(false);
    const doc = JSON.parse(out.files[0].content) as JsonExportDocument;
    expect(doc.format).toBe('storybank-export');
    expect(doc.exportedAt).toBe(NOW);
    expect(doc.workspaceName).toBe('First Community Bank');
    expect(doc.items).toEqual(items);
  });
});

describe('exportItems input validation', () => {
  it('rejects malformed items and options instead of writing them', () => {
    expect(() => exportItems('csv', [makeItem({ timezone: 'Mars/Olympus' })], OPTIONS)).toThrow(ZodError);
    expect(() => exportItems('csv', [makeItem({ scheduledAt: '2027-03-20 14:00' })], OPTIONS)).toThrow(ZodError);
    expect(() => exportItems('csv', [makeItem()], { ...OPTIONS, baseName: '../etc/passwd' })).toThrow(ZodError);
    expect(() => exportItems('csv', [makeItem()], { ...OPTIONS, now: 'yesterday' })).toThrow(ZodError);
    expect(() => exportItems('xlsx' as 'csv', [makeItem()], OPTIONS)).toThrow(ZodError);
  });

  it('defaults to month-first dates', () => {
    const item = makeItem({ scheduledAt: '2027-03-20T14:00:00.000Z' });
    const [row] = readCsvObjects(exportItems('sprout', [item], { now: NOW, baseName: 'x' }).files[0].content);
    expect(row.date).toBe('03/20/2027');
  });
});
