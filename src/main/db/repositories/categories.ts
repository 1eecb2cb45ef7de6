import { Category } from '../../../shared/domain/schemas';
import type { Db } from '../connection';
import { fromBool, toBool } from './rows';

interface CategoryRow {
  id: string;
  name: string;
  color: string;
  description: string;
  target_share: number;
  is_promotional: number;
  min_gap_slots: number | null;
  min_gap_days: number | null;
  max_per_week: number | null;
  no_consecutive: number;
  sort_order: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

const toCategory = (row: CategoryRow): Category =>
  Category.parse({
    id: row.id,
    name: row.name,
    color: row.color,
    description: row.description,
    targetShare: row.target_share,
    isPromotional: toBool(row.is_promotional),
    minGapSlots: row.min_gap_slots,
    minGapDays: row.min_gap_days,
    maxPerWeek: row.max_per_week,
    noConsecutive: toBool(row.no_consecutive),
    sortOrder: row.sort_order,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

export function createCategoryRepository(db: Db) {
  const listStmt = db.prepare<[], CategoryRow>('SELECT * FROM categories ORDER BY sort_order, name');
  const getStmt = db.prepare<[string], CategoryRow>('SELECT * FROM categories WHERE id = ?');
  const upsertStmt = db.prepare(`
    INSERT INTO categories (id, name, color, description, target_share, is_promotional, min_gap_slots,
      min_gap_days, max_per_week, no_consecutive, sort_order, revision, created_at, updated_at)
    VALUES (@id, @name, @color, @description, @target_share, @is_promotional, @min_gap_slots,
      @min_gap_days, @max_per_week, @no_consecutive, @sort_order, @revision, @created_at, @updated_at)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, color = excluded.color,
      description = excluded.description, target_share = excluded.target_share,
      is_promotional = excluded.is_promotional, min_gap_slots = excluded.min_gap_slots,
      min_gap_days = excluded.min_gap_days, max_per_week = excluded.max_per_week,
      no_consecutive = excluded.no_consecutive, sort_order = excluded.sort_order,
      updated_at = excluded.updated_at, revision = categories.revision + 1
    RETURNING revision`);
  const deleteStmt = db.prepare('DELETE FROM categories WHERE id = ?');
  return {
    list: (): Category[] => listStmt.all().map(toCategory),
    delete: (id: string): boolean => deleteStmt.run(id).changes > 0,
    get: (id: string): Category | null => {
      const row = getStmt.get(id);
      return row ? toCategory(row) : null;
    },
    /** Returns the row's new revision. */
    save: (c: Category): number =>
      (upsertStmt.get({
        id: c.id,
        name: c.name,
        color: c.color,
        description: c.description,
        target_share: c.targetShare,
        is_promotional: fromBool(c.isPromotional),
        min_gap_slots: c.minGapSlots,
        min_gap_days: c.minGapDays,
        max_per_week: c.maxPerWeek,
        no_consecutive: fromBool(c.noConsecutive),
        sort_order: c.sortOrder,
        revision: c.revision,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
      }) as { revision: number }).revision,
  };
}
export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
