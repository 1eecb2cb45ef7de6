// `storybank check`, `audit verify|export` and `posts submit|approve|request-changes|publish`
// through the built CLI, on a real demo workspace.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';

const dir = tempDir('storybank-cli-review-');
const db = path.join(dir, 'demo.sqlite');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  expect(runCli('init', '--demo', '--db', db).code).toBe(0);
});

describe('storybank check', () => {
  it('--text --json prints the findings in the stable shape, an empty list for a clean text', () => {
    const result = runCli('check', '--text', 'Get pre-approved: auto loans as low as 4.99%!', '--channel', 'facebook', '--json', '--db', db);
    expect(result.code).toBe(0);
    const { findings } = JSON.parse(result.stdout) as { findings: Array<Record<string, unknown>> };
    expect(findings.map((f) => Object.keys(f))).toEqual([
      ['ruleId', 'severity', 'message', 'citation', 'span'],
      ['ruleId', 'severity', 'message', 'citation', 'span'],
    ]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.span])).toEqual([
      ['misleading-terms', 'warning', { start: 4, end: 16, text: 'pre-approved' }],
      ['regz-closed-end-apr', 'blocking', { start: 29, end: 38, text: 'as low as' }],
    ]);
    const clean = runCli('check', '--text', 'Maria from Elm Street finished the marathon in 3:41:27!', '--json', '--db', db);
    expect(JSON.parse(clean.stdout)).toEqual({ findings: [] });
    expect(runCli('check', '--text', 'Free seminar', '--db', db).stdout).toBe('No findings.\n');
  });

  it('--from --to checks every post of a range; bad arguments name the option', () => {
    const result = runCli('check', '--from', '2026-01-01', '--to', '2027-12-31', '--json', '--db', db);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { postsChecked: number; posts: unknown[] };
    expect(report.postsChecked).toBeGreaterThan(50);
    expect(runCli('check', '--db', db).stderr).toContain('give either --text, or --from and --to');
    expect(runCli('check', '--from', '2027-02-01', '--to', '2027-01-01', '--db', db).stderr).toContain('--to: 2027-01-01 is before --from 2027-02-01');
    expect(runCli('check', '--text', 'x', '--category', 'Memes', '--db', db).stderr).toContain('--category: no category "Memes"');
  });
});

describe('storybank posts submit|approve|request-changes|publish', () => {
  it('takes a post through review under the role checks, acting as --as', () => {
    const list = JSON.parse(runCli('posts', 'list', '--from', '2027-01-01', '--to', '2027-12-31', '--json', '--db', db).stdout) as Array<{ id: string; status: string; title: string }>;
    const draft = list.find((p) => p.status === 'draft')!;
    const submit = runCli('posts', 'submit', draft.id, '--as', 'Alex Rivera', '--json', '--db', db);
    expect(submit.stderr).toBe('');
    expect(JSON.parse(submit.stdout).status).toBe('in_review');
    const notAllowed = runCli('posts', 'approve', draft.id, '--as', 'Alex Rivera', '--db', db);
    expect(notAllowed.code).toBe(1);
    expect(notAllowed.stderr).toContain('Alex Rivera cannot approve posts: that needs the approver role.');
    expect(runCli('posts', 'request-changes', draft.id, '--as', 'Morgan Lee', '--db', db).stderr).toContain('--comment is required');
    const back = runCli('posts', 'request-changes', draft.id, '--as', 'Morgan Lee', '--comment', 'Add the branch address.', '--db', db);
    expect(back.stdout).toMatch(/In review -> Changes requested \(as Morgan Lee\)/);
    expect(runCli('posts', 'submit', draft.id, '--as', 'Alex Rivera', '--db', db).code).toBe(0);
    expect(runCli('posts', 'approve', draft.id, '--as', 'Morgan Lee', '--db', db).stdout).toMatch(/In review -> Approved/);
    expect(runCli('posts', 'publish', draft.id, '--as', 'Alex Rivera', '--url', 'https://facebook.com/riverside/1', '--db', db).stdout).toMatch(/Approved -> Published/);
    expect(runCli('posts', 'submit', draft.id, '--as', 'Nobody Here', '--db', db).stderr).toContain('--as: No person called "Nobody Here"');
  });
});

describe('storybank audit', () => {
  it('verify passes, and fails naming the first broken entry after a row is altered directly in SQLite', () => {
    const good = runCli('audit', 'verify', '--db', db);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^The audit trail is intact: \d+ entries/);
    const raw = new Database(db);
    const { seq } = raw.prepare("SELECT seq FROM audit_log WHERE kind = 'post.approve' LIMIT 1").get() as { seq: number };
    raw.exec('DROP TRIGGER audit_log_append_only');
    raw.prepare("UPDATE audit_log SET actor_name = 'Somebody else' WHERE seq = ?").run(seq);
    raw.close();
    const bad = runCli('audit', 'verify', '--json', '--db', db);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, broken: { seq, kind: 'post.approve', reason: 'its content does not match its hash: the row was altered' } });
    expect(runCli('audit', 'verify', '--db', db).stdout).toContain(`The audit trail is broken at entry ${seq} (post.approve`);
  });

  it('export writes CSV and JSON that parse back, and never overwrites', () => {
    const csvFile = path.join(dir, 'audit.csv');
    expect(runCli('audit', 'export', '-o', csvFile, '--db', db).stdout).toMatch(/Wrote \d+ audit entries/);
    const rows = parse(fs.readFileSync(csvFile, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.some((r) => r.kind === 'post.approve' && r.actor_name !== '')).toBe(true);
    const jsonFile = path.join(dir, 'audit.json');
    runCli('audit', 'export', '-o', jsonFile, '--db', db);
    expect((JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { entries: unknown[] }).entries).toHaveLength(rows.length);
    expect(runCli('audit', 'export', '-o', csvFile, '--db', db).stderr).toContain('already exists');
  });
});
