import type { OperationName } from '../../src/shared/api/contract';
import type { Browser, Locator, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysLocal, isoWeekdayOfDate, utcToZonedWallTime, zonedDayStartUtc } from '../../src/shared/time';
import { seriousViolations } from './axe';
import { dragEvent } from './drag';
import { launchChromium } from './browser';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

const ZONE = 'America/New_York';
let served: ServedWorkspace;
let browser: Browser;
let page: Page;

const api = <K extends OperationName>(name: K, input: object = {}) => callApi(served, name, input);
const postsTitled = async (title: string) => (await api('posts.list', { text: title })).filter((p) => p.title.startsWith(title));

// A date in the current month on screen, well inside it, so drags stay in view.
const today = utcToZonedWallTime(new Date().toISOString(), ZONE).date;
const monthStart = `${today.slice(0, 8)}01`;
const day10 = addDaysLocal(monthStart, 9);
const day12 = addDaysLocal(monthStart, 11);

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  page = await context.newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/**
 * Drags `source` onto the lower part of `target` with real mouse moves (FullCalendar's drag needs
 * them). Waits for the page's requests to settle, and hovers first: hover() waits until the
 * element is stable, so a reload re-rendering the events cannot pull it away mid-grab.
 */
/** Below 1600 px the filters sit in the Filters popover. */
async function openFilters(): Promise<void> {
  const button = page.getByRole('button', { name: /^Filters/ });
  if ((await button.count()) && !(await page.getByRole('combobox', { name: 'Categories' }).isVisible())) await button.click();
}

const drag = (source: Locator, target: Locator): Promise<void> => dragEvent(page, source, target);

async function createPost(title: string, date: string, time: string, channels: string[], repeat?: { every: string; count: number }) {
  await page.getByRole('button', { name: 'New post', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Date').fill(date);
  await dialog.getByLabel(/^Time/).fill(time);
  for (const channel of channels) await dialog.getByText(channel, { exact: true }).click();
  await dialog.getByLabel('Text', { exact: true }).fill(`${title}: a story from our branch.`);
  if (repeat) {
    // the form scrolls under the editor's sticky footer: bring the field to the middle first
    await dialog.getByRole('combobox', { name: 'Repeat' }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await dialog.getByRole('combobox', { name: 'Repeat' }).click({ force: true });
    await page.getByRole('option', { name: repeat.every }).click();
    await dialog.getByLabel('Occurrences').fill(String(repeat.count));
  }
  await dialog.getByRole('button', { name: 'Create post' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('calendar in Chromium', () => {
  it('creates a post on several channels, each with its own text rules', async () => {
    await createPost('Branch trivia night', day10, '10:45', ['Riverside on Facebook', 'Riverside on LinkedIn']);
    const [post] = await postsTitled('Branch trivia night');
    expect(post.channelIds).toHaveLength(2);
    expect(utcToZonedWallTime(post.scheduledAt!, ZONE)).toMatchObject({ date: day10, time: '10:45' });
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Branch trivia night' }).count()).toBe(1);
  });

  it('drags a post to another day, persists it at once, and undoes it with Ctrl+Z', async () => {
    await drag(page.locator('.fc-event', { hasText: 'Branch trivia night' }), page.locator(`td.fc-daygrid-day[data-date="${day12}"]`));
    await expect
      .poll(async () => utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date)
      .toBe(day12);
    // same wall-clock time on the new day
    expect(utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).time).toBe('10:45');

    await page.locator('body').click({ position: { x: 5, y: 500 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date)
      .toBe(day10);
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(async () => utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date)
      .toBe(day12);

    // Undo then Redo pressed at once, while the undo is still saving: the redo waits its turn
    // rather than being dropped, so the post ends where it was.
    let moved = 0;
    await page.route('**/api/posts.move', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
      moved += 1;
    });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    // two held moves one after the other, on a CI machine busy with other suites: a longer wait
    await expect.poll(() => moved, { timeout: 15_000 }).toBe(2);
    await page.unroute('**/api/posts.move');
    await expect
      .poll(async () => utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date)
      .toBe(day12);
  });

  it('the mix panel follows a post dragged out of the month', async () => {
    const panel = page.getByRole('region', { name: 'Content mix' });
    // "December 2026 · 95 publications of 40 posts": the first number is what the mix counts
    const total = async () => Number((await panel.getByText(/· \d+ (publications of \d+ )?posts$/).textContent())?.match(/· (\d+) /)?.[1]);
    await page.waitForLoadState('networkidle');
    const before = await total();
    await drag(page.locator('.fc-event', { hasText: 'Branch trivia night' }), page.locator('td.fc-daygrid-day.fc-day-other').last());
    // the post is on two channels: two publications leave this month's mix
    await expect.poll(total).toBe(before - 2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(total).toBe(before);
    expect(utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date).toBe(day12);
  });

  it('filters by free text and by category', async () => {
    await page.getByLabel('Search').fill('trivia night');
    await expect.poll(() => page.locator('.fc-event:not(.fc-bg-event):not(.sb-open-slot)').count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => page.locator('.fc-event:not(.fc-bg-event)').count()).toBeGreaterThan(5);

    await openFilters();
    await page.getByRole('combobox', { name: 'Categories' }).click({ force: true });
    await page.getByRole('option', { name: 'Products & promotions' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Branch trivia night' }).count()).toBe(0);
    const titles = await page.locator('.fc-event .sb-event-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    const products = await api('posts.list', { text: '' });
    const productTitles = new Set(products.filter((p) => p.categoryId && titles.includes(p.title)).map((p) => p.title));
    expect(productTitles.size).toBeGreaterThan(0);
    expect(titles).not.toContain('Branch trivia night');
    await openFilters();
    await page.getByRole('combobox', { name: 'Categories' }).click({ force: true });
    await page.getByRole('option', { name: 'Products & promotions' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.fc-event', { hasText: 'Branch trivia night' }).count()).toBe(1);
  });

  it('creates a weekly series and edits one occurrence on its own', async () => {
    await createPost('Tip Tuesday', monthStart, '09:15', ['Riverside on X'], { every: 'Every week', count: 4 });
    const series = (await postsTitled('Tip Tuesday')).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
    expect(series).toHaveLength(4);
    expect(new Set(series.map((p) => p.seriesId)).size).toBe(1);
    // weekly at the same wall-clock time
    expect(series.map((p) => utcToZonedWallTime(p.scheduledAt!, ZONE).time)).toEqual(['09:15', '09:15', '09:15', '09:15']);

    const second = series[1];
    await page.locator('.fc-event', { hasText: 'Tip Tuesday' }).nth(1).click();
    const dialog = page.getByRole('dialog', { name: 'Edit post' });
    await expect.poll(() => dialog.getByText('Part of a recurring series').count()).toBe(1);
    await dialog.getByLabel('Title').fill('Tip Tuesday: spot a scam call');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const after = (await postsTitled('Tip Tuesday')).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
    expect(after.map((p) => p.title)).toEqual(['Tip Tuesday', 'Tip Tuesday: spot a scam call', 'Tip Tuesday', 'Tip Tuesday']);
    expect(after[1].id).toBe(second.id);
  });

  it('asks before throwing away unsaved edits', async () => {
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Half-written idea');
    await page.keyboard.press('Escape');
    const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
    await expect.poll(() => confirm.count()).toBe(1);
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Half-written idea');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await confirm.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await postsTitled('Half-written idea')).toEqual([]);
  });

  it('shows week and list views', async () => {
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect.poll(() => page.locator('.fc-timeGridWeek-view').count()).toBe(1);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect.poll(() => page.locator('.fc-listMonth-view').count()).toBe(1);
    await page.getByRole('button', { name: 'Month', exact: true }).click();
  });

  it('calendar, editor and plan dialog have no serious or critical accessibility violations', async () => {
    const check = async (where: string) => expect(await seriousViolations(page, where, { everyRule: true })).toEqual([]);
    await check('calendar');
    // each dialog is checked once it is open (both are chunks loaded on demand), and gone after Escape
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'New post' });
    await editor.waitFor();
    await check('post editor');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await page.getByRole('button', { name: 'Plan…' }).click();
    const plan = page.getByRole('dialog', { name: 'Plan open slots' });
    await plan.waitFor();
    await check('plan dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => plan.count()).toBe(0);
  });

  it('every toolbar action is reachable by keyboard', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
      });
      reached.add(name);
    }
    for (const name of ['New post', 'Plan…', 'Undo', 'Month', 'Week', 'List']) {
      expect([...reached].some((r) => r.includes(name)), `${name} reachable by Tab`).toBe(true);
    }
  });

  it('a post opens from the keyboard (focus it, press Enter) and its date can be changed there', async () => {
    const event = page.locator('.fc-event', { hasText: 'Branch trivia night' });
    await event.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit post' });
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByLabel('Date').fill(day10);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(async () => utcToZonedWallTime((await postsTitled('Branch trivia night'))[0].scheduledAt!, ZONE).date)
      .toBe(day10);
  });

  it('keeps posts without a date in the "No date" tab, and schedules one dragged onto a day', async () => {
    await api('posts.create', { title: 'Undated: branch dog Biscuit' });
    await page.reload();
    await page.locator('.fc-event').first().waitFor();
    await page.getByRole('tab', { name: /No date/ }).click();
    const item = page.getByRole('tabpanel', { name: /No date/ }).getByRole('button', { name: /Undated: branch dog Biscuit/ });
    await expect.poll(() => item.count()).toBe(1);
    await drag(item, page.locator(`td.fc-daygrid-day[data-date="${day12}"]`));
    await expect
      .poll(async () => {
        const [post] = await postsTitled('Undated: branch dog Biscuit');
        return post.scheduledAt ? utcToZonedWallTime(post.scheduledAt, ZONE) : null;
      })
      .toMatchObject({ date: day12, time: '09:00' });
    await expect.poll(() => item.count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await postsTitled('Undated: branch dog Biscuit'))[0].scheduledAt).toBeNull();
  });

  it('Next draws the month fetched ahead with the click itself: its posts and its day labels, in one layout', async () => {
    // the months beside this one are fetched ahead once the month on screen has loaded
    const nextMonth = addDaysLocal(monthStart, 40).slice(0, 8) + '01';
    const nextGridFrom = zonedDayStartUtc(addDaysLocal(nextMonth, 1 - isoWeekdayOfDate(nextMonth)), ZONE);
    // (answers to the page before the reload do not count: it is the reloaded page's cache)
    let reloaded = false;
    let fetchedAhead = false;
    const inFlight = new Set<Request>();
    const started = (request: Request) => void inFlight.add(request);
    const ended = (request: Request) => void inFlight.delete(request);
    const answered = (response: Response) => {
      if (reloaded && response.url().endsWith('/api/posts.list') && response.request().postDataJSON()?.from === nextGridFrom) fetchedAhead = true;
    };
    page.on('request', started).on('requestfinished', ended).on('requestfailed', ended).on('response', answered);
    page.once('framenavigated', () => void (reloaded = true));
    await page.reload();
    await page.locator('.fc-event').first().waitFor();
    await expect.poll(() => fetchedAhead).toBe(true);
    await expect.poll(() => inFlight.size).toBe(0); // with the month's layers and mix, fetched beside it
    page.off('request', started).off('requestfinished', ended).off('requestfailed', ended).off('response', answered);
    const shown = await page.evaluate(() => {
      (document.querySelector('.fc-next-button') as HTMLElement).click();
      // read in the same task as the click: no answer, no React render can have come in between
      const cells = [...document.querySelectorAll('td.fc-daygrid-day')];
      const datesWith = (selector: string) => cells.filter((cell) => cell.querySelector(selector)).map((cell) => cell.getAttribute('data-date')!);
      return { first: cells[0].getAttribute('data-date')!, last: cells.at(-1)!.getAttribute('data-date')!, posts: datesWith('.sb-event, .sb-more'), labels: datesWith('.sb-day-label') };
    });
    const end = addDaysLocal(shown.last, 1);
    const posts = await api('posts.list', { from: zonedDayStartUtc(shown.first, ZONE), to: zonedDayStartUtc(end, ZONE) });
    const postDates = [...new Set(posts.map((post) => utcToZonedWallTime(post.scheduledAt!, ZONE).date))].sort();
    expect(postDates.length).toBeGreaterThan(0);
    expect(shown.posts).toEqual(postDates);
    const overlay = await api('calendar.overlay', { from: shown.first, to: shown.last });
    const labelled = new Set([...overlay.holidays.map((h) => h.date), ...overlay.observances.map((o) => o.start)]);
    for (const b of overlay.blackouts) for (let d = b.startDate; d <= b.endDate; d = addDaysLocal(d, 1)) labelled.add(d);
    expect(shown.labels).toEqual([...labelled].filter((d) => d >= shown.first && d <= shown.last).sort());
    await page.locator('.fc-prev-button').click();
  });
});
