// Issue 11's "done when", in Chromium: two planners' Storybank instances (A and B) and a manager's
// (C), each `storybank serve` with its own data folder, syncing live through the CouchDB stand-in
// on 127.0.0.1. The manager joins from Settings › Team; the planner submits a post on A, the
// manager approves it on C, and A and B show it approved without a reload.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/workspace';
import { runCliWithEnv } from '../support/cli';
import { startCouch, type TestCouch } from '../support/couch';
import { launchChromium } from './browser';
import { seriousViolations } from './axe';
import { callApi, serveWorkspace, tempDir, type ServedWorkspace } from './serve';

const WORKSPACE = 'Riverside Bank';
/** Screenshots for a person to look at (not compared by the test). */
const SHOTS = process.env.STORYBANK_SHOTS ?? tempDir('sb-team-shots-');
let couch: TestCouch;
let browser: Browser;
const served: ServedWorkspace[] = [];
const folders: string[] = [];

interface Desk {
  dbPath: string;
  config: string;
}
const desk = (name: string): Desk => {
  const dir = tempDir(`sb-desk-${name}-`);
  folders.push(dir);
  return { dbPath: path.join(dir, 'workspace.sqlite'), config: path.join(dir, 'config') };
};
const cli = (d: Desk, env: NodeJS.ProcessEnv, ...args: string[]) => {
  const result = runCliWithEnv({ XDG_CONFIG_HOME: d.config, ...env }, ...args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

let a: ServedWorkspace;
let b: ServedWorkspace;
let c: ServedWorkspace;
let pageA: Page;
let pageC: Page;

beforeAll(async () => {
  couch = await startCouch();
  const pat = await couch.addUser('pat', ['planner']);
  const pia = await couch.addUser('pia', ['planner'], 'pia-password');
  await couch.addUser('amy', ['approver'], 'amy-approver-password');
  const adminUrl = couch.url.replace('http://', `http://${couch.admin.name}:${couch.admin.password}@`);

  // A: the marketing lead's demo workspace becomes the team's (as the CouchDB admin), then A signs in as the planner
  const deskA = desk('a');
  cli(deskA, {}, 'init', '--demo', '--db', deskA.dbPath);
  cli(deskA, {}, 'team', 'init', '--server', adminUrl, '--workspace', WORKSPACE, '--from-workspace', '--db', deskA.dbPath);
  cli(deskA, { STORYBANK_TEAM_PASSWORD: pat.password }, 'team', 'join', '--server', couch.url, '--workspace', WORKSPACE, '--user', pat.name, '--db', deskA.dbPath);
  // B: a second planner joins from the command line
  const deskB = desk('b');
  cli(deskB, { STORYBANK_TEAM_PASSWORD: pia.password }, 'team', 'join', '--server', couch.url, '--workspace', WORKSPACE, '--user', pia.name, '--db', deskB.dbPath);
  // C: the manager's new workspace joins from the app (below)
  const deskC = desk('c');

  a = await serveWorkspace({ dbPath: deskA.dbPath, configHome: deskA.config, args: ['--as', 'Alex Rivera'] });
  b = await serveWorkspace({ dbPath: deskB.dbPath, configHome: deskB.config });
  c = await serveWorkspace({ dbPath: deskC.dbPath, configHome: deskC.config });
  served.push(a, b, c);
  browser = await launchChromium();
  pageA = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  pageC = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const s of served) await s.stop();
  await couch?.stop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

const at = (s: ServedWorkspace, hash: string) => `${s.url.split('?')[0]}#${hash}`;

describe('a team of three machines', () => {
  it('the manager joins from Settings › Team, with the password kept outside the workspace', async () => {
    await pageC.goto(c.url);
    await pageC.goto(at(c, '/settings?section=team'));
    await pageC.getByLabel('Server address').fill(couch.url);
    await pageC.getByLabel('Team workspace name').fill(WORKSPACE);
    await pageC.getByLabel('Your user name').fill('amy');
    await pageC.getByLabel('Your password').fill('amy-approver-password');
    await pageC.getByRole('button', { name: 'Join the team' }).click();
    await expect.poll(() => pageC.getByText(`Signed in as amy`).count(), { timeout: 20_000 }).toBe(1);
    // the team's workspace arrived: its name is in the header, the badge says in sync
    await expect.poll(() => pageC.getByRole('banner').textContent(), { timeout: 20_000 }).toContain('Riverside Community Bank');
    await expect.poll(() => pageC.getByTestId('team-sync').textContent(), { timeout: 20_000 }).toBe('In sync');
    expect(await seriousViolations(pageC, 'settings, team section (joined)', { everyRule: true })).toEqual([]);
    expect(fs.readFileSync(c.dbPath).includes(Buffer.from('amy-approver-password'))).toBe(false);
    const stored = fs.readdirSync(path.join(path.dirname(c.dbPath), 'config', 'Storybank', 'team'));
    expect(stored).toHaveLength(1);
    expect(fs.statSync(path.join(path.dirname(c.dbPath), 'config', 'Storybank', 'team', stored[0]!)).mode & 0o077).toBe(0);
  }, 60_000);

  it('the planner submits on A, the manager approves on C, and A and B show it approved', async () => {
    const posts = await callApi(a, 'posts.list', { statuses: ['draft'] });
    let draft = null;
    for (const post of posts.filter((p) => p.scheduledAt && p.scheduledAt > new Date().toISOString() && !p.placeholder)) {
      const review = await callApi(a, 'reviews.get', { id: post.id });
      if (review.submitBlockers.length === 0) {
        draft = post;
        break;
      }
    }
    expect(draft).not.toBeNull();
    const month = draft!.scheduledAt!.slice(0, 7);
    const card = (page: Page, status: string) => page.locator(`.sb-event[aria-label*="${draft!.title}, ${status}"]`);

    await pageA.goto(a.url);
    await pageA.goto(at(a, `/calendar?view=month&date=${month}-01`));
    await card(pageA, 'Draft').first().click();
    const editor = pageA.getByRole('dialog', { name: 'Edit post' });
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => editor.getByLabel('Status: In review').count()).toBe(1);
    await pageA.keyboard.press('Escape');

    // the manager's review queue shows it once it has synced (no reload)
    await pageC.goto(at(c, `/review?month=${month}`));
    const open = pageC.getByRole('button', { name: `Open “${draft!.title}”` });
    await open.waitFor({ timeout: 20_000 });
    await open.click();
    const review = pageC.getByRole('dialog', { name: 'Edit post' });
    await review.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => review.getByLabel('Status: Approved').count()).toBe(1);
    const approvedAt = Date.now();
    await pageC.keyboard.press('Escape');

    // A's calendar, open all along, follows
    await card(pageA, 'Approved').first().waitFor({ timeout: 20_000 });
    const delay = Date.now() - approvedAt;
    console.log(`bench team-approval-seen-on-other-machine ${delay} ms`);
    await expect.poll(async () => (await callApi(b, 'posts.get', { id: draft!.id })).status, { timeout: 20_000 }).toBe('approved');
    await expect.poll(() => pageA.getByTestId('team-sync').textContent(), { timeout: 20_000 }).toBe('In sync');
    expect(await seriousViolations(pageA, 'calendar of a team workspace', { everyRule: true })).toEqual([]);
  }, 90_000);

  it("a change the server refuses shows on the writer's machine, with a way back to the team's version", async () => {
    // B is closed; meanwhile the admin takes pia's planner role away on the server, and pia edits a
    // post on B while it is offline (B still knows her as a planner)
    const [post] = (await callApi(b, 'posts.list', { statuses: ['draft'] })).filter((p) => p.scheduledAt);
    await b.stop();
    await couch.addUser('pia', ['contributor'], 'pia-password');
    const offline = openWorkspace({ dbPath: b.dbPath });
    try {
      offline.services.posts.update({ id: post!.id, revision: offline.services.posts.get(post!.id).revision, baseText: 'Open a Bonus Checking account today!' });
    } finally {
      offline.close();
    }
    b = await serveWorkspace({ dbPath: b.dbPath, configHome: path.join(path.dirname(b.dbPath), 'config') });
    served.push(b);
    const pageB = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await pageB.goto(b.url);
    await pageB.goto(at(b, '/calendar'));
    const badge = pageB.getByTestId('team-sync');
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('1 change refused');
    await badge.click();
    const drawer = pageB.getByRole('dialog', { name: 'Team sync' });
    await expect.poll(() => drawer.textContent()).toContain('only planners and approvers may change posts.');
    await expect.poll(() => drawer.textContent()).toContain(post!.title);
    await pageB.waitForTimeout(400); // the drawer's slide-in
    await pageB.screenshot({ path: path.join(SHOTS, 'team-refused-1024.png') });
    expect(await seriousViolations(pageB, 'team sync drawer with a refused change', { everyRule: true })).toEqual([]);
    await drawer.getByRole('button', { name: "Put back the team's version" }).click();
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe('In sync');
    expect((await callApi(b, 'posts.get', { id: post!.id })).baseText).toBe(post!.baseText);
    expect((await callApi(a, 'posts.get', { id: post!.id })).baseText).toBe(post!.baseText);
  }, 90_000);
});
