// Crashes of a team machine (issue 11, test 4): 20 SIGKILLs, alternately of a machine that edits
// and sends (killed mid-write or mid-push) and of one that only receives (killed while it applies
// what arrived). After every kill the workspace passes PRAGMA integrity_check and holds every
// write it reported; at the end both machines, and a new machine that replays the server from
// scratch, have the same workspace.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER } from '../../src/main/demo/seed';
import { openWorkspace, type Workspace } from '../../src/main/workspace';
import { folderCredentialStore } from '../../src/main/services/team/credentials';
import { initTeamDatabase, type Credentials } from '../../src/main/services/team/server';
import { runAndKill } from '../support/kill';
import { startCouch, type TestCouch } from '../support/couch';
import { tempDir } from '../e2e/serve';

const CLIENT = path.join(__dirname, '..', 'support', 'team-crash-client.ts');
const KILLS = 20;
let couch: TestCouch;
let planner: Credentials;
let database: string;
const folders: string[] = [];

const machineDb = (name: string): string => {
  const dir = tempDir(`sb-crash-${name}-`);
  folders.push(dir);
  return path.join(dir, 'workspace.sqlite');
};
const open = (dbPath: string, demo = false): Workspace => openWorkspace({ dbPath, demo, credentials: folderCredentialStore(path.join(path.dirname(dbPath), 'secrets')) });


/** "run R edit I" as a number that grows with every edit. */
const order = (notes: string): number => {
  const match = /^run (\d+) edit (\d+)$/.exec(notes);
  return match ? Number(match[1]) * 100_000 + Number(match[2]) : -1;
};

const workspaceJson = (ws: Workspace) => {
  const { exportedAt: _a, exportBatches: _b, backupPolicy: _p, ...file } = ws.services.transfer.exportWorkspace();
  return JSON.parse(JSON.stringify(file, (key, value) => (key === 'revision' ? undefined : value)));
};

beforeAll(async () => {
  couch = await startCouch();
  planner = await couch.addUser('wes', ['planner']);
  database = couch.freshName('crash');
  await initTeamDatabase({ url: couch.url, database }, couch.admin);
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('a team machine killed during sync', () => {
  it(`${KILLS} SIGKILLs while writing, sending and applying: no write lost, integrity ok, both machines equal a full replay`, async () => {
    const writer = machineDb('writer');
    const reader = machineDb('reader');
    let ws = open(writer, true);
    ws.services.session.select(ws.services.session.resolve(DEMO_OWNER.name).id, false);
    await ws.services.team.join({ server: couch.url, database, user: couch.admin.name, password: couch.admin.password, everything: true });
    await ws.services.team.close();
    ws.close();
    ws = open(reader);
    await ws.services.team.join({ server: couch.url, database, user: planner.name, password: planner.password });
    await ws.services.team.close();
    ws.close();

    const reported = new Map<string, number>();
    let seed = 4242;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < KILLS; run++) {
      const role = run % 2 === 0 ? 'writer' : 'reader';
      const dbPath = role === 'writer' ? writer : reader;
      const lines = await runAndKill(CLIENT, [dbPath, role, String(run)], 150 + Math.floor(random() * 1200));
      for (const line of lines) {
        const [, postId, ...notes] = line.split(' ');
        reported.set(postId!, Math.max(reported.get(postId!) ?? -1, order(notes.join(' '))));
      }
      const check = open(dbPath);
      try {
        expect(check.db.pragma('integrity_check', { simple: true }), `after kill ${run}`).toBe('ok');
        expect(check.db.pragma('foreign_key_check')).toEqual([]);
        if (role === 'writer') for (const [postId, edit] of reported) expect(order(check.services.posts.get(postId).notes), `kill ${run}: ${postId}`).toBeGreaterThanOrEqual(edit);
      } finally {
        await check.services.team.close();
        check.close();
      }
    }
    expect(reported.size).toBeGreaterThan(5);

    // both machines finish syncing; a third replays the server from nothing
    const w = open(writer);
    const r = open(reader);
    const fresh = open(machineDb('replay'));
    try {
      for (let round = 0; round < 2; round++) {
        await w.services.team.syncOnce();
        await r.services.team.syncOnce();
      }
      await fresh.services.team.join({ server: couch.url, database, user: planner.name, password: planner.password });
      for (const [postId, edit] of reported) expect(order(r.services.posts.get(postId).notes), postId).toBeGreaterThanOrEqual(edit);
      expect(workspaceJson(r)).toEqual(workspaceJson(w));
      expect(workspaceJson(fresh)).toEqual(workspaceJson(w));
      for (const m of [w, r, fresh]) expect(m.services.team.status()).toMatchObject({ pending: 0, conflicts: 0, denied: 0, invalid: 0 });
      expect(await r.services.team.revisions()).toEqual(await w.services.team.revisions());
    } finally {
      for (const m of [w, r, fresh]) {
        await m.services.team.close();
        m.close();
      }
    }
  }, 300_000);
});
