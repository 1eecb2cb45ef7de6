import type { Idea, IdeaStatus } from '../../../shared/domain/schemas';
import type { Db } from '../connection';

const SELECT_IDEAS = `
  SELECT id, title, story, submitted_by AS submittedBy, branch, category_id AS categoryId, status,
    earliest, latest, revision, created_at AS createdAt, updated_at AS updatedAt
  FROM ideas`;

export function createIdeaRepository(db: Db) {
  const upsertStmt = db.prepare(`
    INSERT INTO ideas (id, title, story, submitted_by, branch, category_id, status, earliest, latest, revision, created_at, updated_at)
    VALUES (@id, @title, @story, @submittedBy, @branch, @categoryId, @status, @earliest, @latest, @revision, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, story = excluded.story,
      submitted_by = excluded.submitted_by, branch = excluded.branch, category_id = excluded.category_id,
      status = excluded.status, earliest = excluded.earliest, latest = excluded.latest,
      updated_at = excluded.updated_at, revision = ideas.revision + 1
    RETURNING revision`);
  const listStmt = db.prepare(`${SELECT_IDEAS} ORDER BY created_at`);
  const getStmt = db.prepare(`${SELECT_IDEAS} WHERE id = ?`);
  return {
    /** All ideas, or those with one of `statuses`. */
    list: (statuses?: readonly IdeaStatus[]): Idea[] =>
      (listStmt.all() as Idea[]).filter((idea) => !statuses?.length || statuses.includes(idea.status)),
    get: (id: string): Idea | null => (getStmt.get(id) as Idea | undefined) ?? null,
    /** Returns the row's new revision. */
    save: (idea: Idea): number => (upsertStmt.get(idea) as { revision: number }).revision,
  };
}
export type IdeaRepository = ReturnType<typeof createIdeaRepository>;
