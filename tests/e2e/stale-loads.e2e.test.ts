// Request sequencing: the month's posts answer slowly, the user searches right after changing
// month, and the slow answer must not replace the search results when it finally arrives.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('stale answers are dropped', () => {
  it('a search typed right after changing month shows only the matches, even when the month answers last', async () => {
    // the month's unfiltered post list takes 1.5 s; searches answer at once
    let delayed = 0;
    await page.route('**/api/posts.list', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { text?: string; unscheduled?: boolean };
      if (!body.text && !body.unscheduled) {
        delayed++;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
      await route.continue();
    });
    await page.getByRole('button', { name: 'Next month' }).or(page.locator('.fc-next-button')).first().click();
    await page.getByLabel('Search').fill('marathon');
    // wait until the slow answer has come and gone
    await page.waitForTimeout(2500);
    await page.waitForLoadState('networkidle');
    expect(delayed).toBeGreaterThan(0);

    const titles = await page.locator('.fc-event .sb-event-title').allTextContents();
    const matching = (await callApi(served, 'posts.list', { text: 'marathon' })).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(0);
    // only posts that match the search are on screen, not the month's
    expect(titles.filter((title) => !matching.includes(title))).toEqual([]);
    await page.unroute('**/api/posts.list');
  });
});
