import { afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/main/db/connection';
import { DEMO_OWNER, seedDemoWorkspace } from '../../src/main/demo/seed';
import { machineProfileMemory, openWorkspace, type Workspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';

/** A real workspace file in a temp folder; call cleanup() when done. */
export function tempWorkspace(opts: { demo?: boolean; demoToday?: Date; as?: string } = {}): Workspace & { dbPath: string; cleanup(): void } {
  const dir = tempDir();
  const dbPath = path.join(dir, 'workspace.sqlite');
  // demoToday seeds the demo as if it were that day, for tests whose figures must not move with the date
  // The machine's memory of who is using the workspace, shared with CLI processes the test starts.
  const memory = machineProfileMemory();
  const workspace = openWorkspace({ dbPath, demo: opts.demo && !opts.demoToday, profileMemory: memory });
  if (opts.demoToday) seedDemoWorkspace(workspace.services, opts.demoToday);
  // The demo has several people: act as its marketing lead (admin, planner, approver) unless told otherwise.
  const actAs = opts.as ?? (opts.demo || opts.demoToday ? DEMO_OWNER.name : null);
  if (actAs) workspace.services.session.select(workspace.services.session.resolve(actAs).id, false);
  return {
    ...workspace,
    dbPath,
    cleanup: () => {
      workspace.close();
      memory.forget(dbPath);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A hash of every row of every table: equal fingerprints mean nothing changed. `ignore` leaves
 * columns out (e.g. `revision`, which an undo moves forward rather than back).
 */
export function dbFingerprint(db: Db, ignore: readonly string[] = [], options: { exceptAudit?: boolean } = {}): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    // exceptAudit: the trail only grows (an undo is recorded too), so it is left out of "the same data".
    if (options.exceptAudit && name === 'audit_log') continue;
    hash.update(name);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Record<string, unknown>[]) {
      if (options.exceptAudit && name === 'settings' && row.key === 'audit.head') continue;
      for (const column of ignore) delete row[column];
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}

/** A fresh demo workspace per call, each removed after its test (call at the top of a test file). */
export function demoWorkspaceEachTest(): () => ReturnType<typeof tempWorkspace> {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  return () => {
    const ws = tempWorkspace({ demo: true });
    cleanups.push(ws.cleanup);
    return ws;
  };
}
