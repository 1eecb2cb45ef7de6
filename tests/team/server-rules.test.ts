// The server decides who may change what (issue 11, item 2): each forged write below is replicated
// from a client with the wrong role, as a real client would send it, and must be refused by the
// server, reported to the writer as denied, and never reach another client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Post } from '../../src/shared/domain/schemas';
import { Idea } from '../../src/shared/domain/ideas';
import { recordToDoc, type TeamDoc } from '../../src/shared/team/documents';
import { initTeamDatabase, type Credentials } from '../../src/main/services/team/server';
import { startCouch, type TestCouch } from '../support/couch';

const NOW = '2026-12-01T12:00:00.000Z';
/** Records have UUIDs; the tests name them p1, i1, ... */
const uuids = new Map<string, string>();
const uid = (name: string): string => uuids.get(name) ?? (uuids.set(name, randomUUID()), uuids.get(name)!);
const post = (id: string, status: Post['status'], text = 'Meet Ana, who ran her first marathon.') =>
  Post.parse({ id: uid(id), title: 'Ana runs', baseText: text, timezone: 'America/New_York', status, scheduledAt: '2027-01-05T14:00:00.000Z', createdAt: NOW, updatedAt: NOW });
const idea = (id: string, status: Idea['status'] = 'new') =>
  Idea.parse({ id: uid(id), title: 'Marathon', story: 'Ana ran Boston.', submittedBy: 'Ana', status, createdAt: NOW, updatedAt: NOW });
const audit = (id: string, kind: string, author: string): TeamDoc => ({ _id: `audit:${id}`, type: 'audit', updatedBy: author, author, kind, data: { subjectId: 'p1' } }) as TeamDoc;

let couch: TestCouch;
let planner: Credentials;
let approver: Credentials;
let contributor: Credentials;
let otherContributor: Credentials;
const folders: string[] = [];

beforeAll(async () => {
  couch = await startCouch();
  planner = await couch.addUser('pat-planner', ['planner']);
  approver = await couch.addUser('amy-approver', ['approver']);
  contributor = await couch.addUser('cal-contributor', ['contributor']);
  otherContributor = await couch.addUser('cora-contributor', ['contributor']);
}, 60_000);
afterAll(async () => {
  await couch?.stop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function workspace() {
  const database = couch.freshName();
  await initTeamDatabase({ url: couch.url, database }, couch.admin);
  const remote = (user: Credentials) => new PouchDB(`${couch.url}/${database}`, { auth: { username: user.name, password: user.password }, skip_setup: true });
  const local = () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-replica-'));
    folders.push(folder);
    return new PouchDB(path.join(folder, 'db'));
  };
  /** Writes docs into a fresh local replica of `user` and pushes them; returns what the push reported. */
  async function push(user: Credentials, docs: TeamDoc[], replica = local()) {
    for (const doc of docs) {
      const current = await replica.get(doc._id).catch(() => null);
      await replica.put({ ...doc, ...(current ? { _rev: current._rev } : {}) });
    }
    const denied: string[] = [];
    try {
      const result = await replica.replicate.to(remote(user)).on('denied', (error: { id?: string; message?: string; reason?: string }) => denied.push(String(error.id ?? error.message ?? error.reason)));
      return { replica, denied, failures: result.doc_write_failures, errors: result.errors as Array<{ id?: string; message?: string; name?: string }> };
    } catch (error) {
      // refused before any document was sent (no access to the database at all)
      return { replica, denied: [String((error as Error).message)], failures: docs.length, errors: [error as { message?: string }] };
    }
  }
  /** Everything another client pulling from the server would get. */
  async function pulled(user: Credentials): Promise<Map<string, TeamDoc>> {
    const other = local();
    await other.replicate.from(remote(user));
    const all = await other.allDocs({ include_docs: true });
    return new Map(all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.doc as unknown as TeamDoc]));
  }
  return { database, remote, local, push, pulled };
}

/** A refused push: the server wrote nothing and the client was told why (status codes differ between CouchDB and the stand-in). */
function expectRefused(result: { failures: number; errors: Array<{ message?: string }> }, reason: RegExp) {
  expect(result.failures).toBeGreaterThan(0);
  expect(result.errors.map((e) => e.message).join(' | ')).toMatch(reason);
}

describe('the server refuses forged writes (replicated, from the wrong role)', () => {
  it('a planner writes a post; an approver approves it; a planner cannot approve', async () => {
    const ws = await workspace();
    const draft = recordToDoc('post', post('p1', 'in_review'), planner.name);
    const ok = await ws.push(planner, [draft]);
    expect(ok.failures).toBe(0);

    const forged = await ws.push(planner, [{ ...recordToDoc('post', post('p1', 'approved'), planner.name) }], ok.replica);
    expectRefused(forged, /only an approver may set a post to approved/);
    expect(forged.denied.length).toBeGreaterThan(0);
    expect((await ws.pulled(approver)).get(`post:${uid('p1')}`)?.data?.status).toBe('in_review');

    const approverCopy = ws.local();
    await approverCopy.replicate.from(ws.remote(approver));
    const approved = await ws.push(approver, [recordToDoc('post', post('p1', 'approved'), approver.name)], approverCopy);
    expect(approved.failures).toBe(0);
    expect((await ws.pulled(planner)).get(`post:${uid('p1')}`)?.data?.status).toBe('approved');
  }, 60_000);

  it('updatedBy must be the signed-in user', async () => {
    const ws = await workspace();
    const result = await ws.push(planner, [recordToDoc('post', post('p2', 'draft'), approver.name)]);
    expectRefused(result, /updatedBy must be the signed-in user/);
    expect((await ws.pulled(approver)).has(`post:${uid('p2')}`)).toBe(false);
  }, 60_000);

  it('audit entries are create-only, bound to their author, and approvals are for approvers', async () => {
    const ws = await workspace();
    const created = await ws.push(planner, [audit('dev1:1', 'post.submit', planner.name)]);
    expect(created.failures).toBe(0);

    const edited = await ws.push(planner, [{ ...audit('dev1:1', 'post.submit', planner.name), data: { subjectId: 'p9' } }], created.replica);
    expectRefused(edited, /create-only/);
    const tomb = await created.replica.get('audit:dev1:1');
    await created.replica.put({ ...tomb, _deleted: true, updatedBy: planner.name });
    const removed = await created.replica.replicate.to(ws.remote(planner));
    expect(removed.doc_write_failures).toBeGreaterThan(0);

    expectRefused(await ws.push(planner, [audit('dev1:2', 'post.approve', planner.name)]), /only an approver may record post.approve/);
    expectRefused(await ws.push(planner, [audit('dev1:3', 'signoff.create', planner.name)]), /only an approver may record signoff.create/);
    expectRefused(await ws.push(planner, [audit('dev1:4', 'compliance.override', planner.name)]), /only an approver may record compliance.override/);
    expectRefused(await ws.push(planner, [{ ...audit('dev1:5', 'post.submit', approver.name), updatedBy: planner.name }]), /written by its author/);
    expect((await ws.push(approver, [audit('dev2:1', 'post.approve', approver.name)])).failures).toBe(0);

    const seen = await ws.pulled(approver);
    expect(seen.get('audit:dev1:1')?.data).toEqual({ subjectId: 'p1' });
    expect([...seen.keys()].filter((k) => k.startsWith('audit:')).sort()).toEqual(['audit:dev1:1', 'audit:dev2:1']);
  }, 60_000);

  it('a contributor creates and edits only their own ideas, and cannot touch posts', async () => {
    const ws = await workspace();
    const own = await ws.push(contributor, [recordToDoc('idea', idea('i1'), contributor.name)]);
    expect(own.failures).toBe(0);
    expect((await ws.push(contributor, [{ ...recordToDoc('idea', idea('i1'), contributor.name), data: { ...recordToDoc('idea', idea('i1'), contributor.name).data, story: 'Ana ran Boston in 3:40.' } }], own.replica)).failures).toBe(0);

    const theirs = ws.local();
    await theirs.replicate.from(ws.remote(otherContributor));
    const foreign = await ws.push(otherContributor, [{ ...recordToDoc('idea', idea('i1'), otherContributor.name), owner: contributor.name }], theirs);
    expectRefused(foreign, /only edit their own story ideas/);
    expectRefused(await ws.push(contributor, [recordToDoc('idea', idea('i2', 'accepted'), contributor.name)]), /only a planner may accept/);
    expectRefused(await ws.push(contributor, [recordToDoc('post', post('p3', 'draft'), contributor.name)]), /only planners and approvers may change posts/);
    expectRefused(await ws.push(contributor, [audit('dev3:1', 'post.approve', contributor.name)]), /only an approver may record post.approve/);

    const seen = await ws.pulled(planner);
    expect(seen.get(`idea:${uid('i1')}`)?.data?.story).toBe('Ana ran Boston in 3:40.');
    expect(seen.get(`idea:${uid('i1')}`)?.owner).toBe(contributor.name);
    expect(seen.has(`idea:${uid('i2')}`) || seen.has(`post:${uid('p3')}`)).toBe(false);
  }, 60_000);

  it('editing approved content must move the post back to review', async () => {
    const ws = await workspace();
    const planned = await ws.push(planner, [recordToDoc('post', post('p4', 'in_review'), planner.name)]);
    const approverCopy = ws.local();
    await approverCopy.replicate.from(ws.remote(approver));
    expect((await ws.push(approver, [recordToDoc('post', post('p4', 'approved'), approver.name)], approverCopy)).failures).toBe(0);
    await planned.replica.replicate.from(ws.remote(planner));

    const sneaky = await ws.push(planner, [recordToDoc('post', post('p4', 'approved', 'Open a Bonus Checking account today!'), planner.name)], planned.replica);
    expectRefused(sneaky, /approved content was edited/);
    expect((await ws.pulled(approver)).get(`post:${uid('p4')}`)?.data?.content).toMatchObject({ baseText: 'Meet Ana, who ran her first marathon.' });

    const fresh = ws.local();
    await fresh.replicate.from(ws.remote(planner));
    const honest = await ws.push(planner, [recordToDoc('post', post('p4', 'in_review', 'Meet Ana, who ran Boston.'), planner.name)], fresh);
    expect(honest.failures).toBe(0);
    // a new title (not approved content) may change while approved
    expect((await ws.pulled(approver)).get(`post:${uid('p4')}`)?.data).toMatchObject({ status: 'in_review' });
  }, 60_000);

  it('someone without a role cannot read or write the workspace', async () => {
    const ws = await workspace();
    const stranger = await couch.addUser('sam-stranger', []);
    await expect(ws.remote(stranger).allDocs()).rejects.toMatchObject({ status: expect.any(Number) });
    expectRefused(await ws.push(stranger, [recordToDoc('channel', { id: uid('c1'), network: 'facebook', name: 'Facebook', handle: '', color: '#1877f2', timezone: null, slots: [], maxLength: null, revision: 1, createdAt: NOW, updatedAt: NOW }, stranger.name)]), /./);
  }, 60_000);
});

describe('the stand-in keeps replicated edits once rules exist (pouchdb-server #419, patched in patches/)', () => {
  it('50 replicated edits of existing documents all arrive', async () => {
    const ws = await workspace();
    const replica = ws.local();
    for (let i = 0; i < 50; i++) await replica.put(recordToDoc('post', post(`e${i}`, 'draft', 'first'), planner.name));
    await replica.replicate.to(ws.remote(planner));
    for (let i = 0; i < 50; i++) {
      const doc = await replica.get<TeamDoc>(`post:${uid(`e${i}`)}`);
      await replica.put({ ...recordToDoc('post', post(`e${i}`, 'draft', `edit ${i}`), planner.name), _rev: doc._rev });
    }
    const result = await replica.replicate.to(ws.remote(planner));
    expect(result.doc_write_failures).toBe(0);
    const seen = await ws.pulled(planner);
    const edited = [...seen.values()].filter((d) => (d.data?.content as { baseText: string }).baseText.startsWith('edit ')).length;
    expect(edited).toBe(50);
  }, 60_000);
});
