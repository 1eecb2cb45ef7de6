// Two processes update the same posts at the same time. Every update either lands or is refused
// with `conflict` (and retried on the new revision): none is lost, and none fails with
// "database is locked" while the other holds the write lock.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Post } from '../../src/shared/domain/schemas';
import { ROOT } from '../e2e/serve';
import { bundleScript } from '../support/bundle';
import { tempWorkspace } from '../support/workspace';

const ws = tempWorkspace();
afterAll(() => ws.cleanup());
const WRITER = path.join(ROOT, 'tests', 'support', 'race-writer.ts');

function writer(name: string, count: number, startAt: number, ids: string[]): Promise<{ ok: number; conflicts: number; locked: number; other: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundleScript(WRITER), ws.dbPath, name, String(count), String(startAt), ...ids], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`writer ${name} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

describe('two processes writing the same posts', () => {
  it('lose no update and never fail with "database is locked"', async () => {
    const posts: Post[] = [];
    for (const title of ['Shared A', 'Shared B', 'Shared C']) {
      const result = await ws.dispatch('posts.create', { title });
      if (!result.ok) throw new Error(result.error.message);
      posts.push(result.value as Post);
    }
    const ids = posts.map((p) => p.id);
    const PER_WRITER = 150;
    const startAt = Date.now() + 4000;
    const [a, b] = await Promise.all([writer('a', PER_WRITER, startAt, ids), writer('b', PER_WRITER, startAt, ids)]);
    // they really raced: some writes had to be retried on the other's revision
    expect(a.conflicts + b.conflicts).toBeGreaterThan(0);
    expect(a.other).toEqual([]);
    expect(b.other).toEqual([]);
    expect(a.locked + b.locked).toBe(0);
    expect(a.ok + b.ok).toBe(2 * PER_WRITER);

    // every token of both writers is in the notes: 0 lost updates
    const notes = ids.map((id) => ws.services.posts.get(id).notes).join('');
    const tokens = notes.match(/\[[ab]-\d+\]/g) ?? [];
    expect(new Set(tokens).size).toBe(2 * PER_WRITER);
    expect(tokens.length).toBe(2 * PER_WRITER);
    // each successful write moved its post one revision on
    const revisions = ids.map((id) => ws.services.posts.get(id).revision - 1).reduce((x, y) => x + y, 0);
    expect(revisions).toBe(2 * PER_WRITER);
    console.log(`two-writer race: ${a.ok + b.ok} updates landed, ${a.conflicts + b.conflicts} conflicts retried, 0 lost, 0 locked`);
  }, 120_000);
});
