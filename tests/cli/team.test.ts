// `storybank team …` as a person types it: set up, join, status, sync, and every bad input answered
// with a message and a non-zero exit, the workspace unchanged.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliWithEnv } from '../support/cli';
import { startCouch, type TestCouch } from '../support/couch';
import { tempDir } from '../e2e/serve';

let couch: TestCouch;
let dir: string;
const env = () => ({ XDG_CONFIG_HOME: path.join(dir, 'config') });
const cli = (extra: NodeJS.ProcessEnv, ...args: string[]) => runCliWithEnv({ ...env(), ...extra }, ...args);
const adminUrl = () => couch.url.replace('http://', `http://${couch.admin.name}:${couch.admin.password}@`);
const fingerprint = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(['posts', 'ideas', 'channels', 'team_state', 'team_outbox'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  couch = await startCouch();
  dir = tempDir('sb-team-cli-');
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('storybank team', () => {
  it('an admin sets up the team, adds people, and a planner joins; status and sync report in words and JSON', async () => {
    const a = path.join(dir, 'a.sqlite');
    expect(cli({}, 'init', '--demo', '--db', a).code).toBe(0);
    const init = cli({}, 'team', 'init', '--server', adminUrl(), '--workspace', 'Harbor Credit Union', '--from-workspace', '--db', a, '--json');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ database: 'harbor-credit-union', created: true, designVersion: 1, status: { mode: 'team', pending: 0, denied: 0 } });

    const user = cli({ STORYBANK_USER_PASSWORD: 'pat-password-1' }, 'team', 'user', '--server', adminUrl(), '--name', 'pat', '--roles', 'planner');
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain('Saved pat');

    const b = path.join(dir, 'b.sqlite');
    const join = cli({ STORYBANK_TEAM_PASSWORD: 'pat-password-1' }, 'team', 'join', '--server', couch.url, '--workspace', 'Harbor Credit Union', '--user', 'pat', '--db', b);
    expect(join.code, join.stderr).toBe(0);
    expect(join.stdout).toMatch(/Team workspace harbor-credit-union on http:\/\/127\.0\.0\.1:\d+, as pat: connected\./);
    // the password was kept for this user, outside the workspace: status and sync need no variable
    expect(fs.readFileSync(b).includes(Buffer.from('pat-password-1'))).toBe(false);
    const status = cli({}, 'team', 'status', '--db', b, '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ mode: 'team', user: 'pat', pending: 0, conflicts: 0, denied: 0 });
    const posts = JSON.parse(cli({}, 'posts', 'list', '--db', b, '--from', '2026-01-01', '--to', '2027-12-31', '--json').stdout);
    expect(posts.length).toBeGreaterThan(10);
    const sync = cli({}, 'team', 'sync', '--db', b);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('No changes waiting');

    const verify = cli({}, 'audit', 'verify', '--db', b);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/The team's other machines, each its own chain:\n {2}admin's machine \([0-9a-f-]+\): \d+ entries, intact/);
  }, 120_000);

  it('bad input: a message naming what is wrong, exit 1, the workspace unchanged', async () => {
    const solo = path.join(dir, 'solo.sqlite');
    expect(cli({}, 'init', '--demo', '--db', solo).code).toBe(0);
    const before = fingerprint(solo);
    // a join into a workspace file that does not exist yet leaves nothing behind when it fails
    const fresh = path.join(dir, 'fresh.sqlite');
    // a port nothing listens on (opened and closed again)
    const closedPort = await new Promise<string>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    const cases: Array<[NodeJS.ProcessEnv, string[], RegExp]> = [
      [{}, ['team', 'join', '--server', 'ftp://couch.bank', '--workspace', 'X', '--user', 'pat', '--db', solo], /--server: The server address must start with https:\/\//],
      [{}, ['team', 'join', '--server', 'not a url', '--workspace', 'X', '--user', 'pat', '--db', solo], /is not a server address/],
      [{}, ['team', 'join', '--server', couch.url, '--workspace', 'X', '--user', 'pat', '--db', solo], /no password for pat: set STORYBANK_TEAM_PASSWORD/],
      [{ STORYBANK_TEAM_PASSWORD: 'x' }, ['team', 'join', '--server', closedPort, '--workspace', 'X', '--user', 'pat', '--db', fresh], /Cannot reach the team server at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/],
      [{ STORYBANK_TEAM_PASSWORD: 'wrong' }, ['team', 'join', '--server', couch.url, '--workspace', 'Harbor Credit Union', '--user', 'pat', '--db', fresh], /refused pat|did not accept the name and password of pat/],
      [{ STORYBANK_TEAM_PASSWORD: 'pat-password-1' }, ['team', 'join', '--server', couch.url, '--workspace', 'No Such Bank', '--user', 'pat', '--db', fresh], /The server has no Storybank workspace "no-such-bank": ask your admin to run `storybank team init`|refused pat/],
      [{ STORYBANK_TEAM_PASSWORD: 'pat-password-1' }, ['team', 'join', '--server', couch.url, '--workspace', 'Harbor Credit Union', '--user', 'pat', '--db', solo], /already has content/],
      [{ STORYBANK_TEAM_PASSWORD: 'pat-password-1' }, ['team', 'join', '--server', couch.url, '--workspace', '123', '--user', 'pat', '--db', solo], /cannot name a workspace on the server/],
      [{ STORYBANK_USER_PASSWORD: 'long-enough-1' }, ['team', 'user', '--server', adminUrl(), '--name', 'sam', '--roles', 'planner,boss'], /--roles: "boss" is not a role; use planner, approver, contributor, admin/],
      [{}, ['team', 'user', '--server', adminUrl(), '--name', 'sam', '--roles', 'planner'], /set STORYBANK_USER_PASSWORD/],
      [{}, ['team', 'sync', '--db', solo], /This is a solo workspace: join a team first/],
    ];
    for (const [extra, args, message] of cases) {
      const result = cli(extra, ...args);
      expect(result.code, `${args.join(' ')}: ${result.stdout}`).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(fingerprint(solo)).toBe(before);
    expect(fs.existsSync(fresh)).toBe(false);
    expect(cli({}, 'team', 'status', '--db', solo).stdout).toContain('Solo workspace');
  }, 120_000);
});
