import type { AuditEntry } from '../../../shared/domain/people';
import type { Db } from '../connection';

interface AuditRow extends Omit<AuditEntry, 'body'> {
  body: string;
}
const SELECT = `SELECT seq, id, kind, actor_id AS actorId, actor_name AS actorName, at, subject_type AS subjectType,
  subject_id AS subjectId, before_hash AS beforeHash, after_hash AS afterHash, body, prev_hash AS prevHash, hash FROM audit_log`;
const fromRow = (row: AuditRow): AuditEntry => ({ ...row, body: JSON.parse(row.body) as AuditEntry['body'] });

export interface AuditQuery {
  actorId?: string;
  subjectId?: string;
  kinds?: readonly string[];
  from?: string;
  to?: string;
  limit?: number;
  /** Entries after this sequence number (paging forwards). */
  afterSeq?: number;
}

export function createAuditRepository(db: Db) {
  const insertStmt = db.prepare(`
    INSERT INTO audit_log (id, kind, actor_id, actor_name, at, subject_type, subject_id, before_hash, after_hash, body, prev_hash, hash)
    VALUES (@id, @kind, @actorId, @actorName, @at, @subjectType, @subjectId, @beforeHash, @afterHash, @body, @prevHash, @hash)`);
  const lastStmt = db.prepare<[], { hash: string; seq: number }>('SELECT hash, seq FROM audit_log ORDER BY seq DESC LIMIT 1');
  const bySubjectStmt = db.prepare<[string], AuditRow>(`${SELECT} WHERE subject_id = ? ORDER BY seq`);
  const allStmt = db.prepare<[], AuditRow>(`${SELECT} ORDER BY seq`);
  return {
    last: (): { hash: string; seq: number } | null => lastStmt.get() ?? null,
    /** Appends an entry; returns its sequence number. */
    insert: (entry: Omit<AuditEntry, 'seq'>): number => Number(insertStmt.run({ ...entry, body: JSON.stringify(entry.body) }).lastInsertRowid),
    forSubject: (subjectId: string): AuditEntry[] => bySubjectStmt.all(subjectId).map(fromRow),
    /** Every entry in order, one at a time (verify and export read the whole chain). */
    *iterate(): Generator<AuditEntry> {
      for (const row of allStmt.iterate()) yield fromRow(row);
    },
    query(q: AuditQuery): AuditEntry[] {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.actorId) (where.push('actor_id = ?'), params.push(q.actorId));
      if (q.subjectId) (where.push('subject_id = ?'), params.push(q.subjectId));
      if (q.kinds?.length) (where.push(`kind IN (${q.kinds.map(() => '?').join(', ')})`), params.push(...q.kinds));
      if (q.from) (where.push('at >= ?'), params.push(q.from));
      if (q.to) (where.push('at < ?'), params.push(q.to));
      if (q.afterSeq) (where.push('seq > ?'), params.push(q.afterSeq));
      const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
      return (db.prepare(sql).all(...params, q.limit ?? 500) as AuditRow[]).map(fromRow);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
