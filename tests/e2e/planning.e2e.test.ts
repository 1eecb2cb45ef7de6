import type { OperationName } from '../../src/shared/api/contract';
import { addMonths, endOfMonth, format, parseISO } from 'date-fns';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcToZonedWallTime } from '../../src/shared/time';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

const api = <K extends OperationName>(name: K, input: object = {}) => callApi(served, name, input);

const today = utcToZonedWallTime(new Date().toISOString(), 'America/New_York').date;
const nextMonth = format(addMonths(parseISO(`${today.slice(0, 8)}01`), 1), 'yyyy-MM-dd');
const nextMonthEnd = format(endOfMonth(parseISO(nextMonth)), 'yyyy-MM-dd');

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('planning in Chromium', () => {
  it('previews a plan for next month, applies it, and undoes it', async () => {
    const before = await api('posts.list', {});
    await page.getByRole('button', { name: 'Plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan open slots' });
    await dialog.getByLabel('From').fill(nextMonth);
    await dialog.getByLabel('To').fill(nextMonthEnd);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const rows = dialog.getByRole('table', { name: 'Planned slots' }).locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(20);
    // every row says why
    const firstReason = await rows.first().locator('td').last().textContent();
    expect(firstReason?.length).toBeGreaterThan(10);
    // plain words first: posts to write per month, and how close the mix stays
    const summary = dialog.getByLabel('Plan summary');
    await expect.poll(() => summary.textContent()).toMatch(/\d+ posts? to write for (\d+) open slots/);
    const [, toWrite, slots] = (await summary.textContent())!.match(/(\d+) posts? to write for (\d+) open slots/)!.map(Number);
    // one post for the channels that carry the same category that day: at most 60% of the slots
    expect(toWrite).toBeLessThan(slots * 0.6);
    expect(await summary.textContent()).toMatch(/Every channel stays within \d\.\d posts of your targets/);
    expect(await dialog.getByText(/Tijdeman|B\*|Max deviation/).isVisible()).toBe(false);
    // the exact figures are one click away
    await dialog.getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Quality per channel' }).isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(/Tijdeman/).isVisible()).toBe(true);
    const planned = await rows.count();

    await dialog.getByRole('button', { name: 'Apply plan' }).click();
    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    const after = await api('posts.list', {});
    const created = after.filter((post) => !before.some((old) => old.id === post.id));
    // multi-channel placeholders, each channel at its own slot time
    expect(created.length).toBeLessThan(planned * 0.6);
    expect(created.some((p) => p.placeholder && p.channelIds.length > 1)).toBe(true);
    expect(created.some((p) => Object.keys(p.channelOffsets).length > 0)).toBe(true);

    // the toast says what happened and takes it back
    const toast = page.locator('.mantine-Notification-root', { hasText: 'Plan applied' });
    await expect.poll(() => toast.textContent()).toMatch(/\d+ posts to write, \d+ posts? from story ideas/);
    await toast.getByRole('button', { name: /^Undo plan/ }).click();
    await expect.poll(async () => (await api('posts.list', {})).length, { timeout: 20_000 }).toBe(before.length);
  });

  it('the mix report page shows the chart and one row per category', async () => {
    await page.getByText('Mix report', { exact: true }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Mix per category' }).locator('tbody tr').count()).toBe(5);
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThan(1);
    expect(await page.getByText('Self-promotion').count()).toBeGreaterThan(0);
    // the chart's legend lists the categories in the table's order; the target stands beside each share
    const rows = (await page.getByRole('table', { name: 'Mix per category' }).locator('tbody tr td:first-child').allTextContents()).map((t) => t.replace(/promotion$/, '').trim());
    const legend = await page.getByLabel('Posts per category and period').locator('.mantine-ChartLegend-legendItemName').allTextContents();
    expect(legend).toEqual(rows);
    expect(await page.getByLabel('Share of each category against its target').locator('.mantine-ChartLegend-legendItemName').allTextContents()).toEqual(['Share', 'Target']);
  });
});
