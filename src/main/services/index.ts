import type { Db } from '../db/connection';
import { createRepositories } from '../db/repositories';
import { createBackupService } from './backups';
import { createCalendarService } from './calendar';
import { createCategoryService } from './categories';
import { createChannelService } from './channels';
import { createExportService } from './export';
import { createIdeaService } from './ideas';
import { createMediaService } from './media';
import { createOnboardingService } from './onboarding';
import { seedDemoWorkspace } from '../demo/seed';
import { createPlanningService } from './planning';
import { createPostService } from './posts';
import { createTransferService } from './transfer';
import { createWorkspaceService } from './workspace';

export function createServices(db: Db, dbPath: string) {
  const repos = createRepositories(db);
  const workspace = createWorkspaceService(repos, dbPath);
  const posts = createPostService(repos, workspace);
  const calendar = createCalendarService(repos, workspace, posts);
  const backups = createBackupService(repos, dbPath);
  const services = {
    repos,
    workspace,
    channels: createChannelService(repos, posts),
    categories: createCategoryService(repos),
    posts,
    calendar,
    planning: createPlanningService(repos, workspace, posts),
    ideas: createIdeaService(repos),
    exports: createExportService(repos, workspace, posts),
    backups,
    media: createMediaService(repos, dbPath),
    transfer: createTransferService(repos, { posts, workspace, calendar, backups }),
  };
  return { ...services, onboarding: createOnboardingService(repos, () => seedDemoWorkspace(services)) };
}
export type Services = ReturnType<typeof createServices>;
