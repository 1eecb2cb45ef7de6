// A child process writes through the services (posts, edits, series, categories, plan apply,
// imports) and is SIGKILLed at random moments, 50 times. After each kill: SQLite's integrity
// check passes, every write the child reported as committed is there, and nothing is half-written.
// The writer runs bundled on plain Node, so SIGKILL hits the process that writes (tsx would put a
// launcher process in front of it).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/workspace';
import { ROOT } from '../e2e/serve';
import { runAndKill } from '../support/kill';
import { tempWorkspace } from '../support/workspace';

const ws = tempWorkspace({ demo: true });
const dbPath = ws.dbPath;
ws.close();
afterAll(() => ws.cleanup());
const WRITER = path.join(ROOT, 'tests', 'support', 'crash-writer.ts');
const KILLS = 50;

describe('crash safety', () => {
  it(`${KILLS} SIGKILLs mid-write: integrity ok, every reported write present, nothing half-written`, async () => {
    const reported: string[] = [];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < KILLS; run++) {
      reported.push(...(await runAndKill(WRITER, [dbPath, String(run)], 20 + Math.floor(random() * 400))));
      const check = openWorkspace({ dbPath });
      try {
        const { db, services } = check;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const posts = new Map(services.posts.list({}).map((p) => [p.id, p]));
        for (const line of reported) {
          const [kind, ...rest] = line.split(' ');
          if (kind === 'post') expect(posts.has(rest[0]), line).toBe(true);
          if (kind === 'update') expect(posts.get(rest[0])?.notes, line).toBe(`notes ${rest[2]}`);
          if (kind === 'import') for (const id of rest) expect(posts.has(id), line).toBe(true);
          if (kind === 'plan') expect(services.repos.planBatches.get(rest[0]), line).not.toBeNull();
        }
        // nothing half-written: every crash post has both channels and its override; every
        // series all four occurrences; every plan batch all its posts; shares still sum to 100%
        for (const post of posts.values()) {
          if (post.title.startsWith('crash ')) {
            expect(post.channelIds.length, post.title).toBe(2);
            expect(Object.keys(post.channelTexts).length, post.title).toBe(1);
          }
        }
        for (const series of services.repos.series.list()) {
          expect([...posts.values()].filter((p) => p.seriesId === series.id).length, series.title).toBe(4);
        }
        const batches = db.prepare('SELECT id FROM plan_batches').all() as { id: string }[];
        for (const { id } of batches) for (const created of services.repos.planBatches.get(id)!.created) expect(posts.has(created)).toBe(true);
        const total = services.categories.list().reduce((sum, c) => sum + c.targetShare, 0);
        expect(Math.abs(total - 1)).toBeLessThan(0.002);
      } finally {
        check.close();
      }
    }
    const kinds = new Set(reported.map((l) => l.split(' ')[0]));
    // the kills landed while every kind of write was going on
    expect([...kinds].sort()).toEqual(['categories', 'import', 'plan', 'post', 'series', 'update']);
    console.log(`crash test: ${KILLS} kills, ${reported.length} reported commits, all present; integrity ok after each`);
  }, 300_000);
});
