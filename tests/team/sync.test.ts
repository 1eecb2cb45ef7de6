// Team workspaces (issue 11): real SQLite workspaces, each with its own PouchDB replica, syncing
// through the CouchDB stand-in on 127.0.0.1, each behind a TCP proxy the test cuts and restores.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER } from '../../src/main/demo/seed';
import { openWorkspace, type Workspace } from '../../src/main/workspace';
import { folderCredentialStore } from '../../src/main/services/team/credentials';
import { initTeamDatabase, type Credentials } from '../../src/main/services/team/server';
import type { TeamStatus } from '../../src/shared/api/team';
import type { WorkspaceFile } from '../../src/shared/workspace-file';
import { tempDir } from '../e2e/serve';
import { startCouch, type TestCouch } from '../support/couch';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { runCliAsync } from '../support/cli';

let couch: TestCouch;
let planner: Credentials;
let secondPlanner: Credentials;
let approver: Credentials;
let contributor: Credentials;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  couch = await startCouch();
  planner = await couch.addUser('pat', ['planner', 'admin']);
  secondPlanner = await couch.addUser('pia', ['planner']);
  approver = await couch.addUser('amy', ['approver']);
  contributor = await couch.addUser('cal', ['contributor']);
}, 60_000);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await couch?.stop();
});

interface Machine {
  ws: Workspace;
  dbPath: string;
  proxy: TcpProxy;
  join(user: Credentials, everything?: boolean): Promise<TeamStatus>;
}

/** One machine: its own folder, workspace file, replica, password store and link to the server. */
async function machine(database: string, opts: { demo?: boolean } = {}): Promise<Machine> {
  const dir = tempDir('sb-team-');
  const dbPath = path.join(dir, 'workspace.sqlite');
  const proxy = await startTcpProxy(couch.url);
  const ws = openWorkspace({ dbPath, demo: opts.demo, credentials: folderCredentialStore(path.join(dir, 'secrets')) });
  if (opts.demo) ws.services.session.select(ws.services.session.resolve(DEMO_OWNER.name).id, false);
  cleanups.push(async () => {
    await ws.services.team.close();
    ws.close();
    await proxy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    ws,
    dbPath,
    proxy,
    join: (user, everything) => ws.services.team.join({ server: proxy.url, database, user: user.name, password: user.password, everything }),
  };
}

async function teamDatabase(): Promise<string> {
  const database = couch.freshName('team');
  await initTeamDatabase({ url: couch.url, database }, couch.admin);
  return database;
}

/**
 * The usual team: the admin's demo workspace becomes the team's (`team init --from-workspace`), then
 * signs in as the planner (A); a second machine joins as `second` (B).
 */
async function teamOfTwo(second: Credentials) {
  const database = await teamDatabase();
  const a = await machine(database, { demo: true });
  await a.join(couch.admin, true);
  await a.ws.services.team.join({ server: a.proxy.url, database, user: planner.name, password: planner.password });
  const b = await machine(database);
  await b.join(second);
  return { database, a, b };
}

/**
 * The workspace as its JSON export, without the moment of export and this machine's own export
 * history and backups; `revision` is each machine's own edit counter (for compare-and-set), so a
 * comparison between machines leaves it out.
 */
const exported = (m: Machine, { revisions = true } = {}): Omit<WorkspaceFile, 'exportedAt' | 'exportBatches' | 'backupPolicy'> => {
  const { exportedAt: _at, exportBatches: _batches, backupPolicy: _backups, ...file } = m.ws.services.transfer.exportWorkspace();
  return revisions ? file : JSON.parse(JSON.stringify(file, (key, value) => (key === 'revision' ? undefined : value)));
};

/** Every document id and revision in a database (replica or server), design documents aside. */
async function revisions(db: PouchDB.Database): Promise<Array<[string, string]>> {
  const all = await db.allDocs({});
  return all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev]);
}
const serverDb = (database: string) => new PouchDB(`${couch.url}/${database}`, { auth: { username: couch.admin.name, password: couch.admin.password }, skip_setup: true });

describe('a solo workspace becomes a team workspace, and a second machine joins it', () => {
  it('loses nothing: the JSON export is the same before, after, and on the joining machine', async () => {
    const database = await teamDatabase();
    const a = await machine(database, { demo: true });
    const before = exported(a);
    // the first machine is the admin's, as `team init --from-workspace` does it: its approvals are the bank's record
    const status = await a.join(couch.admin, true);
    expect(status, JSON.stringify(status)).toMatchObject({ mode: 'team', connection: 'online', pending: 0, conflicts: 0, denied: 0 });
    expect(exported(a)).toEqual(before);

    const b = await machine(database);
    await b.join(secondPlanner);
    expect(exported(b, { revisions: false })).toEqual(exported(a, { revisions: false }));
    expect(b.ws.services.workspace.get().name).toBe('Riverside Community Bank');
    // the password is kept outside the workspace file
    expect(fs.readFileSync(b.dbPath).includes(Buffer.from(secondPlanner.password))).toBe(false);
  }, 120_000);

  it("from the app (Settings › Team, share): the CouchDB admin creates the team's database and sends the workspace", async () => {
    const database = couch.freshName('shared');
    const a = await machine(database, { demo: true });
    const result = await a.ws.dispatch('team.join', { server: a.proxy.url, workspace: database, user: couch.admin.name, password: couch.admin.password, mode: 'share' });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, value: { mode: 'team', database, pending: 0, denied: 0 } });
    expect((await revisions(serverDb(database))).filter(([id]) => id.startsWith('post:')).length).toBe(a.ws.services.posts.list({}).length);
    // a planner cannot create a team database: the server says so, and the workspace stays solo
    const b = await machine(couch.freshName('shared'), { demo: true });
    const refused = await b.ws.dispatch('team.join', { server: b.proxy.url, workspace: couch.freshName('other'), user: planner.name, password: planner.password, mode: 'share' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/refused pat/) } });
    expect(b.ws.services.team.status()).toEqual({ mode: 'solo' });
  }, 60_000);

  it('a machine with its own content cannot join (it would mix two workspaces)', async () => {
    const database = await teamDatabase();
    const demo = await machine(database, { demo: true });
    await expect(demo.join(secondPlanner)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/already has content/) });
    expect(demo.ws.services.team.status()).toEqual({ mode: 'solo' });
  }, 60_000);
});

describe('offline edits on two machines converge', () => {
  it('200 edits on each while the link is cut, synced by two app processes: identical documents, revisions and exports everywhere', async () => {
    const { database, a, b } = await teamOfTwo(secondPlanner);

    a.proxy.cut();
    b.proxy.cut();
    const posts = a.ws.services.posts.list({});
    const half = Math.floor(posts.length / 2);
    // A edits the first half of the posts and creates some; B edits the second half and adds ideas
    for (let i = 0; i < 200; i++) {
      if (i < 150) {
        const post = a.ws.services.posts.get(posts[i % half]!.id);
        a.ws.services.posts.update({ id: post.id, revision: post.revision, notes: `A note ${i}` });
      } else a.ws.services.posts.create({ title: `A's new post ${i}`, baseText: `Written offline on A (${i})` });
    }
    for (let i = 0; i < 200; i++) {
      if (i < 150) {
        const post = b.ws.services.posts.get(posts[half + (i % (posts.length - half))]!.id);
        b.ws.services.posts.update({ id: post.id, revision: post.revision, notes: `B note ${i}` });
      } else b.ws.services.ideas.create({ title: `B's idea ${i}`, story: `Heard at the branch (${i})` });
    }
    await expect(a.ws.services.team.syncOnce()).rejects.toMatchObject({ code: 'unreachable' });
    const waiting = a.ws.services.team.status();
    expect(waiting).toMatchObject({ connection: 'offline' });
    expect(waiting.mode === 'team' && waiting.offlineSince).toBeTruthy();

    a.proxy.restore();
    b.proxy.restore();
    // the reconnect, as two app processes of their own: `storybank team sync` on each machine's folder
    for (const m of [a, b]) await m.ws.services.team.close(); // the replica is one process's at a time
    for (const m of [a, b, a]) {
      const user = m === a ? planner : secondPlanner;
      const result = await runCliAsync({ STORYBANK_TEAM_PASSWORD: user.password }, 'team', 'sync', '--db', m.dbPath, '--json');
      expect(result.code, result.stderr).toBe(0);
    }

    const server = await revisions(serverDb(database));
    // every post (the demo's and A's 50 new ones), B's 50 ideas and the demo's, channels, categories, settings
    expect(server.filter(([id]) => id.startsWith('post:')).length).toBe(posts.length + 50);
    expect(server.filter(([id]) => id.startsWith('idea:')).length).toBe(a.ws.services.ideas.list().length);
    const statusA = a.ws.services.team.status();
    const statusB = b.ws.services.team.status();
    expect([statusA, statusB].map((s) => s.mode === 'team' && [s.pending, s.conflicts, s.denied, s.invalid])).toEqual([[0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(exported(a, { revisions: false })).toEqual(exported(b, { revisions: false }));
    const a1 = exported(a);
    expect(a1.posts.filter((p) => p.notes.startsWith('A note')).length).toBe(half);
    expect(a1.posts.filter((p) => p.notes.startsWith('B note')).length).toBe(posts.length - half);
    expect(a1.posts.filter((p) => p.title.startsWith("A's new post")).length).toBe(50);
    expect(a1.ideas.filter((i) => i.title.startsWith("B's idea")).length).toBe(50);
    // the same revision of every document on both machines and the server
    const revA = await a.ws.services.team.revisions();
    const revB = await b.ws.services.team.revisions();
    expect(revA).toEqual(server);
    expect(revB).toEqual(server);
  }, 180_000);
});

describe('two people edit the same post while apart', () => {
  it('both versions survive and are listed; a merge leaves one, losing no text, and is audited', async () => {
    const { a, b } = await teamOfTwo(secondPlanner);
    const target = a.ws.services.posts.list({}).find((p) => p.status === 'draft')!;

    a.proxy.cut();
    b.proxy.cut();
    const onA = a.ws.services.posts.get(target.id);
    a.ws.services.posts.update({ id: onA.id, revision: onA.revision, baseText: 'Version A: Ana finished the Boston Marathon.' });
    const onB = b.ws.services.posts.get(target.id);
    b.ws.services.posts.update({ id: onB.id, revision: onB.revision, baseText: 'Version B: Ana ran 26.2 miles for the food bank.' });
    await expect(b.ws.services.team.syncOnce()).rejects.toMatchObject({ code: 'unreachable' });
    a.proxy.restore();
    b.proxy.restore();
    // the reconnect, as two app processes of their own: `storybank team sync` on each machine's folder
    for (const m of [a, b]) await m.ws.services.team.close(); // the replica is one process's at a time
    for (const m of [a, b, a]) {
      const user = m === a ? planner : secondPlanner;
      const result = await runCliAsync({ STORYBANK_TEAM_PASSWORD: user.password }, 'team', 'sync', '--db', m.dbPath, '--json');
      expect(result.code, result.stderr).toBe(0);
    }

    const docId = `post:${target.id}`;
    for (const m of [a, b]) expect(m.ws.services.team.status()).toMatchObject({ conflicts: 1 });
    const versions = await a.ws.services.team.conflictVersions(docId);
    expect(versions.map((v) => (v.record as { baseText: string }).baseText).sort()).toEqual(['Version A: Ana finished the Boston Marathon.', 'Version B: Ana ran 26.2 miles for the food bank.']);
    expect(versions.map((v) => v.updatedBy).sort()).toEqual([planner.name, secondPlanner.name].sort());
    // both machines show the same version meanwhile
    expect(a.ws.services.posts.get(target.id).baseText).toBe(b.ws.services.posts.get(target.id).baseText);

    const merged = { ...a.ws.services.posts.get(target.id), baseText: 'Ana finished the Boston Marathon: 26.2 miles for the food bank.' };
    await a.ws.services.team.resolve({ docId, merged });
    await a.ws.services.team.syncOnce();
    await b.ws.services.team.syncOnce();
    for (const m of [a, b]) {
      expect(m.ws.services.team.status()).toMatchObject({ conflicts: 0, pending: 0 });
      expect(m.ws.services.posts.get(target.id).baseText).toBe(merged.baseText);
    }
    expect(await a.ws.services.team.conflictVersions(docId)).toHaveLength(1);
    const entry = a.ws.services.audit.forSubject(target.id).find((e) => e.kind === 'team.conflict_resolved')!;
    expect(JSON.stringify(entry.body)).toContain('Version A: Ana finished the Boston Marathon.');
    expect(JSON.stringify(entry.body)).toContain('Version B: Ana ran 26.2 miles for the food bank.');
  }, 120_000);

  it('keeping one version is the same on every machine', async () => {
    const { a, b } = await teamOfTwo(secondPlanner);
    const target = a.ws.services.ideas.list()[0]!;
    a.proxy.cut();
    const ideaA = a.ws.services.ideas.get(target.id).idea;
    a.ws.services.ideas.update({ id: ideaA.id, revision: ideaA.revision, notes: 'Call Ana on Monday' });
    const ideaB = b.ws.services.ideas.get(target.id).idea;
    b.ws.services.ideas.update({ id: ideaB.id, revision: ideaB.revision, notes: 'Ana prefers e-mail' });
    await b.ws.services.team.syncOnce();
    a.proxy.restore();
    await a.ws.services.team.syncOnce();
    await b.ws.services.team.syncOnce();
    const docId = `idea:${target.id}`;
    const versions = await b.ws.services.team.conflictVersions(docId);
    const keep = versions.find((v) => (v.record as { notes: string }).notes === 'Call Ana on Monday')!;
    await b.ws.services.team.resolve({ docId, keep: keep.rev });
    await b.ws.services.team.syncOnce();
    await a.ws.services.team.syncOnce();
    expect([a, b].map((m) => m.ws.services.ideas.get(target.id).idea.notes)).toEqual(['Call Ana on Monday', 'Call Ana on Monday']);
    expect([a, b].map((m) => m.ws.services.team.status()).map((s) => s.mode === 'team' && s.conflicts)).toEqual([0, 0]);
  }, 120_000);
});

describe('a change the server refuses', () => {
  it("is flagged as denied in the writer's copy, never reaches the others, and can be reverted to the server's version", async () => {
    const database = await teamDatabase();
    const a = await machine(database, { demo: true });
    await a.join(couch.admin, true);
    const demoted = await couch.addUser('dee', ['planner']);
    const d = await machine(database);
    await d.join(demoted);
    // the admin takes the planner role away on the server; D's copy does not know it yet
    await couch.addUser('dee', ['contributor'], demoted.password);
    const post = d.ws.services.posts.list({}).find((p) => p.status === 'draft')!;
    const original = post.baseText;
    d.ws.services.posts.update({ id: post.id, revision: post.revision, baseText: 'Open a Bonus Checking account today!' });
    const status = await d.ws.services.team.syncOnce();
    expect(status).toMatchObject({ denied: 1 });
    expect(status.mode === 'team' && status.flagged).toEqual([expect.objectContaining({ docId: `post:${post.id}`, state: 'denied', message: expect.stringMatching(/only planners and approvers may change posts/) })]);
    // the refused change stays in the writer's copy until resolved
    expect(d.ws.services.posts.get(post.id).baseText).toBe('Open a Bonus Checking account today!');
    await a.ws.services.team.syncOnce();
    expect(a.ws.services.posts.get(post.id).baseText).toBe(original);

    await d.ws.services.team.revert(`post:${post.id}`);
    expect(d.ws.services.posts.get(post.id).baseText).toBe(original);
    const after = await d.ws.services.team.syncOnce();
    expect(after).toMatchObject({ denied: 0, pending: 0 });
    await a.ws.services.team.syncOnce();
    expect(a.ws.services.posts.get(post.id).baseText).toBe(original);
    const entry = d.ws.services.audit.forSubject(post.id).find((e) => e.kind === 'team.denied_reverted')!;
    expect(JSON.stringify(entry.body)).toContain('Open a Bonus Checking account today!');
  }, 120_000);

  it("what the server would refuse is refused on the machine already, by the signed-in user's roles there", async () => {
    const { a, b: d } = await teamOfTwo(contributor);
    const post = d.ws.services.posts.list({})[0]!;
    // the contributor's local profile (the workspace owner) has every role; the server account does not
    expect(() => d.ws.services.posts.update({ id: post.id, revision: post.revision, baseText: 'Open a Bonus Checking account today!' })).toThrow(/signs in to the team's server as cal \(contributor\): to edit posts there, cal needs the planner role/);
    // Morgan is an approver among A's people, but A signs in to the server as the planner
    a.ws.services.session.select(a.ws.services.session.resolve('Morgan Lee').id, false);
    const inReview = a.ws.services.posts.list({ statuses: ['in_review'] })[0]!;
    expect(() => a.ws.services.reviews.approve(inReview.id, inReview.revision)).toThrow(/as pat \(planner, admin\).*needs the approver role/);
    expect(a.ws.services.posts.get(inReview.id).status).toBe('in_review');
    expect(a.ws.services.team.status()).toMatchObject({ pending: 0 });
  }, 120_000);

  it('an approval on the approver\'s machine reaches everyone, with its audit entry in that machine\'s chain', async () => {
    const { a, b: c } = await teamOfTwo(approver);
    const draft = a.ws.services.posts.list({}).find((p) => p.status === 'draft' && p.scheduledAt && p.channelIds.length && p.images.every((i) => i.alt))!;
    a.ws.services.reviews.submit(draft.id, draft.revision);
    await a.ws.services.team.syncOnce();
    await c.ws.services.team.syncOnce();
    const onC = c.ws.services.posts.get(draft.id);
    expect(onC.status).toBe('in_review');
    c.ws.services.reviews.approve(onC.id, onC.revision);
    await c.ws.services.team.syncOnce();
    await a.ws.services.team.syncOnce();
    expect(a.ws.services.posts.get(draft.id).status).toBe('approved');
    // A sees who approved it, from C's chain; both machines verify every chain
    const approval = a.ws.services.audit.forSubject(draft.id).find((e) => e.kind === 'post.approve')!;
    expect(approval.device).toBe(c.ws.services.repos.team.state('device'));
    for (const m of [a, c]) {
      const verified = m.ws.services.audit.verify();
      expect(verified.ok, JSON.stringify(verified)).toBe(true);
      expect(verified.devices!.length).toBeGreaterThanOrEqual(1);
      expect(verified.devices!.every((d) => d.problem === null)).toBe(true);
    }
  }, 120_000);
});

describe('photos travel as attachments named by their SHA-256', () => {
  it("every photo of the workspace arrives byte for byte; one altered on the server is refused on arrival", async () => {
    const database = await teamDatabase();
    const a = await machine(database, { demo: true });
    await a.join(couch.admin, true);
    const photos = a.ws.services.repos.media.list();
    expect(photos.length).toBeGreaterThan(0);
    const b = await machine(database);
    await b.join(secondPlanner);
    for (const photo of photos) {
      const arrived = b.ws.services.media.bytesOf(photo.path);
      expect(arrived && createHash('sha256').update(arrived).digest('hex')).toBe(photo.sha256);
    }
    expect(b.ws.services.repos.media.list().map((m) => m.sha256).sort()).toEqual(photos.map((m) => m.sha256).sort());

    // a photo whose bytes do not match its name (altered on the server) is not kept
    const fake = 'f'.repeat(64);
    const server = serverDb(database);
    const png = photos.find((p) => p.type === 'image/png') ?? photos[0]!;
    await server.put({ _id: `media:${fake}`, type: 'media', updatedBy: couch.admin.name, data: { ...png, sha256: fake, path: `media/${fake}.png` }, _attachments: { [`${fake}.png`]: { content_type: png.type, data: a.ws.services.media.bytesOf(png.path)!.toString('base64') } } });
    const status = await b.ws.services.team.syncOnce();
    expect(status.mode === 'team' && status.flagged).toEqual([expect.objectContaining({ docId: `media:${fake}`, state: 'invalid', message: expect.stringMatching(/does not match its SHA-256/) })]);
    expect(b.ws.services.repos.media.get(fake)).toBeNull();
  }, 120_000);
});

describe('one machine syncing from several places at once', () => {
  it('Sync now during live sync sends each change once: no conflict with itself, nothing left waiting', async () => {
    const { a, b } = await teamOfTwo(secondPlanner);
    await a.ws.services.team.startLive();
    const posts = a.ws.services.posts.list({}).slice(0, 20);
    for (const [i, p] of posts.entries()) a.ws.services.posts.update({ id: p.id, revision: a.ws.services.posts.get(p.id).revision, notes: `while live ${i}` });
    await Promise.all([a.ws.services.team.syncOnce(), a.ws.services.team.syncOnce(), a.ws.services.team.syncOnce()]);
    const after = a.ws.services.team.status();
    expect(after, JSON.stringify(after.mode === 'team' && after.flagged.slice(0, 2))).toMatchObject({ pending: 0, conflicts: 0, denied: 0, invalid: 0 });
    await b.ws.services.team.syncOnce();
    expect(posts.map((p) => b.ws.services.posts.get(p.id).notes)).toEqual(posts.map((_p, i) => `while live ${i}`));
    expect(b.ws.services.team.status()).toMatchObject({ conflicts: 0 });
  }, 120_000);
});
