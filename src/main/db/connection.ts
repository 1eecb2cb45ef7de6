import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseVersionError extends Error {
  constructor(file: string, found: number, supported: number) {
    super(
      `${file} was written by a newer Storybank (schema version ${found}; this version supports up to ${supported}). ` +
        'Update Storybank to open it; the file was not changed.',
    );
    this.name = 'DatabaseVersionError';
  }
}

/** Opens (creating if needed) a workspace database and migrates it to the latest schema. */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // Check the version before anything writes (even switching to WAL rewrites the header).
    const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
    const found = schemaVersion(db);
    if (found > latest) throw new DatabaseVersionError(file, found, latest);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export { LATEST_SCHEMA_VERSION };
