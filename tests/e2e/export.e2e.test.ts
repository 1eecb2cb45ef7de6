// The Export page in Chromium against `storybank serve` on the demo bank: preview Buffer, see the
// left-out reasons, write the files, repeat (idempotent), and replace a changed file only after confirming.
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, tempDir, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;
const outputDir = path.join(tempDir('storybank-e2e-export-'), 'Buffer files');

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  fs.rmSync(path.dirname(outputDir), { recursive: true, force: true });
});

async function expectAccessible(where: string): Promise<void> {
  expect(await seriousViolations(page, where, { everyRule: true })).toEqual([]);
}

const csvFiles = () => (fs.existsSync(outputDir) ? fs.readdirSync(outputDir).filter((f) => f.endsWith('.csv')).sort() : []);

describe('the Export page', () => {
  it('previews Buffer for the demo bank with the rows of each file and what is left out, and why', async () => {
    await page.goto(served.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Export', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Export', level: 1 }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: /^Buffer/ }).isChecked()).toBe(true);
    // the dates' zone reads as everywhere else in the app (the badge, the editor), not as a tz id
    expect(await page.getByText('Local dates in New York (Eastern), both included').count()).toBe(1);
    await page.getByLabel('Output folder').fill(outputDir);

    // the preview follows the options: it names the folder typed in
    await expect.poll(() => page.getByRole('region', { name: 'Files preview' }).getByText(`into ${outputDir}`).count(), { timeout: 15_000 }).toBe(1);
    const firstRows = page.getByRole('table', { name: /^First rows of .*buffer/ });
    await expect.poll(() => firstRows.count(), { timeout: 15_000 }).toBe(1);
    expect(await firstRows.locator('th').allTextContents()).toEqual(['Text', 'Image URL', 'Tags', 'Posting Time']);
    const leftOut = page.getByRole('table', { name: 'Posts left out' });
    await expect.poll(() => leftOut.locator('tbody tr').count()).toBeGreaterThan(0);
    // the demo has posts in review and Instagram posts whose photo is only a local file
    expect(await leftOut.getByText(/only approved posts are exported/).count()).toBeGreaterThan(0);
    expect(await leftOut.getByText(/Instagram posts need an image with a public URL/).count()).toBeGreaterThan(0);
    expect(csvFiles()).toEqual([]);
    await page.screenshot({ path: '/tmp/export-preview.png', fullPage: true });
    await expectAccessible('export preview');
  });

  it('writes the files, which parse back with the previewed header, and a repeat records nothing new', async () => {
    const button = page.getByRole('button', { name: /^Export \d+ files?$/ });
    const label = (await button.textContent()) ?? '';
    const expectedFiles = Number(label.match(/\d+/)![0]);
    await button.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Export written' }).count(), { timeout: 15_000 }).toBe(1);
    const files = csvFiles();
    expect(files).toHaveLength(expectedFiles);
    for (const file of files) {
      const [header, ...rows] = parse(fs.readFileSync(path.join(outputDir, file))) as string[][];
      expect(header).toEqual(['Text', 'Image URL', 'Tags', 'Posting Time']);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    }
    await page.screenshot({ path: '/tmp/export-written.png', fullPage: true });

    await page.getByRole('button', { name: /^Export \d+ files?$/ }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Same as the last export' }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Export history' }).locator('tbody tr').count()).toBe(1);
    await page.getByRole('tab', { name: 'New export' }).click();
  });

  it('asks before replacing a file that holds other content', async () => {
    const [first] = csvFiles();
    fs.writeFileSync(path.join(outputDir, first), 'edited by hand\r\n');
    // a change of options refreshes the preview, which now sees the conflict
    await page.getByRole('radio', { name: /^Hootsuite/ }).click();
    await page.getByRole('radio', { name: /^Buffer/ }).click();
    await expect.poll(() => page.getByText('Replaces a file').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Export \d+ files?$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace existing files?' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByText(first, { exact: false }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Replace and export' }).waitFor({ state: 'visible' });
    await page.waitForTimeout(400); // let the dialog finish fading in for the screenshot
    await page.screenshot({ path: '/tmp/export-confirm.png' });
    await expectAccessible('confirm dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(fs.readFileSync(path.join(outputDir, first), 'utf8')).toBe('edited by hand\r\n');

    await page.getByRole('button', { name: /^Export \d+ files?$/ }).click();
    await dialog.getByRole('button', { name: 'Replace and export' }).click();
    await expect.poll(() => fs.readFileSync(path.join(outputDir, first), 'utf8').startsWith('Text,Image URL'), { timeout: 15_000 }).toBe(true);
  });

  it('remembers the folder after a reload (from the workspace\'s own history) and history shows it', async () => {
    await page.reload();
    await page.getByRole('navigation').getByText('Export', { exact: true }).click();
    await expect.poll(() => page.getByLabel('Output folder').inputValue()).toBe(outputDir);
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Export history' });
    await expect.poll(() => history.locator('tbody tr').first().textContent()).toContain(outputDir);
  });

  it('"Changed since export" says what changed in a post that went out, and the time it went out for', async () => {
    const [exported] = await callApi(served, 'posts.list', { statuses: ['exported'] });
    const later = new Date(new Date(exported.scheduledAt!).getTime() + 2 * 3_600_000).toISOString();
    await callApi(served, 'posts.update', { id: exported.id, revision: exported.revision, scheduledAt: later, baseText: `${exported.baseText} (updated)`, confirmHandedOver: true });
    await page.reload();
    await page.getByRole('tab', { name: 'Changed since export' }).click();
    const table = page.getByRole('table', { name: 'Changed since export' });
    const row = table.locator('tbody tr', { hasText: exported.title }).first();
    await expect.poll(() => row.textContent()).toContain('text and time (went out for');
    await expectAccessible('Changed since export');
  });
});
