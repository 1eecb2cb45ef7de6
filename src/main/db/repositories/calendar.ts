import type { BlackoutPeriod, Series } from '../../../shared/domain/schemas';
import type { Db } from '../connection';
import { parseJson } from './rows';

export function createBlackoutRepository(db: Db) {
  const listStmt = db.prepare(`
    SELECT id, start_date AS startDate, end_date AS endDate, reason, revision, created_at AS createdAt, updated_at AS updatedAt
    FROM blackouts ORDER BY start_date`);
  const upsertStmt = db.prepare(`
    INSERT INTO blackouts (id, start_date, end_date, reason, revision, created_at, updated_at)
    VALUES (@id, @startDate, @endDate, @reason, @revision, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date,
      reason = excluded.reason, updated_at = excluded.updated_at, revision = blackouts.revision + 1`);
  const deleteStmt = db.prepare('DELETE FROM blackouts WHERE id = ?');
  return {
    list: (): BlackoutPeriod[] => listStmt.all() as BlackoutPeriod[],
    save: (blackout: BlackoutPeriod): void => void upsertStmt.run(blackout),
    delete: (id: string): boolean => deleteStmt.run(id).changes > 0,
  };
}

export function createSeriesRepository(db: Db) {
  const listStmt = db.prepare<[], { id: string; title: string; rule: string; description: string; revision: number; created_at: string; updated_at: string }>(
    'SELECT * FROM series ORDER BY created_at',
  );
  const upsertStmt = db.prepare(`
    INSERT INTO series (id, title, rule, description, revision, created_at, updated_at)
    VALUES (@id, @title, @rule, @description, @revision, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET title = excluded.title, rule = excluded.rule,
      description = excluded.description, updated_at = excluded.updated_at, revision = series.revision + 1`);
  return {
    list: (): Series[] =>
      listStmt.all().map((row) => ({
        id: row.id,
        title: row.title,
        rule: parseJson<Record<string, unknown>>(row.rule, {}),
        description: row.description,
        revision: row.revision,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      })),
    save: (series: Series): void => void upsertStmt.run({ ...series, rule: JSON.stringify(series.rule) }),
  };
}
