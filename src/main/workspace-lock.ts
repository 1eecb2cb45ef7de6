// The desktop app holds a lock file beside its workspace (`storybank.sqlite.lock`, with its pid)
// so that a second app, another user's session or another build never opens the same workspace
// as a second desktop window. `serve` and the CLI do not take it: they coexist with the app
// safely (every write is compare-and-set inside BEGIN IMMEDIATE).
import fs from 'node:fs';
import path from 'node:path';

export type WorkspaceLock = { release(): void };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const lockFileOf = (dbPath: string): string => `${dbPath}.lock`;

/** Takes the workspace's lock, or says which live process holds it. A lock left by a dead process is taken over. */
export function acquireWorkspaceLock(dbPath: string, pid = process.pid): WorkspaceLock | { heldBy: number } {
  const file = lockFileOf(dbPath);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      return {
        release: () => {
          try {
            if (Number(fs.readFileSync(file, 'utf8').trim()) === pid) fs.rmSync(file, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== pid && isAlive(holder)) return { heldBy: holder };
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  return { heldBy: -1 };
}
