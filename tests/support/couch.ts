// A CouchDB for the team tests: the express-pouchdb stand-in on 127.0.0.1, started and stopped by
// the test in its own process and data folder; or, with COUCHDB_URL=http://admin:pw@host:5984 set,
// a real CouchDB (each test then uses databases of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { couchRequest, type Credentials } from '../../src/main/services/team/server';

const STANDIN = path.resolve(__dirname, '../../scripts/couch-standin.cjs');

export interface TestCouch {
  url: string;
  admin: Credentials;
  /** A database name no other test uses. */
  freshName(prefix?: string): string;
  addUser(name: string, roles: string[], password?: string): Promise<Credentials>;
  stop(): Promise<void>;
}

export async function startCouch(): Promise<TestCouch> {
  const external = process.env.COUCHDB_URL;
  let child: ChildProcess | null = null;
  let dataDir: string | null = null;
  let url: string;
  let admin: Credentials;
  if (external) {
    const parsed = new URL(external);
    admin = { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
    parsed.username = '';
    parsed.password = '';
    url = parsed.toString().replace(/\/+$/, '');
  } else {
    admin = { name: 'admin', password: 'stand-in-admin' };
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-couch-'));
    child = spawn(process.execPath, [STANDIN, '--data', dataDir, '--port', '0', '--admin', `${admin.name}:${admin.password}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the CouchDB stand-in did not start in 20 s: ${output}`)), 20_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child!.on('exit', (code) => reject(new Error(`the CouchDB stand-in exited (${code}): ${output}`)));
    });
  }
  const run = randomUUID().slice(0, 8);
  let count = 0;
  const users: string[] = [];
  return {
    url,
    admin,
    freshName: (prefix = 'ws') => `${prefix}-${run}-${++count}`,
    async addUser(name, roles, password = `${name}-password`) {
      const user = external ? `${name}-${run}` : name;
      const id = `org.couchdb.user:${user}`;
      const existing = await couchRequest<{ _rev?: string }>(url, `_users/${encodeURIComponent(id)}`, admin);
      await couchRequest(url, `_users/${encodeURIComponent(id)}`, admin, { method: 'PUT', body: { _id: id, name: user, type: 'user', roles, password, ...(existing.body._rev ? { _rev: existing.body._rev } : {}) } });
      users.push(user);
      return { name: user, password };
    },
    async stop() {
      if (child) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
