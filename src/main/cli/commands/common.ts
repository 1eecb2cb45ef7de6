import { userDataDir } from '../../paths';
import { defaultDatabasePath, openWorkspace, workspaceExists, type Workspace } from '../../workspace';
import { ServiceError, storageFailure } from '../../services/errors';
import { CliError } from '../output';

export const defaultDb = (): string => defaultDatabasePath(userDataDir());

/** Opens an existing workspace; a missing file is an error here, not a new empty workspace. */
export function openExistingWorkspace(dbPath: string): Workspace {
  if (!workspaceExists(dbPath)) {
    throw new CliError(`${dbPath} does not exist; create a workspace with \`storybank init --db ${dbPath}\`.`);
  }
  return openWorkspace({ dbPath });
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
