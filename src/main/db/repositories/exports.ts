// Export batches: one record per export (format, options, files) and one row per post and channel
// written, with the content hash of what went out (tables of migration 3) and, from migration 9,
// the hash of each part.
import type { Db } from '../connection';
import { parseJson } from './rows';

export interface ExportBatchFile {
  name: string;
  path: string;
  rows: number;
}

export interface ExportBatchRecord {
  id: string;
  format: string;
  options: Record<string, unknown>;
  files: ExportBatchFile[];
  createdAt: string;
}

export interface ExportItemRecord {
  postId: string;
  channelId: string;
  contentHash: string;
}

/** What went out for one post on one channel, part by part (hashes, and the time itself). */
export interface ExportedParts {
  text: string;
  images: string;
  link: string;
  time: string | null;
}

/** The most recent export of one post on one channel. */
export interface LastExportRecord extends ExportItemRecord {
  batchId: string;
  format: string;
  exportedAt: string;
  /** null for items exported before schema version 9 */
  parts: ExportedParts | null;
}

interface BatchRow {
  id: string;
  format: string;
  options: string;
  files: string;
  created_at: string;
  items: number;
  posts: number;
}

const toBatch = (row: BatchRow): ExportBatchRecord & { items: number; posts: number } => ({
  id: row.id,
  format: row.format,
  options: parseJson<Record<string, unknown>>(row.options, {}),
  files: parseJson<ExportBatchFile[]>(row.files, []),
  createdAt: row.created_at,
  items: row.items,
  posts: row.posts,
});

const SELECT_BATCHES = `
  SELECT b.*,
    (SELECT COUNT(*) FROM export_items i WHERE i.batch_id = b.id) AS items,
    (SELECT COUNT(DISTINCT i.post_id) FROM export_items i WHERE i.batch_id = b.id) AS posts
  FROM export_batches b`;

export function createExportRepository(db: Db) {
  const insertBatchStmt = db.prepare(`
    INSERT INTO export_batches (id, format, options, files, created_at, updated_at)
    VALUES (@id, @format, @options, @files, @createdAt, @createdAt)`);
  const insertItemStmt = db.prepare('INSERT INTO export_items (batch_id, post_id, channel_id, content_hash, parts) VALUES (?, ?, ?, ?, ?)');
  // rowid breaks ties between batches recorded in the same millisecond.
  const listStmt = db.prepare<[], BatchRow>(`${SELECT_BATCHES} ORDER BY b.created_at DESC, b.rowid DESC`);
  const byFormatStmt = db.prepare<[string], BatchRow>(`${SELECT_BATCHES} WHERE b.format = ? ORDER BY b.created_at DESC, b.rowid DESC`);
  const itemsStmt = db.prepare<[string], ExportItemRecord>(
    'SELECT post_id AS postId, channel_id AS channelId, content_hash AS contentHash FROM export_items WHERE batch_id = ? ORDER BY post_id, channel_id',
  );
  const lastExportsStmt = db.prepare<[], Omit<LastExportRecord, 'parts'> & { parts: string | null }>(`
    SELECT postId, channelId, contentHash, parts, batchId, format, exportedAt FROM (
      SELECT i.post_id AS postId, i.channel_id AS channelId, i.content_hash AS contentHash, i.parts AS parts, b.id AS batchId,
        b.format AS format, b.created_at AS exportedAt,
        ROW_NUMBER() OVER (PARTITION BY i.post_id, i.channel_id ORDER BY b.created_at DESC, b.rowid DESC) AS n
      FROM export_items i JOIN export_batches b ON b.id = i.batch_id
    ) WHERE n = 1 ORDER BY exportedAt DESC, postId, channelId`);

  return {
    /** Records a batch and its items (call inside a transaction). */
    insert(batch: ExportBatchRecord, items: ReadonlyArray<ExportItemRecord & { parts?: ExportedParts }>): void {
      insertBatchStmt.run({ ...batch, options: JSON.stringify(batch.options), files: JSON.stringify(batch.files) });
      for (const item of items) insertItemStmt.run(batch.id, item.postId, item.channelId, item.contentHash, item.parts ? JSON.stringify(item.parts) : null);
    },
    /** Newest first, with item and post counts. */
    list: () => listStmt.all().map(toBatch),
    /** Batches of one format, newest first. */
    listByFormat: (format: string) => byFormatStmt.all(format).map(toBatch),
    items: (batchId: string): ExportItemRecord[] => itemsStmt.all(batchId),
    /** Every batch with its items, oldest first (the workspace file's export history). */
    history: () =>
      db
        .prepare<[], BatchRow>(`${SELECT_BATCHES} ORDER BY b.created_at, b.rowid`)
        .all()
        .map((row) => {
          const { items: _count, posts: _posts, ...batch } = toBatch(row);
          return { ...batch, items: itemsStmt.all(batch.id) };
        }),
    /** For every post and channel ever exported: its latest export. */
    lastExports: (): LastExportRecord[] => lastExportsStmt.all().map((row) => ({ ...row, parts: row.parts ? parseJson<ExportedParts | null>(row.parts, null) : null })),
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;
