import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import type { Post } from '../../src/shared/domain/schemas';
import type { Idea } from '../../src/shared/domain/ideas';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

describe('story ideas', () => {
  it('an accepted idea is scheduled by the planner into a slot of its category; the idea is then scheduled, linked to its post', async () => {
    const ws = tempWorkspace({ demo: true });
    cleanups.push(ws.cleanup);
    const categories = ws.services.categories.list();
    const highlights = categories.find((c) => c.name === 'Employee highlights')!;
    const idea = ok<Idea>(
      await ws.dispatch('ideas.create', {
        title: 'Teller Ana translates for Spanish-speaking customers',
        story: 'Ana helps customers in three languages.',
        submittedBy: 'Ana Ruiz',
        branch: 'Oak Street',
        categoryId: highlights.id,
        earliest: '2027-04-01',
        latest: '2027-04-30',
      }),
    );
    expect(idea.status).toBe('new');
    // a new idea is not in the backlog yet
    const before = ok<{ rows: Array<{ itemId: string | null }> }>(await ws.dispatch('planning.preview', { from: '2027-04-01', to: '2027-04-30' }));
    expect(before.rows.some((r) => r.itemId === `idea:${idea.id}`)).toBe(false);

    ok(await ws.dispatch('ideas.update', { id: idea.id, revision: idea.revision, status: 'accepted' }));
    const applied = ok<{ created: number; fromIdeas: number; placeholders: number }>(await ws.dispatch('planning.apply', { from: '2027-04-01', to: '2027-04-30' }));
    // the apply counts say what was used: the idea is not "0 backlog posts"
    expect(applied.fromIdeas).toBeGreaterThanOrEqual(1);
    expect(applied.created).toBe(applied.fromIdeas + applied.placeholders);
    const posts = ok<Post[]>(await ws.dispatch('posts.list', { text: 'Teller Ana' }));
    expect(posts).toHaveLength(1);
    expect(posts[0].categoryId).toBe(highlights.id);
    expect(posts[0].scheduledAt! >= '2027-04-01').toBe(true);
    expect(posts[0].scheduledAt! < '2027-05-01T05:00:00.000Z').toBe(true);
    expect(posts[0].ideaId).toBe(idea.id);
    expect(ok<Idea[]>(await ws.dispatch('ideas.list', { statuses: ['scheduled'] })).map((i) => i.id)).toContain(idea.id);
  });

  it('refuses an idea that expires before it can run, changing nothing', async () => {
    const ws = tempWorkspace({ demo: true });
    cleanups.push(ws.cleanup);
    const before = dbFingerprint(ws.db);
    const result = await ws.dispatch('ideas.create', { title: 'Too late', earliest: '2027-05-01', latest: '2027-04-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'latest' }] } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });
});
