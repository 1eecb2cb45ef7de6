// A long plan in the app: the dialog shows what the worker is doing and a Cancel button that
// stops it; nothing is written.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  // every channel at 98 posting slots a week: a 400-day plan takes seconds
  const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => Array.from({ length: 14 }, (_, h) => ({ weekday, time: `${String(7 + h).padStart(2, '0')}:15` })));
  for (const channel of await callApi(served, 'channels.list')) await callApi(served, 'channels.update', { id: channel.id, revision: channel.revision, slots });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('long work in the app', () => {
  it('the plan dialog shows progress and stops the plan', async () => {
    const before = (await callApi(served, 'posts.list', {})).length;
    await page.getByRole('button', { name: /^Plan/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan open slots' });
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 399 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('From').fill(from);
    await dialog.getByLabel('To').fill(to);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('progressbar', { name: 'Planning progress' }).waitFor();
    await dialog.getByRole('button', { name: 'Stop planning' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cancelled' }).waitFor();
    await expect.poll(() => dialog.getByRole('progressbar').count(), { timeout: 10_000 }).toBe(0);
    expect(await dialog.getByRole('table', { name: 'Planned slots' }).count()).toBe(0);
    expect((await callApi(served, 'posts.list', {})).length).toBe(before);
  }, 60_000);
});
