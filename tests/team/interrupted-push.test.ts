// A push stopped after the replica took a write and before SQLite recorded it (a crash between
// the two): the next push must find its own write and carry on from it, not branch from itself
// and leave the user a conflict they never made. The stop is made exact by a replica whose
// bulkDocs writes and then fails, as a killed process would.
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER } from '../../src/main/demo/seed';
import { openWorkspace, type Workspace } from '../../src/main/workspace';
import { createRepositories } from '../../src/main/db/repositories';
import { folderCredentialStore } from '../../src/main/services/team/credentials';
import { initTeamDatabase } from '../../src/main/services/team/server';
import { pullReplica, pushOutbox, type ReplicatorDeps } from '../../src/main/services/team/replicator';
import { replicaPath } from '../../src/main/services/team/sync';
import { startCouch, type TestCouch } from '../support/couch';
import { tempDir } from '../e2e/serve';

let couch: TestCouch;
let folder: string;
let ws: Workspace;
let replica: PouchDB.Database;
let deps: ReplicatorDeps;

beforeAll(async () => {
  couch = await startCouch();
  const database = couch.freshName('interrupted');
  await initTeamDatabase({ url: couch.url, database }, couch.admin);
  folder = tempDir('sb-interrupted-');
  const dbPath = path.join(folder, 'workspace.sqlite');
  ws = openWorkspace({ dbPath, demo: true, credentials: folderCredentialStore(path.join(folder, 'secrets')) });
  ws.services.session.select(ws.services.session.resolve(DEMO_OWNER.name).id, false);
  await ws.services.team.join({ server: couch.url, database, user: couch.admin.name, password: couch.admin.password, everything: true });
  await ws.services.team.close(); // the replica is opened here, as the next run would
  replica = new PouchDB(replicaPath(dbPath));
  deps = { repos: createRepositories(ws.db), posts: ws.services.posts, media: ws.services.media, replica, user: couch.admin.name };
}, 60_000);
afterAll(async () => {
  await replica?.close();
  ws?.close();
  await couch?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** The replica as a process killed right after its write sees it: the write lands, the call never returns. */
const diesAfterWriting = (db: PouchDB.Database): PouchDB.Database =>
  new Proxy(db, {
    get(target, key) {
      if (key !== 'bulkDocs') return Reflect.get(target, key);
      return async (...args: Parameters<PouchDB.Database['bulkDocs']>) => {
        await target.bulkDocs(...args);
        throw new Error('killed after the replica write');
      };
    },
  });

describe('a push interrupted between the replica and SQLite', () => {
  it('the next push adopts its own write: no branch, no conflict, one revision on top of the last', async () => {
    const post = ws.services.posts.list({})[0]!;
    const docId = `post:${post.id}`;
    const before = deps.repos.team.doc(docId)!;
    ws.services.posts.update({ id: post.id, revision: post.revision, notes: 'edited before the crash' });
    expect(deps.repos.team.isQueued(docId)).toBe(true);

    await expect(pushOutbox({ ...deps, replica: diesAfterWriting(replica) })).rejects.toThrow('killed after the replica write');
    // SQLite does not know of the write; the replica has it
    expect(deps.repos.team.doc(docId)!.rev).toBe(before.rev);
    expect(deps.repos.team.isQueued(docId)).toBe(true);
    const written = await replica.get(docId);
    expect((written.data as { notes?: string }).notes).toBe('edited before the crash');

    const { branched } = await pushOutbox(deps);
    expect(branched).toBe(0);
    const after = await replica.get(docId, { conflicts: true });
    expect(after._conflicts ?? []).toEqual([]);
    expect(after._rev).toBe(written._rev);
    expect(deps.repos.team.doc(docId)).toMatchObject({ rev: written._rev, state: 'synced' });
    expect(deps.repos.team.isQueued(docId)).toBe(false);
    // the replica's feed then brings nothing back as a conflict
    expect((await pullReplica(deps)).conflicts).toBe(0);
    expect(ws.services.posts.get(post.id).notes).toBe('edited before the crash');
  });

  it('a deletion interrupted the same way is adopted too', async () => {
    const post = ws.services.posts.list({})[1]!;
    const docId = `post:${post.id}`;
    ws.services.posts.delete(post.id);
    await expect(pushOutbox({ ...deps, replica: diesAfterWriting(replica) })).rejects.toThrow('killed after the replica write');
    expect(deps.repos.team.isQueued(docId)).toBe(true);

    const { branched } = await pushOutbox(deps);
    expect(branched).toBe(0);
    const leaves = (await replica.get(docId, { open_revs: 'all' })) as unknown as Array<{ ok?: PouchDB.Doc }>;
    expect(leaves).toHaveLength(1);
    expect(leaves[0]!.ok).toMatchObject({ _deleted: true, _rev: deps.repos.team.doc(docId)!.rev });
  });

  it('an edit made after the interrupted push goes on top of it: no branch, the newer edit wins everywhere', async () => {
    const post = ws.services.posts.list({})[3]!;
    const docId = `post:${post.id}`;
    ws.services.posts.update({ id: post.id, revision: post.revision, notes: 'sent, then the machine died' });
    await expect(pushOutbox({ ...deps, replica: diesAfterWriting(replica) })).rejects.toThrow('killed after the replica write');
    const interrupted = await replica.get(docId);
    // the next run edits the post again before it pushes (so the replica's leaf is not this content)
    const again = ws.services.posts.get(post.id);
    ws.services.posts.update({ id: post.id, revision: again.revision, notes: 'edited after the restart' });

    const { branched } = await pushOutbox(deps);
    expect(branched).toBe(0);
    const after = await replica.get(docId, { conflicts: true, revs: true });
    expect(after._conflicts ?? []).toEqual([]);
    expect((after.data as { notes?: string }).notes).toBe('edited after the restart');
    expect(after._revisions!.ids[1]).toBe(interrupted._rev!.split('-')[1]);
    expect(deps.repos.team.doc(docId)).toMatchObject({ rev: after._rev, state: 'synced' });
    expect((await pullReplica(deps)).conflicts).toBe(0);
    expect(ws.services.posts.get(post.id).notes).toBe('edited after the restart');
  });

  it('a push interrupted twice before the replica answered still finds its first write', async () => {
    const post = ws.services.posts.list({})[4]!;
    const docId = `post:${post.id}`;
    ws.services.posts.update({ id: post.id, revision: post.revision, notes: 'first try' });
    await expect(pushOutbox({ ...deps, replica: diesAfterWriting(replica) })).rejects.toThrow('killed after the replica write');
    ws.services.posts.update({ id: post.id, revision: ws.services.posts.get(post.id).revision, notes: 'second try' });
    // this run is killed after the replica answered 409 (its leaf is the first try) and before it was handled
    await expect(pushOutbox({ ...deps, replica: diesAfterWriting(replica) })).rejects.toThrow('killed after the replica write');
    ws.services.posts.update({ id: post.id, revision: ws.services.posts.get(post.id).revision, notes: 'third try' });

    expect((await pushOutbox(deps)).branched).toBe(0);
    const after = await replica.get(docId, { conflicts: true });
    expect(after._conflicts ?? []).toEqual([]);
    expect((after.data as { notes?: string }).notes).toBe('third try');
  });

  it("a teammate's different edit on top of the same revision still makes a branch (both versions kept)", async () => {
    const post = ws.services.posts.list({})[2]!;
    const docId = `post:${post.id}`;
    const current = await replica.get(docId);
    await replica.put({ ...current, notes: "a teammate's edit" });
    const fresh = ws.services.posts.get(post.id);
    ws.services.posts.update({ id: post.id, revision: fresh.revision, notes: 'my edit' });
    const { branched } = await pushOutbox(deps);
    expect(branched).toBe(1);
    const after = await replica.get(docId, { conflicts: true });
    expect(after._conflicts).toHaveLength(1);
  });
});
