import type { Db } from '../connection';

/** A file in the workspace media folder, recorded by its SHA-256 (migration 4). */
export interface MediaRecord {
  sha256: string;
  /** Workspace-relative: `media/<sha256>.<ext>` */
  path: string;
  type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  originalName: string;
  createdAt: string;
}

const SELECT = `SELECT sha256, path, type, bytes, width, height, original_name AS originalName, created_at AS createdAt FROM media`;

export function createMediaRepository(db: Db) {
  const insertStmt = db.prepare(`
    INSERT INTO media (sha256, path, type, bytes, width, height, original_name, created_at)
    VALUES (@sha256, @path, @type, @bytes, @width, @height, @originalName, @createdAt)
    ON CONFLICT(sha256) DO NOTHING`);
  const listStmt = db.prepare(`${SELECT} ORDER BY created_at, sha256`);
  const getStmt = db.prepare(`${SELECT} WHERE sha256 = ?`);
  return {
    /** Records a file once (the same content added again keeps the first record). */
    save: (media: MediaRecord): void => void insertStmt.run(media),
    list: (): MediaRecord[] => listStmt.all() as MediaRecord[],
    get: (sha256: string): MediaRecord | null => (getStmt.get(sha256) as MediaRecord | undefined) ?? null,
  };
}
