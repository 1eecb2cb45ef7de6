import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcToZonedWallTime } from '../../src/shared/time';
import { launchChromium } from './browser';
import { serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('the app in Chromium against storybank serve', () => {
  it('opens on the demo calendar', async () => {
    await page.goto(served.url);
    await expect.poll(() => page.locator('.fc-dayGridMonth-view').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('.fc-event').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await expect.poll(() => page.getByText('Riverside Community Bank').count()).toBe(1);
    // the time zone in words people read, and a favicon the host serves
    await expect.poll(() => page.getByText('New York (Eastern)', { exact: true }).count()).toBe(1);
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect((await page.request.get(new URL(icon!, page.url()).toString())).status()).toBe(200);
    // the token left the address bar but stays usable for reloads
    expect(page.url()).not.toContain('token=');
  });

  it('creates a post through the UI that is still there after a reload', async () => {
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    // today in the demo bank's zone, so the post lands in the month on screen
    const today = utcToZonedWallTime(new Date().toISOString(), 'America/New_York').date;
    await dialog.getByLabel('Title').fill('Teller Jake coaches soccer');
    await dialog.getByLabel('Date').fill(today);
    await dialog.getByLabel(/^Time/).fill('11:15');
    await dialog.getByLabel('Text').fill('Jake from Oak Street coaches the U10 Riverside Rapids.');
    await dialog.getByRole('button', { name: 'Create post' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Teller Jake coaches soccer' }).count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Teller Jake coaches soccer' }).count(), { timeout: 15_000 }).toBe(1);
  });
});
