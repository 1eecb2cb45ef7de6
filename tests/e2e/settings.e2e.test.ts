// The Settings page in Chromium against the real `storybank serve`: what the user does in the
// page is read back through the API (and after a page reload), never from the page's own state.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../../src/shared/api/contract';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;

const api = <K extends OperationName>(name: K, input: object = {}) => callApi(served, name, input);

async function openSettings(section: 'Workspace' | 'Channels' | 'Blackout dates' | 'Observances'): Promise<void> {
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await page.getByRole('tab', { name: section }).click();
  await expect.poll(() => page.getByRole('tab', { name: section, selected: true }).count()).toBe(1);
}

const notification = (text: string | RegExp): Locator => page.getByRole('alert').filter({ hasText: text });

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(served.url);
  page.setDefaultTimeout(10_000);
  await page.getByRole('navigation').getByText('Settings', { exact: true }).waitFor({ timeout: 15_000 });
});
// Each test starts from a freshly loaded page, so one that fails cannot leave a dialog open for the next.
beforeEach(async () => {
  await page.reload();
  await page.getByRole('navigation').getByText('Settings', { exact: true }).waitFor({ timeout: 15_000 });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('Settings', () => {
  it('adds a channel with two posting slots that is still there after a reload', async () => {
    await openSettings('Channels');
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a channel' });

    await dialog.getByRole('combobox', { name: 'Network' }).click();
    await page.getByRole('option', { name: 'Mastodon', exact: true }).click();
    await dialog.getByLabel('Channel name').fill('Riverside on Mastodon');
    await dialog.getByLabel('Handle').fill('@riverside@bank.social');
    await dialog.getByLabel('Mastodon character limit').fill('1000');
    await dialog.getByRole('combobox', { name: 'Time zone' }).click();
    await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Chicago');
    await page.getByRole('option', { name: /America\/Chicago/ }).click();

    // 08:15 on weekdays, then keep only Monday; 17:45 on weekends, then keep only Saturday.
    await dialog.getByLabel('New posting time').fill('08:15');
    await dialog.getByRole('button', { name: 'Add time' }).click();
    for (const day of ['Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await dialog.getByRole('checkbox', { name: `Post on ${day} at 8:15 AM` }).uncheck();
    }
    await dialog.getByLabel('New posting time').fill('17:45');
    await dialog.getByRole('combobox', { name: 'On', exact: true }).click();
    await page.getByRole('option', { name: /Weekends/ }).click();
    await dialog.getByRole('button', { name: 'Add time' }).click();
    await dialog.getByRole('checkbox', { name: 'Post on Sunday at 5:45 PM' }).uncheck();
    await dialog.getByRole('button', { name: 'Add channel' }).click();

    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => notification('Channel added').count()).toBe(1);

    const saved = (await api('channels.list')).find((c) => c.name === 'Riverside on Mastodon');
    expect(saved).toBeDefined();
    expect(saved!.network).toBe('mastodon');
    expect(saved!.handle).toBe('@riverside@bank.social');
    expect(saved!.timezone).toBe('America/Chicago');
    expect(saved!.maxLength).toBe(1000);
    expect([...saved!.slots].sort((a, b) => a.weekday - b.weekday)).toEqual([
      { weekday: 1, time: '08:15' },
      { weekday: 6, time: '17:45' },
    ]);

    await page.reload();
    await openSettings('Channels');
    const item = page.getByRole('listitem', { name: 'Riverside on Mastodon' });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    const text = await item.innerText();
    expect(text).toContain('8:15 AM · Mon');
    expect(text).toContain('5:45 PM · Sat');
    expect(text).toContain('America/Chicago');

    // The editor opens on the stored schedule.
    await item.getByRole('button', { name: 'Edit Riverside on Mastodon' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit Riverside on Mastodon' });
    expect(await editor.getByRole('checkbox', { name: 'Post on Monday at 8:15 AM' }).isChecked()).toBe(true);
    expect(await editor.getByRole('checkbox', { name: 'Post on Tuesday at 8:15 AM' }).isChecked()).toBe(false);
    expect(await editor.getByRole('checkbox', { name: 'Post on Saturday at 5:45 PM' }).isChecked()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });

  it('refuses a channel without a name, names the field and saves nothing', async () => {
    const before = await api('channels.list');
    await openSettings('Channels');
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a channel' });
    await dialog.getByLabel('Channel name').fill('   ');
    await dialog.getByLabel('New posting time').fill('10:00');
    await dialog.getByRole('button', { name: 'Add time' }).click();
    await dialog.getByRole('button', { name: 'Add channel' }).click();

    await expect.poll(() => notification(/Channel name/).count()).toBeGreaterThan(0);
    expect(await dialog.count()).toBe(1); // stays open so the user can fix it
    expect(await dialog.getByLabel('Channel name').getAttribute('aria-invalid')).toBe('true');
    expect((await api('channels.list')).map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('adds a blackout that puts a warning on a post inside it', async () => {
    // 10:00 in New York on a Wednesday with no Federal Reserve holiday nearby.
    const post = await api('posts.create', {
      title: 'Blackout probe',
      scheduledAt: '2027-01-13T15:00:00.000Z',
      timezone: 'America/New_York',
    });
    expect(post.issues.filter((i) => i.code === 'closure')).toEqual([]);

    await openSettings('Blackout dates');
    await page.getByLabel('Start date').fill('2027-01-12');
    await page.getByLabel('End date').fill('2027-01-14');
    await page.getByLabel('Reason').fill('Core system conversion');
    await page.getByRole('button', { name: 'Add blackout' }).click();
    await expect.poll(() => notification('Blackout added').count()).toBe(1);

    const blackouts = await api('blackouts.list');
    expect(blackouts).toContainEqual(
      expect.objectContaining({ startDate: '2027-01-12', endDate: '2027-01-14', reason: 'Core system conversion' }),
    );
    const row = page.getByRole('row').filter({ hasText: 'Core system conversion' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('3 days');

    const after = await api('posts.get', { id: post.id });
    expect(after.issues.some((i) => i.code === 'closure' && i.message.includes('Core system conversion'))).toBe(true);
  });

  it('refuses a blackout that ends before it starts', async () => {
    const before = await api('blackouts.list');
    await openSettings('Blackout dates');
    await page.getByLabel('Start date').fill('2027-03-10');
    await page.getByLabel('End date').fill('2027-03-08');
    await page.getByRole('button', { name: 'Add blackout' }).click();
    await expect.poll(() => notification(/End date/).count()).toBeGreaterThan(0);
    expect((await api('blackouts.list')).length).toBe(before.length);
  });

  it('switches an observance off, with the keyboard, and it stays off after a reload', async () => {
    const earthDay = (await api('observances.list')).find((o) => o.id === 'earth-day');
    expect(earthDay?.enabled).toBe(true);

    await openSettings('Observances');
    const toggle = page.getByRole('switch', { name: 'Earth Day' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => notification('Earth Day hidden').count()).toBe(1);

    const stored = await api('observances.list');
    expect(stored.find((o) => o.id === 'earth-day')?.enabled).toBe(false);
    // the others are untouched
    expect(stored.filter((o) => o.id !== 'earth-day').every((o) => o.enabled)).toBe(true);
    const overlay = await api('calendar.overlay', { from: '2027-04-01', to: '2027-04-30' });
    expect(overlay.observances.map((o) => o.id)).not.toContain('earth-day');

    await page.reload();
    await openSettings('Observances');
    await expect.poll(() => page.getByRole('switch', { name: 'Earth Day' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('switch', { name: 'Earth Day' }).isChecked()).toBe(false);
  });

  it("adds the bank's own observance, shows it on the calendar overlay, and removes it", async () => {
    await openSettings('Observances');
    await page.getByRole('button', { name: 'Add observance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an observance' });
    await dialog.getByLabel('Name').fill("Riverside Founders' Day");
    await dialog.getByRole('combobox', { name: 'Month' }).click({ force: true });
    await page.getByRole('option', { name: 'June' }).click();
    await dialog.getByLabel('Day of the month').fill('12');
    await dialog.getByRole('button', { name: 'Add observance' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const year = new Date().getUTCFullYear() + 1;
    await expect
      .poll(async () => (await api('calendar.overlay', { from: `${year}-06-01`, to: `${year}-06-30` })).observances.map((o) => `${o.name} ${o.start}`))
      .toContain(`Riverside Founders' Day ${year}-06-12`);
    await page.getByRole('button', { name: "Remove Riverside Founders' Day" }).click();
    await expect
      .poll(async () => (await api('observances.list')).map((o) => o.name))
      .not.toContain("Riverside Founders' Day");
  });

  it('renames the workspace and changes its time zone', async () => {
    await openSettings('Workspace');
    await page.getByLabel('Workspace name').fill('Riverside Community Bank Marketing');
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await zone.fill('Denver');
    await page.getByRole('option', { name: /America\/Denver/ }).click();
    await page.getByRole('button', { name: 'Save workspace' }).click();
    await expect.poll(() => notification('Workspace saved').count()).toBe(1);

    const info = await api('workspace.get');
    expect(info.name).toBe('Riverside Community Bank Marketing');
    expect(info.timezone).toBe('America/Denver');
    // the header follows (useWorkspace().reload())
    await expect.poll(() => page.getByRole('banner').getByText('Denver (Mountain)').count()).toBe(1);
  });
});
