// Compare-and-set: a write names the revision it read; a stale one is refused with the other
// version attached, and nothing changes.
import { afterAll, describe, expect, it } from 'vitest';
import type { Channel, Post } from '../../src/shared/domain/schemas';
import type { Idea } from '../../src/shared/domain/ideas';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const ws = tempWorkspace({ demo: true });
afterAll(() => ws.cleanup());
const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

describe('revisions', () => {
  it('every write moves a post one revision on', async () => {
    const post = ok<Post>(await ws.dispatch('posts.create', { title: 'Revisioned' }));
    expect(post.revision).toBe(1);
    const edited = ok<Post>(await ws.dispatch('posts.update', { id: post.id, revision: 1, notes: 'a' }));
    expect(edited.revision).toBe(2);
    const moved = ok<Post>(await ws.dispatch('posts.move', { id: post.id, revision: 2, scheduledAt: '2027-05-04T13:00:00.000Z' }));
    expect(moved.revision).toBe(3);
    expect(ws.services.posts.get(post.id).revision).toBe(3);
  });

  it('a stale post update or move is a conflict carrying the current version; nothing changes', async () => {
    const post = ok<Post>(await ws.dispatch('posts.create', { title: 'Contested', baseText: 'first' }));
    const theirs = ok<Post>(await ws.dispatch('posts.update', { id: post.id, revision: post.revision, baseText: 'theirs' }));
    const before = dbFingerprint(ws.db);
    for (const [op, input] of [
      ['posts.update', { id: post.id, revision: post.revision, baseText: 'mine' }],
      ['posts.move', { id: post.id, revision: post.revision, scheduledAt: null }],
    ] as const) {
      const result = await ws.dispatch(op, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'revision' }] } });
      if (result.ok) continue;
      expect(result.error.message).toMatch(/changed elsewhere/);
      expect(result.error.current).toMatchObject({ id: post.id, baseText: 'theirs', revision: theirs.revision });
    }
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('channels, ideas and categories are compare-and-set too', async () => {
    const channel = ws.services.channels.list()[0];
    ok<Channel>(await ws.dispatch('channels.update', { id: channel.id, revision: channel.revision, handle: '@one' }));
    expect(await ws.dispatch('channels.update', { id: channel.id, revision: channel.revision, handle: '@two' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const idea = ok<Idea>(await ws.dispatch('ideas.create', { title: 'Ana ran a marathon' }));
    ok(await ws.dispatch('ideas.update', { id: idea.id, revision: idea.revision, status: 'accepted' }));
    expect(await ws.dispatch('ideas.update', { id: idea.id, revision: idea.revision, status: 'rejected' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const categories = ws.services.categories.list();
    const drafts = categories.map(({ id, revision, name, color, targetShare }) => ({ id, revision, name, color, targetShare }));
    ok(await ws.dispatch('categories.save', { categories: drafts }));
    const before = dbFingerprint(ws.db);
    expect(await ws.dispatch('categories.save', { categories: drafts })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('undo of a plan is refused when a planned post was edited since', async () => {
    const applied = ok<{ batchId: string; created: number }>(await ws.dispatch('planning.apply', { from: '2027-09-01', to: '2027-09-07' }));
    expect(applied.created).toBeGreaterThan(0);
    const planned = ws.services.posts.list({ from: '2027-09-01T00:00:00.000Z', to: '2027-09-08T00:00:00.000Z' })[0];
    ok(await ws.dispatch('posts.update', { id: planned.id, revision: planned.revision, baseText: 'Written by hand after planning' }));
    const before = dbFingerprint(ws.db);
    expect(await ws.dispatch('planning.undo', { batchId: applied.batchId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('plan undo is kept in the workspace: another process (or a restart) can undo it', async () => {
    const applied = ok<{ batchId: string }>(await ws.dispatch('planning.apply', { from: '2027-10-04', to: '2027-10-08' }));
    const { openWorkspace } = await import('../../src/main/workspace');
    const other = openWorkspace({ dbPath: ws.dbPath, actAs: ws.services.session.current().id });
    try {
      expect(ok(await other.dispatch('planning.undo', { batchId: applied.batchId }))).toEqual({ undone: true });
    } finally {
      other.close();
    }
    expect(ws.services.posts.list({ from: '2027-10-04T00:00:00.000Z', to: '2027-10-09T00:00:00.000Z' }).filter((p) => p.placeholder)).toEqual([]);
  });
});
