import { Idea } from '../../../shared/domain/ideas';
import { Post } from '../../../shared/domain/schemas';
import type { Db } from '../connection';
import { parseJson } from './rows';

/** What undo of an applied plan needs, kept in the workspace so undo works after a restart and from any process. */
export interface PlanBatchUndo {
  /** Posts the plan created (placeholders and posts from ideas). */
  created: string[];
  /** Backlog posts the plan scheduled, as they were before, and the revision the plan left them at. */
  scheduled: Array<{ before: Post; revisionAfter: number }>;
  /** Ideas as they were before the plan marked them used. */
  ideas: Array<Idea>;
}

export function createPlanBatchRepository(db: Db) {
  const insertStmt = db.prepare('INSERT INTO plan_batches (id, undo, created_at) VALUES (?, ?, ?)');
  const getStmt = db.prepare<[string], { undo: string }>('SELECT undo FROM plan_batches WHERE id = ?');
  const deleteStmt = db.prepare('DELETE FROM plan_batches WHERE id = ?');
  return {
    insert: (id: string, undo: PlanBatchUndo, createdAt: string): void => void insertStmt.run(id, JSON.stringify(undo), createdAt),
    get: (id: string): PlanBatchUndo | null => {
      const row = getStmt.get(id);
      if (!row) return null;
      const undo = parseJson<PlanBatchUndo>(row.undo, { created: [], scheduled: [], ideas: [] });
      // batches applied by an older version lack fields added since: fill their defaults
      return {
        created: undo.created,
        scheduled: undo.scheduled.map(({ before, revisionAfter }) => ({ before: Post.parse(before), revisionAfter })),
        ideas: undo.ideas.map((idea) => Idea.parse(idea)),
      };
    },
    delete: (id: string): boolean => deleteStmt.run(id).changes > 0,
  };
}
