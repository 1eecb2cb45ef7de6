import type { Db } from '../connection';
import { createBlackoutRepository, createSeriesRepository } from './calendar';
import { createCategoryRepository } from './categories';
import { createChannelRepository } from './channels';
import { createExportRepository } from './exports';
import { createIdeaRepository } from './ideas';
import { createPostRepository } from './posts';
import { createSettingsRepository } from './settings';

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
    /** Runs fn in one transaction: every multi-row write goes through here. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
