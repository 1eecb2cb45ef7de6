import { runCli } from '../support/cli';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { tempDir } from '../e2e/serve';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

describe('storybank CLI (the built bin)', () => {
  it('--version prints the package version', () => {
    const { code, stdout } = run('--version');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the commands', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/init/);
    expect(stdout).toMatch(/serve/);
  });

  it('init --demo --json creates the demo workspace and reports it', () => {
    const db = path.join(dir, 'demo.sqlite');
    const { code, stdout, stderr } = run('init', '--demo', '--db', db, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ name: 'Riverside Community Bank', timezone: 'America/New_York' });
    expect(summary.posts).toBeGreaterThan(30);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('init refuses to overwrite an existing workspace and leaves it unchanged', () => {
    const db = path.join(dir, 'keep.sqlite');
    expect(run('init', '--db', db).code).toBe(0);
    const before = fs.readFileSync(db);
    const { code, stderr } = run('init', '--demo', '--db', db);
    expect(code).not.toBe(0);
    expect(stderr).toContain(`${db} already exists`);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('an unknown command or a bad option fails on stderr with a non-zero exit', () => {
    const unknown = run('frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badPort = run('serve', '--db', path.join(dir, 'x.sqlite'), '--port', 'eighty');
    expect(badPort.code).not.toBe(0);
    expect(badPort.stderr).toContain('--port: "eighty" is not a port number');
  });

  it('a database from a newer Storybank is refused with a clear message', async () => {
    const Database = (await import('better-sqlite3')).default;
    const db = path.join(dir, 'future.sqlite');
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const { code, stderr } = run('serve', '--db', db);
    expect(code).toBe(1);
    expect(stderr).toContain('written by a newer Storybank (schema version 999');
  });
});
