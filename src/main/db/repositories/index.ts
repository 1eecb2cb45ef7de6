import type { Db } from '../connection';
import { createBlackoutRepository, createSeriesRepository } from './calendar';
import { createCategoryRepository } from './categories';
import { createChannelRepository } from './channels';
import { createExportRepository } from './exports';
import { createIdeaRepository } from './ideas';
import { createMediaRepository } from './media';
import { createPlanBatchRepository } from './planBatches';
import { createPostRepository } from './posts';
import { createSettingsRepository } from './settings';
import { createProfileRepository } from './profiles';
import { createAuditRepository } from './audit';
import { createTeamRepository } from './team';

export function createRepositories(db: Db) {
  return {
    db,
    settings: createSettingsRepository(db),
    channels: createChannelRepository(db),
    categories: createCategoryRepository(db),
    posts: createPostRepository(db),
    ideas: createIdeaRepository(db),
    blackouts: createBlackoutRepository(db),
    series: createSeriesRepository(db),
    exports: createExportRepository(db),
    planBatches: createPlanBatchRepository(db),
    media: createMediaRepository(db),
    profiles: createProfileRepository(db),
    audit: createAuditRepository(db),
    team: createTeamRepository(db),
    /**
     * Runs fn in one write transaction: every write goes through here. It starts as BEGIN IMMEDIATE,
     * so it takes the write lock before its first read and waits out the busy timeout behind another
     * process; a deferred transaction that reads first fails at once with "database is locked".
     */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn).immediate();
    },
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
