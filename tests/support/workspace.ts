import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/main/db/connection';
import { seedDemoWorkspace } from '../../src/main/demo/seed';
import { openWorkspace, type Workspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';

/** A real workspace file in a temp folder; call cleanup() when done. */
export function tempWorkspace(opts: { demo?: boolean; demoToday?: Date } = {}): Workspace & { dbPath: string; cleanup(): void } {
  const dir = tempDir();
  const dbPath = path.join(dir, 'workspace.sqlite');
  // demoToday seeds the demo as if it were that day, for tests whose figures must not move with the date
  const workspace = openWorkspace({ dbPath, demo: opts.demo && !opts.demoToday });
  if (opts.demoToday) seedDemoWorkspace(workspace.services, opts.demoToday);
  return {
    ...workspace,
    dbPath,
    cleanup: () => {
      workspace.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A hash of every row of every table: equal fingerprints mean nothing changed. `ignore` leaves
 * columns out (e.g. `revision`, which an undo moves forward rather than back).
 */
export function dbFingerprint(db: Db, ignore: readonly string[] = []): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]) {
      for (const column of ignore) delete row[column];
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}
