import { userDataDir } from '../../paths';
import { defaultDatabasePath, machineCredentialStore, machineProfileMemory, openWorkspace, workspaceExists, type OpenWorkspaceOptions, type Workspace } from '../../workspace';
import { ServiceError, storageFailure } from '../../services/errors';
import type { Channel } from '../../../shared/domain/schemas';
import { CliError } from '../output';

export const defaultDb = (): string => defaultDatabasePath(userDataDir());

/** Opens an existing workspace; a missing file is an error here, not a new empty workspace. */
export function openExistingWorkspace(dbPath: string): Workspace {
  if (!workspaceExists(dbPath)) {
    throw new CliError(`${dbPath} does not exist; create a workspace with \`storybank init --db ${dbPath}\`.`);
  }
  return openCliWorkspace({ dbPath });
}

let actingAs: string | null = null;
/** The program's `--as PERSON` (set before any command runs). */
export const setActingAs = (person: string | null): void => {
  actingAs = person;
};

/** A workspace for a CLI command: acting as `--as`, or as the person this machine remembers. */
export function openCliWorkspace(opts: OpenWorkspaceOptions): Workspace {
  try {
    return openWorkspace({ profileMemory: machineProfileMemory(), credentials: machineCredentialStore(), actAs: actingAs, ...opts });
  } catch (caught) {
    if (caught instanceof ServiceError) throw new CliError(`--as: ${caught.message}`);
    throw caught;
  }
}

/**
 * `--channel` values: a channel's id, its name, or its network (`x`, `linkedin`) when only one
 * channel is on it; case does not matter. Anything else, or a name two channels match, is an error
 * that lists the channels.
 */
export function resolveChannelIds(channels: readonly Channel[], given: readonly string[], db: string): string[] {
  const list = () => channels.map((c) => `${c.name} (${c.network}, ${c.id})`).join('; ');
  return given.map((value) => {
    const wanted = value.trim().toLowerCase();
    const byId = channels.find((c) => c.id === value);
    if (byId) return byId.id;
    const matches = [channels.filter((c) => c.name.toLowerCase() === wanted), channels.filter((c) => c.network === wanted)].find((m) => m.length > 0) ?? [];
    if (matches.length === 1) return matches[0].id;
    if (matches.length > 1) throw new CliError(`--channel: "${value}" matches ${matches.length} channels (${matches.map((c) => c.name).join(', ')}); use the id or the full name`);
    throw new CliError(`--channel: no channel "${value}" in ${db}. Channels: ${list() || 'none'}`);
  });
}

/** Runs fn with the workspace open and closes it afterwards; service errors become CLI errors. */
export async function withWorkspace<T>(workspace: Workspace, fn: (workspace: Workspace) => T | Promise<T>): Promise<T> {
  try {
    return await fn(workspace);
  } catch (caught) {
    const error = storageFailure(caught) ?? caught;
    if (error instanceof ServiceError) throw new CliError(error.message);
    throw error;
  } finally {
    workspace.close();
  }
}
