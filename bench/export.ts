// Exporter benchmark: 10,000 export items over 8 channels in 4 time zones, timed per format.
// Reports `export_<format>_10k_ms` (goal: under 500 ms each).
import { performance } from 'node:perf_hooks';
import { EXPORT_FORMATS, exportItems, type ExportItemInput } from '../src/shared/export';
import { warnOverBudget } from './support/budget';

const ITEM_COUNT = 10_000;
/** Milestone 1's aim for each format. */
const EXPORT_10K_BUDGET_MS = 500;
const NOW = '2027-01-04T15:00:00.000Z';

const CHANNELS = [
  { channelId: 'fb-main', channelName: 'Main Street FB', network: 'facebook', timezone: 'America/New_York' },
  { channelId: 'ig-main', channelName: 'Main Street IG', network: 'instagram', timezone: 'America/New_York' },
  { channelId: 'li-corp', channelName: 'Corporate LinkedIn', network: 'linkedin', timezone: 'America/Chicago' },
  { channelId: 'x-news', channelName: 'Bank News X', network: 'x', timezone: 'America/Chicago' },
  { channelId: 'th-team', channelName: 'Team Threads', network: 'threads', timezone: 'America/Denver' },
  { channelId: 'bs-team', channelName: 'Team Bluesky', network: 'bluesky', timezone: 'America/Denver' },
  { channelId: 'ma-town', channelName: 'Town Mastodon', network: 'mastodon', timezone: 'America/Los_Angeles' },
  { channelId: 'gb-branch', channelName: 'Branch Profile', network: 'google_business', timezone: 'America/Los_Angeles' },
] as const;

const TEXTS = [
  'Our tellers, in their own words: "why I love Main Street", part {n}.',
  'Saving tips for spring 🌷 #{n}\nStep one: pay yourself first.\nStep two: automate it.',
  '欢迎来到我们的新分行 {n}，周六开放。',
  'مرحبا بكم في فرعنا الجديد {n}',
];

export function makeBenchItems(count = ITEM_COUNT): ExportItemInput[] {
  const start = Date.parse('2027-02-01T14:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const channel = CHANNELS[i % CHANNELS.length];
    return {
      ...channel,
      postId: `post-${Math.floor(i / 2)}`,
      // 37-minute steps: off the 5-minute grid often enough to exercise Hootsuite's rounding.
      scheduledAt: new Date(start + i * 37 * 60_000).toISOString(),
      title: `Story ${i}`,
      text: TEXTS[i % TEXTS.length].replace('{n}', String(i)),
      images: i % 3 === 0 || channel.network === 'instagram' ? [{ url: `https://cdn.example.com/img/${i}.jpg`, alt: `Photo ${i}` }] : [],
      link: i % 2 === 0 ? `https://bank.example/stories/${i}?utm_source=${channel.network}` : null,
      tags: ['stories', `week-${Math.floor(i / 50)}`],
      categoryName: i % 5 === 0 ? 'Products' : 'Community',
      status: 'approved',
      contentHash: `hash-${i}`,
    };
  });
}

export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const items = makeBenchItems();
  const options = { now: NOW, baseName: 'bench', workspaceName: 'Bench Bank' };
  // Warm-up so each figure is steady-state work, not JIT compilation and Intl formatter set-up.
  for (const format of EXPORT_FORMATS) exportItems(format, items.slice(0, 500), options);
  for (const format of EXPORT_FORMATS) {
    const started = performance.now();
    const out = exportItems(format, items, options);
    const elapsed = performance.now() - started;
    if (out.files.length === 0) throw new Error(`bench: ${format} wrote no file`);
    report(`export_${format}_10k_ms`, Math.round(elapsed * 10) / 10, 'ms');
    warnOverBudget(`export_${format}_10k_ms`, elapsed, EXPORT_10K_BUDGET_MS);
  }
}
