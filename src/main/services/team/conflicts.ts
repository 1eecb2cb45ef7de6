// Conflicts and refused writes of a team workspace. Two people who edit the same record while
// apart both keep their version: CouchDB stores both, Storybank lists them side by side, and a
// planner chooses one or writes a merge. A change the server refused stays in the writer's copy,
// flagged, until they revert it to the server's version. Both are recorded in the audit trail,
// with every version's content, so nothing is lost.
import type PouchDB from 'pouchdb';
import { docToRecord, parseDocId, recordToDoc, SYNCED_TYPES, type SyncedType, type TeamDoc, type TeamRecords } from '../../../shared/team/documents';
import type { ConflictVersion } from '../../../shared/api/team';
import { nowIso } from '../../db/repositories/rows';
import { ServiceError } from '../errors';
import type { AuditService } from '../review/audit';
import { bodyHash, readRecord, writeRecord, type ReplicatorDeps } from './replicator';

const requireSynced = (docId: string): { type: SyncedType; id: string } => {
  const parsed = parseDocId(docId);
  if (!parsed || !(SYNCED_TYPES as readonly string[]).includes(parsed.type)) throw new ServiceError('validation', `${docId} is not a record of this workspace.`, [{ path: 'docId', message: 'unknown document' }]);
  return parsed as { type: SyncedType; id: string };
};

/** Every version of a conflicted record: the one shown now (the winner) first. */
export async function conflictVersions(replica: PouchDB.Database, docId: string): Promise<ConflictVersion[]> {
  requireSynced(docId);
  const winner = await replica.get<TeamDoc>(docId, { conflicts: true }).catch(() => null);
  if (!winner) throw new ServiceError('not_found', `${docId} is not in this workspace's replica.`);
  const losers = await Promise.all((winner._conflicts ?? []).map((rev) => replica.get<TeamDoc>(docId, { rev })));
  return [winner, ...losers].map((doc, index) => {
    const parsed = docToRecord(doc);
    return { rev: doc._rev!, updatedBy: doc.updatedBy, shown: index === 0, record: 'error' in parsed ? null : (parsed.record as unknown as Record<string, unknown>), problem: 'error' in parsed ? parsed.error : null };
  });
}

/**
 * Ends a conflict with one version (`keep`, a revision) or a merge (`merged`, a record of the same
 * id): the others are closed in the replica, the result becomes the current revision, and the
 * audit entry keeps every version's content.
 */
export async function resolveConflict(deps: ReplicatorDeps & { audit: AuditService }, input: { docId: string; keep?: string; merged?: unknown }): Promise<void> {
  const { type, id } = requireSynced(input.docId);
  const versions = await conflictVersions(deps.replica, input.docId);
  if (versions.length < 2) throw new ServiceError('conflict', `${input.docId} has only one version now (someone resolved it already).`);
  let chosen: TeamRecords[SyncedType];
  if (input.merged !== undefined) {
    const parsed = docToRecord({ ...recordToDoc(type, input.merged as TeamRecords[SyncedType], deps.user), _id: input.docId });
    if ('error' in parsed) throw new ServiceError('validation', `The merged version cannot be saved: ${parsed.error}`, [{ path: 'merged', message: parsed.error }]);
    if (parsed.record.id !== id) throw new ServiceError('validation', 'The merged version must keep the record id.', [{ path: 'merged.id', message: 'id changed' }]);
    chosen = parsed.record;
  } else {
    const kept = versions.find((v) => v.rev === input.keep);
    if (!kept?.record) throw new ServiceError('validation', `${input.docId} has no readable version ${input.keep ?? '(none given)'}: choose one of ${versions.map((v) => v.rev).join(', ')}.`, [{ path: 'keep', message: 'not a version' }]);
    chosen = kept.record as unknown as TeamRecords[SyncedType];
  }
  const [winner, ...losers] = versions;
  const owner = (await deps.replica.get<TeamDoc>(input.docId)).owner as string | undefined;
  const doc: TeamDoc = { ...recordToDoc(type, chosen, deps.user, owner), _rev: winner!.rev };
  const results = await deps.replica.bulkDocs([
    doc,
    ...losers.map((loser) => ({ _id: input.docId, _rev: loser.rev, _deleted: true, type, updatedBy: deps.user })),
  ]);
  const failed = results.find((r) => r.error);
  if (failed) throw new ServiceError('conflict', `${input.docId} changed while you chose (${failed.message ?? failed.error}): look at the versions again.`);
  const at = nowIso();
  deps.repos.transaction(() => {
    deps.repos.team.withoutCapture(() => writeRecord(deps, type, chosen));
    deps.repos.team.saveDoc({ docId: input.docId, rev: results[0]!.rev, bodyHash: bodyHash(doc), state: 'synced', message: '', owner: owner ?? null, updatedAt: at });
    deps.audit.record({
      kind: 'team.conflict_resolved',
      subjectType: type,
      subjectId: id,
      body: { docId: input.docId, kept: input.merged !== undefined ? 'merged' : input.keep, result: chosen, versions: versions.map((v) => ({ rev: v.rev, updatedBy: v.updatedBy, record: v.record })) },
    });
  });
}

/**
 * Puts a refused change back to the server's version (or removes a refused new record). The
 * refused content stays in the audit entry; the write that goes out changes nothing on the server.
 */
export async function revertDenied(deps: ReplicatorDeps & { audit: AuditService; remote: PouchDB.Database }, docId: string): Promise<void> {
  const { type, id } = requireSynced(docId);
  const flagged = deps.repos.team.doc(docId);
  if (flagged?.state !== 'denied') throw new ServiceError('validation', `${docId} was not refused by the server: there is nothing to revert.`);
  let serverDoc: TeamDoc | null;
  try {
    serverDoc = await deps.remote.get<TeamDoc>(docId);
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw new ServiceError('unreachable', `Cannot read the server's version of ${docId} now: ${(error as Error).message}. Try again when connected.`);
    serverDoc = null;
  }
  const local = await deps.replica.get<TeamDoc>(docId);
  const refused = readRecord(deps.repos, type, id);
  const next: TeamDoc = serverDoc
    ? { _id: docId, _rev: local._rev, type: serverDoc.type, updatedBy: deps.user, ...(serverDoc.owner ? { owner: serverDoc.owner } : {}), data: serverDoc.data }
    : { _id: docId, _rev: local._rev, _deleted: true, type, updatedBy: deps.user };
  const [result] = await deps.replica.bulkDocs([next]);
  if (!result || result.error) throw new ServiceError('conflict', `${docId} changed meanwhile: look at it again.`);
  const restored = serverDoc ? docToRecord(serverDoc) : null;
  if (restored && 'error' in restored) throw new ServiceError('validation', `The server's version cannot be read: ${restored.error}`);
  const at = nowIso();
  deps.repos.transaction(() => {
    deps.repos.team.withoutCapture(() => {
      if (restored) writeRecord(deps, type, restored.record);
      else deps.repos.team.deleteRecord(type, id);
    });
    deps.repos.team.saveDoc({ docId, rev: result.rev, bodyHash: bodyHash(next), state: 'synced', message: '', owner: (serverDoc?.owner as string | undefined) ?? null, updatedAt: at });
    deps.audit.record({ kind: 'team.denied_reverted', subjectType: type, subjectId: id, body: { docId, reason: flagged.message, refused, restored: restored?.record ?? null } });
  });
}
