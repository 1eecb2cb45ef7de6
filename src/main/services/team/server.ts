// A team workspace's server side, done once by an admin: the CouchDB database, who may read it
// (`_security`), Storybank's rules (the design document) and the team's user accounts. These are
// CouchDB's documented REST calls; replication itself is PouchDB's.
import { DESIGN_DOC_ID, DESIGN_VERSION, designDocument, SECURITY_OBJECT } from '../../../shared/team/design';
import type { Role } from '../../../shared/domain/people';
import { ServiceError } from '../errors';

export interface Credentials {
  name: string;
  password: string;
}

export interface TeamServer {
  /** http(s)://host:port, without credentials or path */
  url: string;
  /** The CouchDB database of the workspace */
  database: string;
}

/** CouchDB database names: lower case letters, digits and _$()+-/, starting with a letter. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Turns "Riverside Bank" into "riverside-bank", the database's name. */
export function databaseName(workspace: string): string {
  const name = workspace
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  if (!DATABASE_NAME.test(name)) throw new ServiceError('validation', `"${workspace}" cannot name a workspace on the server: use letters and digits, starting with a letter.`, [{ path: 'workspace', message: 'needs a letter first' }]);
  return name;
}

/** Reads a server address; credentials in it (http://user:pw@host) are taken out and returned apart. */
export function parseServerUrl(text: string): { url: string; credentials: Credentials | null } {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ServiceError('validation', `"${text}" is not a server address: write it as https://couch.example.bank:6984.`, [{ path: 'server', message: 'not a URL' }]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ServiceError('validation', `The server address must start with https:// (or http:// on this machine), not ${parsed.protocol}`, [{ path: 'server', message: 'http or https' }]);
  const credentials = parsed.username ? { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : null;
  parsed.username = '';
  parsed.password = '';
  const url = parsed.toString().replace(/\/+$/, '');
  return { url, credentials };
}

const authHeader = (credentials: Credentials): string => `Basic ${Buffer.from(`${credentials.name}:${credentials.password}`).toString('base64')}`;

/** One REST call with a time limit; network failures and refusals become messages a person can act on. */
export async function couchRequest<T = Record<string, unknown>>(
  server: string,
  path: string,
  credentials: Credentials | null,
  init: { method?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(`${server}/${path}`, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(credentials ? { Authorization: authHeader(credentials) } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new ServiceError('unreachable', `Cannot reach the team server at ${server} (${reason}). Check the address and the network; nothing was changed.`);
  }
  const text = await response.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ServiceError('unreachable', `${server} answered ${response.status} with something that is not CouchDB's JSON: is this the CouchDB address?`);
  }
  if (response.status === 401 || response.status === 403) {
    const reason = String((body as { reason?: unknown }).reason ?? 'not allowed');
    throw new ServiceError('forbidden', `The team server refused ${credentials ? credentials.name : 'an anonymous request'}: ${reason}`);
  }
  return { status: response.status, body: body as T };
}

const requireOk = (what: string, result: { status: number; body: Record<string, unknown> }): void => {
  if (result.status >= 200 && result.status < 300) return;
  throw new ServiceError('validation', `${what}: the server answered ${result.status} ${String(result.body.error ?? '')} ${String(result.body.reason ?? '')}`.trim());
};

export interface TeamInitResult {
  database: string;
  created: boolean;
  designVersion: number;
}

/** Creates (or brings up to date) the workspace's database, its members and Storybank's rules. */
export async function initTeamDatabase(server: TeamServer, admin: Credentials): Promise<TeamInitResult> {
  const db = encodeURIComponent(server.database);
  const created = await couchRequest(server.url, db, admin, { method: 'PUT' });
  if (created.status !== 412) requireOk(`Creating ${server.database}`, created);
  requireOk('Setting who may use the workspace', await couchRequest(server.url, `${db}/_security`, admin, { method: 'PUT', body: SECURITY_OBJECT }));
  const existing = await couchRequest<{ _rev?: string; storybankVersion?: number }>(server.url, `${db}/${DESIGN_DOC_ID}`, admin);
  if (existing.status === 200 && (existing.body.storybankVersion ?? 0) > DESIGN_VERSION) {
    throw new ServiceError('validation', `${server.database} has Storybank's rules version ${existing.body.storybankVersion}, newer than this Storybank (${DESIGN_VERSION}): update Storybank first. Nothing was changed.`);
  }
  const rev = existing.status === 200 ? existing.body._rev : undefined;
  requireOk("Writing Storybank's rules", await couchRequest(server.url, `${db}/${DESIGN_DOC_ID}`, admin, { method: 'PUT', body: { ...designDocument(), ...(rev ? { _rev: rev } : {}) } }));
  return { database: server.database, created: created.status !== 412, designVersion: DESIGN_VERSION };
}

/** Adds a person's account (or changes their password and roles) in CouchDB's `_users`. */
export async function saveTeamUser(serverUrl: string, admin: Credentials, user: Credentials, roles: readonly Role[]): Promise<void> {
  const id = `org.couchdb.user:${user.name}`;
  const path = `_users/${encodeURIComponent(id)}`;
  const existing = await couchRequest<{ _rev?: string }>(serverUrl, path, admin);
  const body = { _id: id, name: user.name, type: 'user', roles: [...roles], password: user.password, ...(existing.status === 200 && existing.body._rev ? { _rev: existing.body._rev } : {}) };
  requireOk(`Saving the account of ${user.name}`, await couchRequest(serverUrl, path, admin, { method: 'PUT', body }));
}

/** The signed-in user's name and roles, as the server sees them. */
export async function whoAmI(serverUrl: string, credentials: Credentials, timeoutMs?: number): Promise<{ name: string; roles: string[] }> {
  const session = await couchRequest<{ userCtx?: { name: string | null; roles: string[] } }>(serverUrl, '_session', credentials, { timeoutMs });
  const ctx = session.body.userCtx;
  if (!ctx?.name) throw new ServiceError('forbidden', `The team server did not accept the name and password of ${credentials.name}.`);
  return { name: ctx.name, roles: ctx.roles };
}
