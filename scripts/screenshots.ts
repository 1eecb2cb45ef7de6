// Screenshots of every screen of a running `storybank serve`, at a bank laptop's 1024x768 and at
// 1440x900, for looking at the product:
//   npx tsx scripts/screenshots.ts URL [OUT_DIR]
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

async function api(url: string, name: string, input: object): Promise<unknown> {
  const parsed = new URL(url);
  const response = await fetch(`${parsed.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${parsed.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value;
}

async function screens(page: Page, url: string, shot: (name: string) => Promise<void>): Promise<void> {
  await page.goto(url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
  await shot('calendar-month');
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await shot('calendar-week');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await shot('calendar-day');
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await shot('calendar-list');
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.locator('.fc-event .sb-event-title').first().click();
  await page.getByRole('dialog', { name: 'Edit post' }).waitFor();
  await shot('post-editor');
  await page.getByRole('dialog').getByRole('tab', { name: 'Preview' }).click();
  await shot('post-editor-preview');
  await page.keyboard.press('Escape');
  // someone else saves an open post: the editor shows both versions
  const at = new Date();
  at.setUTCHours(15, 0, 0, 0);
  const title = `Ana marks ten years at Main Street (${page.viewportSize()?.width})`;
  const post = (await api(url, 'posts.create', { title, baseText: 'Ten years ago Ana joined us as a teller.', scheduledAt: at.toISOString() })) as { id: string; revision: number };
  await page.reload();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await page.getByText(title).first().click();
  await page.getByRole('dialog', { name: 'Edit post' }).getByLabel('Text', { exact: true }).fill('Ten years ago Ana joined us as a teller. Today she runs the branch.');
  await api(url, 'posts.update', { id: post.id, revision: post.revision, baseText: 'Ten years ago this month, Ana joined Riverside as a teller.' });
  await page.getByRole('dialog', { name: 'Edit post' }).getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog', { name: 'This post was changed elsewhere' }).waitFor();
  await shot('post-conflict');
  await page.getByRole('button', { name: 'Load their version' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await page.locator('.fc-event .sb-event').first().hover();
  await page.getByRole('tooltip', { name: /^Preview of/ }).waitFor();
  await shot('calendar-hover-preview');
  await page.getByText('Comfortable', { exact: true }).click();
  await shot('calendar-month-comfortable');
  await page.getByText('Compact', { exact: true }).click();
  await page.getByRole('button', { name: /^Plan/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('table', { name: 'Planned slots' }).waitFor({ timeout: 20_000 });
  await shot('plan-preview');
  await page.getByRole('button', { name: 'Details' }).click();
  await shot('plan-preview-details');
  await page.keyboard.press('Escape');
  for (const [nav, name] of [
    ['Story ideas', 'ideas'],
    ['Media library', 'media-library'],
    ['Review', 'review'],
    ['Mix report', 'mix-report'],
    ['Export', 'export'],
    ['Audit trail', 'audit'],
    ['Settings', 'settings'],
  ] as const) {
    await page.getByRole('navigation').getByText(nav, { exact: true }).click();
    await shot(name);
    if (name === 'export') {
      await page.getByRole('tab', { name: 'Changed since export' }).click();
      await shot('export-changed');
    }
  }
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.getByRole('table', { name: 'Backups' }).waitFor();
  await shot('settings-backups');
  await page.getByRole('button', { name: /Restore the backup/ }).first().click();
  await shot('settings-backups-restore');
  await page.keyboard.press('Escape');
}

async function main(): Promise<void> {
  const [url, out = 'screenshots'] = process.argv.slice(2);
  fs.mkdirSync(out, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      const page = await (await browser.newContext({ viewport: size })).newPage();
      await screens(page, url, async (name) => {
        await page.waitForTimeout(600);
        await page.screenshot({ path: `${out}/${name}-${size.width}x${size.height}.png` });
      });
    }
  } finally {
    await browser.close();
  }
}

void main();
