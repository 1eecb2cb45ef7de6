// The one typed API contract. Every operation is named once here with zod schemas for its
// input and output. Main registers handlers for exactly these names (IPC and the browser
// host), the preload exposes exactly these names, and the renderer calls a typed client.
import { z } from 'zod';
import { Observance, SeriesInput } from '../calendar-rules';
import { MixReport, PlanAssignment, PlanResult } from '../planning';
import { ExportFormat } from '../export/types';
import { backupOperations } from './backups';
import { mediaOperations } from './media';
import { ideaOperations } from './ideas';
import { teamOperations } from './team';
import { onboardingOperations } from './onboarding';
import { JobRef, jobOperations } from './jobs';
import { peopleOperations } from './people';
import { reviewOperations } from './reviews';
import { auditOperations } from './audit';
import {
  BlackoutPeriod,
  Category,
  ChannelOffsets,
  Channel,
  HexColor,
  Id,
  LocalDate,
  Network,
  Post,
  PostImage,
  MAX_WEEKLY_SLOTS,
  Revision,
  uniqueList,
  PostLink,
  PostStatus,
  PostingSlot,
  TimeZone,
  UtcInstant,
  Workspace,
} from '../domain/schemas';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** At most this many ids in one filter (SQLite binds each as a variable). */
export const MAX_FILTER_IDS = 1000;
const idFilter = z.array(Id).max(MAX_FILTER_IDS);

const DAY_MS = 86_400_000;
/**
 * A `from`..`to` range of local dates (`to` included) that runs forwards and spans at most
 * `maxDays`: checked with the input, so a bad range is a validation error naming `to`.
 */
const dateRange = <T extends z.ZodType<{ from: string; to: string }>>(schema: T, maxDays: number) =>
  schema.superRefine((value, ctx) => {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range ends (${value.to}) before it starts (${value.from})` });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range spans ${days} days; at most ${maxDays} at a time` });
  });
/** Calendars and plans look at most a bit over a year at a time; reports and exports ten. */
export const MAX_CALENDAR_DAYS = 400;
export const MAX_REPORT_DAYS = 3660;

export const WorkspaceInfo = Workspace.extend({
  path: z.string(),
  schemaVersion: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;


export const ChannelInput = z.object({
  network: Network,
  name: z.string().trim().min(1).max(120),
  handle: z.string().max(120).optional(),
  color: HexColor.optional(),
  timezone: TimeZone.nullable().optional(),
  slots: z
    .array(PostingSlot)
    .max(MAX_WEEKLY_SLOTS, `at most ${MAX_WEEKLY_SLOTS} posting slots a week per channel`)
    .refine((slots) => new Set(slots.map((s) => `${s.weekday}@${s.time}`)).size === slots.length, 'a posting slot is listed twice')
    .optional(),
  maxLength: z.number().int().positive().nullable().optional(),
});
export type ChannelInput = z.infer<typeof ChannelInput>;

export const PostInput = z.object({
  title: z.string().trim().min(1, 'a post needs a title').max(200),
  baseText: z.string().max(70000).optional(),
  channelIds: uniqueList(Id, 'channel').optional(),
  channelTexts: z.record(z.string(), z.string().max(70000)).optional(),
  channelOffsets: ChannelOffsets.optional(),
  categoryId: Id.nullable().optional(),
  scheduledAt: UtcInstant.nullable().optional(),
  timezone: TimeZone.optional(),
  images: z.array(PostImage).optional(),
  link: PostLink.nullable().optional(),
  notes: z.string().max(10000).optional(),
  status: PostStatus.optional(),
  placeholder: z.boolean().optional(),
});
export type PostInput = z.infer<typeof PostInput>;

export const PostFilter = z.object({
  from: UtcInstant.optional(),
  to: UtcInstant.optional(),
  channelIds: idFilter.optional(),
  categoryIds: idFilter.optional(),
  statuses: z.array(PostStatus).max(20).optional(),
  text: z.string().max(200).optional(),
  /** true = only unscheduled posts (the backlog) */
  unscheduled: z.boolean().optional(),
});
export type PostFilter = z.infer<typeof PostFilter>;

const ById = z.object({ id: Id });

export const CalendarOverlay = z.object({
  holidays: z.array(z.object({ date: LocalDate, name: z.string(), observed: z.boolean(), actualDate: LocalDate })),
  blackouts: z.array(BlackoutPeriod),
  observances: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), start: LocalDate, end: LocalDate })),
  /** Posting slots of the channels' schedules with no post yet: places to fill. */
  openSlots: z.array(z.object({ id: z.string(), channelId: Id, start: UtcInstant, date: LocalDate, time: z.string() })),
  /** Slots whose wall time does not exist that day (DST gap): reported, never moved. */
  skippedSlots: z.array(z.object({ id: z.string(), channelId: Id, date: LocalDate, time: z.string(), message: z.string() })),
});
export type CalendarOverlay = z.infer<typeof CalendarOverlay>;

export const CategoryDraft = z.object({
  /** absent for a new category */
  id: Id.optional(),
  /** the revision read, for an existing category (compare-and-set) */
  revision: Revision.optional(),
  name: z.string().trim().min(1, 'a category needs a name').max(80),
  color: HexColor,
  description: z.string().max(1000).optional(),
  targetShare: z.number().min(0).max(1),
  isPromotional: z.boolean().optional(),
  minGapSlots: z.number().int().min(0).max(50).nullable().optional(),
  maxPerWeek: z.number().int().min(0).max(50).nullable().optional(),
  noConsecutive: z.boolean().optional(),
});
export type CategoryDraft = z.infer<typeof CategoryDraft>;

/** Target shares add up to 100% (within a rounding tolerance). */
export const SHARE_SUM_TOLERANCE = 0.001;

export const PlanScope = JobRef.extend({
  /** inclusive local dates in the workspace zone */
  from: LocalDate,
  to: LocalDate,
  channelId: Id.optional(),
  placeholders: z.boolean().optional(),
});
export type PlanScope = z.infer<typeof PlanScope>;

export const PlanPreview = z.object({
  result: PlanResult,
  /** one row per open slot, in the order of `result.assignments`, with what the UI shows */
  rows: z.array(PlanAssignment.extend({ start: UtcInstant, itemTitle: z.string().nullable() })),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

export const MixScope = z.object({
  from: LocalDate,
  to: LocalDate,
  channelId: Id.optional(),
  granularity: z.enum(['week', 'month']).optional(),
  windowSize: z.number().int().min(2).max(100).optional(),
});
export type MixScope = z.infer<typeof MixScope>;

export const SeriesCreateInput = z.object({
  post: PostInput,
  rule: SeriesInput,
});
export type SeriesCreateInput = z.infer<typeof SeriesCreateInput>;

// Export to schedulers and calendars (issue 5). Dates are local dates in the workspace zone, `to` included.
export const DEFAULT_EXPORT_FOLDER = '~/Storybank exports';
export const ExportScope = JobRef.extend({
  format: ExportFormat,
  from: LocalDate,
  to: LocalDate,
  /** Only these channels (default: every channel of each post). */
  channelIds: idFilter.optional(),
  /** Day-first or month-first dates (Hootsuite, Sprout). */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** Public https address where the output folder is published; local images become base URL + src. */
  mediaBaseUrl: z.url({ protocol: /^https$/, error: 'expected a public https:// address' }).nullable().optional(),
  /** Folder the files go to (`~` = the home folder); default `~/Storybank exports`. */
  outputDir: z.string().trim().min(1).max(4096).optional(),
});
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportRunInput = ExportScope.extend({
  /** Replace existing files whose content differs (CLI --force, the UI's confirm step). */
  overwrite: z.boolean().optional(),
});
export type ExportRunInput = z.infer<typeof ExportRunInput>;

export const ExportFilePreview = z.object({
  name: z.string(),
  /** Absolute path the file is (or would be) written to. */
  path: z.string(),
  rows: z.number().int(),
  channelId: z.string().nullable(),
  /** A file with other content is already there: writing needs confirmation. */
  conflict: z.boolean(),
  /** Column names and the first rows, read back from the file content. */
  columns: z.array(z.string()),
  sample: z.array(z.array(z.string())),
});
export type ExportFilePreview = z.infer<typeof ExportFilePreview>;

export const ExportLeftOutRow = z.object({
  postId: z.string(),
  channelId: z.string().nullable(),
  postTitle: z.string(),
  channelName: z.string(),
  scheduledAt: UtcInstant.nullable(),
  rule: z.string(),
  reason: z.string(),
});
export type ExportLeftOutRow = z.infer<typeof ExportLeftOutRow>;

export const ExportWarningRow = z.object({
  postId: z.string(),
  channelId: z.string().nullable(),
  postTitle: z.string(),
  channelName: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type ExportWarningRow = z.infer<typeof ExportWarningRow>;

export const ExportPreview = z.object({
  format: ExportFormat,
  from: LocalDate,
  to: LocalDate,
  timezone: TimeZone,
  outputDir: z.string(),
  files: z.array(ExportFilePreview),
  leftOut: z.array(ExportLeftOutRow),
  warnings: z.array(ExportWarningRow),
  /** Posts and post-channel pairs that go into the files. */
  exported: z.object({ posts: z.number().int(), items: z.number().int() }),
  media: z.object({
    /** Workspace-relative sources copied to `<outputDir>/<src>`. */
    copy: z.array(z.string()),
    missing: z.array(z.object({ src: z.string(), reason: z.string() })),
  }),
  /** Paths that exist with other content (files and media). */
  conflicts: z.array(z.string()),
  /** The same posts with the same content as the last export to this folder: nothing new is recorded. */
  sameAsBatchId: Id.nullable(),
});
export type ExportPreview = z.infer<typeof ExportPreview>;

export const ExportResult = ExportPreview.extend({
  batchId: Id,
  /** false when this run repeated the batch `batchId` exactly (no new record). */
  recorded: z.boolean(),
  /** Posts moved from approved to exported. */
  statusChanged: z.number().int(),
  written: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ExportBatchSummary = z.object({
  id: Id,
  format: ExportFormat,
  createdAt: UtcInstant,
  options: z.record(z.string(), z.unknown()),
  files: z.array(z.object({ name: z.string(), path: z.string(), rows: z.number().int() })),
  items: z.number().int(),
  posts: z.number().int(),
});
export type ExportBatchSummary = z.infer<typeof ExportBatchSummary>;

export const ExportChange = z.object({
  postId: z.string(),
  title: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  status: PostStatus.nullable(),
  batchId: Id,
  format: ExportFormat,
  exportedAt: UtcInstant,
  /** edited = text, images, link or time differ from what was exported. */
  change: z.enum(['edited', 'deleted', 'unscheduled', 'channel_removed']),
  /** for an edit: which parts differ (absent for items exported before Storybank kept them) */
  parts: z.array(z.enum(['text', 'time', 'images', 'link'])).optional(),
  /** for an edit: the time that went out, to compare with the post's time now */
  exportedTime: UtcInstant.nullable().optional(),
});
export type ExportChange = z.infer<typeof ExportChange>;
export type ExportChangedPart = NonNullable<ExportChange['parts']>[number];

export const contract = {
  'workspace.get': op(z.object({}), WorkspaceInfo),
  'workspace.update': op(Workspace.partial(), WorkspaceInfo),

  'channels.list': op(z.object({}), z.array(Channel)),
  'channels.create': op(ChannelInput, Channel),
  'channels.update': op(ChannelInput.partial().extend({ id: Id, revision: Revision }), Channel),
  'channels.delete': op(ById, z.object({ deleted: z.boolean() })),

  'categories.list': op(z.object({}), z.array(Category)),
  /** Replaces the whole set: new ones are added, missing ones deleted (their posts keep no category). */
  'categories.save': op(z.object({ categories: z.array(CategoryDraft).min(1).max(20) }), z.array(Category)),

  'posts.list': op(PostFilter, z.array(Post)),
  'posts.get': op(ById, Post),
  'posts.create': op(PostInput, Post),
  /** `revision` is the one the caller read: a post changed since is refused with `conflict`. */
  /** `confirmHandedOver`: yes, change an exported or published post (its scheduler keeps the old one). */
  'posts.update': op(PostInput.partial().extend({ id: Id, revision: Revision, confirmHandedOver: z.boolean().optional() }), Post),
  'posts.move': op(z.object({ id: Id, scheduledAt: UtcInstant.nullable(), revision: Revision, confirmHandedOver: z.boolean().optional() }), Post),
  'posts.duplicate': op(ById, Post),
  'posts.delete': op(ById, z.object({ deleted: Post })),
  /** Undo of a delete: puts the exact post back. */
  'posts.restore': op(z.object({ post: Post.extend({ channelIds: uniqueList(Id, 'channel') }) }), Post),

  'calendar.overlay': op(dateRange(z.object({ from: LocalDate, to: LocalDate }), MAX_CALENDAR_DAYS), CalendarOverlay),
  'blackouts.list': op(z.object({}), z.array(BlackoutPeriod)),
  'blackouts.create': op(
    z.object({ startDate: LocalDate, endDate: LocalDate, reason: z.string().max(200).optional() }),
    BlackoutPeriod,
  ),
  'blackouts.delete': op(ById, z.object({ deleted: z.boolean() })),
  'observances.list': op(z.object({}), z.array(Observance)),
  'observances.save': op(z.object({ observances: z.array(Observance) }), z.array(Observance)),
  'planning.preview': op(dateRange(PlanScope, MAX_CALENDAR_DAYS), PlanPreview),
  /** created = new posts (fromIdeas of them from accepted story ideas, the rest placeholders); scheduled = backlog drafts given a time. */
  'planning.apply': op(
    dateRange(PlanScope, MAX_CALENDAR_DAYS),
    z.object({ batchId: Id, scheduled: z.number().int(), created: z.number().int(), fromIdeas: z.number().int(), placeholders: z.number().int() }),
  ),
  'planning.undo': op(z.object({ batchId: Id }), z.object({ undone: z.boolean() })),
  'mix.report': op(dateRange(MixScope, MAX_REPORT_DAYS), MixReport),
  'series.create': op(
    SeriesCreateInput,
    z.object({
      seriesId: Id,
      posts: z.array(Post),
      skipped: z.array(z.object({ date: LocalDate, message: z.string() })),
    }),
  ),
  'export.preview': op(dateRange(ExportScope, MAX_REPORT_DAYS), ExportPreview),
  'export.run': op(dateRange(ExportRunInput, MAX_REPORT_DAYS), ExportResult),
  'export.batches': op(z.object({}), z.array(ExportBatchSummary)),
  'export.changed': op(z.object({}), z.array(ExportChange)),
  ...backupOperations,
  ...mediaOperations,
  ...ideaOperations,
  ...teamOperations,
  ...onboardingOperations,
  ...jobOperations,
  ...peopleOperations,
  ...reviewOperations,
  ...auditOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

/**
 * `storage`: the workspace file cannot be written (read-only, disk full); `busy`: another process
 * held the write lock past the busy timeout; `cancelled`: the user stopped a long job;
 * `forbidden`: the current person lacks the role (the message names it);
 * `confirmation_required`: the change has a consequence the caller must confirm (an exported post);
 * `unreachable`: the team server could not be reached or did not answer as CouchDB.
 * All leave the workspace unchanged.
 */
export const ERROR_CODES = ['validation', 'not_found', 'conflict', 'forbidden', 'confirmation_required', 'storage', 'busy', 'cancelled', 'unreachable', 'unknown_operation', 'internal'] as const;
export const ApiError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** For validation errors: the path of each bad field and what is wrong with it. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
  /** For a conflict: the record as it is now (the other version). */
  current: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.storybank` and the browser host's client implements. */
export type StorybankApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<ApiResult<OperationOutput<K>>>;
};

/** IPC channel name for an operation (one channel per operation; no generic send). */
export const ipcChannel = (name: OperationName): string => `storybank:${name}`;
