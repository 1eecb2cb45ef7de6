// Export and import of a whole workspace as one JSON file (see src/shared/workspace-file).
import { SHARE_TOLERANCE, WORKSPACE_FILE_FORMAT, WORKSPACE_FILE_VERSION, type WorkspaceFile } from '../../shared/workspace-file';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { nowIso } from '../db/repositories/rows';
import { ServiceError } from './errors';
import type { BackupService } from './backups';
import type { CalendarService } from './calendar';
import type { PostService } from './posts';
import type { WorkspaceService } from './workspace';

export interface ImportSummary {
  replaced: boolean;
  channels: number;
  categories: number;
  posts: number;
  ideas: number;
  blackouts: number;
  series: number;
  exportBatches: number;
  /** Posts that came out of the import with at least one issue (recomputed, not copied). */
  postsWithIssues: number;
}

// Children before parents so foreign keys never get in the way.
// Export history goes too: it describes posts of the workspace being replaced.
const WORKSPACE_TABLES = ['export_items', 'export_batches', 'plan_batches', 'post_channels', 'posts', 'ideas', 'categories', 'channels', 'blackouts', 'series'] as const;

export interface TransferDependencies {
  posts: PostService;
  workspace: WorkspaceService;
  calendar: CalendarService;
  backups: BackupService;
  access: Access;
}

export function createTransferService(repos: Repositories, { posts, workspace, calendar, backups, access }: TransferDependencies) {
  /** After a merge the categories in the database must still be a valid mix. */
  const checkMergedCategories = (): void => {
    const categories = repos.categories.list();
    if (categories.length === 0) return;
    const total = categories.reduce((sum, c) => sum + c.targetShare, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      throw new ServiceError(
        'validation',
        `categories: merged with the workspace's own categories the targetShare values sum to ${Number(total.toFixed(4))}, not 1; ` +
          'import with --replace, or give the file the same categories (same ids) as the workspace',
        [{ path: 'categories', message: 'target shares do not sum to 1 after the merge' }],
      );
    }
  };

  const checkCategoryNamesFree = (file: WorkspaceFile): void => {
    const byName = new Map(repos.categories.list().map((c) => [c.name, c.id]));
    file.categories.forEach((category, index) => {
      const holder = byName.get(category.name);
      if (holder !== undefined && holder !== category.id) {
        const path = `categories[${index}].name`;
        throw new ServiceError('conflict', `${path}: the workspace already has another category named "${category.name}"`, [
          { path, message: `another category is named "${category.name}"` },
        ]);
      }
    });
  };

  return {
    /** The whole workspace as a workspace file (validated shape; see parseWorkspaceFile). */
    exportWorkspace(): WorkspaceFile {
      return repos.transaction(() => {
        const { name, timezone } = workspace.get();
        return {
          format: WORKSPACE_FILE_FORMAT,
          version: WORKSPACE_FILE_VERSION,
          exportedAt: nowIso(),
          workspace: { name, timezone },
          channels: repos.channels.list(),
          categories: repos.categories.list(),
          posts: repos.posts.list({}),
          ideas: repos.ideas.list(),
          blackouts: repos.blackouts.list(),
          series: repos.series.list(),
          observances: calendar.listObservances(),
          exportBatches: repos.exports.history(),
          backupPolicy: backups.policy(),
        };
      });
    },

    /**
     * Loads a parsed workspace file in one transaction: `replace` clears the workspace first,
     * otherwise every record is upserted by id. Posts go through the post service so their
     * issues are recomputed. Any failure rolls everything back.
     */
    importWorkspace(file: WorkspaceFile, options: { replace: boolean }): ImportSummary {
      access.require('admin', 'import a workspace file');
      return repos.transaction(() => {
        if (options.replace) {
          for (const table of WORKSPACE_TABLES) repos.db.prepare(`DELETE FROM ${table}`).run();
        } else {
          checkCategoryNamesFree(file);
        }
        workspace.update(file.workspace);
        file.channels.forEach((channel) => repos.channels.save(channel));
        file.categories.forEach((category) => repos.categories.save(category));
        if (!options.replace) checkMergedCategories();
        file.blackouts.forEach((blackout) => repos.blackouts.save(blackout));
        file.series.forEach((series) => repos.series.save(series));
        file.ideas.forEach((idea) => repos.ideas.save(idea));
        const stored = posts.storeAll(file.posts);
        if (file.observances) calendar.saveObservances(file.observances);
        const known = new Set(repos.exports.list().map((b) => b.id));
        for (const { items, ...batch } of file.exportBatches) if (!known.has(batch.id)) repos.exports.insert(batch, items);
        if (file.backupPolicy) backups.storePolicy(file.backupPolicy);
        return {
          replaced: options.replace,
          channels: file.channels.length,
          categories: file.categories.length,
          posts: stored.length,
          ideas: file.ideas.length,
          blackouts: file.blackouts.length,
          series: file.series.length,
          exportBatches: file.exportBatches.length,
          postsWithIssues: stored.filter((post) => post.issues.length > 0).length,
        };
      });
    },
  };
}
export type TransferService = ReturnType<typeof createTransferService>;
