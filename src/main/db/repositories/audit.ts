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

/** An entry of another machine of the team (see team_audit), with the machine it came from. */
export interface DeviceEntry {
  device: string;
  author: string;
  entry: AuditEntry;
}

export function createAuditRepository(db: Db) {
  const remoteBySubject = db.prepare<[string], { device: string; author: string; entry: string }>('SELECT device, author, entry FROM team_audit WHERE subject_id = ? ORDER BY at, device, seq');
  const remoteAll = db.prepare<[], { device: string; author: string; entry: string }>('SELECT device, author, entry FROM team_audit ORDER BY device, seq');
  const remoteRecent = db.prepare<[number], { device: string; author: string; entry: string }>('SELECT device, author, entry FROM team_audit ORDER BY at DESC LIMIT ?');
  const insertRemote = db.prepare(`INSERT OR IGNORE INTO team_audit (device, seq, author, id, kind, at, subject_id, entry, hash)
    VALUES (@device, @seq, @author, @id, @kind, @at, @subjectId, @entry, @hash)`);
  const bySeqStmt = db.prepare<[number], AuditRow>(`${SELECT} WHERE seq = ?`);
  const fromDevice = (row: { device: string; author: string; entry: string }): DeviceEntry => ({ device: row.device, author: row.author, entry: JSON.parse(row.entry) as AuditEntry });
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
    /** This machine's entries about a record, then those of the team's other machines, in time order. */
    forSubject: (subjectId: string): AuditEntry[] => {
      const own = bySubjectStmt.all(subjectId).map(fromRow);
      const others = remoteBySubject.all(subjectId).map((row) => ({ ...fromDevice(row).entry, device: row.device }));
      return others.length ? [...own, ...others].sort((a, b) => a.at.localeCompare(b.at)) : own;
    },
    bySeq: (seq: number): AuditEntry | null => {
      const row = bySeqStmt.get(seq);
      return row ? fromRow(row) : null;
    },
    /** Keeps an entry of another machine (once: a second copy is ignored). */
    insertFromDevice: (item: DeviceEntry): void =>
      void insertRemote.run({ device: item.device, seq: item.entry.seq, author: item.author, id: item.entry.id, kind: item.entry.kind, at: item.entry.at, subjectId: item.entry.subjectId, entry: JSON.stringify(item.entry), hash: item.entry.hash }),
    /** Every other machine's entries, chain by chain in sequence order. */
    *iterateDevices(): Generator<DeviceEntry> {
      for (const row of remoteAll.iterate()) yield fromDevice(row);
    },
    recentFromDevices: (limit: number): AuditEntry[] => remoteRecent.all(limit).map((row) => ({ ...fromDevice(row).entry, device: row.device })),
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
