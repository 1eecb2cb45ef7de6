// Backups are consistent copies (what is still in the -wal file included), rotate as stated,
// and restore gives back exactly the backed-up workspace, keeping a copy of the one it replaces.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsToDelete, listBackups } from '../../src/main/services/backups';
import type { BackupInfo } from '../../src/shared/api/backups';
import { LATEST_SCHEMA_VERSION, STORYBANK_APPLICATION_ID } from '../../src/main/db/connection';
import { openWorkspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { DEMO_OWNER } from '../../src/main/demo/seed';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const workspace = (demo = true) => {
  const ws = tempWorkspace({ demo });
  cleanups.push(ws.cleanup);
  return ws;
};
const withoutTime = (file: { exportedAt: string }) => ({ ...file, exportedAt: '' });

describe('backups', () => {
  it('include writes that are still only in the -wal file (a plain file copy loses them)', () => {
    const ws = workspace(false);
    ws.db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 20; i++) ws.services.posts.create({ title: `Committed ${i}` });
    const copy = path.join(path.dirname(ws.dbPath), 'plain-copy.sqlite');
    fs.copyFileSync(ws.dbPath, copy);
    const backup = path.join(path.dirname(ws.dbPath), 'backup.sqlite');
    ws.services.backups.backupTo(backup);

    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM posts WHERE title LIKE 'Committed %'").get() as { n: number }).n;
      } catch {
        return 0;
      } finally {
        db.close();
      }
    };
    expect(count(copy)).toBe(0);
    expect(count(backup)).toBe(20);
    const db = new Database(backup, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('application_id', { simple: true })).toBe(STORYBANK_APPLICATION_ID);
    db.close();
  });

  it('restore gives back the same workspace and keeps a copy of the one it replaced', async () => {
    const ws = workspace();
    await addHistory(ws);
    const saved = withoutTime(ws.services.transfer.exportWorkspace());
    const backup = ws.services.backups.backupNow();

    // then things go wrong: posts deleted, the bank renamed, a channel gone
    for (const post of ws.services.posts.list({}).slice(0, 25)) ws.services.posts.delete(post.id);
    ws.services.workspace.update({ name: 'Oops' });
    const damaged = withoutTime(ws.services.transfer.exportWorkspace());

    // another process has the workspace open meanwhile
    const other = openWorkspace({ dbPath: ws.dbPath });
    cleanups.unshift(() => other.close());

    const result = ws.services.backups.restoreNamed(backup.name);
    expect(withoutTime(ws.services.transfer.exportWorkspace())).toEqual(saved);
    expect(withoutTime(other.services.transfer.exportWorkspace())).toEqual(saved);
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);

    // the replaced workspace is kept, and restoring it gives the damaged state back
    expect(result.safetyCopy.kind).toBe('before-restore');
    ws.services.backups.restore(result.safetyCopy.file);
    expect(withoutTime(ws.services.transfer.exportWorkspace())).toEqual(damaged);
  });

  it('restore refuses damaged, foreign and newer files and changes nothing', () => {
    const ws = workspace();
    const dir = path.dirname(ws.dbPath);
    const before = dbFingerprint(ws.db);

    const damaged = path.join(dir, 'damaged.sqlite');
    ws.services.backups.backupTo(damaged);
    const bytes = fs.readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 2; page < bytes.length / pageSize; page += 2) bytes.fill(0x33, page * pageSize + 10, page * pageSize + 300);
    fs.writeFileSync(damaged, bytes);
    expect(() => ws.services.backups.restore(damaged)).toThrow(/damaged/);

    const foreign = path.join(dir, 'contacts.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    expect(() => ws.services.backups.restore(foreign)).toThrow(/another application/);

    const newer = path.join(dir, 'newer.sqlite');
    ws.services.backups.backupTo(newer);
    const future = new Database(newer);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    expect(() => ws.services.backups.restore(newer)).toThrow(/newer Storybank/);

    expect(() => ws.services.backups.restore(path.join(dir, 'missing.sqlite'))).toThrow(/does not exist/);
    expect(dbFingerprint(ws.db)).toBe(before);
    expect(listBackups(ws.dbPath).filter((b) => b.kind === 'before-restore')).toEqual([]);
  });

  it('restores a backup of an older schema version, migrating a scratch copy', () => {
    const ws = workspace(false);
    const dir = path.dirname(ws.dbPath);
    const fixture = path.join(__dirname, '..', 'fixtures', 'schema', 'v3.sqlite');
    const old = path.join(dir, 'old.sqlite');
    fs.copyFileSync(fixture, old);
    ws.services.backups.restore(old);
    expect(ws.services.posts.list({}).length).toBeGreaterThan(0);
    expect(ws.services.posts.list({}).every((p) => p.revision === 1)).toBe(true);
    // the fixture itself is untouched
    expect(fs.readFileSync(old).equals(fs.readFileSync(fixture))).toBe(true);
  });

  it('automatic backups: one at start, another once the newest is a day old; rotation keeps 7 daily and 4 weekly', () => {
    const ws = workspace();
    const start = new Date('2026-11-01T09:00:00.000Z');
    expect(ws.services.backups.autoBackup(start)).not.toBeNull();
    expect(ws.services.backups.autoBackup(new Date(start.getTime() + 3_600_000))).toBeNull();
    for (let day = 1; day < 60; day++) ws.services.backups.autoBackup(new Date(start.getTime() + day * 86_400_000));
    const kept = listBackups(ws.dbPath).filter((b) => b.kind === 'auto');
    const days = kept.map((b) => b.createdAt.slice(0, 10));
    // the last 7 days, then one a week for the 4 most recent weeks (some of which the days cover)
    expect(days.slice(0, 7)).toEqual(['2026-12-30', '2026-12-29', '2026-12-28', '2026-12-27', '2026-12-26', '2026-12-25', '2026-12-24']);
    expect(kept.length).toBeLessThanOrEqual(11);
    expect(kept.length).toBeGreaterThanOrEqual(8);
    expect(days.at(-1)! < '2026-12-24').toBe(true);
  });

  it('rotation never deletes manual or before-restore backups', () => {
    const at = (kind: BackupInfo['kind'], day: number): BackupInfo => ({
      file: `/b/${kind}-${day}`,
      name: `${kind}-${day}`,
      kind,
      createdAt: new Date(Date.UTC(2026, 0, 1 + day, 12)).toISOString(),
      bytes: 1,
    });
    const all = [...Array.from({ length: 30 }, (_, d) => at('auto', d)), at('manual', 1), at('before-restore', 2)];
    const doomed = backupsToDelete(all, { keepDaily: 3, keepWeekly: 2 });
    expect(doomed.every((b) => b.kind === 'auto')).toBe(true);
    expect(all.length - doomed.length).toBeLessThanOrEqual(2 + 3 + 2);
  });

  it('the CLI backs up and restores', () => {
    const dir = tempDir();
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = path.join(dir, 'bank.sqlite');
    expect(runCli('init', '--demo', '--db', db).code).toBe(0);
    const file = path.join(dir, 'copy.sqlite');
    const backup = runCli('backup', '-o', file, '--db', db);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(`Backed up ${db} to ${file}`);
    expect(runCli('backup', '-o', file, '--db', db).stderr).toContain('already exists');
    const ws = openWorkspace({ dbPath: db, actAs: DEMO_OWNER.name });
    const before = withoutTime(ws.services.transfer.exportWorkspace());
    ws.services.workspace.update({ name: 'Changed' });
    ws.close();
    const restore = runCli('restore', file, '--db', db);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/Restored .* The workspace as it was is kept in .*before-restore-/);
    const after = openWorkspace({ dbPath: db });
    expect(withoutTime(after.services.transfer.exportWorkspace())).toEqual(before);
    after.close();
    const list = runCli('backup', '--list', '--json', '--db', db);
    expect(JSON.parse(list.stdout).backups.map((b: BackupInfo) => b.kind)).toEqual(['before-restore']);
  });
});

/** Gives the workspace the records a round trip used to drop: custom observances and export history. */
async function addHistory(ws: ReturnType<typeof tempWorkspace>) {
  const observances = ws.services.calendar.listObservances();
  const customObservance = { id: 'founders-day', name: 'Founders Day', kind: 'day' as const, rule: { type: 'fixedDate' as const, month: 5, day: 12, days: 1 }, enabled: true, note: 'Our founding, 1921' };
  ws.services.calendar.saveObservances([...observances.map((o, i) => (i === 0 ? { ...o, enabled: false } : o)), customObservance]);
  const approved = ws.services.posts.list({ statuses: ['approved'] });
  const dates = approved.map((p) => p.scheduledAt!.slice(0, 10)).sort();
  const out = path.join(path.dirname(ws.dbPath), 'exports');
  const result = await ws.dispatch('export.run', { format: 'json', from: dates[0], to: dates.at(-1)!, outputDir: out });
  if (!result.ok) throw new Error(result.error.message);
}

describe('the workspace JSON keeps everything', () => {
  it('export -> import into a new workspace -> export gives the same file, field by field', async () => {
    const ws = workspace();
    await addHistory(ws);
    ws.services.backups.setPolicy({ keepDaily: 10, keepWeekly: 6 });
    const first = ws.services.transfer.exportWorkspace();
    expect(first.exportBatches.length).toBe(1);
    expect(first.observances!.some((o) => o.id === 'founders-day')).toBe(true);

    const copy = workspace(false);
    copy.services.transfer.importWorkspace(first, { replace: true });
    const second = copy.services.transfer.exportWorkspace();
    for (const key of Object.keys(first) as Array<keyof typeof first>) {
      if (key === 'exportedAt') continue;
      expect({ [key]: second[key] }).toEqual({ [key]: first[key] });
    }
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
  });
});
