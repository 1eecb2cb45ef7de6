// Another process saves a post while it is open in the editor: saving shows both versions and
// overwrites nothing until the user chooses.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type AppSession } from './session';

let session: AppSession;
let page: Page;
const api: AppSession['api'] = (name, input) => session.api(name, input);

beforeAll(async () => {
  session = await openDemoApp();
  ({ page } = session);
});
afterAll(async () => {
  await session?.close();
});

describe('a post changed elsewhere while it is being edited', () => {
  it('shows the other version and saves nothing until the user chooses', async () => {
    const created = await api('posts.create', { title: 'Contested tip', baseText: 'Original text', scheduledAt: new Date().toISOString().slice(0, 10) + 'T15:00:00.000Z' });
    await page.reload();
    await page.locator('.fc-event', { hasText: 'Contested tip' }).first().click();
    const editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.getByLabel('Text', { exact: true }).fill('My text from the app');

    // meanwhile, another window or the CLI saves the same post
    await api('posts.update', { id: created.id, revision: created.revision, baseText: 'Their text from elsewhere' });

    await editor.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('dialog', { name: 'This post was changed elsewhere' });
    await conflict.waitFor();
    await expect.poll(() => conflict.getByText('Their text from elsewhere').count()).toBe(1);
    await expect.poll(() => conflict.getByText('My text from the app').count()).toBe(1);
    // nothing was overwritten yet
    expect((await api('posts.get', { id: created.id })).baseText).toBe('Their text from elsewhere');

    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await expect.poll(async () => (await api('posts.get', { id: created.id })).baseText).toBe('My text from the app');
  });
});
