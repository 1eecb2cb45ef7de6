import { describe, expect, it } from 'vitest';
import { BUFFER_HEADER, exportItems } from '../../../src/shared/export';
import { DST_CASES, OPTIONS, TRICKY_TEXTS, hasBom, makeItem, pad2, readCsv, readCsvObjects } from './fixtures';

describe('Buffer bulk-upload CSV', () => {
  it('writes the exact Title-Case headers and round-trips tricky texts through csv-parse', () => {
    const texts = Object.values(TRICKY_TEXTS);
    const items = texts.map((text, i) => makeItem({ text, scheduledAt: `2027-03-2${i}T14:00:00.000Z` }));
    const out = exportItems('buffer', items, OPTIONS);
    expect(out.files).toHaveLength(1);
    const rows = readCsv(out.files[0].content);
    expect(rows[0]).toEqual(['Text', 'Image URL', 'Tags', 'Posting Time']);
    expect(BUFFER_HEADER).toEqual(rows[0]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(texts);
    expect(out.leftOut).toEqual([]);
  });

  it('writes Posting Time as YYYY-MM-DD HH:mm in the channel zone, across DST changes', () => {
    for (const c of DST_CASES) {
      const out = exportItems('buffer', [makeItem({ timezone: c.timezone, scheduledAt: c.scheduledAt })], OPTIONS);
      const [row] = readCsvObjects(out.files[0].content);
      const { y, mo, d, h, mi } = c.local;
      expect(row['Posting Time']).toBe(`${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}`);
    }
  });

  it('splits 101 rows of one channel into two numbered files of 100 and 1', () => {
    const start = Date.parse('2027-02-01T14:00:00.000Z');
    const items = Array.from({ length: 101 }, (_, i) =>
      makeItem({ text: `Post text ${i}`, scheduledAt: new Date(start + i * 3_600_000).toISOString() }),
    );
    const out = exportItems('buffer', items, OPTIONS);
    expect(out.files.map((f) => f.name)).toEqual([
      'spring-plan-buffer-first-community-fb-1.csv',
      'spring-plan-buffer-first-community-fb-2.csv',
    ]);
    expect(out.files.map((f) => f.rows)).toEqual([100, 1]);
    const texts = out.files.flatMap((f) => readCsvObjects(f.content).map((r) => r.Text));
    expect(texts).toEqual(items.map((i) => i.text));
    expect(readCsvObjects(out.files[1].content)[0].Text).toBe('Post text 100');
  });

  it('puts each channel in its own file', () => {
    const items = [
      makeItem({ channelId: 'a', channelName: 'Bank FB', text: 'for facebook' }),
      makeItem({ channelId: 'b', channelName: 'Bank LinkedIn', network: 'linkedin', text: 'for linkedin' }),
      makeItem({ channelId: 'a', channelName: 'Bank FB', text: 'facebook again', scheduledAt: '2027-03-21T14:00:00.000Z' }),
    ];
    const out = exportItems('buffer', items, OPTIONS);
    expect(out.files.map((f) => [f.name, f.channelId])).toEqual([
      ['spring-plan-buffer-bank-fb-1.csv', 'a'],
      ['spring-plan-buffer-bank-linkedin-1.csv', 'b'],
    ]);
    expect(readCsvObjects(out.files[0].content).map((r) => r.Text)).toEqual(['for facebook', 'facebook again']);
    expect(readCsvObjects(out.files[1].content).map((r) => r.Text)).toEqual(['for linkedin']);
  });

  it('keeps file names apart for channels with the same or non-Latin names', () => {
    const items = [
      makeItem({ channelId: 'x1', channelName: 'Bank' }),
      makeItem({ channelId: 'x2', channelName: 'Bank' }),
      makeItem({ channelId: 'zh', channelName: '社区银行' }),
    ];
    const names = exportItems('buffer', items, OPTIONS).files.map((f) => f.name);
    expect(new Set(names).size).toBe(3);
    expect(names.every((n) => /^spring-plan-buffer-[a-z0-9-]+-1\.csv$/.test(n))).toBe(true);
  });

  it('leaves out posts whose image has no public https URL, and says which field', () => {
    const unpublished = makeItem({ text: 'unpublished image', images: [{ url: '', alt: 'x' }] });
    const plainHttp = makeItem({ text: 'http image', images: [{ url: 'http://cdn.example.com/a.jpg', alt: '' }] });
    const local = makeItem({ text: 'lan image', images: [{ url: 'https://192.168.1.20/a.jpg', alt: '' }] });
    const good = makeItem({ text: 'good image', images: [{ url: 'https://cdn.example.com/a.jpg', alt: '' }] });
    const out = exportItems('buffer', [unpublished, plainHttp, local, good], OPTIONS);
    const rows = readCsvObjects(out.files[0].content);
    expect(rows.map((r) => [r.Text, r['Image URL']])).toEqual([['good image', 'https://cdn.example.com/a.jpg']]);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([
      [unpublished.postId, 'buffer.image_not_public'],
      [plainHttp.postId, 'buffer.image_not_public'],
      [local.postId, 'buffer.image_not_public'],
    ]);
    expect(out.leftOut[0].reason).toContain('images[0].url');
  });

  it('leaves out posts with more than one image and Instagram posts with none', () => {
    const two = makeItem({ images: [{ url: 'https://c.example/1.jpg', alt: '' }, { url: 'https://c.example/2.jpg', alt: '' }] });
    const bareInstagram = makeItem({ network: 'instagram', channelId: 'ig', channelName: 'IG' });
    const out = exportItems('buffer', [two, bareInstagram], OPTIONS);
    expect(out.files).toEqual([]);
    expect(out.leftOut.map((l) => l.rule).sort()).toEqual(['buffer.image_required', 'buffer.too_many_images']);
  });

  it('exports approved posts only and nothing already in the past', () => {
    const draft = makeItem({ status: 'draft' });
    const past = makeItem({ scheduledAt: '2026-12-31T12:00:00.000Z' });
    const out = exportItems('buffer', [draft, past], OPTIONS);
    expect(out.files).toEqual([]);
    expect(out.leftOut.map((l) => [l.postId, l.rule])).toEqual([
      [past.postId, 'buffer.in_past'],
      [draft.postId, 'buffer.not_approved'],
    ]);
  });

  it('appends the link to the text once (Buffer has no link column) and joins tags', () => {
    const withLink = makeItem({ text: 'Read more', link: 'https://bank.example/a', tags: ['Rates', 'Tips'] });
    const linkInside = makeItem({ text: 'See https://bank.example/b today', link: 'https://bank.example/b', scheduledAt: '2027-03-21T14:00:00.000Z' });
    const rows = readCsvObjects(exportItems('buffer', [withLink, linkInside], OPTIONS).files[0].content);
    expect(rows[0].Text).toBe('Read more\n\nhttps://bank.example/a');
    expect(rows[0].Tags.split(',')).toEqual(['Rates', 'Tips']);
    expect(rows[1].Text).toBe('See https://bank.example/b today');
  });

  it('writes UTF-8 without a BOM (exact header match) and CRLF record ends', () => {
    const content = exportItems('buffer', [makeItem()], OPTIONS).files[0].content;
    expect(hasBom(content)).toBe(false);
    expect(content.startsWith('Text,Image URL,Tags,Posting Time\r\n')).toBe(true);
  });

  it('warns when seconds are dropped instead of dropping them silently', () => {
    const out = exportItems('buffer', [makeItem({ scheduledAt: '2027-03-20T14:00:30.000Z' })], OPTIONS);
    expect(out.warnings.map((w) => w.rule)).toEqual(['buffer.seconds_dropped']);
  });
});
