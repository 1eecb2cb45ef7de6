// Who is using Storybank (issue 9, item 1 and 2): on a machine that has never opened the workspace,
// the app asks who you are; the choice is remembered across reloads and restarts on that machine;
// a new version of the social-media policy asks everyone to accept it, and the trail records it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { seriousViolations } from './axe';
import { callApi, serveWorkspace, tempDir, type ServedWorkspace } from './serve';

let served: ServedWorkspace;
let browser: Browser;
let page: Page;
const machine = tempDir('storybank-machine-');
let dbPath = '';

beforeAll(async () => {
  // the demo is made on "another machine": this one has no memory of who uses it
  const first = await serveWorkspace({ demo: true, configHome: tempDir('storybank-other-machine-') });
  dbPath = first.dbPath;
  await first.stop();
  served = await serveWorkspace({ dbPath, configHome: machine });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe('people in the app', () => {
  it('asks who you are on a new machine and remembers the answer across reloads and restarts', async () => {
    await page.goto(served.url);
    const chooser = page.getByRole('dialog', { name: 'Who is using Storybank?' });
    await chooser.waitFor();
    expect(await chooser.getByRole('listitem').count()).toBe(4);
    expect(await chooser.getByRole('button').count()).toBeGreaterThanOrEqual(4);
    expect(await seriousViolations(page, 'person chooser', { everyRule: true })).toEqual([]);
    await chooser.getByRole('button', { name: /^Morgan Lee Approver/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Signed in as Morgan Lee/ }).count(), { timeout: 5000 }).toBe(1);
    await page.reload();
    await page.getByRole('button', { name: /^Signed in as Morgan Lee/ }).waitFor();
    expect(await chooser.count()).toBe(0);
    // a restart of the host on the same machine still knows
    await served.stop();
    served = await serveWorkspace({ dbPath, configHome: machine });
    await page.goto(served.url);
    await page.getByRole('button', { name: /^Signed in as Morgan Lee/ }).waitFor();
    // an approver sees no planner buttons and cannot change settings
    await page.goto(`${served.url.split('?')[0]}#/settings?section=people`);
    await page.getByRole('table', { name: 'People' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add person' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Alex Rivera: Admin' }).isDisabled()).toBe(true);
  });

  it('a new policy version asks everyone to accept it; accepting is recorded', async () => {
    await page.getByRole('button', { name: /^Signed in as/ }).click();
    await page.getByRole('menuitem', { name: /Jordan Kim/ }).click();
    await page.getByRole('button', { name: /^Signed in as Jordan Kim/ }).waitFor();
    await page.goto(`${served.url.split('?')[0]}#/settings?section=people`);
    const text = page.getByLabel('Policy text');
    await text.fill(`${await text.inputValue()}\n6. Answer complaints within one business day, in private.`);
    await page.getByRole('button', { name: 'Publish as version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Social-media policy, version 2' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Answer complaints within one business day');
    expect(await seriousViolations(page, 'policy dialog', { everyRule: true })).toEqual([]);
    await dialog.getByRole('button', { name: 'I have read it and accept version 2' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const acks = await callApi(served, 'audit.list', { kinds: ['policy.ack'] });
    expect(acks[0]).toMatchObject({ actorName: 'Jordan Kim', body: { version: 2 } });
    // someone who has not accepted yet is asked when they come in
    await page.getByRole('button', { name: /^Signed in as/ }).click();
    await page.getByRole('menuitem', { name: /Alex Rivera/ }).click();
    await page.getByRole('dialog', { name: 'Social-media policy, version 2' }).waitFor();
    await expect(callApi(served, 'posts.create', { title: 'Before accepting' })).rejects.toThrow(/accept the social-media policy \(version 2\)/);
  });
});
