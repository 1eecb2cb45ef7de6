import { SHARE_SUM_TOLERANCE, type CategoryDraft } from '../../shared/api/contract';
import { Category } from '../../shared/domain/schemas';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, ServiceError } from './errors';

/** Content pillars with their target shares and pacing rules, saved as one consistent set. */
export function createCategoryService(repos: Repositories, access: Access) {
  const fail = (path: string, message: string): never => {
    throw new ServiceError('validation', `${path}: ${message}`, [{ path, message }]);
  };
  return {
    list: (): Category[] => repos.categories.list(),

    save(drafts: CategoryDraft[]): Category[] {
      access.require(['planner', 'admin'], 'change the content categories');
      const seen = new Map<string, number>();
      const ids = new Set<string>();
      drafts.forEach((draft, index) => {
        if (draft.id && ids.has(draft.id)) fail(`categories[${index}].id`, `category ${draft.id} is listed twice`);
        if (draft.id) ids.add(draft.id);
        const key = draft.name.trim().toLowerCase();
        if (seen.has(key)) fail(`categories[${index}].name`, `"${draft.name}" is used twice`);
        seen.set(key, index);
      });
      const total = drafts.reduce((sum, d) => sum + d.targetShare, 0);
      if (Math.abs(total - 1) > SHARE_SUM_TOLERANCE) {
        fail('categories', `target shares add up to ${(total * 100).toFixed(1)}%, not 100%`);
      }
      return repos.transaction(() => {
        const existing = new Map(repos.categories.list().map((c) => [c.id, c]));
        drafts.forEach((draft, index) => {
          if (!draft.id) return;
          const current = existing.get(draft.id);
          if (!current) fail(`categories[${index}].id`, `category ${draft.id} does not exist`);
          else if (draft.revision !== undefined) checkRevision(current, draft.revision, `Category "${current.name}"`);
        });
        const now = nowIso();
        const next = drafts.map((draft, index) => {
          const before = draft.id ? existing.get(draft.id) : undefined;
          return Category.parse({
            ...before,
            ...draft,
            id: draft.id ?? newId(),
            revision: before?.revision ?? 1,
            sortOrder: index + 1,
            createdAt: before?.createdAt ?? now,
            updatedAt: now,
          });
        });
        const keep = new Set(next.map((c) => c.id));
        for (const id of existing.keys()) if (!keep.has(id)) repos.categories.delete(id);
        // names are unique in the table: park renamed rows first so swapping two names works
        next.forEach((c) => existing.has(c.id) && repos.categories.save({ ...c, name: `${c.id}~` }));
        next.forEach((c) => repos.categories.save(c));
        return repos.categories.list();
      });
    },
  };
}
