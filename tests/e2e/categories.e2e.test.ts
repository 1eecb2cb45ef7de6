import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await page.getByRole('tab', { name: 'Categories' }).click();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('categories in settings', () => {
  it('will not save shares that do not add up to 100%', async () => {
    const share = page.getByLabel('Target share of Employee highlights in percent');
    await share.fill('35');
    await expect.poll(() => page.getByText('Shares must add up to 100%').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save categories' }).isDisabled()).toBe(true);
  });

  it('moves 10 points from products to employee highlights, saves, and keeps it after a reload', async () => {
    await page.getByLabel('Target share of Products & promotions in percent').fill('5');
    await expect.poll(() => page.getByText('Total 100%').count()).toBe(1);
    await page.getByRole('button', { name: 'Save categories' }).click();
    await expect
      .poll(async () => (await callApi(served, 'categories.list')).find((c) => c.name === 'Products & promotions')?.targetShare)
      .toBeCloseTo(0.05, 9);
    await page.reload();
    await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
    await page.getByRole('tab', { name: 'Categories' }).click();
    await expect.poll(() => page.getByLabel('Target share of Employee highlights in percent').inputValue()).toBe('35%');
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(page, 'categories')).toEqual([]);
  });
});
