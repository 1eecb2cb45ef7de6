// The audit trail: every change and decision appended as a record whose hash covers its content
// and the hash of the record before it. Altering, inserting or deleting a row breaks the chain,
// and `verify` names the first entry where it breaks.
import { stringify } from 'csv-stringify/sync';
import type { AuditEntry, Profile } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import type { AuditQuery } from '../../db/repositories/audit';
import { newId, nowIso } from '../../db/repositories/rows';
import { ServiceError } from '../errors';
import { hashOf } from './hashing';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit.head';
export const RETENTION_KEY = 'audit.retentionYears';
export const DEFAULT_RETENTION_YEARS = 3;
/** Reg DD keeps ads two years; FINRA three; an adviser five: at least two, at most ten. */
export const MIN_RETENTION_YEARS = 2;
export const MAX_RETENTION_YEARS = 10;

export interface AuditRecordInput {
  kind: string;
  subjectType: string;
  subjectId: string | null;
  beforeHash?: string | null;
  afterHash?: string | null;
  body?: Record<string, unknown>;
}

/** The person a record is written for: the current profile, or Storybank itself (migrations, the demo). */
export type Author = Pick<Profile, 'id' | 'name'> | null;

export const entryHash = (entry: Omit<AuditEntry, 'seq' | 'hash'>): string =>
  hashOf({
    id: entry.id,
    kind: entry.kind,
    actorId: entry.actorId,
    actorName: entry.actorName,
    at: entry.at,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    beforeHash: entry.beforeHash,
    afterHash: entry.afterHash,
    body: entry.body,
    prevHash: entry.prevHash,
  });

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; broken: { seq: number; id: string; kind: string; reason: string } };

export const AUDIT_CSV_COLUMNS = ['seq', 'id', 'at', 'kind', 'actor_id', 'actor_name', 'subject_type', 'subject_id', 'before_hash', 'after_hash', 'body', 'prev_hash', 'hash'] as const;

export function createAuditService(repos: Repositories, author: () => Author) {
  /** Appends one record; call it inside the transaction that makes the change, so both land or neither. */
  const record = (input: AuditRecordInput, by: Author = author()): AuditEntry => {
    const prevHash = repos.audit.last()?.hash ?? GENESIS_HASH;
    const entry = {
      id: newId(),
      kind: input.kind,
      actorId: by?.id ?? null,
      actorName: by?.name ?? 'Storybank',
      at: nowIso(),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      beforeHash: input.beforeHash ?? null,
      afterHash: input.afterHash ?? null,
      body: input.body ?? {},
      prevHash,
    };
    const hash = entryHash(entry);
    const seq = repos.audit.insert({ ...entry, hash });
    repos.settings.set(HEAD_KEY, `${seq}:${hash}`);
    return { ...entry, seq, hash };
  };

  return {
    record,
    list: (query: AuditQuery): AuditEntry[] => repos.audit.query(query),
    forSubject: (subjectId: string): AuditEntry[] => repos.audit.forSubject(subjectId),

    /** Walks the whole chain: every hash recomputed, every link checked, the last entry matched to the head. */
    verify(): VerifyResult {
      let prevHash = GENESIS_HASH;
      let prevSeq = 0;
      let entries = 0;
      let last: AuditEntry | null = null;
      for (const entry of repos.audit.iterate()) {
        const broken = (reason: string): VerifyResult => ({ ok: false, entries, broken: { seq: entry.seq, id: entry.id, kind: entry.kind, reason } });
        if (entries === 0 && entry.prevHash !== GENESIS_HASH) return broken('the first entry does not start the chain: entries before it were deleted');
        if (entry.prevHash !== prevHash) return broken(`it does not follow entry ${prevSeq}: an entry between them was deleted or altered`);
        if (entryHash(entry) !== entry.hash) return broken('its content does not match its hash: the row was altered');
        prevHash = entry.hash;
        prevSeq = entry.seq;
        last = entry;
        entries += 1;
      }
      const head = repos.settings.get(HEAD_KEY);
      const expected = last ? `${last.seq}:${last.hash}` : null;
      if (head !== expected) {
        const [seq] = (head ?? '0:').split(':');
        return { ok: false, entries, broken: { seq: Number(seq), id: '', kind: '', reason: `the trail ends at entry ${last?.seq ?? 0}, but entry ${seq} was written: the last entries were deleted` } };
      }
      return { ok: true, entries, head: prevHash };
    },

    /** The whole trail for examiners: CSV (one row per entry, body as JSON) or JSON. */
    exportText(format: 'csv' | 'json'): string {
      const entries = [...repos.audit.iterate()];
      if (format === 'json') return `${JSON.stringify({ exportedAt: nowIso(), entries }, null, 2)}\n`;
      return stringify(
        entries.map((e) => [e.seq, e.id, e.at, e.kind, e.actorId ?? '', e.actorName, e.subjectType, e.subjectId ?? '', e.beforeHash ?? '', e.afterHash ?? '', JSON.stringify(e.body), e.prevHash, e.hash]),
        { header: true, columns: [...AUDIT_CSV_COLUMNS], bom: true },
      );
    },

    retentionYears: (): number => Number(repos.settings.get(RETENTION_KEY) ?? DEFAULT_RETENTION_YEARS),
    setRetentionYears(years: number): number {
      if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
        throw new ServiceError('validation', `years: keep the audit trail ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS} years`, [
          { path: 'years', message: `expected ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}` },
        ]);
      }
      return repos.transaction(() => {
        const before = this.retentionYears();
        repos.settings.set(RETENTION_KEY, String(years));
        record({ kind: 'settings.review', subjectType: 'settings', subjectId: null, body: { retentionYears: { before, after: years } } });
        return years;
      });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
