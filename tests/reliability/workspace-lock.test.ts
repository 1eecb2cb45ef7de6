import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, lockFileOf } from '../../src/main/workspace-lock';
import { tempDir } from '../e2e/serve';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the desktop app\'s workspace lock', () => {
  it('one holder at a time; released on close; a dead holder\'s lock is taken over', () => {
    const db = path.join(dir, 'bank.sqlite');
    const first = acquireWorkspaceLock(db);
    expect('release' in first).toBe(true);
    // another live process (this test's parent stands in) holding it blocks a second app
    fs.writeFileSync(lockFileOf(db), `${process.ppid}\n`);
    expect(acquireWorkspaceLock(db)).toEqual({ heldBy: process.ppid });
    // a process that has exited leaves a stale lock: taken over
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockFileOf(db), `${dead.stdout}\n`);
    const taken = acquireWorkspaceLock(db);
    expect('release' in taken).toBe(true);
    if ('release' in taken) taken.release();
    expect(fs.existsSync(lockFileOf(db))).toBe(false);
  });
});
