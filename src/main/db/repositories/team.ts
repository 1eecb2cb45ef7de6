// The replicator's local tables (migration 8): its settings and checkpoint, the outbox of records
// changed here, and the replica revision each record was last sent or received as.
import type { Db } from '../connection';

export type TeamDocState = 'synced' | 'denied' | 'conflict' | 'invalid';
export interface TeamDocRow {
  docId: string;
  rev: string;
  bodyHash: string;
  state: TeamDocState;
  message: string;
  owner: string | null;
  updatedAt: string;
}
export interface OutboxRow {
  docId: string;
  queued: number;
}

/** The tables a record type lives in, for applying a remote deletion. */
const TABLE_OF: Record<string, [table: string, key: string]> = {
  post: ['posts', 'id'],
  idea: ['ideas', 'id'],
  channel: ['channels', 'id'],
  category: ['categories', 'id'],
  blackout: ['blackouts', 'id'],
  series: ['series', 'id'],
  setting: ['settings', 'key'],
};

export function createTeamRepository(db: Db) {
  const getState = db.prepare<[string], { value: string }>('SELECT value FROM team_state WHERE key = ?');
  const setState = db.prepare('INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const deleteState = db.prepare('DELETE FROM team_state WHERE key = ?');
  const outboxStmt = db.prepare<[number], OutboxRow>('SELECT doc_id AS docId, queued FROM team_outbox ORDER BY queued LIMIT ?');
  const outboxCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM team_outbox');
  const dequeueStmt = db.prepare('DELETE FROM team_outbox WHERE doc_id = ? AND queued = ?');
  const queuedStmt = db.prepare<[string], { queued: number }>('SELECT queued FROM team_outbox WHERE doc_id = ?');
  const enqueueStmt = db.prepare('INSERT INTO team_outbox (doc_id, queued) VALUES (?, (SELECT coalesce(max(queued), 0) + 1 FROM team_outbox)) ON CONFLICT(doc_id) DO UPDATE SET queued = excluded.queued');
  const docStmt = db.prepare<[string], TeamDocRow>('SELECT doc_id AS docId, rev, body_hash AS bodyHash, state, message, owner, updated_at AS updatedAt FROM team_docs WHERE doc_id = ?');
  const saveDocStmt = db.prepare(`INSERT INTO team_docs (doc_id, rev, body_hash, state, message, owner, updated_at) VALUES (@docId, @rev, @bodyHash, @state, @message, @owner, @updatedAt)
    ON CONFLICT(doc_id) DO UPDATE SET rev = excluded.rev, body_hash = excluded.body_hash, state = excluded.state, message = excluded.message, owner = excluded.owner, updated_at = excluded.updated_at`);
  const flagStmt = db.prepare('UPDATE team_docs SET state = ?, message = ?, updated_at = ? WHERE doc_id = ?');
  const flaggedStmt = db.prepare<[], TeamDocRow>("SELECT doc_id AS docId, rev, body_hash AS bodyHash, state, message, owner, updated_at AS updatedAt FROM team_docs WHERE state <> 'synced' ORDER BY updated_at");
  const countsStmt = db.prepare<[], { state: TeamDocState; n: number }>("SELECT state, count(*) AS n FROM team_docs WHERE state <> 'synced' GROUP BY state");

  return {
    state: (key: string): string | null => getState.get(key)?.value ?? null,
    setState: (key: string, value: string | null): void => void (value === null ? deleteState.run(key) : setState.run(key, value)),
    /** Whether changes are being queued for the team (a team workspace). */
    capturing: (): boolean => getState.get('capture')?.value === 'on',
    /** Turns capture off for the rest of the current transaction (applying what came from the team). */
    withoutCapture<T>(fn: () => T): T {
      const was = getState.get('capture')?.value ?? null;
      setState.run('capture', 'off');
      try {
        return fn();
      } finally {
        if (was === null) deleteState.run('capture');
        else setState.run('capture', was);
      }
    },
    outbox: (limit: number): OutboxRow[] => outboxStmt.all(limit),
    outboxCount: (): number => outboxCount.get()!.n,
    isQueued: (docId: string): boolean => queuedStmt.get(docId) !== undefined,
    enqueue: (docId: string): void => void enqueueStmt.run(docId),
    /** Queues every entry of this machine's audit chain not sent yet (in chain order). */
    queueAuditTrail(device: string): void {
      db.prepare(`INSERT INTO team_outbox (doc_id, queued)
        SELECT 'audit:' || @device || ':' || a.seq, (SELECT coalesce(max(queued), 0) FROM team_outbox) + row_number() OVER (ORDER BY a.seq)
        FROM audit_log a
        WHERE NOT EXISTS (SELECT 1 FROM team_docs d WHERE d.doc_id = 'audit:' || @device || ':' || a.seq)
        ON CONFLICT(doc_id) DO NOTHING`).run({ device });
    },
    /** Removes a sent record from the outbox unless it changed again while it was being sent. */
    dequeue: (row: OutboxRow): void => void dequeueStmt.run(row.docId, row.queued),
    doc: (docId: string): TeamDocRow | null => docStmt.get(docId) ?? null,
    saveDoc: (row: TeamDocRow): void => void saveDocStmt.run(row),
    flag: (docId: string, state: TeamDocState, message: string, at: string): void => void flagStmt.run(state, message, at, docId),
    flagged: (): TeamDocRow[] => flaggedStmt.all(),
    counts: (): Record<TeamDocState, number> => {
      const counts: Record<TeamDocState, number> = { synced: 0, denied: 0, conflict: 0, invalid: 0 };
      for (const row of countsStmt.all()) counts[row.state] = row.n;
      return counts;
    },
    /** Deletes a record a teammate deleted (its dependants follow their foreign keys). */
    deleteRecord(type: string, id: string): void {
      const where = TABLE_OF[type];
      if (where) db.prepare(`DELETE FROM ${where[0]} WHERE ${where[1]} = ?`).run(id);
    },
  };
}
export type TeamRepository = ReturnType<typeof createTeamRepository>;
