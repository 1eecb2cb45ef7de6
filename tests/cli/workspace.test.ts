import { runCli } from '../support/cli';
// `storybank workspace export|import` through the built bin, checked by reading the results back.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkspaceFile } from '../../src/shared/workspace-file';
import { tempDir } from '../e2e/serve';
import { dbFingerprint } from '../support/workspace';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;
const ok = (...args: string[]) => {
  const result = run(...args);
  if (result.code !== 0) throw new Error(`storybank ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result;
};
/** Fingerprint of a workspace file, read-only, after the CLI has exited. */
const fingerprint = (dbPath: string): string => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return dbFingerprint(db);
  } finally {
    db.close();
  }
};
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const allPosts = (dbPath: string) => JSON.parse(ok('posts', 'list', '--db', dbPath, '--json').stdout);
/** An export without its timestamp: equal means the same workspace content. */
const content = (file: string) => {
  const { exportedAt: _ignored, ...rest } = readJson(file);
  return rest;
};

const demoDb = path.join(dir, 'demo.sqlite');
const demoFile = path.join(dir, 'demo.json');
beforeAll(() => {
  ok('init', '--demo', '--db', demoDb);
  ok('workspace', 'export', '-o', demoFile, '--db', demoDb);
});

describe('workspace export', () => {
  it('writes a file the workspace-file parser accepts, with every post, channel and category', () => {
    const parsed = parseWorkspaceFile(readJson(demoFile));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { file } = parsed;
    expect(file.workspace).toEqual({ name: 'Riverside Community Bank', timezone: 'America/New_York' });
    expect(file.posts.map((p) => p.id).sort()).toEqual(allPosts(demoDb).map((p: { id: string }) => p.id).sort());
    expect(file.channels).toHaveLength(5);
    expect(file.channels.every((c) => c.slots.length > 0)).toBe(true);
    expect(file.categories.reduce((sum, c) => sum + c.targetShare, 0)).toBeCloseTo(1, 6);
    expect(file.ideas.length).toBeGreaterThan(0);
    // no temp file left next to it
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite an existing file without --force and leaves it alone', () => {
    const target = path.join(dir, 'existing.json');
    fs.writeFileSync(target, 'keep me');
    const refused = run('workspace', 'export', '-o', target, '--db', demoDb);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`${target} already exists`);
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');

    expect(run('workspace', 'export', '-o', target, '--force', '--db', demoDb).code).toBe(0);
    expect(content(target)).toEqual(content(demoFile));
  });

  it('refuses a workspace that does not exist, without creating it', () => {
    const missing = path.join(dir, 'nothing-here.sqlite');
    const result = run('workspace', 'export', '-o', path.join(dir, 'nothing.json'), '--db', missing);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${missing} does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'nothing.json'))).toBe(false);
  });
});

describe('workspace import', () => {
  it('into a new database gives the same posts and the same workspace back', () => {
    const copy = path.join(dir, 'copy.sqlite');
    const summary = JSON.parse(ok('workspace', 'import', demoFile, '--db', copy, '--json').stdout);
    expect(summary).toMatchObject({ replaced: false, posts: readJson(demoFile).posts.length, channels: 5 });
    expect(allPosts(copy)).toEqual(allPosts(demoDb));
    const again = path.join(dir, 'copy.json');
    ok('workspace', 'export', '-o', again, '--db', copy);
    expect(content(again)).toEqual(content(demoFile));
  });

  it('--replace swaps a different workspace for exactly the file', () => {
    const other = path.join(dir, 'other.sqlite');
    ok('init', '--demo', '--db', other); // its own ids, so nothing overlaps
    ok('workspace', 'import', demoFile, '--replace', '--db', other);
    const after = path.join(dir, 'other.json');
    ok('workspace', 'export', '-o', after, '--db', other);
    expect(content(after)).toEqual(content(demoFile));
  });

  it('recomputes post issues instead of trusting the file', () => {
    const file = readJson(demoFile);
    file.posts[0].issues = [{ channelId: null, severity: 'error', code: 'made_up', message: 'planted by the test' }];
    const planted = path.join(dir, 'planted.json');
    fs.writeFileSync(planted, JSON.stringify(file));
    const db = path.join(dir, 'planted.sqlite');
    ok('workspace', 'import', planted, '--db', db);
    const post = allPosts(db).find((p: { id: string }) => p.id === file.posts[0].id);
    expect(post.issues.map((i: { code: string }) => i.code)).not.toContain('made_up');
  });

  it('a bad file: non-zero exit, the file name and the JSON path on stderr, database unchanged', () => {
    const file = readJson(demoFile);
    file.posts[3].channelIds[0] = '99999999-9999-4999-8999-999999999999';
    const bad = path.join(dir, 'bad-reference.json');
    fs.writeFileSync(bad, JSON.stringify(file, null, 2));
    const before = fingerprint(demoDb);
    for (const mode of [[], ['--replace']]) {
      const result = run('workspace', 'import', bad, ...mode, '--db', demoDb);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(bad);
      expect(result.stderr).toContain('posts[3].channelIds[0]: channel 99999999-9999-4999-8999-999999999999 is not in this file');
      expect(result.stdout).toBe('');
    }
    expect(fingerprint(demoDb)).toBe(before);
  });

  it('a schema error names its path; a new database is not even created', () => {
    const file = readJson(demoFile);
    file.channels[2].slots[0].time = '9:30am';
    const bad = path.join(dir, 'bad-slot.json');
    fs.writeFileSync(bad, JSON.stringify(file));
    const target = path.join(dir, 'never.sqlite');
    const result = run('workspace', 'import', bad, '--db', target);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/channels\[2\]\.slots\[0\]\.time: expected a time HH:mm/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('a failure half-way through the import rolls everything back', () => {
    // Valid on its own, but merged with the demo categories the shares sum to 2: found only
    // after channels and categories have been written, so the transaction must undo them.
    const file = readJson(demoFile);
    const promoted = '12345678-1234-4234-8234-123456789abc';
    file.workspace.name = 'Renamed by the import';
    file.channels = file.channels.map((c: { id: string; name: string }, i: number) => ({ ...c, id: `${promoted.slice(0, -1)}${i}`, name: `${c.name} (new)` }));
    file.categories = [{ ...file.categories[0], id: promoted, name: 'Everything', targetShare: 1 }];
    file.posts = [];
    file.ideas = [];
    const merge = path.join(dir, 'merge.json');
    fs.writeFileSync(merge, JSON.stringify(file));
    expect(parseWorkspaceFile(readJson(merge)).ok).toBe(true);
    const before = fingerprint(demoDb);
    const result = run('workspace', 'import', merge, '--db', demoDb);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(merge);
    expect(result.stderr).toMatch(/categories: .*sum to 2/);
    expect(result.stderr).toContain('nothing was imported');
    expect(fingerprint(demoDb)).toBe(before);
  });

  it('an unreadable or non-JSON file gets a clear message', () => {
    const before = fingerprint(demoDb);
    const notJson = path.join(dir, 'notes.json');
    fs.writeFileSync(notJson, '{"format": "storybank-workspace", ');
    const broken = run('workspace', 'import', notJson, '--db', demoDb);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain(`${notJson}: not valid JSON`);

    const missing = path.join(dir, 'missing.json');
    const absent = run('workspace', 'import', missing, '--db', demoDb);
    expect(absent.code).not.toBe(0);
    expect(absent.stderr).toContain(`${missing}: cannot read it`);
    expect(absent.stderr).toContain('ENOENT');

    const wrongKind = path.join(dir, 'array.json');
    fs.writeFileSync(wrongKind, '[1, 2, 3]');
    const array = run('workspace', 'import', wrongKind, '--db', demoDb);
    expect(array.code).not.toBe(0);
    expect(array.stderr).toContain(`${wrongKind}: (file): expected a JSON object`);
    expect(fingerprint(demoDb)).toBe(before);
  });

  it('a device, a folder and an oversized file are refused before reading; a BOM is fine', () => {
    const before = fingerprint(demoDb);
    const zero = run('workspace', 'import', '/dev/zero', '--db', demoDb);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('/dev/zero: not a regular file');
    const folder = run('workspace', 'import', dir, '--db', demoDb);
    expect(folder.stderr).toContain(`${dir}: not a regular file`);
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 201 * 1024 * 1024); // sparse: no disk used
    const big = run('workspace', 'import', huge, '--db', demoDb);
    expect(big.stderr).toMatch(/201\.0 MB is over the 200 MB limit/);
    const plan = run('plan', '--request', '/dev/zero');
    expect(plan.stderr).toContain('/dev/zero: not a regular file');
    expect(fingerprint(demoDb)).toBe(before);

    // Windows editors save UTF-8 with a byte-order mark: it is read like any other workspace file
    const exported = path.join(dir, 'with-bom.json');
    expect(run('workspace', 'export', '-o', exported, '--db', demoDb).code).toBe(0);
    fs.writeFileSync(exported, `\uFEFF${fs.readFileSync(exported, 'utf8')}`);
    const target = path.join(dir, 'from-bom.sqlite');
    const imported = run('workspace', 'import', exported, '--db', target);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  });
});
