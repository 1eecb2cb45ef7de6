import type { Db } from '../db/connection';
import { createRepositories } from '../db/repositories';
import { createChannelService } from './channels';
import { createPostService } from './posts';
import { createWorkspaceService } from './workspace';

export function createServices(db: Db, dbPath: string) {
  const repos = createRepositories(db);
  const workspace = createWorkspaceService(repos, dbPath);
  return {
    repos,
    workspace,
    channels: createChannelService(repos),
    categories: { list: () => repos.categories.list() },
    posts: createPostService(repos, workspace),
  };
}
export type Services = ReturnType<typeof createServices>;
