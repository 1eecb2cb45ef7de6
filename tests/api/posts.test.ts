import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import type { Post } from '../../src/shared/domain/schemas';
import { openWorkspace } from '../../src/main/workspace';
import { tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

describe('posts through the dispatcher against a real SQLite file', () => {
  it('create, list by range and channel, move, duplicate, delete and restore', async () => {
    const ws = tempWorkspace();
    cleanups.push(ws.cleanup);
    const fb = ok<{ id: string }>(await ws.dispatch('channels.create', { network: 'facebook', name: 'Facebook' }));
    const li = ok<{ id: string }>(await ws.dispatch('channels.create', { network: 'linkedin', name: 'LinkedIn' }));
    const post = ok<Post>(
      await ws.dispatch('posts.create', {
        title: 'Maria runs a marathon',
        baseText: 'Congrats Maria!',
        channelIds: [fb.id, li.id],
        channelTexts: { [li.id]: 'Congratulations to Maria on her first marathon.' },
        scheduledAt: '2027-03-10T14:30:00.000Z',
      }),
    );
    expect(post.timezone).toBe('America/New_York');
    expect(post.channelIds).toEqual([fb.id, li.id]);

    const inMarch = ok<Post[]>(await ws.dispatch('posts.list', { from: '2027-03-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' }));
    expect(inMarch.map((p) => p.id)).toEqual([post.id]);
    expect(inMarch[0].channelTexts[li.id]).toBe('Congratulations to Maria on her first marathon.');
    expect(ok<Post[]>(await ws.dispatch('posts.list', { from: '2027-04-01T00:00:00.000Z' }))).toEqual([]);
    expect(ok<Post[]>(await ws.dispatch('posts.list', { text: 'marathon' })).length).toBe(1);
    expect(ok<Post[]>(await ws.dispatch('posts.list', { text: '100%' })).length).toBe(0);

    const moved = ok<Post>(await ws.dispatch('posts.move', { id: post.id, revision: ws.services.posts.get(post.id).revision, scheduledAt: '2027-03-12T15:00:00.000Z' }));
    expect(moved.scheduledAt).toBe('2027-03-12T15:00:00.000Z');

    const copy = ok<Post>(await ws.dispatch('posts.duplicate', { id: post.id }));
    expect(copy.id).not.toBe(post.id);
    expect(copy.title).toBe('Maria runs a marathon (copy)');

    const { deleted } = ok<{ deleted: Post }>(await ws.dispatch('posts.delete', { id: post.id }));
    expect(ok<Post[]>(await ws.dispatch('posts.list', {})).map((p) => p.id)).toEqual([copy.id]);
    ok(await ws.dispatch('posts.restore', { post: deleted }));
    const restored = ok<Post>(await ws.dispatch('posts.get', { id: post.id }));
    // exactly as it was, one revision on, so a copy read before the delete is stale
    expect(restored).toEqual({ ...deleted, revision: deleted.revision + 1 });
  });

  it('data survives closing and reopening the file', async () => {
    const ws = tempWorkspace();
    cleanups.push(ws.cleanup);
    const created = ok<Post>(await ws.dispatch('posts.create', { title: 'Persisted' }));
    ws.close();
    const again = openWorkspace({ dbPath: ws.dbPath });
    cleanups.unshift(() => again.close());
    expect(ok<Post>(await again.dispatch('posts.get', { id: created.id })).title).toBe('Persisted');
  });

  it('the demo workspace has channels, five categories summing to 100%, three months of posts and story ideas', () => {
    const ws = tempWorkspace({ demo: true });
    cleanups.push(ws.cleanup);
    const s = ws.services;
    expect(s.workspace.get().name).toBe('Riverside Community Bank');
    expect(s.channels.list().length).toBeGreaterThanOrEqual(4);
    const categories = s.categories.list();
    expect(categories).toHaveLength(5);
    expect(categories.reduce((sum, c) => sum + c.targetShare, 0)).toBeCloseTo(1, 9);
    const promo = categories.filter((c) => c.isPromotional);
    expect(promo.every((c) => c.targetShare <= 0.2)).toBe(true);
    const posts = s.posts.list({});
    const statuses = new Set(posts.map((p) => p.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    const months = new Set(posts.map((p) => p.scheduledAt!.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(3);
    expect(s.repos.ideas.list().length).toBeGreaterThan(0);
  });
});
