// The review packet PDF, read back with poppler (pdftotext, pdftoppm): the month's calendar, mix,
// every post's text per channel, findings with citations, overrides, approvals and the sign-off.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';
import { tempWorkspace } from '../support/workspace';

const ws = tempWorkspace({ demo: true, demoToday: new Date('2026-12-01T12:00:00Z') });
const out = tempDir('storybank-packet-');
afterAll(() => {
  ws.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

const pdfText = (file: string): string => {
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
};

describe('review packet', () => {
  it('has the calendar, the mix, each post per channel with findings, overrides, approvals and the sign-off', async () => {
    const { services } = ws;
    const fb = services.channels.list().find((c) => c.network === 'facebook')!;
    const rate = services.posts.create({ title: 'Auto loan rate special', baseText: 'Auto loans as low as 4.99%! Apply at any branch.', channelIds: [fb.id], scheduledAt: '2027-01-12T15:00:00.000Z' });
    services.session.actAs(services.session.resolve('Morgan Lee').id);
    services.reviews.override({ postId: rate.id, revision: rate.revision, ruleId: 'regz-closed-end-apr', channelId: fb.id, reason: 'APR is in the attached rate card image (compliance)' });
    services.session.actAs(services.session.resolve('Jordan Kim').id);
    services.reviews.comment(rate.id, 'Rate card checked against the January rate sheet.');

    const file = path.join(out, 'january.pdf');
    const cli = runCli('packet', '--month', '2027-01', '-o', file, '--db', ws.dbPath);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^Wrote .*january\.pdf: \d+ pages, \d+ posts\.\n$/);
    const text = pdfText(file);
    expect(text).toContain('Riverside Community Bank');
    expect(text).toContain('Social media review packet: January 2027');
    expect(text).toMatch(/Mon\s+Tue\s+Wed\s+Thu\s+Fri\s+Sat\s+Sun/);
    expect(text).toContain('Content mix against target');
    expect(text).toContain('Employee highlights');
    expect(text).toContain('Auto loan rate special');
    expect(text).toContain('OVERRIDDEN');
    expect(text).toContain('12 CFR 1026.24(c)');
    expect(text).toContain('APR is in the attached rate card image (compliance)');
    expect(text).toContain('Rate card checked against the January rate sheet.');
    expect(text).toContain('Version 1, published');
    expect(text).toContain('Not signed off');
    // every January post is in it
    const january = services.reviews.postsInRange('2027-01-01', '2027-01-31');
    for (const post of january) expect(text.replace(/\s+/g, ' ')).toContain(post.title.replace(/\s+/g, ' ').slice(0, 20));

    // the same file from the API: same pages, same text
    const api = await ws.dispatch('packet.create', { month: '2027-01' });
    if (!api.ok) throw new Error(api.error.message);
    const fromApi = path.join(out, 'api.pdf');
    const value = api.value as { pdfBase64: string; pages: number };
    fs.writeFileSync(fromApi, Buffer.from(value.pdfBase64, 'base64'));
    const strip = (t: string) => t.replace(/Generated .*\n/g, '');
    expect(strip(pdfText(fromApi))).toBe(strip(text));

    // pages render: the first page has ink on it
    const png = path.join(out, 'page');
    expect(spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, png]).status).toBe(0);
    const rendered = fs.readdirSync(out).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    expect(fs.statSync(path.join(out, rendered)).size).toBeGreaterThan(5000);
    expect(value.pages).toBeGreaterThan(2);
  });

  it('a bad month is refused with the option named; an existing file is never overwritten', () => {
    expect(runCli('packet', '--month', '2027-1', '-o', path.join(out, 'x.pdf'), '--db', ws.dbPath).stderr).toContain('--month: "2027-1" is not a month');
    const existing = path.join(out, 'exists.pdf');
    fs.writeFileSync(existing, 'keep');
    expect(runCli('packet', '--month', '2027-01', '-o', existing, '--db', ws.dbPath).stderr).toContain('already exists');
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep');
  });
});
