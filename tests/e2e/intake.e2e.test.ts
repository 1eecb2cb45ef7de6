// Issue 10's "done when", in Chromium: the story form opened from a file:// URL (every request
// outside file:// blocked, and none made) is filled in with a photo and saves a .storyidea; the
// app imports it from the inbox folder; the idea is accepted on the board and made into a post
// whose image gets its alt text in the editor.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/shared/domain/schemas';
import { MS_FORMS_HEADERS, csvOf, jpeg, msFormsRows } from '../support/intake';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { tempDir } from './serve';
import { openDemoApp, type AppSession } from './session';

let session: AppSession;
let page: Page;
let formBrowser: Browser;
const work = tempDir();
const inbox = path.join(work, 'inbox');
const TITLE = 'Teller Ana ran her first marathon';

beforeAll(async () => {
  fs.mkdirSync(inbox);
  session = await openDemoApp();
  page = session.page;
  formBrowser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await formBrowser?.close();
  await session?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('story intake, end to end', () => {
  it('the offline form saves a .storyidea with a resized photo, making no network request', async () => {
    const { html, fileName } = await session.api('intake.form', {});
    const formFile = path.join(work, fileName);
    fs.writeFileSync(formFile, html);
    const photo = path.join(work, 'finish-line.jpg');
    fs.writeFileSync(photo, await jpeg(2400, 1800));

    const context = await formBrowser.newContext({ acceptDownloads: true, viewport: { width: 1024, height: 768 } });
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const form = await context.newPage();
    await form.goto(pathToFileURL(formFile).href);
    await expect.poll(() => form.title()).toBe('Share a story with Riverside Community Bank');

    // required fields are checked first, with a summary that links to each
    await form.getByRole('button', { name: 'Save my story' }).click();
    await form.getByRole('alert').getByText('Enter your name.').waitFor();

    await form.getByLabel('Your name (required)').fill('Ben Ode');
    await form.getByLabel('Your e-mail').fill('ben@riverside.example');
    await form.getByLabel('Branch or department (required)').fill('Oak Street');
    await form.getByLabel('A short title (required)').fill(TITLE);
    await form.getByLabel('What happened? (required)').fill('Ana from Oak Street finished the city marathon in 4 hours 12 minutes.');
    await form.getByRole('button', { name: 'Add a person' }).click();
    await form.getByLabel('Name of person 1').fill('Ana Ruiz');
    // a featured person must have agreed
    await form.getByRole('button', { name: 'Save my story' }).click();
    await form.getByText('Ana Ruiz must agree to be featured').first().waitFor();
    await form.getByLabel('They agreed to be featured').check();
    await form.locator('#photo-input').setInputFiles(photo);
    await form.locator('.photo img').waitFor();
    await expect.poll(() => form.locator('.photo .meta').textContent()).toBe('finish-line.jpg · 1600×1200');
    expect(await seriousViolations(form, 'story form', { everyRule: true })).toEqual([]);

    const download = form.waitForEvent('download');
    await form.getByRole('button', { name: 'Save my story' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('story-teller-ana-ran-her-first-marathon.storyidea');
    await saved.saveAs(path.join(inbox, saved.suggestedFilename()));
    await form.getByText('Thank you! Your story is saved.').waitFor();
    expect(outside).toEqual([]);

    const file = JSON.parse(fs.readFileSync(path.join(inbox, saved.suggestedFilename()), 'utf8'));
    expect(file).toMatchObject({ format: 'storybank.storyidea', version: 1, idea: { title: TITLE, featured: [{ name: 'Ana Ruiz', consent: true }], submitter: { name: 'Ben Ode', branch: 'Oak Street' } } });
    expect(file.photos).toHaveLength(1);
    expect(file.photos[0].original).toBeUndefined();
    await context.close();
  });

  it('the app imports it from the inbox folder; it is accepted on the board and made into a post whose image gets alt text', async () => {
    await session.api('intake.setInbox', { folder: inbox });
    // the first visit of the Ideas page checks the inbox
    await page.goto(`${session.served.url.split('?')[0]}#/ideas`);
    const card = page.locator('[data-idea]', { hasText: TITLE });
    await card.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-column="new"]').locator('[data-idea]', { hasText: TITLE }).count()).toBe(1);
    expect(fs.readdirSync(path.join(inbox, 'processed'))).toEqual(['story-teller-ana-ran-her-first-marathon.storyidea']);
    expect(fs.readdirSync(inbox).filter((f) => f.endsWith('.storyidea'))).toEqual([]);
    expect(await seriousViolations(page, 'ideas board', { everyRule: true })).toEqual([]);

    // move with the keyboard-reachable menu
    await card.getByRole('button', { name: `Move “${TITLE}”` }).click();
    await page.getByRole('menuitem', { name: 'Accepted' }).click();
    await page.locator('[data-column="accepted"]').locator('[data-idea]', { hasText: TITLE }).waitFor();

    // drag another card from New to Needs info
    const other = page.locator('[data-column="new"] [data-idea]').first();
    const otherTitle = (await other.getAttribute('aria-label'))!;
    await other.dragTo(page.locator('[data-column="needs_info"]'));
    await page.locator('[data-column="needs_info"]').locator(`[data-idea][aria-label="${otherTitle}"]`).waitFor();

    // the detail: the featured person, the photo, Make post
    await page.locator('[data-column="accepted"]').getByRole('button', { name: TITLE, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: TITLE });
    await drawer.getByText('Ana Ruiz: no release on file').waitFor();
    await drawer.getByText('agreed to be featured (said on the form)').waitFor();
    await drawer.getByRole('img', { name: /Photo 1 of/ }).waitFor();
    await drawer.getByRole('button', { name: 'Make post' }).click();

    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.waitFor();
    const alt = editor.getByLabel('Alt text for image 1');
    await editor.getByText('Missing alt text').waitFor();
    await alt.fill('Ana crossing the finish line with her arms up');
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.waitFor({ state: 'hidden' });

    const posts = await session.api('posts.list', { text: TITLE });
    expect(posts).toHaveLength(1);
    const post = posts[0] as Post;
    const idea = (await session.api('ideas.list', {})).find((i) => i.title === TITLE)!;
    expect(post.ideaId).toBe(idea.id);
    expect(post.images).toEqual([{ src: idea.photos[0].src, alt: 'Ana crossing the finish line with her arms up', people: ['Ana Ruiz'] }]);
  });

  it('a Microsoft Forms CSV goes through the mapping step: preview, dry run, import, remembered next time', async () => {
    const csv = path.join(work, 'responses.csv');
    fs.writeFileSync(csv, csvOf(MS_FORMS_HEADERS, msFormsRows(3, 500)));
    await page.getByRole('navigation').getByText('Story ideas', { exact: true }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import story ideas' });
    await dialog.locator('input[type=file]').setInputFiles(csv);
    await dialog.getByText('Columns of responses.csv (3 answers)').waitFor();
    await dialog.getByText("Left out (the form tool's own columns): ID, Start time, Completion time, Last modified time").waitFor();
    // the headers mapped themselves (the title's by its words); a field can be changed by hand
    await expect.poll(() => dialog.getByLabel('Title (required)', { exact: true }).inputValue()).toBe('What should we call the story?');
    await expect.poll(() => dialog.getByLabel('People featured', { exact: true }).inputValue()).toBe('People featured');
    await dialog.getByLabel('Notes', { exact: true }).click();
    await page.getByRole('option', { name: 'Branch or department' }).click();
    await expect.poll(() => dialog.getByLabel('Notes', { exact: true }).inputValue()).toBe('Branch or department');
    expect(await seriousViolations(page, 'import dialog', { everyRule: true })).toEqual([]);
    await dialog.getByRole('button', { name: 'Dry run' }).click();
    await dialog.getByText('Would import 3, 0 already in the workspace (skipped), 0 rejected.').waitFor();
    expect((await session.api('ideas.list', {})).filter((i) => i.source === 'csv')).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Imported 3, 0 already in the workspace (skipped), 0 rejected.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.locator('[data-idea]', { hasText: 'Story number 501' }).waitFor();
    const imported = (await session.api('ideas.list', {})).find((i) => i.title.startsWith('Story number 501'))!;
    expect(imported.featured.map((f) => f.name)).toEqual(['Ana Ruiz', 'Ben Ode']);
    expect(imported.notes).toBe('Main Street');

    // the next export of the same form: the mapping is remembered
    fs.writeFileSync(csv, csvOf(MS_FORMS_HEADERS, msFormsRows(2, 600)));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.locator('input[type=file]').setInputFiles(csv);
    await dialog.getByText('Mapping remembered from the last import of this form').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a .storyidea dropped on any page opens the import step on the Ideas page', async () => {
    await page.getByRole('navigation').getByText('Calendar', { exact: true }).click();
    await page.locator('.fc-event').first().waitFor();
    const content = JSON.stringify({ format: 'storybank.storyidea', version: 1, createdAt: '2027-04-02T10:00:00.000Z', bank: 'x', idea: { title: 'Dropped story', story: 'It came by e-mail.', submitter: { name: 'Li Wei', email: '', branch: 'West Side' } }, photos: [] });
    const drop = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.storyidea', { type: 'application/json' }));
      return data;
    }, content);
    await page.locator('main').dispatchEvent('dragover', { dataTransfer: drop });
    await page.locator('main').dispatchEvent('drop', { dataTransfer: drop });
    const dialog = page.getByRole('dialog', { name: 'Import story ideas' });
    await dialog.getByText('dropped.storyidea').waitFor();
    expect(page.url()).toMatch(/#\/ideas/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Imported 1, 0 already in the workspace (skipped), 0 rejected.').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await page.locator('[data-idea]', { hasText: 'Dropped story' }).waitFor();

    // its details can be corrected; the history says so
    await page.getByRole('button', { name: 'Dropped story', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Dropped story' });
    await drawer.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('dialog', { name: 'Edit “Dropped story”' });
    await form.getByLabel('Notes for the team').fill('Called Li to check the dates.');
    await form.getByRole('button', { name: 'Save idea' }).click();
    await drawer.getByText('Called Li to check the dates.').waitFor();
    await drawer.getByText(/^Edited/).waitFor();
    await page.keyboard.press('Escape');
  });

  it('the media library lists the imported photo, with where it is used', async () => {
    await page.getByRole('navigation').getByText('Media library', { exact: true }).click();
    const item = page.getByRole('listitem', { name: 'finish-line.jpg' });
    await item.waitFor();
    await item.getByText(`Idea: ${TITLE}`).waitFor();
    await item.getByText('1600×1200', { exact: false }).waitFor();
    expect(await seriousViolations(page, 'media library', { everyRule: true })).toEqual([]);
  });
});
