// SQLite <-> the local PouchDB replica. SQLite stays the app's store and read model; the replica is
// what PouchDB replicates with CouchDB. Local changes go out from the outbox (filled by triggers in
// the same transaction as the change); the replica's changes come in through its changes feed,
// applied in one SQLite transaction together with the feed's checkpoint, so a crash at any point
// resumes where it stopped and nothing is applied twice or lost.
import type PouchDB from 'pouchdb';
import { createHash } from 'node:crypto';
import { docToRecord, parseDocId, recordToDoc, SHARED_SETTINGS, SYNCED_TYPES, type SharedSetting, type SyncedType, type TeamDoc, type TeamRecords } from '../../../shared/team/documents';
import { AuditEntry } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import type { OutboxRow, TeamDocRow } from '../../db/repositories/team';
import { nowIso } from '../../db/repositories/rows';
import { ServiceError } from '../errors';
import { hashOf } from '../review/hashing';
import { sha256Of } from '../media';
import type { PostService } from '../posts';
import type { MediaService } from '../media';

export const REPLICA_SEQ_KEY = 'replica.seq';
const BATCH = 500;

export interface ReplicatorDeps {
  repos: Repositories;
  posts: PostService;
  media: MediaService;
  replica: PouchDB.Database;
  /** The team user this machine writes as. */
  user: string;
}

/** What a document says, without CouchDB's bookkeeping and without who wrote it. */
export const bodyHash = (doc: TeamDoc): string => {
  // a photo's attachment is named by its hash already: the stub or the bytes hash the same
  const { _id, _rev: _r, _conflicts: _c, _revisions: _v, _attachments: _a, updatedBy: _u, ...body } = doc as TeamDoc & { _revisions?: unknown; _attachments?: unknown };
  return hashOf({ _id, ...body });
};

/** The record of a document id as SQLite has it now, or null if it is gone. */
export function readRecord(repos: Repositories, type: SyncedType, id: string): TeamRecords[SyncedType] | null {
  switch (type) {
    case 'post':
      return repos.posts.get(id);
    case 'idea':
      return repos.ideas.get(id);
    case 'channel':
      return repos.channels.get(id);
    case 'category':
      return repos.categories.get(id);
    case 'blackout':
      return repos.blackouts.list().find((b) => b.id === id) ?? null;
    case 'series':
      return repos.series.list().find((s) => s.id === id) ?? null;
    case 'setting': {
      const value = (SHARED_SETTINGS as readonly string[]).includes(id) ? repos.settings.get(id) : null;
      return value === null ? null : { id: id as SharedSetting['id'], value, revision: 1 };
    }
  }
}

/**
 * Writes a record that came from the team into SQLite (call inside the apply transaction). Its
 * `revision` only numbers a new row: every repository's upsert counts an existing row's up itself.
 */
export function writeRecord(deps: Pick<ReplicatorDeps, 'repos' | 'posts'>, type: SyncedType, record: TeamRecords[SyncedType]): void {
  const { repos } = deps;
  switch (type) {
    case 'post':
      // the post service recomputes the post's checks (text limits, holidays) as on any save
      deps.posts.storeAll([record as TeamRecords['post']], { audit: false });
      return;
    case 'idea':
      repos.ideas.save(record as TeamRecords['idea']);
      return;
    case 'channel':
      repos.channels.save(record as TeamRecords['channel']);
      return;
    case 'category':
      repos.categories.save(record as TeamRecords['category']);
      return;
    case 'blackout':
      repos.blackouts.save(record as TeamRecords['blackout']);
      return;
    case 'series':
      repos.series.save(record as TeamRecords['series']);
      return;
    case 'setting': {
      const setting = record as TeamRecords['setting'];
      repos.settings.set(setting.id, setting.value);
      return;
    }
  }
}

/** Queues every record of the workspace (the first sync of a workspace that becomes a team one). */
export function queueEverything(repos: Repositories): void {
  repos.transaction(() => {
    for (const record of repos.media.list()) repos.team.enqueue(`media:${record.sha256}`);
    const ids: Array<[SyncedType, string]> = [
      ...SHARED_SETTINGS.filter((key) => repos.settings.get(key) !== null).map((key) => ['setting', key] as [SyncedType, string]),
      ...repos.channels.list().map((r) => ['channel', r.id] as [SyncedType, string]),
      ...repos.categories.list().map((r) => ['category', r.id] as [SyncedType, string]),
      ...repos.series.list().map((r) => ['series', r.id] as [SyncedType, string]),
      ...repos.blackouts.list().map((r) => ['blackout', r.id] as [SyncedType, string]),
      ...repos.ideas.list().map((r) => ['idea', r.id] as [SyncedType, string]),
      ...repos.posts.list({}).map((r) => ['post', r.id] as [SyncedType, string]),
    ];
    for (const [type, id] of ids) repos.team.enqueue(`${type}:${id}`);
  });
}

interface Outgoing {
  row: OutboxRow;
  doc: TeamDoc;
  hash: string;
  known: TeamDocRow | null;
}

export const DEVICE_KEY = 'device';

/** Queues this machine's audit entries that have not gone out (joining: its chain from the start). */
export function queueAuditTrail(repos: Repositories): void {
  const device = repos.team.state(DEVICE_KEY);
  if (device) repos.team.queueAuditTrail(device);
}

/** An entry of this machine's chain as its create-only document, bound to the team user who wrote it. */
function auditDoc(deps: ReplicatorDeps, docId: string, id: string): TeamDoc | null {
  const [device, seq] = id.split(':');
  if (device !== deps.repos.team.state(DEVICE_KEY)) return null;
  const entry = deps.repos.audit.bySeq(Number(seq));
  return entry ? { _id: docId, type: 'audit', updatedBy: deps.user, author: deps.user, kind: entry.kind, device, data: entry } : null;
}

/** A photo as its document, the file attached (once: photos never change). */
function mediaDoc(deps: ReplicatorDeps, docId: string, sha256: string): TeamDoc | null {
  const record = deps.repos.media.get(sha256);
  const bytes = record ? deps.media.bytesOf(record.path) : null;
  if (!record || !bytes) return null; // the file is gone from this machine: nothing to send
  const name = record.path.slice(record.path.indexOf('/') + 1);
  return { _id: docId, type: 'media', updatedBy: deps.user, data: { ...record }, _attachments: { [name]: { content_type: record.type, data: bytes.toString('base64') } } };
}

/** The document to send for one outbox row, or null when the replica already has this content. */
function outgoingDoc(deps: ReplicatorDeps, row: OutboxRow): Outgoing | null {
  const parsed = parseDocId(row.docId);
  const known = deps.repos.team.doc(row.docId);
  if (parsed?.type === 'media' || parsed?.type === 'audit') {
    // create-only documents go out once
    const doc = known ? null : parsed.type === 'media' ? mediaDoc(deps, row.docId, parsed.id) : auditDoc(deps, row.docId, parsed.id);
    return doc ? { row, doc, hash: bodyHash(doc), known: null } : null;
  }
  if (!parsed || !(SYNCED_TYPES as readonly string[]).includes(parsed.type)) return null;
  const record = readRecord(deps.repos, parsed.type as SyncedType, parsed.id);
  let doc: TeamDoc;
  if (record) doc = recordToDoc(parsed.type as SyncedType, record, deps.user, known?.owner ?? undefined);
  else if (known) doc = { _id: row.docId, _deleted: true, type: parsed.type, updatedBy: deps.user };
  else return null; // created and deleted before it was ever sent
  const hash = bodyHash(doc);
  if (known && known.bodyHash === hash) return null;
  if (known) doc._rev = known.rev;
  return { row, doc, hash, known };
}

const revGeneration = (rev: string | undefined): number => (rev ? Number(rev.split('-')[0]) : 0);

/**
 * Writes a local edit whose parent is no longer the replica's latest revision (a teammate's edit
 * arrived meanwhile) as a sibling branch: CouchDB keeps both, marks the document conflicted, and
 * nothing is overwritten.
 */
async function writeAsBranch(replica: PouchDB.Database, item: Outgoing): Promise<string> {
  const generation = revGeneration(item.known?.rev) + 1;
  const id = createHash('sha256').update(`${item.known?.rev ?? ''}|${item.hash}`).digest('hex').slice(0, 32);
  const ids = [id, ...(item.known ? [item.known.rev.split('-')[1]!] : [])];
  const rev = `${generation}-${id}`;
  const [result] = await replica.bulkDocs([{ ...item.doc, _rev: rev, _revisions: { start: generation, ids } }], { new_edits: false });
  if (result && result.error) throw new Error(`${item.doc._id}: ${result.message ?? result.error}`);
  return rev;
}

/**
 * What a push is about to write, noted in SQLite before the replica sees it and cleared when SQLite
 * records the replica's answer: the parent revision and the content (one per try, should several
 * runs be stopped in turn). A run stopped in between leaves the note, so the next one can tell
 * its own write in the replica from a teammate's.
 */
interface SendingNote {
  parent: string | null;
  hashes: string[];
}
const sendingKey = (docId: string): string => `sending:${docId}`;

function sendingNote(repos: Repositories, docId: string): SendingNote | null {
  const value = repos.team.state(sendingKey(docId));
  return value ? (JSON.parse(value) as SendingNote) : null;
}

/** Notes this batch, keeping the contents of an earlier stopped try on the same parent. */
function noteSending(repos: Repositories, outgoing: readonly Outgoing[], earlierNotes: ReadonlyMap<string, SendingNote | null>): void {
  repos.transaction(() => {
    for (const item of outgoing) {
      const parent = item.known?.rev ?? null;
      const earlier = earlierNotes.get(item.row.docId);
      const hashes = earlier?.parent === parent ? [...new Set([...earlier.hashes, item.hash])] : [item.hash];
      repos.team.setState(sendingKey(item.row.docId), JSON.stringify({ parent, hashes } satisfies SendingNote));
    }
  });
}

/**
 * The replica's leaf behind a 409 when it is this machine's own write: on top of the revision
 * SQLite knows, with content this machine sent (this very write, or an earlier one the note
 * keeps). That happens when the last run was stopped (a crash, a kill) after the replica took the
 * write and before SQLite recorded it. Adopting it, rather than writing a sibling, keeps the
 * machine from conflicting with itself.
 */
async function ownUnrecordedWrite(replica: PouchDB.Database, item: Outgoing, note: SendingNote | null): Promise<{ rev: string; hash: string } | null> {
  const parent = item.known?.rev ?? null;
  const ours = new Set([item.hash, ...(note?.parent === parent ? note.hashes : [])]);
  const leaves = await replica.get<Array<{ ok?: PouchDB.Doc }>>(item.doc._id, { open_revs: 'all', revs: true }).catch(() => []);
  for (const leaf of leaves as Array<{ ok?: PouchDB.Doc }>) {
    const doc = leaf.ok;
    if (!doc?._rev || !doc._revisions) continue;
    const hash = bodyHash(doc as TeamDoc);
    const { start, ids } = doc._revisions;
    const onTopOfKnown = parent ? start === revGeneration(parent) + 1 && ids[1] === parent.split('-')[1] : start === 1;
    if (onTopOfKnown && ours.has(hash)) return { rev: doc._rev, hash };
  }
  return null;
}

/** Sends the outbox to the replica; returns how many documents were written. */
export async function pushOutbox(deps: ReplicatorDeps): Promise<{ sent: number; branched: number }> {
  const { repos, replica } = deps;
  let sent = 0;
  let branched = 0;
  for (;;) {
    const rows = repos.team.outbox(BATCH);
    if (rows.length === 0) break;
    const outgoing: Outgoing[] = [];
    const unchanged: OutboxRow[] = [];
    for (const row of rows) {
      const item = outgoingDoc(deps, row);
      if (item) outgoing.push(item);
      else unchanged.push(row);
    }
    const notes = new Map(outgoing.map((item) => [item.row.docId, sendingNote(repos, item.row.docId)]));
    if (outgoing.length) noteSending(repos, outgoing, notes);
    const results = outgoing.length ? await replica.bulkDocs(outgoing.map((o) => o.doc)) : [];
    // the revision and content SQLite records for each document
    const settled = new Map<string, { rev: string; hash: string }>();
    for (const [index, result] of results.entries()) {
      const item = outgoing[index]!;
      if (result.ok || (!result.error && result.rev)) settled.set(item.row.docId, { rev: result.rev, hash: item.hash });
      else if (result.status === 409 || result.name === 'conflict') {
        const own = await ownUnrecordedWrite(replica, item, notes.get(item.row.docId) ?? null);
        if (own) settled.set(item.row.docId, own);
        else {
          settled.set(item.row.docId, { rev: await writeAsBranch(replica, item), hash: item.hash });
          branched++;
        }
      } else throw new ServiceError('storage', `Could not write ${item.row.docId} to the team replica: ${result.message ?? result.error}`);
    }
    const at = nowIso();
    // an earlier write of ours that the replica has is recorded first; this content goes on top next round
    let onTopOfOwn = 0;
    repos.transaction(() => {
      for (const row of unchanged) repos.team.dequeue(row);
      for (const item of outgoing) {
        const { rev, hash } = settled.get(item.row.docId)!;
        repos.team.saveDoc({ docId: item.row.docId, rev, bodyHash: hash, state: 'synced', message: '', owner: (item.doc.owner as string | undefined) ?? item.known?.owner ?? null, updatedAt: at });
        repos.team.setState(sendingKey(item.row.docId), null);
        if (hash === item.hash) repos.team.dequeue(item.row);
        else onTopOfOwn++;
      }
    });
    sent += outgoing.length - onTopOfOwn;
    if (rows.length < BATCH && onTopOfOwn === 0) break;
  }
  return { sent, branched };
}

const TYPE_ORDER = new Map(SYNCED_TYPES.map((type, index) => [type, index]));

/** Keeps another machine's audit entry in its own chain (this machine's come back as echoes). */
function applyAuditDoc(deps: ReplicatorDeps, doc: TeamDoc, at: string): 'applied' | 'skipped' | 'invalid' {
  const { repos } = deps;
  const device = String(doc.device ?? '');
  if (!device || device === repos.team.state(DEVICE_KEY) || repos.team.doc(doc._id)) return 'skipped';
  const entry = AuditEntry.safeParse(doc.data);
  const valid = entry.success && doc._id === `audit:${device}:${entry.data.seq}`;
  repos.team.saveDoc({ docId: doc._id, rev: doc._rev!, bodyHash: bodyHash(doc), state: valid ? 'synced' : 'invalid', message: valid ? '' : `${doc._id}: not an audit entry of this workspace`, owner: null, updatedAt: at });
  if (!valid) return 'invalid';
  repos.audit.insertFromDevice({ device, author: String(doc.author ?? doc.updatedBy), entry: entry.data });
  return 'applied';
}

/** A photo that arrived: its bytes must hash to its name before they enter the media folder. */
function applyMediaDoc(deps: ReplicatorDeps, doc: TeamDoc, bytes: Buffer | undefined, at: string): 'applied' | 'skipped' | 'invalid' {
  const { repos } = deps;
  if (repos.team.doc(doc._id)) return 'skipped';
  const sha256 = doc._id.slice('media:'.length);
  const record = doc.data as { originalName?: unknown } | undefined;
  let problem: string | null = null;
  if (!bytes) problem = `${doc._id}: the photo's file did not arrive`;
  else if (sha256Of(bytes) !== sha256) problem = `${doc._id}: the file that arrived does not match its SHA-256 (it was altered on the way or on the server); it was not kept`;
  else {
    try {
      deps.media.addBytes(bytes, typeof record?.originalName === 'string' && record.originalName ? record.originalName : `${sha256}`);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      problem = `${doc._id}: ${error.message}`;
    }
  }
  repos.team.saveDoc({ docId: doc._id, rev: doc._rev!, bodyHash: bodyHash(doc), state: problem ? 'invalid' : 'synced', message: problem ?? '', owner: null, updatedAt: at });
  return problem ? 'invalid' : 'applied';
}

/** Applies one document from the replica; returns what happened to it. */
function applyDoc(deps: ReplicatorDeps, doc: TeamDoc, at: string, files: ReadonlyMap<string, Buffer>, pendingPosts: PendingPost[]): 'applied' | 'skipped' | 'invalid' | 'conflict' | 'deferred' {
  const { repos } = deps;
  const parsed = parseDocId(doc._id);
  if (parsed?.type === 'audit') return applyAuditDoc(deps, doc, at);
  if (parsed?.type === 'media') return applyMediaDoc(deps, doc, files.get(doc._id), at);
  if (!parsed || !(SYNCED_TYPES as readonly string[]).includes(parsed.type)) return 'skipped';
  const known = repos.team.doc(doc._id);
  // an edit made here and not sent yet wins locally; sending it makes a branch (see writeAsBranch)
  if (repos.team.isQueued(doc._id)) return 'skipped';
  const conflicts = doc._conflicts?.length ?? 0;
  if (known && known.rev === doc._rev && (conflicts > 0) === (known.state === 'conflict')) return 'skipped';
  const state = conflicts > 0 ? 'conflict' : 'synced';
  const message = conflicts > 0 ? `${conflicts + 1} versions: choose or merge them` : '';
  const owner = (doc.owner as string | undefined) ?? known?.owner ?? null;
  if (doc._deleted) {
    repos.team.deleteRecord(parsed.type, parsed.id);
    repos.team.saveDoc({ docId: doc._id, rev: doc._rev!, bodyHash: bodyHash(doc), state, message, owner, updatedAt: at });
    return 'applied';
  }
  const result = docToRecord(doc);
  if ('error' in result) {
    repos.team.saveDoc({ docId: doc._id, rev: doc._rev!, bodyHash: bodyHash(doc), state: 'invalid', message: result.error, owner, updatedAt: at });
    return 'invalid';
  }
  const row: TeamDocRow = { docId: doc._id, rev: doc._rev!, bodyHash: bodyHash(doc), state, message, owner, updatedAt: at };
  // posts are written together at the end of the batch: one read of what they are checked against
  if (result.type === 'post') return void pendingPosts.push({ post: result.record as TeamRecords['post'], row }), 'deferred';
  try {
    repos.transaction(() => writeRecord(deps, result.type, result.record));
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    repos.team.saveDoc({ ...row, state: 'invalid', message: `${doc._id}: ${error.message}` });
    return 'invalid';
  }
  repos.team.saveDoc(row);
  return state === 'conflict' ? 'conflict' : 'applied';
}

interface PendingPost {
  post: TeamRecords['post'];
  row: TeamDocRow;
}

/**
 * Stores the batch's posts through the post service in one go (checks recomputed as on any save);
 * if one is refused (a channel that did not arrive), each is stored alone so the others still land.
 */
function writePendingPosts(deps: ReplicatorDeps, pending: readonly PendingPost[]): { applied: number; conflicts: number; invalid: number } {
  const { repos } = deps;
  const counts = { applied: 0, conflicts: 0, invalid: 0 };
  const done = (item: PendingPost) => {
    repos.team.saveDoc(item.row);
    counts.applied++;
    if (item.row.state === 'conflict') counts.conflicts++;
  };
  try {
    repos.transaction(() => deps.posts.storeAll(pending.map((p) => p.post), { audit: false }));
    pending.forEach(done);
    return counts;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
  }
  for (const item of pending) {
    try {
      repos.transaction(() => deps.posts.storeAll([item.post], { audit: false }));
      done(item);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      repos.team.saveDoc({ ...item.row, state: 'invalid', message: `${item.row.docId}: ${error.message}` });
      counts.invalid++;
    }
  }
  return counts;
}

/** The attached file of each new photo document in a batch, by document id. */
async function photoFiles(deps: ReplicatorDeps, docs: readonly TeamDoc[]): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const doc of docs) {
    if (doc.type !== 'media' || doc._deleted || deps.repos.team.doc(doc._id)) continue;
    const name = Object.keys((doc._attachments as Record<string, unknown> | undefined) ?? {})[0];
    if (!name) continue;
    const bytes = await deps.replica.getAttachment(doc._id, name).catch(() => null);
    if (bytes) files.set(doc._id, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes as ArrayBuffer));
  }
  return files;
}

/** Applies the replica's changes since the checkpoint; returns the counts of this run. */
export async function pullReplica(deps: ReplicatorDeps): Promise<{ applied: number; conflicts: number; invalid: number }> {
  const { repos, replica } = deps;
  const totals = { applied: 0, conflicts: 0, invalid: 0 };
  for (;;) {
    const since = repos.team.state(REPLICA_SEQ_KEY) ?? 0;
    const feed = await replica.changes({ since, include_docs: true, conflicts: true, limit: BATCH });
    if (feed.results.length === 0) break;
    const docs = feed.results
      .map((change) => change.doc as TeamDoc | undefined)
      .filter((doc): doc is TeamDoc => !!doc)
      .sort((a, b) => (TYPE_ORDER.get(a.type as SyncedType) ?? 99) - (TYPE_ORDER.get(b.type as SyncedType) ?? 99));
    // photos' files are read before the transaction (reading is asynchronous; applying is not)
    const files = await photoFiles(deps, docs);
    const at = nowIso();
    repos.transaction(() => {
      // records of one batch may refer to each other in any order: check references at commit
      repos.db.pragma('defer_foreign_keys = ON');
      repos.team.withoutCapture(() => {
        const pendingPosts: PendingPost[] = [];
        for (const doc of docs) {
          const outcome = applyDoc(deps, doc, at, files, pendingPosts);
          if (outcome === 'applied') totals.applied++;
          else if (outcome === 'conflict') (totals.applied++, totals.conflicts++);
          else if (outcome === 'invalid') totals.invalid++;
        }
        const posts = writePendingPosts(deps, pendingPosts);
        totals.applied += posts.applied;
        totals.conflicts += posts.conflicts;
        totals.invalid += posts.invalid;
      });
      repos.team.setState(REPLICA_SEQ_KEY, String(feed.last_seq));
    });
    if (feed.results.length < BATCH) break;
  }
  return totals;
}

/** Marks documents the server refused, so the writer sees them (the refused change stays in their copy). */
export function flagDenied(repos: Repositories, denied: Array<{ id?: string; message?: string; reason?: string }>): void {
  const at = nowIso();
  repos.transaction(() => {
    for (const error of denied) {
      if (!error.id) continue;
      const reason = error.message ?? error.reason ?? 'refused by the server';
      // every document sent from here has its row: pushOutbox writes it before replication runs
      if (repos.team.doc(error.id)) repos.team.flag(error.id, 'denied', reason, at);
    }
  });
}
