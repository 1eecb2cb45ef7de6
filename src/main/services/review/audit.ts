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

/** One other machine's chain in a team workspace: its entries so far, and the first problem, if any. */
export interface DeviceChain {
  device: string;
  author: string;
  entries: number;
  problem: string | null;
}

export type VerifyResult = (
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; broken: { seq: number; id: string; kind: string; reason: string } }
) & { devices?: DeviceChain[] };

/** Checks each other machine's chain: it starts at its first entry, has no gap, and every hash and link holds. */
export function verifyDeviceChains(entries: Iterable<{ device: string; author: string; entry: AuditEntry }>): DeviceChain[] {
  type Walk = DeviceChain & { prevHash: string; prevSeq: number };
  const chains: DeviceChain[] = [];
  const done = (walk: Walk): DeviceChain => ({ device: walk.device, author: walk.author, entries: walk.entries, problem: walk.problem });
  let chain = null as Walk | null;
  for (const { device, author, entry } of entries) {
    if (!chain || chain.device !== device) {
      if (chain) chains.push(done(chain));
      chain = { device, author, entries: 0, problem: null, prevHash: GENESIS_HASH, prevSeq: 0 };
    }
    if (chain.problem) continue;
    if (entry.seq !== chain.prevSeq + 1) chain.problem = `entries ${chain.prevSeq + 1}${entry.seq - 1 > chain.prevSeq + 1 ? `–${entry.seq - 1}` : ''} have not arrived (a gap before entry ${entry.seq})`;
    else if (entry.prevHash !== chain.prevHash) chain.problem = `entry ${entry.seq} does not follow entry ${chain.prevSeq}: an entry was altered`;
    else if (entryHash(entry) !== entry.hash) chain.problem = `entry ${entry.seq}'s content does not match its hash: it was altered`;
    else {
      chain.prevHash = entry.hash;
      chain.prevSeq = entry.seq;
      chain.entries += 1;
    }
  }
  if (chain) chains.push(done(chain));
  return chains;
}

/** `device`: in a team workspace, the machine whose chain the entry is in (empty for a solo workspace). */
export const AUDIT_CSV_COLUMNS = ['seq', 'id', 'at', 'kind', 'actor_id', 'actor_name', 'subject_type', 'subject_id', 'before_hash', 'after_hash', 'body', 'prev_hash', 'hash', 'device'] as const;

export function createAuditService(repos: Repositories, author: () => Author) {
  // inside recordingMany: the chain's last hash kept in memory, the head written once at the end
  let many: { prevHash: string; head: string | null } | null = null;

  /** Appends one record; call it inside the transaction that makes the change, so both land or neither. */
  const record = (input: AuditRecordInput, by: Author = author()): AuditEntry => {
    const prevHash = many?.prevHash ?? repos.audit.last()?.hash ?? GENESIS_HASH;
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
    if (many) many = { prevHash: hash, head: `${seq}:${hash}` };
    else repos.settings.set(HEAD_KEY, `${seq}:${hash}`);
    return { ...entry, seq, hash };
  };

  /**
   * Runs `work`, which records many entries (an import of 10,000 rows), inside the caller's
   * transaction: the chain's head is written once, after the last entry. `work` must not catch a
   * failure of its own steps (a rolled-back step would leave the chain in memory ahead of the table);
   * a failure propagates, and the caller's transaction takes every entry back with it.
   */
  const recordingMany = <T>(work: () => T): T => {
    if (many) return work();
    many = { prevHash: repos.audit.last()?.hash ?? GENESIS_HASH, head: null };
    try {
      const result = work();
      if (many.head) repos.settings.set(HEAD_KEY, many.head);
      return result;
    } finally {
      many = null;
    }
  };

  /** This machine's chain: every hash recomputed, every link checked, the last entry matched to the head. */
  const verifyOwn = (): VerifyResult => {
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
  };

  return {
    record,
    recordingMany,
    /** The trail, newest first: this machine's entries and, unfiltered, the team's other machines'. */
    list: (query: AuditQuery): AuditEntry[] => {
      const own = repos.audit.query(query);
      if (query.afterSeq || query.subjectId || query.actorId || query.kinds?.length || query.from || query.to) return own;
      const others = repos.audit.recentFromDevices(query.limit ?? 500);
      return others.length ? [...own, ...others].sort((a, b) => b.at.localeCompare(a.at)).slice(0, query.limit ?? 500) : own;
    },
    forSubject: (subjectId: string): AuditEntry[] => repos.audit.forSubject(subjectId),

    /** This machine's chain, then, in a team workspace, each other machine's chain on its own. */
    verify(): VerifyResult {
      const own = verifyOwn();
      const devices = verifyDeviceChains(repos.audit.iterateDevices());
      if (devices.length === 0) return own;
      const problem = devices.find((d) => d.problem);
      if (own.ok && problem) return { ok: false, entries: own.entries, broken: { seq: 0, id: '', kind: '', reason: `the chain of ${problem.author}'s machine (${problem.device}): ${problem.problem}` }, devices };
      return { ...own, devices };
    },

    /** The whole trail for examiners (every machine's chain in a team): CSV (one row per entry, body as JSON) or JSON. */
    exportText(format: 'csv' | 'json'): string {
      const entries = [...repos.audit.iterate()];
      const others = [...repos.audit.iterateDevices()];
      const device = repos.team.state('device') ?? '';
      if (format === 'json') {
        const devices = [...new Set(others.map((o) => o.device))].map((id) => ({ device: id, author: others.find((o) => o.device === id)!.author, entries: others.filter((o) => o.device === id).map((o) => o.entry) }));
        return `${JSON.stringify({ exportedAt: nowIso(), device, entries, devices }, null, 2)}\n`;
      }
      const row = (e: AuditEntry, from: string) => [e.seq, e.id, e.at, e.kind, e.actorId ?? '', e.actorName, e.subjectType, e.subjectId ?? '', e.beforeHash ?? '', e.afterHash ?? '', JSON.stringify(e.body), e.prevHash, e.hash, from];
      return stringify([...entries.map((e) => row(e, device)), ...others.map((o) => row(o.entry, o.device))], { header: true, columns: [...AUDIT_CSV_COLUMNS], bom: true });
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
