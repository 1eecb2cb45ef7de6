import type { WorkspaceInfo } from '../../shared/api/contract';
import { Workspace } from '../../shared/domain/schemas';
import { schemaVersion } from '../db/connection';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';

export const DEFAULT_WORKSPACE: Workspace = { name: 'My bank', timezone: 'America/New_York' };

export function createWorkspaceService(repos: Repositories, dbPath: string, access: Access) {
  const read = (): Workspace => ({
    name: repos.settings.get('workspace.name') ?? DEFAULT_WORKSPACE.name,
    timezone: repos.settings.get('workspace.timezone') ?? DEFAULT_WORKSPACE.timezone,
  });
  return {
    get(): WorkspaceInfo {
      return { ...read(), path: dbPath, schemaVersion: schemaVersion(repos.db) };
    },
    update(patch: Partial<Workspace>): WorkspaceInfo {
      access.require('admin', "change the workspace's name and time zone");
      const next = Workspace.parse({ ...read(), ...patch });
      repos.transaction(() => {
        repos.settings.set('workspace.name', next.name);
        repos.settings.set('workspace.timezone', next.timezone);
      });
      return this.get();
    },
    timezone(): string {
      return read().timezone;
    },
  };
}
export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
