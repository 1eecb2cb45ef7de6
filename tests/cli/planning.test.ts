import { runCli } from '../support/cli';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/serve';
import { dbFingerprint } from '../support/workspace';
import Database from 'better-sqlite3';

const dir = tempDir();
const db = path.join(dir, 'demo.sqlite');
const run = runCli;
const fingerprint = () => {
  const handle = new Database(db, { readonly: true });
  try {
    return dbFingerprint(handle);
  } finally {
    handle.close();
  }
};

beforeAll(() => {
  expect(run('init', '--demo', '--db', db).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const request = {
  timezone: 'America/Chicago',
  categories: [
    { id: 'a', name: 'Stories', targetShare: 2 / 3 },
    { id: 'b', name: 'Products', targetShare: 1 / 3 },
  ],
  slots: [1, 2, 3, 4, 5, 6].map((d) => ({ id: `s${d}`, channelId: 'fb', start: `2027-03-0${d}T15:00:00Z` })),
  pinned: [],
  backlog: [],
};

describe('storybank plan and mix', () => {
  it('plan --request prints a PlanResult for a request file', () => {
    const file = path.join(dir, 'request.json');
    fs.writeFileSync(file, JSON.stringify(request));
    const { code, stdout, stderr } = run('plan', '--request', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.assignments).toHaveLength(6);
    const counts = result.assignments.reduce((m: Record<string, number>, a: { categoryId: string }) => ({ ...m, [a.categoryId]: (m[a.categoryId] ?? 0) + 1 }), {});
    expect(counts).toEqual({ a: 4, b: 2 });
    // weights [2,1] -> B* = 1/3 (the theory note's first regression vector)
    expect(result.metrics.overall.maxPrefixDeviation).toBeCloseTo(1 / 3, 9);
  });

  it('a malformed request names the file and the bad field', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ ...request, slots: [{ id: 's1', channelId: 'fb', start: 'next tuesday' }] }));
    const { code, stderr } = run('plan', '--request', file);
    expect(code).toBe(1);
    expect(stderr).toContain(file);
    expect(stderr).toContain('slots[0].start');
    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, '{ nope');
    expect(run('plan', '--request', notJson).stderr).toContain(`${notJson}: not valid JSON`);
  });

  it('plan --from --to previews without writing, --apply writes in one go', () => {
    const before = fingerprint();
    const preview = run('plan', '--from', '2027-02-01', '--to', '2027-02-28', '--db', db, '--json');
    expect(preview.code).toBe(0);
    const parsed = JSON.parse(preview.stdout);
    expect(parsed.rows.length).toBeGreaterThan(20);
    expect(parsed.result.violations).toEqual([]);
    expect(fingerprint()).toBe(before);

    const applied = run('plan', '--from', '2027-02-01', '--to', '2027-02-28', '--db', db, '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Applied: \d+ posts to write, \d+ from story ideas, \d+ backlog drafts scheduled\./);
    // plain words first: posts to write per month and how close the mix stays
    expect(applied.stdout).toMatch(/February 2027: \d+ posts to write for \d+ open slots \(/);
    expect(applied.stdout).toMatch(/Every channel stays within \d\.\d posts of your targets/);
    expect(applied.stdout).not.toMatch(/Tijdeman|B\*/);
    expect(fingerprint()).not.toBe(before);
    // the month is now full: nothing left to plan
    const again = JSON.parse(run('plan', '--from', '2027-02-01', '--to', '2027-02-28', '--db', db, '--json').stdout);
    expect(again.rows).toEqual([]);
  });

  it('mix --json reports the planned month against the targets', () => {
    const { code, stdout } = run('mix', '--from', '2027-02-01', '--to', '2027-02-28', '--db', db, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.categories).toHaveLength(5);
    for (const c of report.categories) expect(Math.abs(c.deviation)).toBeLessThanOrEqual(1.5);
  });

  it('bad options fail with a clear message and change nothing', () => {
    const before = fingerprint();
    expect(run('plan', '--from', '2027-02-30', '--to', '2027-03-01', '--db', db).stderr).toContain('--from: "2027-02-30" is not a date');
    expect(run('mix', '--from', '2027-02-01', '--to', '2027-01-01', '--db', db).stderr).toContain('--to: 2027-01-01 is before --from');
    expect(run('mix', '--from', '2027-02-01', '--to', '2027-03-01', '--granularity', 'day', '--db', db).stderr).toContain('--granularity');
    expect(run('plan', '--db', db).stderr).toContain('plan needs --from and --to');
    expect(fingerprint()).toBe(before);
  });
});
