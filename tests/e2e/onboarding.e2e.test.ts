// First run in the browser host: an empty workspace shows what is left to set up, each step one
// click from its settings, and can take the demo bank instead.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWorkspace({ demo: false });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await page.goto(served.url);
  await page.getByRole('region', { name: 'Get started' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('first run', () => {
  it('lists the four steps, none done, with no serious accessibility finding (every axe rule)', async () => {
    const checklist = page.getByRole('region', { name: 'Get started' });
    expect(await checklist.getByRole('heading').textContent()).toBe('Get started: 4 of 4 steps left');
    expect(await checklist.getByRole('listitem').count()).toBe(4);
    expect(await seriousViolations(page, 'onboarding', { everyRule: true })).toEqual([]);
  });

  it('a step opens the settings section where it is done, and the address says which', async () => {
    await page.getByRole('button', { name: 'Add channels' }).click();
    await expect.poll(() => page.url()).toContain('#/settings?section=channels');
    expect(await page.getByRole('tab', { name: 'Channels' }).getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await page.getByRole('region', { name: 'Get started' }).waitFor();
  });

  it('takes the demo bank into the empty workspace: the calendar fills and the checklist goes', async () => {
    await page.getByRole('button', { name: 'Explore the demo bank instead' }).click();
    await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('region', { name: 'Get started' }).count()).toBe(0);
    expect((await callApi(served, 'channels.list', {})).length).toBeGreaterThan(0);
    // the header shows the demo bank's name at once
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Riverside Community Bank');
  });

  it('every other page and the plan dialog have no serious accessibility finding either (every axe rule)', async () => {
    const found: string[] = [];
    for (const name of ['Story ideas', 'Media library', 'Mix report', 'Settings']) {
      await page.getByRole('navigation').getByText(name, { exact: true }).click();
      await page.getByRole('heading', { level: 1 }).or(page.getByRole('heading', { level: 2 })).first().waitFor();
      // the page's lists, not only its frame, are what is scanned
      await page.getByRole('table').or(page.locator('.recharts-surface')).or(page.getByRole('tablist')).or(page.locator('[data-idea]')).or(page.getByRole('list', { name: 'Images' })).first().waitFor();
      found.push(...(await seriousViolations(page, name, { everyRule: true })));
    }
    for (const section of ['Channels', 'Categories', 'Blackout dates', 'Observances']) {
      await page.getByRole('tab', { name: section }).click();
      found.push(...(await seriousViolations(page, `Settings > ${section}`, { everyRule: true })));
    }
    await page.getByRole('navigation').getByText('Calendar', { exact: true }).click();
    await page.getByRole('button', { name: 'Plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan open slots' });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByLabel('Plan summary').waitFor({ timeout: 20_000 });
    found.push(...(await seriousViolations(page, 'plan dialog', { everyRule: true })));
    expect(found).toEqual([]);
  }, 120_000);
});
