// Item 10 and 11 of the daily-use issue: every change answers with a toast that can undo it,
// a drop on a closed day asks first, and where the user is lives in the address (reload, Back).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysLocal, utcToZonedWallTime, zonedWallTimeToUtc } from '../../src/shared/time';
import { dragEvent } from './drag';
import { openDemoApp, type AppSession } from './session';

const ZONE = 'America/New_York';
let session: AppSession;
let page: Page;
const api: AppSession['api'] = (name, input) => session.api(name, input);
const postsTitled = async (title: string) => (await api('posts.list', { text: title })).filter((p) => p.title === title);
const toast = (title: string) => page.locator('.mantine-Notification-root', { hasText: title }).last();

const drag = (sourceText: string, targetDate: string): Promise<void> =>
  dragEvent(page, page.locator('.fc-event', { hasText: sourceText }), page.locator(`td.fc-daygrid-day[data-date="${targetDate}"]`), { fromBottom: 12 });

beforeAll(async () => {
  session = await openDemoApp();
  page = session.page;
}, 60_000);
afterAll(async () => session?.close());

describe('feedback after every action', () => {
  it('a drop on a bank holiday asks first; Cancel leaves the post, going ahead moves it, and the toast undoes it', async () => {
    const today = utcToZonedWallTime(new Date().toISOString(), ZONE).date;
    const overlay = await api('calendar.overlay', { from: addDaysLocal(today, 2), to: addDaysLocal(today, 120) });
    // a holiday on a weekday with its day before in the same month, so both cells are on one screen
    const holiday = overlay.holidays.find((h) => h.date.slice(8) >= '02')!;
    const dayBefore = addDaysLocal(holiday.date, -1);
    await api('posts.create', { title: 'Holiday drop test', scheduledAt: zonedWallTimeToUtc(dayBefore, '10:00', ZONE).instant, channelIds: [] });
    // the address takes the calendar straight to that month
    await page.goto(`${session.served.url.split('?')[0]}#/calendar?view=month&date=${holiday.date.slice(0, 8)}01&q=Holiday%20drop%20test`);
    await page.locator('.fc-event', { hasText: 'Holiday drop test' }).waitFor();

    await drag('Holiday drop test', holiday.date);
    const dialog = page.getByRole('dialog', { name: 'Schedule it there?' });
    await expect.poll(() => dialog.textContent()).toContain(`The bank is closed that day (${holiday.name})`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(utcToZonedWallTime((await postsTitled('Holiday drop test'))[0].scheduledAt!, ZONE).date).toBe(dayBefore);

    await drag('Holiday drop test', holiday.date);
    await dialog.getByRole('button', { name: 'Schedule anyway' }).click();
    await expect.poll(async () => utcToZonedWallTime((await postsTitled('Holiday drop test'))[0].scheduledAt!, ZONE).date).toBe(holiday.date);
    await expect.poll(() => toast('Post moved').textContent()).toContain('“Holiday drop test” is now on');
    await toast('Post moved').getByRole('button', { name: /^Undo move/ }).click();
    await expect.poll(async () => utcToZonedWallTime((await postsTitled('Holiday drop test'))[0].scheduledAt!, ZONE).date).toBe(dayBefore);
  });

  it('creating and deleting a post each show a toast whose Undo takes it back', async () => {
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'New post' });
    await editor.getByLabel('Title').fill('Toast test post');
    await editor.getByRole('button', { name: 'Create post' }).click();
    await expect.poll(async () => (await postsTitled('Toast test post')).length).toBe(1);
    await toast('Post created').getByRole('button', { name: /^Undo new post/ }).click();
    await expect.poll(async () => (await postsTitled('Toast test post')).length).toBe(0);
  });
});

describe('the editor', () => {
  it('shows each channel\'s own slot time and warns about a date that has passed', async () => {
    const today = utcToZonedWallTime(new Date().toISOString(), ZONE).date;
    const day = addDaysLocal(today, 3);
    const channels = await api('channels.list', {});
    const [fb, li] = [channels.find((c) => c.network === 'facebook')!, channels.find((c) => c.network === 'linkedin')!];
    await api('posts.create', {
      title: 'Offsets in the editor',
      channelIds: [fb.id, li.id],
      channelOffsets: { [li.id]: 90 },
      scheduledAt: zonedWallTimeToUtc(day, '09:30', ZONE).instant,
    });
    await page.goto(`${session.served.url.split('?')[0]}#/calendar?view=list&date=${day.slice(0, 8)}01&q=Offsets%20in%20the%20editor`);
    await page.locator('.fc-event', { hasText: 'Offsets in the editor' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await expect.poll(() => editor.textContent()).toMatch(/Each at its own slot time: Riverside on LinkedIn at .*11:00/);
    expect(await editor.getByText(/has already passed/).count()).toBe(0);
    await editor.getByLabel('Date').fill(addDaysLocal(today, -2));
    await expect.poll(() => editor.getByText(/has already passed/).count()).toBe(1);
    expect(await editor.getByRole('button', { name: 'Save' }).isVisible()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });
});

describe('the editor counts the shared text on every network', () => {
  it('shows each network that uses the shared text with its own count and limit, and what is over', async () => {
    const channels = await api('channels.list', {});
    const [fb, x] = [channels.find((c) => c.network === 'facebook')!, channels.find((c) => c.network === 'x')!];
    const day = addDaysLocal(utcToZonedWallTime(new Date().toISOString(), ZONE).date, 4);
    await api('posts.create', { title: 'Counters in the editor', channelIds: [fb.id, x.id], scheduledAt: zonedWallTimeToUtc(day, '10:00', ZONE).instant });
    await page.goto(`${session.served.url.split('?')[0]}#/calendar?view=list&date=${day.slice(0, 8)}01&q=Counters%20in%20the%20editor`);
    await page.locator('.fc-event', { hasText: 'Counters in the editor' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.getByLabel('Text', { exact: true }).fill('a'.repeat(300));
    const counters = editor.getByLabel('Length on each network');
    await expect.poll(() => counters.textContent()).toContain(`${x.name}: 300 / 280 (20 over)`);
    expect(await counters.textContent()).toContain(`${fb.name}: 300 / 63,206`);
    expect(await counters.textContent()).not.toContain(`${fb.name}: 300 / 63,206 (`);

    // a refused field is marked where it is, not named in a notification ("link.url")
    const link = editor.getByRole('textbox', { name: 'Link', exact: true });
    await link.fill('not a web address');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await link.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('error'))}"]`).textContent()).toMatch(/URL/i);
    expect(await page.locator('.mantine-Notification-root', { hasText: 'link.url' }).count()).toBe(0);
    await link.fill('https://riversidebank.example/marathon');
    expect(await link.getAttribute('aria-invalid')).not.toBe('true');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });
});

describe('the editor previews the post on each network', () => {
  it('cuts the text where each network folds it, puts the link where that network shows it', async () => {
    const channels = await api('channels.list', {});
    const pick = (network: string) => channels.find((c) => c.network === network)!;
    const [fb, ig, li, x] = ['facebook', 'instagram', 'linkedin', 'x'].map(pick);
    const day = addDaysLocal(utcToZonedWallTime(new Date().toISOString(), ZONE).date, 5);
    const text = `Meet Ana Ruiz from our Main Street branch. ${'She trained every morning before opening the branch. '.repeat(9)}Congratulations, Ana!`;
    await api('posts.create', {
      title: 'Previews in the editor',
      baseText: text,
      channelIds: [fb.id, ig.id, li.id, x.id],
      link: { url: 'https://riversidebank.example/stories/ana', utm: null },
      scheduledAt: zonedWallTimeToUtc(day, '10:00', ZONE).instant,
    });
    await page.goto(`${session.served.url.split('?')[0]}#/calendar?view=list&date=${day.slice(0, 8)}01&q=Previews%20in%20the%20editor`);
    await page.locator('.fc-event', { hasText: 'Previews in the editor' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.getByRole('tab', { name: 'Preview' }).click();
    const shown = async (name: string) => (await editor.getByRole('group', { name: `${name} preview` }).getByTestId('preview-text').textContent()) ?? '';

    const instagram = await shown(ig.name);
    expect(instagram).toMatch(/… more$/);
    const igVisible = instagram.replace(/… more$/, '');
    expect(igVisible.length).toBeLessThanOrEqual(125);
    expect(text.startsWith(igVisible)).toBe(true);
    const linkedin = await shown(li.name);
    expect(linkedin).toMatch(/… see more$/);
    expect(linkedin.length).toBeGreaterThan(instagram.length);
    // X shows everything (it has no fold) with the link in the text
    expect(await shown(x.name)).toBe(`${text}\n\nhttps://riversidebank.example/stories/ana`);
    // Facebook folds later, and shows the link as a card with the site's name
    const facebook = editor.getByRole('group', { name: `${fb.name} preview` });
    expect(await shown(fb.name)).toMatch(/… See more$/);
    expect(await facebook.textContent()).toContain('riversidebank.example');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });
});

describe('a link typed with tracking on', () => {
  it('a link still without its https:// keeps the editor open and the previews drawn, and the save names the link', async () => {
    await page.goto(`${session.served.url.split('?')[0]}#/calendar`);
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'New post' });
    await editor.getByLabel('Title').fill('Tracked link half typed');
    await editor.getByRole('button', { name: 'Add tracking (UTM)' }).click();
    await editor.getByLabel('utm_source').fill('facebook');
    await editor.getByRole('textbox', { name: 'Link' }).fill('riversidebank.example/stories');
    // the editor is still there, with its previews, while the link is not yet a URL
    await editor.getByRole('tab', { name: 'Preview' }).click();
    expect(await editor.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected')).toBe('true');
    await editor.getByRole('textbox', { name: 'Link' }).fill('https://riversidebank.example/stories');
    await expect.poll(() => editor.getByText('https://riversidebank.example/stories?utm_source=facebook').count()).toBe(1);
    await editor.getByRole('textbox', { name: 'Link' }).fill('riversidebank.example/stories');
    await editor.getByRole('button', { name: 'Create post' }).click();
    const link = editor.getByRole('textbox', { name: 'Link' });
    await expect.poll(async () => (await link.getAttribute('aria-invalid')) === 'true').toBe(true);
    const describedBy = (await link.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('error'))}"]`).textContent()).toMatch(/URL|link/i);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });
});

describe('a refused channel is shown under the channels', () => {
  it('a channel removed while the post was being written: the message sits under Channels, not in a notification', async () => {
    const channel = await api('channels.create', { network: 'threads', name: 'Short-lived Threads' });
    await page.goto(`${session.served.url.split('?')[0]}#/calendar`);
    await page.reload();
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'New post' });
    await editor.getByLabel('Title').fill('Written for a channel that went away');
    await editor.getByLabel('Date').fill(addDaysLocal(utcToZonedWallTime(new Date().toISOString(), ZONE).date, 3));
    await editor.getByRole('group', { name: 'Channels' }).getByText('Short-lived Threads').click();
    await api('channels.delete', { id: channel.id });
    await editor.getByRole('button', { name: 'Create post' }).click();
    const channels = editor.getByRole('group', { name: 'Channels' });
    await expect.poll(() => channels.getAttribute('aria-describedby')).toBe('channels-error');
    expect(await editor.locator('#channels-error').textContent()).toContain(`channel ${channel.id} does not exist`);
    expect(await page.locator('.mantine-Notification-root', { hasText: 'channelIds' }).count()).toBe(0);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => editor.count()).toBe(0);
  });
});

describe('state survives a reload', () => {
  it('view, date and search live in the address: reload keeps them and Back steps through pages and moves', async () => {
    await page.goto(`${session.served.url.split('?')[0]}#/calendar`);
    await page.getByLabel('Search').fill('');
    await page.locator('.fc-event').first().waitFor();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await page.locator('.fc-next-button').click();
    await expect.poll(() => page.url()).toMatch(/#\/calendar\?view=week&date=\d{4}-\d{2}-\d{2}/);
    const title = await page.locator('.fc-toolbar-title').textContent();

    await page.getByLabel('Search').fill('marathon');
    await expect.poll(() => page.url()).toContain('q=marathon');
    await page.reload();
    await page.waitForLoadState('networkidle');
    await page.locator('.fc-timeGridWeek-view').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.fc-toolbar-title').textContent()).toBe(title);
    expect(await page.getByLabel('Search').inputValue()).toBe('marathon');

    await page.getByRole('link', { name: 'Story ideas' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/ideas$/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/#\/calendar\?view=week&.*q=marathon/);
    await page.locator('.fc-timeGridWeek-view').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.fc-toolbar-title').textContent()).toBe(title);
    expect(await page.getByLabel('Search').inputValue()).toBe('marathon');
    // and Back once more: the week before the Next click
    await page.goBack();
    await expect.poll(() => page.locator('.fc-toolbar-title').textContent()).not.toBe(title);
    expect(page.url()).toContain('view=week');
  });
});
