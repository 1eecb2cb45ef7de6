// Backups of a workspace: consistent copies made with SQLite's VACUUM INTO (which includes what is
// still in the -wal file, unlike copying the file), rotated (7 daily, 4 weekly by default), and
// restored inside one write transaction of the live database, so every open window and process
// sees the old workspace or the restored one, never a mix. The workspace being replaced is backed
// up first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { BackupPolicy, DEFAULT_BACKUP_POLICY, type BackupInfo, type BackupKind } from '../../shared/api/backups';
import {
  DatabaseVersionError,
  integrityProblems,
  LATEST_SCHEMA_VERSION,
  openDatabase,
  schemaVersion,
  WorkspaceOpenError,
  type Db,
} from '../db/connection';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import type { AuditService } from './review/audit';
import { ServiceError, storageFailure } from './errors';

const POLICY_KEY = 'backup.policy';
const DAY_MS = 86_400_000;
/** `auto-2026-12-01T09-12-38-123Z.sqlite` */
const BACKUP_NAME = /^(auto|manual|before-restore)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

/** The folder beside the workspace: `storybank.sqlite` -> `storybank-backups/`. */
export function backupFolder(dbPath: string): string {
  const parsed = path.parse(path.resolve(dbPath));
  return path.join(parsed.dir, `${parsed.name}-backups`);
}

const stamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');

function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const m = BACKUP_NAME.exec(name);
  return m ? { kind: m[1] as BackupKind, createdAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z` } : null;
}

/** Every backup in the workspace's backup folder, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const folder = backupFolder(dbPath);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const parsed = parseBackupName(name);
      if (!parsed) return [];
      const file = path.join(folder, name);
      return [{ file, name, ...parsed, bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A consistent copy of the open database at `target` (written beside it, then renamed into place). */
export function writeBackup(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw storageFailure(error, path.dirname(target)) ?? error;
  }
}

/** ISO week key (`2026-W49`) of an instant, for the weekly generation. */
const isoWeek = (iso: string): string => format(new Date(iso), "RRRR-'W'II");

/**
 * Which automatic backups to keep: the newest of each of the `keepDaily` most recent days, and
 * the newest of each of the `keepWeekly` most recent weeks. Manual ones are never rotated.
 */
export function backupsToDelete(backups: readonly BackupInfo[], policy: BackupPolicy): BackupInfo[] {
  const auto = backups.filter((b) => b.kind === 'auto').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const generation = (key: (b: BackupInfo) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of auto) {
      const k = key(backup);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(backup.file);
    }
  };
  generation((b) => b.createdAt.slice(0, 10), policy.keepDaily);
  generation((b) => isoWeek(b.createdAt), policy.keepWeekly);
  return auto.filter((b) => !keep.has(b.file));
}

/**
 * Checks a file before it may replace the workspace: a Storybank workspace (application_id), not
 * from a newer Storybank, and intact (full integrity check). Returns its schema version.
 */
export function checkBackupFile(file: string): number {
  if (!fs.existsSync(file)) throw new ServiceError('not_found', `${file} does not exist.`);
  let db: Database.Database;
  try {
    // the full integrity check below covers the quick one
    db = openDatabase(file, { readonly: true, check: false });
  } catch (error) {
    if (error instanceof WorkspaceOpenError || error instanceof DatabaseVersionError) {
      throw new ServiceError('validation', error.message.replace(/ Check it with.*$/, ''));
    }
    throw error;
  }
  try {
    const problems = integrityProblems(db, 'integrity_check', 5);
    if (problems.length) throw new ServiceError('validation', `${file} is damaged (${problems[0]}); it cannot be restored.`);
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

const backupInfo = (file: string, kind: BackupKind, createdAt: Date): BackupInfo => ({
  file: path.resolve(file),
  name: path.basename(file),
  kind,
  createdAt: createdAt.toISOString(),
  bytes: fs.statSync(file).size,
});

/** The tables a workspace holds, in an order where parents come before children. */
function workspaceTables(db: Db, schema: 'main' | 'src'): string[] {
  return (db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as { name: string }[]).map(
    (t) => t.name,
  );
}

export function createBackupService(repos: Repositories, dbPath: string, access: Access, audit: Pick<AuditService, 'record'>) {
  const { db } = repos;

  const policy = (): BackupPolicy => {
    const stored = repos.settings.get(POLICY_KEY);
    return stored ? BackupPolicy.parse(JSON.parse(stored)) : DEFAULT_BACKUP_POLICY;
  };

  const create = (kind: BackupKind, now = new Date()): BackupInfo => {
    const folder = backupFolder(dbPath);
    const name = `${kind}-${stamp(now)}.sqlite`;
    const file = path.join(folder, name);
    writeBackup(db, file);
    return backupInfo(file, kind, now);
  };

  const rotate = (): string[] => {
    const doomed = backupsToDelete(listBackups(dbPath), policy());
    for (const backup of doomed) fs.rmSync(backup.file, { force: true });
    return doomed.map((b) => b.file);
  };

  return {
    folder: () => backupFolder(dbPath),
    list: (): BackupInfo[] => listBackups(dbPath),
    policy,
    /** Records the rotation policy (the workspace file's import uses this too; it deletes nothing). */
    storePolicy(next: BackupPolicy): void {
      repos.transaction(() => repos.settings.set(POLICY_KEY, JSON.stringify(BackupPolicy.parse(next))));
    },
    /** Records the policy and rotates the backup folder by it. */
    setPolicy(next: BackupPolicy): BackupPolicy {
      access.require('admin', 'change the backup settings');
      this.storePolicy(next);
      rotate();
      return policy();
    },
    /** A backup into the backup folder now (the app's "Back up now"). */
    backupNow: (): BackupInfo => create('manual'),
    /** A backup to a file the user named (CLI `backup -o FILE`). */
    backupTo(file: string): BackupInfo {
      writeBackup(db, file);
      return backupInfo(file, 'manual', new Date());
    },
    /** The automatic backup: made when the newest is older than `maxAgeMs` (on start, then hourly checks); then rotated. */
    autoBackup(now = new Date(), maxAgeMs = DAY_MS): BackupInfo | null {
      const newest = listBackups(dbPath).find((b) => b.kind === 'auto');
      if (newest && now.getTime() - Date.parse(newest.createdAt) < maxAgeMs) return null;
      const made = create('auto', now);
      rotate();
      return made;
    },
    rotate,

    /** Restore by name from the backup folder (the app: nothing outside it). */
    restoreNamed(name: string): { restored: string; safetyCopy: BackupInfo } {
      access.require('admin', 'restore backups');
      const backup = listBackups(dbPath).find((b) => b.name === name);
      if (!backup) throw new ServiceError('not_found', `There is no backup named ${name} in ${backupFolder(dbPath)}.`);
      return this.restore(backup.file);
    },

    /**
     * Replaces the workspace's content by the backup's, in one write transaction of the live
     * database. The current workspace is backed up first (kind `before-restore`).
     */
    restore(file: string): { restored: string; safetyCopy: BackupInfo } {
      access.require('admin', 'restore backups');
      const version = checkBackupFile(file);
      // An older backup is brought to the current schema in a scratch copy first.
      let source = path.resolve(file);
      let scratch: string | null = null;
      if (version < LATEST_SCHEMA_VERSION) {
        scratch = path.join(backupFolder(dbPath), `.restore-${process.pid}-${Date.now()}.sqlite`);
        fs.mkdirSync(path.dirname(scratch), { recursive: true });
        fs.copyFileSync(source, scratch);
        openDatabase(scratch).close();
        source = scratch;
      }
      const safetyCopy = create('before-restore');
      try {
        db.prepare('ATTACH DATABASE ? AS src').run(source);
        try {
          repos.transaction(() => {
            db.pragma('defer_foreign_keys = ON');
            // The audit trail is never rolled back: a restore keeps every entry and adds its own.
            const tables = workspaceTables(db, 'main').filter((t) => t !== 'audit_log');
            const incoming = new Set(workspaceTables(db, 'src'));
            for (const table of [...tables].reverse()) db.prepare(`DELETE FROM main."${table}"`).run();
            for (const table of tables) {
              if (!incoming.has(table)) continue;
              const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
              db.prepare(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM src."${table}"`).run();
            }
            audit.record({ kind: 'backup.restore', subjectType: 'workspace', subjectId: null, body: { file: path.basename(file), safetyCopy: safetyCopy.name } });
          });
        } finally {
          db.prepare('DETACH DATABASE src').run();
        }
      } finally {
        if (scratch) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${scratch}${suffix}`, { force: true });
      }
      return { restored: path.resolve(file), safetyCopy };
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

const HOUR_MS = 3_600_000;

/**
 * Automatic backups while the app or the browser host is open: one at start (after the first
 * paint, so start-up is not slowed) and one whenever the newest is a day old, checked hourly.
 * A failure is reported, never fatal.
 */
export function scheduleAutoBackups(backups: BackupService, report: (message: string) => void): () => void {
  const run = (): void => {
    try {
      backups.autoBackup();
    } catch (error) {
      report(`storybank: automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const first = setTimeout(run, 2000);
  const hourly = setInterval(run, HOUR_MS);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
