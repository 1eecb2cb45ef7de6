import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase, schemaVersion, STORYBANK_APPLICATION_ID } from '../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { tempDir } from '../e2e/serve';

const dirs: string[] = [];
const tempDb = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'workspace.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const tableNames = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty database file to the latest version with WAL and foreign keys on', () => {
    const file = tempDb();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['categories', 'channels', 'ideas', 'post_channels', 'posts', 'settings']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('each migration applies on top of the previous version', () => {
    for (const migration of MIGRATIONS) {
      const file = tempDb();
      const upTo = MIGRATIONS.filter((m) => m.version <= migration.version);
      const db = openDatabase(file, { migrations: upTo });
      expect(schemaVersion(db)).toBe(migration.version);
      db.close();
      // reopening with all migrations continues from there
      const reopened = openDatabase(file);
      expect(schemaVersion(reopened)).toBe(LATEST_SCHEMA_VERSION);
      reopened.close();
    }
  });

  it('a failing migration leaves the database at the previous version', () => {
    const file = tempDb();
    const broken = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM no_such_table;' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/no_such_table/);
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).not.toContain('x');
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma(`application_id = ${STORYBANK_APPLICATION_ID}`);
    raw.exec('CREATE TABLE future_table (id TEXT)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(file)).toThrow(/newer Storybank \(schema version \d+; this version supports up to \d+\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
