import type { Db } from '../db/connection';
import { createRepositories } from '../db/repositories';
import { createCalendarService } from './calendar';
import { createCategoryService } from './categories';
import { createChannelService } from './channels';
import { createExportService } from './export';
import { createIdeaService } from './ideas';
import { createPlanningService } from './planning';
import { createPostService } from './posts';
import { createTransferService } from './transfer';
import { createWorkspaceService } from './workspace';

export function createServices(db: Db, dbPath: string) {
  const repos = createRepositories(db);
  const workspace = createWorkspaceService(repos, dbPath);
  const posts = createPostService(repos, workspace);
  return {
    repos,
    workspace,
    channels: createChannelService(repos, posts),
    categories: createCategoryService(repos),
    posts,
    calendar: createCalendarService(repos, workspace, posts),
    planning: createPlanningService(repos, workspace, posts),
    ideas: createIdeaService(repos),
    transfer: createTransferService(repos, posts, workspace),
    exports: createExportService(repos, workspace, posts),
  };
}
export type Services = ReturnType<typeof createServices>;
