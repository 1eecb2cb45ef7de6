import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../shared/api/contract';
import { createDispatcher } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { openDatabase, type Db } from './db/connection';
import { seedDemoWorkspace } from './demo/seed';
import { createServices, type Services } from './services';
import { scheduleAutoBackups } from './services/backups';
import { createHeavyWorkDispatch } from './workers/heavy-work';
import { folderProfileMemory, type ProfileMemory } from './services/review/people';
import { userDataDir } from './paths';
import { folderCredentialStore, type CredentialStore, type SecretCipher } from './services/team/credentials';

export interface Workspace {
  db: Db;
  services: Services;
  dispatch: (name: string, input: unknown) => Promise<ApiResult<unknown>>;
  close(): void;
  /** Automatic backups while the app or host is open (see scheduleAutoBackups); returns stop. */
  startAutoBackups(report: (message: string) => void): () => void;
  /** true when this call created the database file */
  isNew: boolean;
}

export const DATABASE_FILE_NAME = 'storybank.sqlite';

export function defaultDatabasePath(userDataDir: string): string {
  return path.join(userDataDir, DATABASE_FILE_NAME);
}

export function workspaceExists(dbPath: string): boolean {
  return fs.existsSync(dbPath);
}

export interface OpenWorkspaceOptions {
  dbPath: string;
  /** Seed the demo bank into a new workspace. */
  demo?: boolean;
  /** Skip the quick integrity check (a worker of a process that has already checked it). */
  check?: boolean;
  /** Run long operations in a worker thread (the app and the browser host): the built worker file. */
  workerFile?: string;
  /** Where the chosen person is remembered on this machine (the app, the host and the CLI share it). */
  profileMemory?: ProfileMemory | null;
  /** Where team passwords are kept (the app: encrypted by the OS keychain; the CLI and host: a private file). */
  credentials?: CredentialStore | null;
  /** Act as this person (a name or id) in this process, without remembering it (the CLI's --as). */
  actAs?: string | null;
}

/** Team passwords on this machine, outside every workspace file; `cipher` is the app's OS keychain. */
export const machineCredentialStore = (cipher: SecretCipher | null = null): CredentialStore => folderCredentialStore(path.join(userDataDir(), 'team'), cipher);

/** The machine's memory of who uses each workspace: a file in the user's app folder. */
export const machineProfileMemory = (): ProfileMemory => folderProfileMemory(path.join(userDataDir(), 'people'));

/** Opens a workspace (one SQLite file), migrating it; `demo` seeds the demo bank into a new one. */
export function openWorkspace(opts: OpenWorkspaceOptions): Workspace {
  const isNew = !workspaceExists(opts.dbPath);
  const db = openDatabase(opts.dbPath, { check: opts.check ?? true });
  const services = createServices(db, path.resolve(opts.dbPath), { profileMemory: opts.profileMemory ?? null, credentials: opts.credentials ?? null });
  if (opts.demo && services.channels.list().length === 0) seedDemoWorkspace(services);
  if (opts.actAs) {
    try {
      services.session.actAs(services.session.resolve(opts.actAs).id);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  const inProcess = createDispatcher(createHandlers(services));
  const heavy = opts.workerFile
    ? createHeavyWorkDispatch({ dbPath: opts.dbPath, workerFile: opts.workerFile, inProcess, actorId: () => services.session.currentOrNull()?.id ?? null })
    : null;
  return {
    db,
    services,
    dispatch: heavy?.dispatch ?? inProcess,
    close: () => {
      void heavy?.close();
      // stops live team sync; a step still running finds the database closed and stops
      void services.team.close();
      db.close();
    },
    startAutoBackups: (report) => scheduleAutoBackups(services.backups, report),
    isNew,
  };
}
