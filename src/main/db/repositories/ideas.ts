import type { FeaturedPerson, Idea, IdeaPhoto, IdeaStatus } from '../../../shared/domain/ideas';
import type { Db } from '../connection';
import { parseJson } from './rows';

interface IdeaRow extends Omit<Idea, 'featured' | 'photos'> {
  featured: string;
  photos: string;
}

const SELECT_IDEAS = `
  SELECT id, title, story, submitted_by AS submittedBy, submitter_email AS submitterEmail, branch,
    featured, photos, category_id AS categoryId, status, decline_reason AS declineReason,
    earliest, latest, notes, source, source_hash AS sourceHash, revision,
    created_at AS createdAt, updated_at AS updatedAt
  FROM ideas`;

const toIdea = (row: IdeaRow): Idea => ({
  ...row,
  featured: parseJson<FeaturedPerson[]>(row.featured, []),
  photos: parseJson<IdeaPhoto[]>(row.photos, []),
});

export function createIdeaRepository(db: Db) {
  const upsertStmt = db.prepare(`
    INSERT INTO ideas (id, title, story, submitted_by, submitter_email, branch, featured, photos, category_id,
      status, decline_reason, earliest, latest, notes, source, source_hash, revision, created_at, updated_at)
    VALUES (@id, @title, @story, @submittedBy, @submitterEmail, @branch, @featured, @photos, @categoryId,
      @status, @declineReason, @earliest, @latest, @notes, @source, @sourceHash, @revision, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, story = excluded.story,
      submitted_by = excluded.submitted_by, submitter_email = excluded.submitter_email, branch = excluded.branch,
      featured = excluded.featured, photos = excluded.photos, category_id = excluded.category_id,
      status = excluded.status, decline_reason = excluded.decline_reason, earliest = excluded.earliest,
      latest = excluded.latest, notes = excluded.notes, source = excluded.source, source_hash = excluded.source_hash,
      updated_at = excluded.updated_at, revision = ideas.revision + 1
    RETURNING revision`);
  const listStmt = db.prepare<[], IdeaRow>(`${SELECT_IDEAS} ORDER BY created_at, id`);
  const getStmt = db.prepare<[string], IdeaRow>(`${SELECT_IDEAS} WHERE id = ?`);
  const bySourceStmt = db.prepare<[string], { id: string }>('SELECT id FROM ideas WHERE source_hash = ?');
  return {
    /** All ideas, or those with one of `statuses`. */
    list: (statuses?: readonly IdeaStatus[]): Idea[] =>
      listStmt.all().map(toIdea).filter((idea) => !statuses?.length || statuses.includes(idea.status)),
    get: (id: string): Idea | null => {
      const row = getStmt.get(id);
      return row ? toIdea(row) : null;
    },
    /** The idea imported from a file or row with this content hash, if any. */
    bySourceHash: (hash: string): string | null => bySourceStmt.get(hash)?.id ?? null,
    /** Returns the row's new revision. */
    save: (idea: Idea): number =>
      (upsertStmt.get({ ...idea, featured: JSON.stringify(idea.featured), photos: JSON.stringify(idea.photos) }) as { revision: number }).revision,
  };
}
export type IdeaRepository = ReturnType<typeof createIdeaRepository>;
