// A team workspace on this machine: which server, database and user it syncs with, the local
// replica (PouchDB on leveldb, beside the workspace file), one-shot and live sync, and its status.
// Everything works without the server: changes wait in the outbox and the replica, and go out on
// reconnect.
import { randomUUID } from 'node:crypto';
import type PouchDB from 'pouchdb';
import type { TeamStatus } from '../../../shared/api/team';
import { DESIGN_DOC_ID, DESIGN_VERSION } from '../../../shared/team/design';
import type { Repositories } from '../../db/repositories';
import { nowIso } from '../../db/repositories/rows';
import { ServiceError } from '../errors';
import type { MediaService } from '../media';
import type { PostService } from '../posts';
import { credentialKey, type CredentialStore } from './credentials';
import type { AuditService } from '../review/audit';
import type { Access } from '../review/people';
import { conflictVersions, resolveConflict, revertDenied } from './conflicts';
import { DEVICE_KEY, flagDenied, pullReplica, pushOutbox, queueAuditTrail, queueEverything, type ReplicatorDeps } from './replicator';
import { couchRequest, parseServerUrl, whoAmI } from './server';

const TEAM_KEYS = { server: 'server', database: 'database', user: 'user', lastSync: 'lastSyncAt' } as const;
const OUTBOX_POLL_MS = 250;
const PROBE_MS = 5_000;

export interface TeamConfig {
  server: string;
  database: string;
  user: string;
}

export const replicaPath = (dbPath: string): string => `${dbPath}.team-replica`;

export function readTeamConfig(repos: Repositories): TeamConfig | null {
  const server = repos.team.state(TEAM_KEYS.server);
  const database = repos.team.state(TEAM_KEYS.database);
  const user = repos.team.state(TEAM_KEYS.user);
  return server && database && user ? { server, database, user } : null;
}

const ROLES_KEY = 'roles';

/** The team user and their roles on the server, as found when joining (null: a solo workspace). */
export function teamIdentity(repos: Repositories): { user: string; roles: string[] } | null {
  const config = readTeamConfig(repos);
  const roles = repos.team.state(ROLES_KEY);
  return config && roles ? { user: config.user, roles: JSON.parse(roles) as string[] } : null;
}

/** Network failures PouchDB can throw outside any promise when a link drops. */
export const isNetworkError = (error: unknown): boolean =>
  ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(String((error as { code?: unknown })?.code ?? '')) ||
  /socket hang up|network timeout|ECONNRESET/.test(String((error as Error)?.message ?? ''));

let networkGuardInstalled = false;
/** Keeps a dropped connection from killing the process (PouchDB can throw ECONNRESET unhandled); sync retries. */
export function installNetworkGuard(): void {
  if (networkGuardInstalled) return;
  networkGuardInstalled = true;
  process.on('uncaughtException', (error) => {
    if (isNetworkError(error)) {
      process.stderr.write(`team sync: connection dropped (${(error as { code?: string }).code ?? (error as Error).message}); retrying\n`);
      return;
    }
    console.error(error);
    process.exit(1);
  });
}

/** PouchDB is loaded on first use: solo workspaces and other commands never pay for it. */
type PouchConstructor = typeof import('pouchdb');
let pouch: Promise<PouchConstructor> | null = null;
const pouchConstructor = (): Promise<PouchConstructor> =>
  (pouch ??= import('pouchdb').then((loaded) => ((loaded as unknown as { default?: PouchConstructor }).default ?? (loaded as unknown as PouchConstructor))));

async function openReplica(dbPath: string): Promise<PouchDB.Database> {
  const PouchDB = await pouchConstructor();
  return new PouchDB(replicaPath(dbPath));
}

/** Opening the replica fails while another Storybank process holds it (leveldb allows one). */
async function usableReplica(replica: PouchDB.Database): Promise<PouchDB.Database> {
  try {
    await replica.info();
    return replica;
  } catch (error) {
    const message = String((error as Error).message ?? error);
    if (/lock|LOCK|Resource temporarily unavailable/.test(message)) {
      throw new ServiceError('busy', 'Another Storybank process (the app or `storybank serve`) is syncing this workspace now; it keeps it in sync. Close it to sync from here.');
    }
    throw new ServiceError('storage', `Cannot open the team replica beside the workspace: ${message}`);
  }
}

export interface TeamDeps {
  repos: Repositories;
  posts: PostService;
  media: MediaService;
  audit: AuditService;
  dbPath: string;
  credentials: CredentialStore;
  access: Access;
}

export function createTeamService(deps: TeamDeps) {
  const { repos, credentials } = deps;
  // one replica per process, opened once even when two callers ask at the same time (leveldb has one owner)
  let replica: Promise<PouchDB.Database> | null = null;
  let live: { stop(): Promise<void> } | null = null;
  // push, pull, resolve and revert all write SQLite and the replica: one at a time, whoever asks
  // (live sync, Sync now, a resolution), or a document is sent twice and branches from itself
  let running: Promise<unknown> = Promise.resolve();
  const serial = <T,>(step: () => Promise<T>): Promise<T> => {
    const next = running.then(step);
    running = next.catch(() => undefined);
    return next;
  };
  const connection = { online: null as boolean | null, offlineSince: null as string | null, lastError: '' };
  let received = 0;

  const config = (): TeamConfig => {
    const found = readTeamConfig(repos);
    if (!found) throw new ServiceError('validation', 'This is a solo workspace: join a team first (`storybank team join`).');
    return found;
  };
  const passwordOf = (c: TeamConfig): string => {
    const password = credentials.get(credentialKey(c.server, c.database, c.user));
    if (password === null) throw new ServiceError('forbidden', `No password is kept for ${c.user} on ${c.server}: join again, or set STORYBANK_TEAM_PASSWORD.`);
    return password;
  };
  const remoteOf = async (c: TeamConfig): Promise<PouchDB.Database> => {
    const PouchDB = await pouchConstructor();
    return new PouchDB(`${c.server}/${encodeURIComponent(c.database)}`, { auth: { username: c.user, password: passwordOf(c) }, skip_setup: true });
  };
  const replicaOf = (): Promise<PouchDB.Database> => {
    config(); // a solo workspace has no replica
    replica ??= openReplica(deps.dbPath).then(usableReplica);
    // a failed open (another process holds it) is tried again on the next call
    replica.catch(() => (replica = null));
    return replica;
  };
  const replicatorDeps = async (): Promise<ReplicatorDeps> => ({ repos, posts: deps.posts, media: deps.media, replica: await replicaOf(), user: config().user });

  /** Checks the server, the user's password and roles, and the rules' version; returns the user's roles. */
  async function checkServer(c: TeamConfig, password: string): Promise<string[]> {
    const me = await whoAmI(c.server, { name: c.user, password });
    const design = await couchRequest<{ storybankVersion?: number }>(c.server, `${encodeURIComponent(c.database)}/${DESIGN_DOC_ID}`, { name: c.user, password });
    if (design.status === 404) throw new ServiceError('not_found', `The server has no Storybank workspace "${c.database}": ask your admin to run \`storybank team init\`.`);
    if ((design.body.storybankVersion ?? 0) > DESIGN_VERSION) throw new ServiceError('validation', `The team's workspace needs a newer Storybank (rules version ${design.body.storybankVersion}; this one knows ${DESIGN_VERSION}): update Storybank.`);
    return me.roles;
  }

  /** What this user may do on the server now (the admin may have changed it): kept for the local checks. */
  async function refreshRoles(c: TeamConfig, timeoutMs?: number): Promise<void> {
    const me = await whoAmI(c.server, { name: c.user, password: passwordOf(c) }, timeoutMs);
    repos.team.setState(ROLES_KEY, JSON.stringify(me.roles));
  }

  /** Pushes local changes into the replica, replicates both ways once, and applies what arrived. */
  async function syncOnce(): Promise<TeamStatus> {
    const c = config();
    const rdeps = await replicatorDeps();
    await refreshRoles(c).catch(() => undefined); // unreachable: the replication below says so
    await serial(() => pushOutbox(rdeps));
    const remote = await remoteOf(c);
    const denied: Array<{ id?: string; message?: string }> = [];
    try {
      const pushed = rdeps.replica.replicate.to(remote).on('denied', (error: { id?: string; message?: string }) => denied.push(error));
      await pushed;
      await rdeps.replica.replicate.from(remote);
      connection.online = true;
      connection.offlineSince = null;
    } catch (error) {
      const status = (error as { status?: number }).status;
      const reason = String((error as Error).message ?? error).replace(/\.+$/, '');
      if (status === 401 || status === 403) {
        throw new ServiceError('forbidden', `The team server refused ${c.user}: ${reason}. Your changes are kept here; join again with the right password, or ask your admin.`);
      }
      markOffline(error);
      throw new ServiceError('unreachable', `Could not sync with ${c.server}: ${connection.lastError.replace(/\.+$/, '')}. Your changes are kept here and go out on the next sync.`);
    } finally {
      flagDenied(repos, denied);
    }
    received += (await serial(() => pullReplica(rdeps))).applied;
    repos.team.setState(TEAM_KEYS.lastSync, nowIso());
    return status();
  }

  function markOffline(error: unknown): void {
    if (connection.online !== false) connection.offlineSince = nowIso();
    connection.online = false;
    connection.lastError = String((error as { code?: string }).code ?? (error as Error).message ?? error);
  }

  /** Live sync: PouchDB replicates continuously with retry; the outbox and the replica feed are applied as they change. */
  async function startLive(onChange: () => void = () => {}): Promise<void> {
    if (live) return;
    installNetworkGuard();
    const c = config();
    const rdeps = await replicatorDeps();
    const remote = await remoteOf(c);
    let stopped = false;
    /** A step of live sync; a failure is shown as the last error, and the next step tries again. */
    const step = (work: () => Promise<unknown>) => void serial(work).catch((error) => (connection.lastError = String((error as Error).message ?? error)));
    let pullQueued = false;
    const schedulePull = () => {
      if (pullQueued || stopped) return;
      pullQueued = true;
      step(async () => {
        pullQueued = false;
        const result = await pullReplica(rdeps);
        received += result.applied;
        if (result.applied || result.invalid) onChange();
      });
    };
    const sync = rdeps.replica
      .sync(remote, { live: true, retry: true, back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, 10_000)) })
      .on('change', () => schedulePull())
      .on('paused', (error: unknown) => {
        if (error) return markOffline(error);
        if (connection.online) repos.team.setState(TEAM_KEYS.lastSync, nowIso());
        onChange();
      })
      .on('denied', (event: { direction?: string; doc?: { id?: string; message?: string } } & { id?: string; message?: string }) => {
        // a live sync wraps the replication's error as { direction, doc }
        flagDenied(repos, [event.doc ?? event]);
        onChange();
      })
      .on('error', (error: unknown) => markOffline(error));
    const feed = rdeps.replica.changes({ live: true, since: 'now' }).on('change', () => schedulePull());
    const poll = setInterval(() => {
      if (!pullQueued && repos.team.outboxCount() > 0) step(() => pushOutbox(rdeps));
    }, OUTBOX_POLL_MS);
    // every few seconds: is the server there, and what may this user do there now
    const probe = async () => {
      try {
        await refreshRoles(c, 3_000);
        const wasOffline = connection.online === false;
        connection.online = true;
        connection.offlineSince = null;
        if (wasOffline) onChange();
      } catch (error) {
        const wasOnline = connection.online !== false;
        markOffline(error);
        if (wasOnline) onChange();
      }
    };
    void probe();
    const probing = setInterval(() => void probe(), PROBE_MS);
    schedulePull();
    live = {
      async stop() {
        stopped = true;
        clearInterval(poll);
        clearInterval(probing);
        sync.cancel();
        feed.cancel();
        await running;
      },
    };
  }

  function status(): TeamStatus {
    const c = readTeamConfig(repos);
    if (!c) return { mode: 'solo' };
    const counts = repos.team.counts();
    return {
      mode: 'team',
      server: c.server,
      database: c.database,
      user: c.user,
      connection: connection.online === null ? 'unknown' : connection.online ? 'online' : 'offline',
      offlineSince: connection.offlineSince,
      lastError: connection.online === false ? connection.lastError : '',
      lastSyncAt: repos.team.state(TEAM_KEYS.lastSync),
      pending: repos.team.outboxCount(),
      conflicts: counts.conflict,
      denied: counts.denied,
      invalid: counts.invalid,
      flagged: repos.team.flagged().map((row) => ({ docId: row.docId, state: row.state as 'denied' | 'conflict' | 'invalid', message: row.message, at: row.updatedAt })),
      received,
    };
  }

  /**
   * Makes this workspace a team one: checks the server and the user, keeps the password outside the
   * workspace, turns capture on and syncs. `everything` queues the workspace's records (the first
   * machine, migrating a solo workspace); a joining machine starts from an empty workspace.
   */
  async function join(input: { server: string; database: string; user: string; password: string; everything?: boolean }): Promise<TeamStatus> {
    const { url } = parseServerUrl(input.server);
    const c: TeamConfig = { server: url, database: input.database, user: input.user };
    const existing = readTeamConfig(repos);
    if (existing && (existing.server !== c.server || existing.database !== c.database)) {
      throw new ServiceError('validation', `This workspace already syncs with ${existing.database} on ${existing.server}; nothing was changed.`);
    }
    if (!input.everything && !existing && (repos.posts.any() || repos.channels.list().length > 0)) {
      throw new ServiceError('validation', 'This workspace already has content: join a team from a new workspace (`storybank init --db FILE`), or make this one the team\'s with `storybank team init --from-workspace`. Nothing was changed.');
    }
    const roles = await checkServer(c, input.password);
    if (!roles.some((r) => ['planner', 'approver', 'contributor', 'admin', '_admin'].includes(r))) {
      throw new ServiceError('forbidden', `${c.user} has no Storybank role on the server (planner, approver, contributor or admin): ask your admin to add one.`);
    }
    credentials.set(credentialKey(c.server, c.database, c.user), input.password);
    repos.transaction(() => {
      repos.team.setState(TEAM_KEYS.server, c.server);
      repos.team.setState(TEAM_KEYS.database, c.database);
      repos.team.setState(TEAM_KEYS.user, c.user);
      repos.team.setState(ROLES_KEY, JSON.stringify(roles));
      repos.team.setState('capture', 'on');
      // this machine's audit chain, bound to its device: one chain per machine in the team
      if (!repos.team.state(DEVICE_KEY)) repos.team.setState(DEVICE_KEY, randomUUID());
      queueAuditTrail(repos);
    });
    if (input.everything) queueEverything(repos);
    return syncOnce();
  }

  async function close(): Promise<void> {
    await live?.stop();
    live = null;
    const open = replica;
    replica = null;
    await (await open?.catch(() => null))?.close();
  }

  // the server checks the roles again; this gives a clear message before anything is written
  const requirePlanner = () => deps.access.require(['planner', 'admin'], 'choose between two versions of a record');

  return {
    join,
    syncOnce,
    startLive,
    status,
    close,
    config: () => readTeamConfig(repos),
    conflictVersions: async (docId: string) => conflictVersions(await replicaOf(), docId),
    /** Every document of the replica with its current revision, by id (design documents aside). */
    async revisions(): Promise<Array<[string, string]>> {
      const all = await (await replicaOf()).allDocs({});
      return all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev]);
    },
    async resolve(input: { docId: string; keep?: string; merged?: unknown }) {
      requirePlanner();
      const rdeps = await replicatorDeps();
      await serial(() => resolveConflict({ ...rdeps, audit: deps.audit }, input));
    },
    async revert(docId: string) {
      const rdeps = await replicatorDeps();
      const remote = await remoteOf(config());
      await serial(() => revertDenied({ ...rdeps, audit: deps.audit, remote }, docId));
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
