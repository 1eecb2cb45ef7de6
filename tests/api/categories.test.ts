import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import type { Category, Post } from '../../src/shared/domain/schemas';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};
const demo = () => {
  const ws = tempWorkspace({ demo: true });
  cleanups.push(ws.cleanup);
  return ws;
};
const drafts = (categories: Category[]) =>
  categories.map(({ id, name, color, description, targetShare, isPromotional, minGapSlots, maxPerWeek, noConsecutive }) => ({
    id, name, color, description, targetShare, isPromotional, minGapSlots, maxPerWeek, noConsecutive,
  }));

describe('categories.save', () => {
  it('changes shares and rules, adds and removes categories in one go; removed ones leave their posts uncategorised', async () => {
    const ws = demo();
    const before = ws.services.categories.list();
    const promo = before.find((c) => c.isPromotional)!;
    const promoPosts = ws.services.posts.list({ categoryIds: [promo.id] });
    expect(promoPosts.length).toBeGreaterThan(0);
    const next = drafts(before)
      .filter((c) => c.id !== promo.id)
      .map((c, i) => ({ ...c, targetShare: i === 0 ? 0.3 : 0.2, maxPerWeek: i === 0 ? 3 : c.maxPerWeek }));
    next.push({ name: 'Local events', color: '#0b7285', description: '', targetShare: 0.1, isPromotional: false, minGapSlots: null, maxPerWeek: null, noConsecutive: false } as never);
    const saved = ok<Category[]>(await ws.dispatch('categories.save', { categories: next }));
    expect(saved.map((c) => c.name)).toEqual([...before.filter((c) => c.id !== promo.id).map((c) => c.name), 'Local events']);
    expect(saved.reduce((s, c) => s + c.targetShare, 0)).toBeCloseTo(1, 9);
    expect(saved[0].maxPerWeek).toBe(3);
    const orphan = ok<Post>(await ws.dispatch('posts.get', { id: promoPosts[0].id }));
    expect(orphan.categoryId).toBeNull();
  });

  it('two categories can swap names', async () => {
    const ws = demo();
    const [a, b, ...rest] = drafts(ws.services.categories.list());
    const saved = ok<Category[]>(await ws.dispatch('categories.save', { categories: [{ ...a, name: b.name }, { ...b, name: a.name }, ...rest] }));
    expect(saved.find((c) => c.id === a.id)?.name).toBe(b.name);
    expect(saved.find((c) => c.id === b.id)?.name).toBe(a.name);
  });

  it('refuses shares that do not add up to 100% and duplicate names, changing nothing', async () => {
    const ws = demo();
    const current = drafts(ws.services.categories.list());
    const before = dbFingerprint(ws.db);
    const off = await ws.dispatch('categories.save', { categories: current.map((c) => ({ ...c, targetShare: 0.1 })) });
    expect(off).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'categories' }] } });
    expect(off.ok ? '' : off.error.message).toContain('add up to 50.0%, not 100%');
    const twice = await ws.dispatch('categories.save', { categories: current.map((c, i) => (i === 1 ? { ...c, name: current[0].name } : c)) });
    expect(twice).toMatchObject({ ok: false, error: { issues: [{ path: 'categories[1].name' }] } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });
});
