// `storybank doctor` finds a damaged media file, a missing one, an orphan and a damaged
// database; it writes nothing, and exits non-zero on damage.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const db = path.join(dir, 'bank.sqlite');

describe('storybank doctor', () => {
  it('a healthy demo workspace: no damage, exit 0', () => {
    expect(runCli('init', '--demo', '--db', db).code).toBe(0);
    const result = runCli('doctor', '--db', db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no damage found \(\d+ posts, 5 media files checked\)/);
  });

  it('finds a deliberately corrupted media file and a missing one, and an orphan', () => {
    const ws = openWorkspace({ dbPath: db });
    const [first, second] = ws.services.media.list();
    ws.close();
    const firstFile = path.join(dir, ...first.path.split('/'));
    const bytes = fs.readFileSync(firstFile);
    bytes[bytes.length - 20] ^= 0xff;
    fs.writeFileSync(firstFile, bytes);
    fs.rmSync(path.join(dir, ...second.path.split('/')));
    fs.writeFileSync(path.join(dir, 'media', 'stray.png'), 'not recorded');

    const before = fs.readFileSync(db);
    const result = runCli('doctor', '--db', db, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { healthy: boolean; findings: Array<{ severity: string; check: string; message: string }> };
    expect(report.healthy).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'error', check: 'media', message: expect.stringMatching(new RegExp(`${first.path} is damaged`)) }));
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'error', check: 'media', message: expect.stringContaining(`${second.path} (${second.originalName}) is missing`) }));
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'error', check: 'media_references' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', check: 'orphaned_media', message: expect.stringContaining('media/stray.png') }));
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    const human = runCli('doctor', '--db', db);
    expect(human.stdout).toMatch(/ERROR +media: media\/[0-9a-f]{64}\.png is damaged/);
    expect(human.stdout).toMatch(/damage found\. Restore a backup/);
  });

  it('finds a damaged database, which the app itself refuses to open', () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    const ws = openWorkspace({ dbPath: damaged, demo: true });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const bytes = fs.readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 3; page < bytes.length / pageSize; page += 4) bytes.fill(0x41, page * pageSize + 8, page * pageSize + 120);
    fs.writeFileSync(damaged, bytes);

    const result = runCli('doctor', '--db', damaged);
    expect(result.code).toBe(1);
    // where the damage lands decides whether SQLite opens the file at all: either way it is named
    expect(result.stdout).toMatch(/ERROR +(integrity|open): .*the database is damaged/);
    const open = runCli('posts', 'list', '--db', damaged);
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(/damaged.*storybank doctor/);
  });

  it('reports a file that is not a workspace at all', () => {
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello '.repeat(1000));
    const result = runCli('doctor', '--db', text);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ERROR +open: .*not an SQLite database/);
  });
});
