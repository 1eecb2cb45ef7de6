import type { IdeaInput } from '../../shared/api/contract';
import { Idea, type IdeaStatus } from '../../shared/domain/schemas';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from './errors';

/** Employee-story ideas: the backlog the planner draws on once an idea is accepted. */
export function createIdeaService(repos: Repositories, access: Access) {
  const check = (idea: Idea): Idea => {
    if (idea.categoryId && !repos.categories.get(idea.categoryId)) {
      throw new ServiceError('validation', `categoryId: category ${idea.categoryId} does not exist`, [
        { path: 'categoryId', message: 'no such category' },
      ]);
    }
    if (idea.earliest && idea.latest && idea.latest < idea.earliest) {
      throw new ServiceError('validation', 'latest: the idea expires before it can run', [
        { path: 'latest', message: 'before earliest' },
      ]);
    }
    return { ...idea, revision: repos.ideas.save(idea) };
  };
  return {
    list: (statuses?: IdeaStatus[]): Idea[] => repos.ideas.list(statuses),
    create(input: IdeaInput): Idea {
      access.require(['contributor', 'planner'], 'add story ideas');
      const now = nowIso();
      return repos.transaction(() => check(Idea.parse({ ...input, id: newId(), createdAt: now, updatedAt: now })));
    },
    update({ revision, ...patch }: Partial<IdeaInput> & { id: string; revision: number }): Idea {
      access.require('planner', 'change story ideas');
      return repos.transaction(() => {
        const existing = repos.ideas.get(patch.id);
        if (!existing) throw notFound('Idea', patch.id);
        checkRevision(existing, revision, `Idea "${existing.title}"`);
        return check(Idea.parse({ ...existing, ...patch, updatedAt: nowIso() }));
      });
    },
  };
}
