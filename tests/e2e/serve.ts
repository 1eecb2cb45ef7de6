// Starts the real CLI (`storybank serve`) on a temp workspace and returns its printed URL.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, OperationName, OperationOutput } from '../../src/shared/api/contract';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'storybank.js');

export interface ServedWorkspace {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  dir: string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'storybank-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `configHome`: the machine's app folder (XDG_CONFIG_HOME), where it remembers who uses each workspace. */
/** `args`: options before `serve` (e.g. `--as NAME`). */
export async function serveWorkspace(opts: { demo?: boolean; dbPath?: string; configHome?: string; args?: string[] } = {}): Promise<ServedWorkspace> {
  const dir = tempDir();
  const dbPath = opts.dbPath ?? path.join(dir, 'workspace.sqlite');
  const args = [BIN, ...(opts.args ?? []), 'serve', '--db', dbPath, ...(opts.demo ? ['--demo'] : [])];
  const env = opts.configHome ? { ...process.env, XDG_CONFIG_HOME: opts.configHome } : process.env;
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`storybank serve did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('Listening on http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice('Listening on '.length).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`storybank serve exited with ${code}: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dbPath,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls the served API like the page does (with the run's token); throws on a typed error. */
export async function callApi<K extends OperationName>(
  served: Pick<ServedWorkspace, 'origin' | 'token'>,
  name: K,
  input: object = {},
): Promise<OperationOutput<K>> {
  const response = await fetch(`${served.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ApiResult<OperationOutput<K>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
