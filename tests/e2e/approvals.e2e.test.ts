// Issue 9's "done when", in Chromium against `storybank serve` on the demo bank: a planner submits
// a post, an approver sees its blocking finding and requests changes with a comment, the planner
// fixes it, the approver approves and signs off the month; editing the approved post sends it
// back to review and marks the sign-off stale; a post with a broken network rule cannot be
// approved; the audit view shows all of it; `storybank audit verify` passes on the workspace.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedWallTimeToUtc } from '../../src/shared/time';
import { runCli } from '../support/cli';
import { seriousViolations } from './axe';
import { openDemoApp, type AppSession } from './session';

const ZONE = 'America/New_York';
// a month of its own, far from the demo's posts: the sign-off covers only this test's posts
const MONTH = '2031-03';
let session: AppSession;
let page: Page;

const appUrl = (hash: string) => `${session.served.url.split('?')[0]}#${hash}`;

async function actAs(name: string): Promise<void> {
  if ((await page.getByRole('button', { name: new RegExp(`^Signed in as ${name}`) }).count()) === 1) return;
  await page.getByRole('button', { name: /^Signed in as/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(name) }).click();
  await expect.poll(() => page.getByRole('button', { name: new RegExp(`^Signed in as ${name}`) }).count(), { timeout: 5000 }).toBe(1);
}

async function openOnReviewPage(title: string) {
  // from another page, so the review page loads afresh
  await page.goto(appUrl('/ideas'));
  await page.goto(appUrl(`/review?month=${MONTH}`));
  await page.getByRole('button', { name: `Open “${title}”` }).click();
  const editor = page.getByRole('dialog', { name: 'Edit post' });
  await editor.getByText('Review', { exact: true }).waitFor();
  return editor;
}

async function openInCalendar(title: string) {
  await page.goto(appUrl(`/calendar?view=month&date=${MONTH}-01`));
  await page.locator('.fc-event', { hasText: title }).first().click();
  return page.getByRole('dialog', { name: 'Edit post' });
}

beforeAll(async () => {
  session = await openDemoApp({ width: 1280, height: 900 });
  page = session.page;
}, 60_000);
afterAll(async () => session?.close());

describe('approvals, compliance and audit', () => {
  it('planner submits, approver requests changes on a blocking finding, planner fixes, approver approves and signs off', async () => {
    await actAs('Alex Rivera');
    const [facebook] = (await session.api('channels.list')).filter((c) => c.network === 'facebook');
    // the planner writes the post in the editor
    await page.goto(appUrl(`/calendar?view=month&date=${MONTH}-01`));
    await page.getByRole('button', { name: 'New post', exact: true }).click();
    let editor = page.getByRole('dialog', { name: 'New post' });
    await editor.getByLabel('Title').fill('Spring auto loan special');
    await editor.getByLabel('Date').fill(`${MONTH}-11`);
    await editor.getByLabel(/^Time/).fill('10:00');
    await editor.getByRole('group', { name: 'Channels' }).getByText(facebook.name).click();
    await editor.getByLabel('Text', { exact: true }).fill('Spring into a new car: auto loans as low as 4.99%! Apply at any branch.');
    // the finding shows live, with the words highlighted and the citation
    const findings = editor.getByLabel('Compliance findings');
    await expect.poll(() => findings.textContent()).toContain('A loan rate must be stated as the annual percentage rate (APR)');
    expect(await findings.locator('mark').first().textContent()).toBe('as low as');
    expect(await findings.textContent()).toContain('12 CFR 1026.24(c)');
    await editor.getByRole('button', { name: 'Create post' }).click();
    await expect.poll(() => editor.count()).toBe(0);

    editor = await openInCalendar('Spring auto loan special');
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => editor.getByLabel('Status: In review').count()).toBe(1);
    await page.keyboard.press('Escape');

    // the approver sees it waiting, with the blocking finding; Approve is not possible
    await actAs('Morgan Lee');
    editor = await openOnReviewPage('Spring auto loan special');
    await expect.poll(() => editor.getByText('Cannot be approved yet').count()).toBe(1);
    expect(await editor.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await editor.getByLabel('Compliance findings').textContent()).toContain('Blocking');
    expect(await seriousViolations(page, 'editor of a post in review, as an approver', { everyRule: true })).toEqual([]);
    await editor.getByRole('button', { name: 'Request changes' }).click();
    await editor.getByLabel('What needs to change?').fill('State the rate as an APR, please.');
    await editor.getByRole('button', { name: 'Send back with comment' }).click();
    await expect.poll(() => editor.getByLabel('Status: Changes requested').count()).toBe(1);
    await expect.poll(() => editor.getByLabel('Comments').textContent()).toContain('State the rate as an APR, please.');
    await page.keyboard.press('Escape');

    // the planner answers in the thread, fixes the text and submits again
    await actAs('Alex Rivera');
    editor = await openInCalendar('Spring auto loan special');
    await editor.getByRole('button', { name: 'Reply to the comment by Morgan Lee' }).click();
    await editor.getByRole('textbox', { name: 'Reply to Morgan Lee' }).fill('Done: the rate is an APR now.');
    await editor.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect.poll(() => editor.locator('.sb-comment-reply').textContent()).toContain('Done: the rate is an APR now.');
    await editor.getByLabel('Text', { exact: true }).fill('Spring into a new car: auto loans from 4.99% APR. Apply at any branch.');
    await expect.poll(() => editor.getByText('No compliance findings', { exact: false }).count()).toBe(1);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    editor = await openInCalendar('Spring auto loan special');
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => editor.getByLabel('Status: In review').count()).toBe(1);
    await page.keyboard.press('Escape');

    // the approver approves and signs off the month
    await actAs('Morgan Lee');
    editor = await openOnReviewPage('Spring auto loan special');
    await editor.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => editor.getByLabel('Status: Approved').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.goto(appUrl(`/review?month=${MONTH}`));
    await page.getByRole('button', { name: 'Sign off March 2031' }).click();
    const signoff = page.getByLabel('Sign-off for March 2031');
    await expect.poll(() => signoff.textContent()).toMatch(/Signed off by Morgan Lee .*1 posts?, unchanged since/);
    expect(await seriousViolations(page, 'review page, signed off', { everyRule: true })).toEqual([]);
  });

  it('editing the approved post sends it back to review and marks the sign-off stale', async () => {
    await actAs('Alex Rivera');
    const editor = await openInCalendar('Spring auto loan special');
    await editor.getByLabel('Text', { exact: true }).fill('Spring into a new car: auto loans from 4.89% APR. Apply at any branch.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    const [post] = (await session.api('posts.list', { text: 'Spring auto loan special' })).filter((p) => p.title === 'Spring auto loan special');
    expect(post.status).toBe('in_review');
    await page.goto(appUrl(`/review?month=${MONTH}`));
    const signoff = page.getByLabel('Sign-off for March 2031');
    await expect.poll(() => signoff.textContent()).toContain('The sign-off is stale');
    expect(await signoff.textContent()).toContain('Spring auto loan special: edited');
  });

  it('a post with a broken network rule cannot be approved', async () => {
    await actAs('Alex Rivera');
    const [x] = (await session.api('channels.list')).filter((c) => c.network === 'x');
    const post = await session.api('posts.create', {
      title: 'Branch tour thread',
      baseText: 'Take a tour of our new branch.',
      channelIds: [x.id],
      scheduledAt: zonedWallTimeToUtc(`${MONTH}-12`, '10:00', ZONE).instant,
    });
    const submitted = await session.api('reviews.submit', { id: post.id, revision: post.revision });
    // then the text grows past X's 280 while it waits
    await session.api('posts.update', { id: post.id, revision: submitted.revision, baseText: `Take a tour of our new branch. ${'So much to see! '.repeat(20)}` });
    await actAs('Morgan Lee');
    const editor = await openOnReviewPage('Branch tour thread');
    await expect.poll(() => editor.getByText('Cannot be approved yet').count()).toBe(1);
    expect(await editor.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await editor.textContent()).toMatch(/Riverside on X: .*(over|long)/i);
    await page.keyboard.press('Escape');
    // and the service refuses it whatever the screen shows
    const current = (await session.api('posts.list', { text: 'Branch tour thread' }))[0];
    await expect(session.api('reviews.approve', { id: current.id, revision: current.revision })).rejects.toThrow(/cannot be approved yet/);
  });

  it('the audit view shows all of it, verifies the chain, and the CLI agrees', async () => {
    await page.goto(appUrl('/audit'));
    const table = page.getByRole('table', { name: 'Audit entries' });
    // the table's frame paints before its rows arrive
    await table.locator('tbody tr').first().waitFor();
    const text = await table.textContent();
    for (const label of ['Submitted for review', 'Changes requested', 'Approved', 'Calendar signed off', 'Post edited', 'Signed in']) expect(text).toContain(label);
    expect(text).toContain('State the rate as an APR, please.');
    // filter by person: only Morgan's decisions
    await page.getByPlaceholder('Everyone').click();
    await page.getByRole('option', { name: 'Morgan Lee' }).click();
    await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(3)').allTextContents())]).toEqual(['Morgan Lee']);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The audit trail is intact' }).count()).toBe(1);
    expect(await seriousViolations(page, 'audit trail', { everyRule: true })).toEqual([]);
    const verify = runCli('audit', 'verify', '--db', session.served.dbPath);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^The audit trail is intact/);
  });
});
