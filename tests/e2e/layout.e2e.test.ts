// The calendar on bank laptops and big screens: no horizontal scrollbar, and every primary action
// visible, inside the window and clickable, from 1024x768 to 1920x1080.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe('calendar layout', () => {
  it.each(SIZES)('at $width x $height: no horizontal scrollbar, every primary action visible and clickable', async (size) => {
    const page = await (await browser.newContext({ viewport: size })).newPage();
    try {
      await page.goto(served.url);
      await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const controls = {
        search: page.getByLabel('Search'),
        filters: page.getByRole('button', { name: /^Filters/ }).or(page.getByRole('combobox', { name: 'Channels' })),
        plan: page.getByRole('button', { name: /^Plan/ }),
        newPost: page.getByRole('button', { name: 'New post', exact: true }),
        month: page.getByRole('button', { name: 'Month', exact: true }),
        week: page.getByRole('button', { name: 'Week', exact: true }),
        list: page.getByRole('button', { name: 'List', exact: true }),
        today: page.getByRole('button', { name: 'Today', exact: true }),
      };
      for (const [name, control] of Object.entries(controls)) {
        const box = await control.first().boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x, name).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(size.width);
        expect(box!.y + box!.height, name).toBeLessThanOrEqual(size.height);
      }
      // the primary actions open what they promise
      await page.getByRole('button', { name: 'New post', exact: true }).click();
      await page.getByRole('dialog', { name: 'New post' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Plan/ }).click();
      await page.getByRole('dialog', { name: 'Plan open slots' }).waitFor();
      await page.keyboard.press('Escape');
      // the mix panel is there or one click away
      if ((await page.getByRole('region', { name: 'Content mix' }).count()) === 0) await page.getByRole('button', { name: 'Show panel' }).click();
      await page.getByRole('region', { name: 'Content mix' }).waitFor();
    } finally {
      await page.close();
    }
  });
});
