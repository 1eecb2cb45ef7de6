// Request sequencing: the month's posts answer slowly, the user searches right after changing
// month, and the slow answer must not replace the search results when it finally arrives (nor
// keep the new month's layers from showing).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysLocal, utcToZonedWallTime, zonedWallTimeToUtc } from '../../src/shared/time';
import { callApi, type ServedWorkspace } from './serve';
import { openDemoApp, type AppSession } from './session';

let session: AppSession;
let served: ServedWorkspace;
let page: Page;
const ZONE = 'America/New_York';

beforeAll(async () => {
  session = await openDemoApp();
  ({ served, page } = session);
});
afterAll(async () => {
  await session?.close();
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
    // two months on: past the month fetched ahead, so the new month's own answer is awaited
    const today = utcToZonedWallTime(new Date().toISOString(), ZONE).date;
    const inTwoMonths = `${addDaysLocal(`${today.slice(0, 8)}01`, 75).slice(0, 8)}15`;
    await callApi(served, 'posts.create', { title: 'Marathon training club', scheduledAt: zonedWallTimeToUtc(inTwoMonths, '10:00', ZONE).instant });
    const next = page.getByRole('button', { name: 'Next month' }).or(page.locator('.fc-next-button')).first();
    await next.click();
    await next.click();
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

    // ...and the new month's layers still came: its days count their own open slots
    const cells = page.locator('td.fc-daygrid-day');
    const [first, last] = [await cells.first().getAttribute('data-date'), await cells.last().getAttribute('data-date')];
    const overlay = await callApi(served, 'calendar.overlay', { from: first!, to: last! });
    const openDates = [...new Set(overlay.openSlots.map((slot) => slot.date))].sort();
    expect(openDates.length).toBeGreaterThan(0);
    const shownOpen = await page.locator('td.fc-daygrid-day:has(.sb-open-count)').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-date')));
    expect(shownOpen).toEqual(openDates);
    await page.unroute('**/api/posts.list');
  });
});

describe('the first loads', () => {
  it('what every screen needs is asked for at once on start, not one answer after another', async () => {
    // the workspace answers slowly: who is using the app must already be asked meanwhile
    const asked: string[] = [];
    let workspaceAnswered = false;
    await page.route('**/api/workspace.get', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
      workspaceAnswered = true;
    });
    await page.route('**/api/people.session', async (route) => {
      asked.push(workspaceAnswered ? 'session after the workspace answered' : 'session while the workspace was loading');
      await route.continue();
    });
    await page.reload();
    await page.locator('.fc-daygrid-day').first().waitFor({ timeout: 20_000 });
    expect(asked[0]).toBe('session while the workspace was loading');
    await page.unroute('**/api/workspace.get');
    await page.unroute('**/api/people.session');
  });
});
