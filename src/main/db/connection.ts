import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** `PRAGMA application_id` of every Storybank workspace: "SBNK". Other applications' files are refused. */
export const STORYBANK_APPLICATION_ID = 0x53424e4b;

/** Where to look when a workspace cannot be opened. */
const RECOVERY_HINT = 'Check it with `storybank doctor --db FILE`, or restore one of its backups (`storybank restore`).';

export class DatabaseVersionError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `${file} was written by a newer Storybank (schema version ${found}; this version supports up to ${supported}). ` +
        'Update Storybank to open it; the file was not changed.',
    );
    this.name = 'DatabaseVersionError';
  }
}

export type WorkspaceOpenProblem = 'not_a_file' | 'empty_file' | 'not_sqlite' | 'other_application' | 'damaged';

/** A file that is not a healthy Storybank workspace; nothing was written to it. */
export class WorkspaceOpenError extends Error {
  constructor(
    readonly file: string,
    readonly problem: WorkspaceOpenProblem,
    reason: string,
  ) {
    super(`${file} cannot be opened: ${reason}. Nothing was written to it. ${RECOVERY_HINT.replace('FILE', file)}`);
    this.name = 'WorkspaceOpenError';
  }
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** Run the quick integrity check before anything else (default true; `doctor` opens damaged files). */
  check?: boolean;
  readonly?: boolean;
}

const sqliteCode = (error: unknown): string => (error as { code?: unknown })?.code?.toString() ?? '';

/** Opens (creating if needed) a workspace database and migrates it to the latest schema. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const isMemory = file === ':memory:';
  const existed = !isMemory && fs.existsSync(file);
  if (existed) refuseUnusableFile(file);
  else if (!isMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: existed });
  try {
    if (existed) checkExistingDatabase(db, file, options.check ?? true);
    // Check the version before anything writes (even switching to WAL rewrites the header).
    const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
    const found = schemaVersion(db);
    if (found > latest) throw new DatabaseVersionError(file, found, latest);
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      migrate(db, file, migrations);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A path that exists but cannot hold a workspace: a folder, a device, or a 0-byte file. */
function refuseUnusableFile(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new WorkspaceOpenError(file, 'not_a_file', 'it is not a regular file');
  // SQLite would silently turn an empty file into an empty workspace; an existing empty file is a lost one.
  if (stat.size === 0) throw new WorkspaceOpenError(file, 'empty_file', 'the file is empty (0 bytes), so it holds no workspace');
}

function checkExistingDatabase(db: Db, file: string, quickCheck: boolean): void {
  let applicationId: number;
  let version: number;
  let tables: string[];
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = schemaVersion(db);
    tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw new WorkspaceOpenError(file, 'not_sqlite', 'it is not an SQLite database (or its header is damaged)');
    if (code.startsWith('SQLITE_CORRUPT')) throw new WorkspaceOpenError(file, 'damaged', 'the database is damaged');
    throw error;
  }
  const foreign =
    (applicationId !== 0 && applicationId !== STORYBANK_APPLICATION_ID) ||
    // Workspaces from before application_id was set have Storybank's tables and a schema version.
    (applicationId === 0 && tables.length > 0 && (version === 0 || !tables.includes('posts')));
  if (foreign) throw new WorkspaceOpenError(file, 'other_application', 'it belongs to another application, not Storybank');
  if (quickCheck) {
    const problems = integrityProblems(db, 'quick_check', 1);
    if (problems.length) throw new WorkspaceOpenError(file, 'damaged', `the database is damaged (${problems[0]})`);
  }
}

/** One line per problem: SQLite puts "*** in database main ***" and a newline before the first. */
const integrityProblemText = (problem: string): string =>
  problem.replace(/\*\*\* in database \w+ \*\*\*\s*/, '').replace(/\s*\n\s*/g, '; ');

/**
 * SQLite's quick or full integrity check, at most `limit` problems, one line each; an empty list
 * means healthy. A check that cannot even run (a page too damaged to read) is itself the problem.
 */
export function integrityProblems(db: Db, check: 'quick_check' | 'integrity_check', limit: number): string[] {
  try {
    const rows = db.pragma(`${check}(${limit})`) as Record<string, string>[];
    return rows.map((r) => r[check]).filter((r) => r !== 'ok').map(integrityProblemText);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration, each in its own transaction; refuses a database from the future. */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseVersionError(file, current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Another process may have applied it while this one waited for the write lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  if ((db.pragma('application_id', { simple: true }) as number) !== STORYBANK_APPLICATION_ID) {
    db.pragma(`application_id = ${STORYBANK_APPLICATION_ID}`);
  }
}

export { LATEST_SCHEMA_VERSION };
