import type { Profile } from '../../../shared/domain/people';
import type { Db } from '../connection';

interface ProfileRow {
  id: string;
  name: string;
  roles: string;
  archived: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
}
const SELECT = 'SELECT id, name, roles, archived, revision, created_at AS createdAt, updated_at AS updatedAt FROM profiles';
const fromRow = (row: ProfileRow): Profile => ({ ...row, roles: JSON.parse(row.roles) as Profile['roles'], archived: row.archived === 1 });

export function createProfileRepository(db: Db) {
  const listStmt = db.prepare<[], ProfileRow>(`${SELECT} ORDER BY archived, lower(name)`);
  const getStmt = db.prepare<[string], ProfileRow>(`${SELECT} WHERE id = ?`);
  const byNameStmt = db.prepare<[string], ProfileRow>(`${SELECT} WHERE lower(name) = lower(?)`);
  const upsertStmt = db.prepare(`
    INSERT INTO profiles (id, name, roles, archived, revision, created_at, updated_at)
    VALUES (@id, @name, @roles, @archived, 1, @createdAt, @updatedAt)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, roles = excluded.roles, archived = excluded.archived,
      updated_at = excluded.updated_at, revision = profiles.revision + 1
    RETURNING revision`);
  return {
    list: (): Profile[] => listStmt.all().map(fromRow),
    get: (id: string): Profile | null => {
      const row = getStmt.get(id);
      return row ? fromRow(row) : null;
    },
    byName: (name: string): Profile | null => {
      const row = byNameStmt.get(name);
      return row ? fromRow(row) : null;
    },
    /** Returns the new revision. */
    save: (profile: Profile): number =>
      (upsertStmt.get({ ...profile, roles: JSON.stringify(profile.roles), archived: profile.archived ? 1 : 0 }) as { revision: number }).revision,
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
