// Opening a file that is not a healthy Storybank workspace is refused with a message that says
// why and where to go next, and the file is left exactly as it was.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORYBANK_APPLICATION_ID, WorkspaceOpenError } from '../../src/main/db/connection';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openWorkspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';

const dirs: string[] = [];
const tempFile = (name = 'workspace.sqlite'): string => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, name);
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function expectRefused(file: string, problem: WorkspaceOpenError['problem'], message: RegExp): void {
  const before = fs.readFileSync(file);
  let error: unknown;
  try {
    openWorkspace({ dbPath: file }).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkspaceOpenError);
  expect((error as WorkspaceOpenError).problem).toBe(problem);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toMatch(/storybank doctor/);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
}

describe('opening a workspace', () => {
  it('marks new workspaces with Storybank\'s application_id', () => {
    const file = tempFile();
    openWorkspace({ dbPath: file }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(STORYBANK_APPLICATION_ID);
    db.close();
  });

  it('refuses an existing 0-byte file instead of turning it into an empty workspace', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    expectRefused(file, 'empty_file', /empty \(0 bytes\)/);
  });

  it('refuses a file that is not SQLite at all', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'name,email\nAna,ana@example.com\n'.repeat(200));
    expectRefused(file, 'not_sqlite', /not an SQLite database/);
  });

  it("refuses another application's SQLite file and adds no table to it", () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES (\'Ana\')');
    other.close();
    expectRefused(file, 'other_application', /another application/);
    // also through the CLI's read commands
    const cli = runCli('posts', 'list', '--db', file);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/another application/);
    const check = new Database(file, { readonly: true });
    expect((check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)).toEqual(['contacts']);
    check.close();
  });

  it('refuses a file with a foreign application_id', () => {
    const file = tempFile();
    const other = new Database(file);
    other.pragma('application_id = 12345');
    other.exec('CREATE TABLE posts (id TEXT)');
    other.close();
    expectRefused(file, 'other_application', /another application/);
  });

  it('refuses a damaged workspace, pointing to doctor and the backups', () => {
    const file = tempFile();
    const ws = openWorkspace({ dbPath: file, demo: true });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    // overwrite the middle of the file (table and index pages) with garbage
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16) || 65536;
    for (let page = 2; page < bytes.length / pageSize; page += 3) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    expectRefused(file, 'damaged', /damaged/);
  });

  it('adopts a workspace written before application_id existed', () => {
    const file = tempFile();
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((m) => m.version <= 3)) {
      old.exec(m.sql);
      old.pragma(`user_version = ${m.version}`);
    }
    old.close();
    openWorkspace({ dbPath: file }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(STORYBANK_APPLICATION_ID);
    db.close();
  });
});
