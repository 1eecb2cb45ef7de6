// Backups in Chromium: "Back up now", then a mistake, then restoring the backup from Settings
// brings the workspace back (and keeps a copy of the one it replaced).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { openDemoApp, type AppSession } from './session';

let session: AppSession;
let page: Page;
const api: AppSession['api'] = (name, input) => session.api(name, input);

beforeAll(async () => {
  session = await openDemoApp();
  ({ page } = session);
  page.setDefaultTimeout(15_000);
  await page.getByRole('navigation').getByText('Settings', { exact: true }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
});
afterAll(async () => {
  await session?.close();
});

describe('backups in the app', () => {
  it('backs up now, then restores that backup after a mistake', async () => {
    await page.getByRole('button', { name: 'Back up now' }).click();
    const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row');
    await expect.poll(() => page.getByRole('table', { name: 'Backups' }).getByText('Made by hand').count(), { timeout: 15_000 }).toBe(1);
    expect(await seriousViolations(page, 'backups', { everyRule: true })).toEqual([]);

    const before = (await api('posts.list', {})).length;
    // the mistake: a month of posts deleted elsewhere
    for (const post of (await api('posts.list', {})).slice(0, 30)) await api('posts.delete', { id: post.id });
    expect((await api('posts.list', {})).length).toBe(before - 30);

    const manual = rows.filter({ hasText: 'Made by hand' });
    await manual.getByRole('button', { name: /Restore the backup/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(async () => (await api('posts.list', {})).length, { timeout: 15_000 }).toBe(before);
    // the page reloads onto the restored workspace; the replaced one is kept
    await page.getByRole('tab', { name: 'Backups' }).click();
    await expect.poll(async () => (await api('backups.list', {})).backups.map((b) => b.kind), { timeout: 10_000 }).toContain('before-restore');
  });
});
