// The workspace file: one JSON document holding a whole workspace, so a team can move it to
// another machine, review it in a pull request or seed a new workspace from it.
// The shape reuses the domain schemas; parseWorkspaceFile adds the checks that span records
// (unique ids, references between records, category shares) and reports the first bad field by
// its JSON path, e.g. `posts[12].channelIds[0]: channel 1c9e… is not in this file`.
import { z } from 'zod';
import {
  BlackoutPeriod,
  Category,
  Id,
  MAX_WEEKLY_SLOTS,
  Channel,
  Post,
  Series,
  UtcInstant,
  Workspace,
} from '../domain/schemas';
import { Idea } from '../domain/ideas';
import { formatIssuePath } from '../issue-path';
import { Observance } from '../calendar-rules/observances';
import { BackupPolicy } from '../api/backups';

export const WORKSPACE_FILE_FORMAT = 'storybank-workspace';
/** Version 2 adds observances, export history and the backup policy; version 1 files still load. */
export const WORKSPACE_FILE_VERSION = 2;

/** One recorded export with what went out (content hash per post and channel). */
export const ExportBatchRecord = z.strictObject({
  id: Id,
  format: z.string().min(1).max(40),
  options: z.record(z.string(), z.unknown()).default({}),
  files: z.array(z.strictObject({ name: z.string(), path: z.string(), rows: z.number().int().min(0) })).default([]),
  createdAt: UtcInstant,
  items: z.array(z.strictObject({ postId: z.string().min(1), channelId: z.string().min(1), contentHash: z.string().min(1) })).default([]),
});
export type ExportBatchRecord = z.output<typeof ExportBatchRecord>;
/** How far the category target shares may stray from 1 (rounding in hand-edited files). */
export const SHARE_TOLERANCE = 0.001;

export const WorkspaceFile = z.strictObject({
  format: z.literal(WORKSPACE_FILE_FORMAT, { error: `expected "${WORKSPACE_FILE_FORMAT}"` }),
  version: z.union([z.literal(1), z.literal(WORKSPACE_FILE_VERSION)], {
    error: `this Storybank reads workspace files of version 1 to ${WORKSPACE_FILE_VERSION}`,
  }),
  exportedAt: UtcInstant,
  workspace: Workspace,
  /** Channels with their weekly posting slots. */
  channels: z.array(Channel),
  categories: z.array(Category),
  posts: z.array(Post),
  ideas: z.array(Idea).default([]),
  blackouts: z.array(BlackoutPeriod).default([]),
  series: z.array(Series).default([]),
  /** The calendar's observances (defaults switched on and off, and the bank's own); absent = the defaults. */
  observances: z.array(Observance).optional(),
  exportBatches: z.array(ExportBatchRecord).default([]),
  backupPolicy: BackupPolicy.optional(),
});
export type WorkspaceFile = z.output<typeof WorkspaceFile>;
export type WorkspaceFileInput = z.input<typeof WorkspaceFile>;

export interface WorkspaceFileProblem {
  /** JSON path of the bad field: `posts[12].channelIds[0]`; `(file)` for the document itself. */
  path: string;
  problem: string;
  /** `path: problem` */
  message: string;
}

export type WorkspaceFileResult =
  | { ok: true; file: WorkspaceFile }
  | { ok: false; error: WorkspaceFileProblem; problems: WorkspaceFileProblem[] };

/** `posts[12].channelIds[0]` from a path of keys. */

const problemAt = (path: readonly PropertyKey[], problem: string): WorkspaceFileProblem => {
  const where = formatIssuePath(path, '(file)');
  return { path: where, problem, message: `${where}: ${problem}` };
};

/** Checks that span records, in document order; the schema has already passed. */
function crossRecordProblems(file: WorkspaceFile): WorkspaceFileProblem[] {
  const problems: WorkspaceFileProblem[] = [];

  const uniqueIds = (collection: 'channels' | 'categories' | 'posts' | 'ideas' | 'blackouts' | 'series') => {
    const seen = new Map<string, number>();
    file[collection].forEach((record, index) => {
      const first = seen.get(record.id);
      if (first === undefined) seen.set(record.id, index);
      else problems.push(problemAt([collection, index, 'id'], `duplicate id ${record.id} (also ${collection}[${first}])`));
    });
    return new Set(seen.keys());
  };

  const channelIds = uniqueIds('channels');
  file.channels.forEach((channel, index) => {
    if (channel.slots.length > MAX_WEEKLY_SLOTS) {
      problems.push(problemAt(['channels', index, 'slots'], `${channel.slots.length} posting slots a week; at most ${MAX_WEEKLY_SLOTS}`));
    }
  });

  const categoryIds = uniqueIds('categories');
  const categoryNames = new Map<string, number>();
  file.categories.forEach((category, index) => {
    const first = categoryNames.get(category.name);
    if (first === undefined) categoryNames.set(category.name, index);
    else problems.push(problemAt(['categories', index, 'name'], `duplicate category name "${category.name}" (also categories[${first}])`));
  });
  if (file.categories.length > 0) {
    const total = file.categories.reduce((sum, c) => sum + c.targetShare, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      problems.push(problemAt(['categories'], `the targetShare values sum to ${Number(total.toFixed(4))}; they must sum to 1`));
    }
  }

  const seriesIds = new Set(file.series.map((s) => s.id));
  uniqueIds('posts');
  file.posts.forEach((post, index) => {
    const listed = new Set<string>();
    post.channelIds.forEach((channelId, position) => {
      if (!channelIds.has(channelId)) {
        problems.push(problemAt(['posts', index, 'channelIds', position], `channel ${channelId} is not in this file`));
      } else if (listed.has(channelId)) {
        problems.push(problemAt(['posts', index, 'channelIds', position], `channel ${channelId} is listed twice`));
      }
      listed.add(channelId);
    });
    for (const channelId of Object.keys(post.channelTexts)) {
      if (!listed.has(channelId)) {
        problems.push(problemAt(['posts', index, 'channelTexts', channelId], `text for channel ${channelId}, which is not one of this post's channelIds`));
      }
    }
    if (post.categoryId !== null && !categoryIds.has(post.categoryId)) {
      problems.push(problemAt(['posts', index, 'categoryId'], `category ${post.categoryId} is not in this file`));
    }
    if (post.seriesId !== null && !seriesIds.has(post.seriesId)) {
      problems.push(problemAt(['posts', index, 'seriesId'], `series ${post.seriesId} is not in this file`));
    }
  });

  uniqueIds('ideas');
  file.ideas.forEach((idea, index) => {
    if (idea.categoryId !== null && !categoryIds.has(idea.categoryId)) {
      problems.push(problemAt(['ideas', index, 'categoryId'], `category ${idea.categoryId} is not in this file`));
    }
    if (idea.earliest !== null && idea.latest !== null && idea.latest < idea.earliest) {
      problems.push(problemAt(['ideas', index, 'latest'], `${idea.latest} is before earliest ${idea.earliest}`));
    }
  });

  uniqueIds('blackouts');
  file.blackouts.forEach((blackout, index) => {
    if (blackout.endDate < blackout.startDate) {
      problems.push(problemAt(['blackouts', index, 'endDate'], `${blackout.endDate} is before startDate ${blackout.startDate}`));
    }
  });

  uniqueIds('series');
  const batchIds = new Set<string>();
  file.exportBatches.forEach((batch, index) => {
    if (batchIds.has(batch.id)) problems.push(problemAt(['exportBatches', index, 'id'], `duplicate id ${batch.id}`));
    batchIds.add(batch.id);
  });
  return problems;
}

// Document order of the top-level keys, so "first" problem means first in the file as written:
// by section, then by record position inside it (whole-section problems after its records).
const SECTION_ORDER = ['format', 'version', 'exportedAt', 'workspace', 'channels', 'categories', 'posts', 'ideas', 'blackouts', 'series', 'observances', 'exportBatches', 'backupPolicy'];
const documentOrder = (path: string): [number, number] => {
  const section = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  const rank = SECTION_ORDER.indexOf(section);
  const position = /^[A-Za-z]+\[(\d+)\]/.exec(path);
  return [rank === -1 ? -1 : rank, position ? Number(position[1]) : Number.POSITIVE_INFINITY];
};
const inDocumentOrder = (problems: WorkspaceFileProblem[]): WorkspaceFileProblem[] =>
  problems
    .map((problem, order) => ({ problem, order, key: documentOrder(problem.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.order - b.order)
    .map(({ problem }) => problem);

/**
 * Validates parsed JSON as a workspace file. On failure `error` is the first bad field (by
 * section, then position) and `problems` lists every one found.
 */
export function parseWorkspaceFile(json: unknown): WorkspaceFileResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const error = problemAt([], 'expected a JSON object (a Storybank workspace file)');
    return { ok: false, error, problems: [error] };
  }
  const parsed = WorkspaceFile.safeParse(json);
  if (!parsed.success) {
    const problems = inDocumentOrder(
      parsed.error.issues.map((issue) =>
        // an unknown field is reported at its own path, not at the object holding it
        issue.code === 'unrecognized_keys'
          ? problemAt([...issue.path, issue.keys[0]], 'unknown field (not part of the workspace file format)')
          : problemAt(issue.path, issue.message),
      ),
    );
    return { ok: false, error: problems[0], problems };
  }
  const problems = inDocumentOrder(crossRecordProblems(parsed.data));
  if (problems.length > 0) return { ok: false, error: problems[0], problems };
  return { ok: true, file: parsed.data };
}
