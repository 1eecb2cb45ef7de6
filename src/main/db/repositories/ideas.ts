import type { Db } from '../connection';

export interface IdeaRecord {
  id: string;
  title: string;
  story: string;
  submittedBy: string;
  branch: string;
  categoryId: string | null;
  status: string;
  earliest: string | null;
  latest: string | null;
  createdAt: string;
  updatedAt: string;
}

export function createIdeaRepository(db: Db) {
  const insertStmt = db.prepare(`
    INSERT INTO ideas (id, title, story, submitted_by, branch, category_id, status, earliest, latest, created_at, updated_at)
    VALUES (@id, @title, @story, @submittedBy, @branch, @categoryId, @status, @earliest, @latest, @createdAt, @updatedAt)`);
  const listStmt = db.prepare(`
    SELECT id, title, story, submitted_by AS submittedBy, branch, category_id AS categoryId, status,
      earliest, latest, created_at AS createdAt, updated_at AS updatedAt
    FROM ideas ORDER BY created_at`);
  return {
    list: (): IdeaRecord[] => listStmt.all() as IdeaRecord[],
    insert: (idea: IdeaRecord): void => void insertStmt.run(idea),
  };
}
