// Shared test data for the exporter tests: an item builder and a mixed export fixture.
import { parse } from 'csv-parse/sync';
import type { ExportItemInput, ExportOptionsInput } from '../../../src/shared/export';

let counter = 0;

/** One approved post on one channel, with sensible defaults; override what the test is about. */
export function makeItem(overrides: Partial<ExportItemInput> = {}): ExportItemInput {
  counter += 1;
  return {
    postId: `post-${String(counter).padStart(4, '0')}`,
    channelId: 'chan-fb',
    channelName: 'First Community FB',
    network: 'facebook',
    timezone: 'America/New_York',
    scheduledAt: '2027-03-20T14:00:00.000Z',
    title: `Post ${counter}`,
    text: `Story number ${counter}`,
    images: [],
    link: null,
    tags: [],
    categoryName: null,
    status: 'approved',
    contentHash: `hash-${counter}`,
    ...overrides,
  };
}

export const NOW = '2027-01-04T15:00:00.000Z';
export const OPTIONS: ExportOptionsInput = { now: NOW, baseName: 'spring-plan', workspaceName: 'First Community Bank' };

/** Texts that break naive CSV/ICS writers. */
export const TRICKY_TEXTS = {
  commasQuotes: 'Rates, fees, and "free" checking; see: branch',
  newlines: 'Line one\nLine two\r\nLine three',
  emoji: 'Grand opening 🎉👩🏽‍💼 at Main St 🏦',
  chinese: '欢迎来到我们的新分行，周六开放。',
  arabic: 'مرحبا بكم في فرعنا الجديد، نحن مفتوحون يوم السبت',
  long: `${'Community banking means knowing your neighbours. '.repeat(6)}End.`,
} as const;

/**
 * Posts at the DST-sensitive instants the issue names: 2027-03-14 12:00 in New York is the
 * first day of EDT (UTC-4, so 16:00Z); 2027-11-07 09:05 in Chicago is the first day back on
 * CST (UTC-6, so 15:05Z). A post at 01:30 New York that same March morning is still EST (06:30Z).
 */
export const DST_CASES = [
  { timezone: 'America/New_York', scheduledAt: '2027-03-14T16:00:00.000Z', local: { y: 2027, mo: 3, d: 14, h: 12, mi: 0 } },
  { timezone: 'America/New_York', scheduledAt: '2027-03-14T06:30:00.000Z', local: { y: 2027, mo: 3, d: 14, h: 1, mi: 30 } },
  { timezone: 'America/Chicago', scheduledAt: '2027-11-07T15:05:00.000Z', local: { y: 2027, mo: 11, d: 7, h: 9, mi: 5 } },
] as const;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads a CSV back with csv-parse (the real parser, not our writer). */
export function readCsv(content: string): string[][] {
  return parse(content, { bom: true, relax_column_count: false }) as string[][];
}

/** Reads a CSV with a header row into objects keyed by header. */
export function readCsvObjects(content: string): Record<string, string>[] {
  return parse(content, { bom: true, columns: true }) as Record<string, string>[];
}

const UTF8_BOM = '\uFEFF';
export function hasBom(content: string): boolean {
  return content.startsWith(UTF8_BOM);
}

/** A fixed mix of channels, zones, texts and rule-breakers for the golden files. */
export function goldenItems(): ExportItemInput[] {
  const fb = { channelId: 'chan-fb', channelName: 'First Community FB', network: 'facebook', timezone: 'America/New_York' } as const;
  const li = { channelId: 'chan-li', channelName: 'LinkedIn – Chicago', network: 'linkedin', timezone: 'America/Chicago' } as const;
  const ig = { channelId: 'chan-ig', channelName: '社区银行', network: 'instagram', timezone: 'Asia/Shanghai' } as const;
  return [
    { ...fb, postId: 'g-01', scheduledAt: '2027-03-14T16:00:00.000Z', title: 'Spring savings', text: TRICKY_TEXTS.commasQuotes, images: [{ url: 'https://cdn.example.com/spring.jpg', alt: 'Tulips, in a "vase"' }], link: 'https://bank.example/spring?utm_source=facebook', tags: ['savings', 'spring'], categoryName: 'Products', status: 'approved', contentHash: 'h-g01' },
    { ...fb, postId: 'g-02', scheduledAt: '2027-03-14T17:03:00.000Z', title: 'Teller story', text: TRICKY_TEXTS.newlines, images: [], link: null, tags: [], categoryName: 'People', status: 'approved', contentHash: 'h-g02' },
    { ...fb, postId: 'g-03', scheduledAt: '2027-03-15T13:00:00.000Z', title: 'Draft idea', text: 'Not ready yet', images: [], link: null, tags: [], categoryName: null, status: 'draft', contentHash: 'h-g03' },
    { ...fb, postId: 'g-04', scheduledAt: '2027-03-16T13:00:00.000Z', title: 'Local photo', text: TRICKY_TEXTS.emoji, images: [{ url: '', alt: 'Ribbon cutting' }], link: null, tags: [], categoryName: 'Community', status: 'approved', contentHash: 'h-g04' },
    { ...li, postId: 'g-05', scheduledAt: '2027-11-07T15:05:00.000Z', title: 'Fall hours', text: TRICKY_TEXTS.long, images: [], link: 'https://bank.example/hours', tags: ['hours'], categoryName: 'Service', status: 'exported', contentHash: 'h-g05' },
    { ...li, postId: 'g-06', scheduledAt: '2027-11-07T15:07:00.000Z', title: 'Arabic greeting', text: TRICKY_TEXTS.arabic, images: [], link: null, tags: [], categoryName: null, status: 'approved', contentHash: 'h-g06' },
    { ...ig, postId: 'g-07', scheduledAt: '2027-05-01T02:00:00.000Z', title: '新分行', text: TRICKY_TEXTS.chinese, images: [{ url: 'https://cdn.example.com/branch.png', alt: '新分行外观' }, { url: 'https://cdn.example.com/inside.png', alt: 'Lobby' }], link: null, tags: ['branch'], categoryName: 'Community', status: 'approved', contentHash: 'h-g07' },
    { ...ig, postId: 'g-08', scheduledAt: '2027-05-02T02:00:00.000Z', title: 'No picture', text: '=SUM(A1:A2) is not a formula here', images: [], link: null, tags: [], categoryName: null, status: 'approved', contentHash: 'h-g08' },
  ];
}
