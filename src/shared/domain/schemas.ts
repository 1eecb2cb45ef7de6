// Domain model shared by main and renderer: zod schemas are the single source of truth,
// TypeScript types are inferred from them.
import { z } from 'zod';

export const NETWORKS = [
  'facebook',
  'instagram',
  'linkedin',
  'x',
  'threads',
  'bluesky',
  'mastodon',
  'google_business',
  'other',
] as const;
export const Network = z.enum(NETWORKS);
export type Network = z.infer<typeof Network>;

export const NETWORK_LABELS: Record<Network, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  x: 'X',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  google_business: 'Google Business Profile',
  other: 'Other',
};

export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'exported',
  'published',
  'archived',
] as const;
export const PostStatus = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatus>;

export const STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  exported: 'Exported',
  published: 'Published',
  archived: 'Archived',
};

export const Id = z.uuid();
/** Bumped by every write of a row; an update names the revision it read (compare-and-set). */
export const Revision = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** Years the calendar rules cover (Fed holidays from 1986 to 9998, and a year either side of a post). */
export const MIN_YEAR = 1987;
export const MAX_YEAR = 9997;
const inYearRange = (text: string): boolean => {
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEAR_MESSAGE = `expected a year from ${MIN_YEAR} to ${MAX_YEAR}`;
/** An instant, always stored in UTC: `2026-03-08T14:30:00.000Z`. */
export const UtcInstant = z.iso.datetime({ offset: false }).refine(inYearRange, YEAR_MESSAGE);
/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export const LocalDate = z.iso.date().refine(inYearRange, YEAR_MESSAGE);
/** A list without repeats (a channel listed twice would be two rows for one post). */
export const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, `a ${what} is listed twice`);
/** A wall-clock time `HH:mm`. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:mm');
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1f7a8c');

// Building an Intl.DateTimeFormat costs ~80 µs and a workspace uses a handful of zones: remember answers.
const knownTimeZones = new Map<string, boolean>();
const isValidTimeZone = (zone: string): boolean => {
  let valid = knownTimeZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    knownTimeZones.set(zone, valid);
  }
  return valid;
};
export const TimeZone = z.string().min(1).refine(isValidTimeZone, 'unknown IANA time zone');

/** Posting slots a week per channel: fourteen a day is more than any bank posts, and it keeps a year's plan small. */
export const MAX_WEEKLY_SLOTS = 100;

/** One weekly posting slot: weekday 1 = Monday … 7 = Sunday (ISO), wall-clock time in the channel zone. */
export const PostingSlot = z.object({
  weekday: z.number().int().min(1).max(7),
  time: LocalTime,
});
export type PostingSlot = z.infer<typeof PostingSlot>;

export const Channel = z.object({
  id: Id,
  network: Network,
  name: z.string().trim().min(1).max(120),
  handle: z.string().max(120).default(''),
  color: HexColor,
  /** null = the workspace's zone */
  timezone: TimeZone.nullable().default(null),
  slots: z.array(PostingSlot).default([]),
  /** Per-server character limit, only meaningful for Mastodon. */
  maxLength: z.number().int().positive().nullable().default(null),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Channel = z.infer<typeof Channel>;

export const Category = z.object({
  id: Id,
  name: z.string().trim().min(1).max(80),
  color: HexColor,
  description: z.string().max(1000).default(''),
  /** 0..1; the shares of all categories sum to 1. */
  targetShare: z.number().min(0).max(1),
  /** Self-promotion (products, rates, offers): called out in the mix report. */
  isPromotional: z.boolean().default(false),
  minGapSlots: z.number().int().min(0).nullable().default(null),
  minGapDays: z.number().int().min(0).nullable().default(null),
  maxPerWeek: z.number().int().min(0).nullable().default(null),
  noConsecutive: z.boolean().default(false),
  sortOrder: z.number().int().default(0),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Category = z.infer<typeof Category>;

export const PostImage = z.object({
  /** Local path in the workspace media folder, or a public https URL. */
  src: z.string().min(1).max(2000),
  alt: z.string().max(1500).default(''),
  /** The people this image shows, by name: each needs a recorded likeness release before approval. */
  people: z.array(z.string().trim().min(1).max(120)).max(30).optional(),
});
export type PostImage = z.infer<typeof PostImage>;

export const Utm = z.object({
  source: z.string().max(100).default(''),
  medium: z.string().max(100).default(''),
  campaign: z.string().max(100).default(''),
  term: z.string().max(100).default(''),
  content: z.string().max(100).default(''),
});
export type Utm = z.infer<typeof Utm>;

export const PostLink = z.object({
  url: z.url({ protocol: /^https?$/ }),
  utm: Utm.nullable().default(null),
});
export type PostLink = z.infer<typeof PostLink>;

export const PostIssue = z.object({
  /** null = about the post as a whole (its date), else the channel whose text it concerns */
  channelId: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  code: z.string().min(1),
  message: z.string().min(1),
});
export type PostIssue = z.infer<typeof PostIssue>;

/** A channel publishes at most a day before or after the post's own time. */
export const MAX_CHANNEL_OFFSET_MINUTES = 1440;
export const ChannelOffsets = z.record(z.string(), z.number().int().min(-MAX_CHANNEL_OFFSET_MINUTES).max(MAX_CHANNEL_OFFSET_MINUTES));

export const Post = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  /** Shared text used on every channel unless overridden. */
  baseText: z.string().max(70000).default(''),
  channelIds: z.array(Id).default([]),
  /** Per-channel override texts, keyed by channel id. */
  channelTexts: z.record(z.string(), z.string().max(70000)).default({}),
  /**
   * Minutes after `scheduledAt` a channel publishes (its own slot time that day), keyed by channel
   * id; absent = at `scheduledAt`. Offsets move with the post.
   */
  channelOffsets: ChannelOffsets.default({}),
  categoryId: Id.nullable().default(null),
  /** UTC instant; null = unscheduled (backlog). */
  scheduledAt: UtcInstant.nullable().default(null),
  /** IANA zone the post was planned in (wall-clock shown to the user). */
  timezone: TimeZone,
  images: z.array(PostImage).default([]),
  link: PostLink.nullable().default(null),
  notes: z.string().max(10000).default(''),
  status: PostStatus.default('draft'),
  /** A planner placeholder ("Question: to be written"). */
  placeholder: z.boolean().default(false),
  seriesId: Id.nullable().default(null),
  /** The story idea this post was made from (its status follows the post). */
  ideaId: Id.nullable().default(null),
  /** Validation results (network text rules, closures, DST), recomputed on every save. */
  issues: z.array(PostIssue).default([]),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Post = z.infer<typeof Post>;

export const Series = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  /** The recurrence as given (see SeriesInput in calendar-rules) and the text shown for it. */
  rule: z.record(z.string(), z.unknown()),
  description: z.string().default(''),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Series = z.infer<typeof Series>;

export const BlackoutPeriod = z.object({
  id: Id,
  startDate: LocalDate,
  /** inclusive */
  endDate: LocalDate,
  reason: z.string().max(200).default(''),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type BlackoutPeriod = z.infer<typeof BlackoutPeriod>;

export const Workspace = z.object({
  name: z.string().trim().min(1).max(120),
  timezone: TimeZone,
});
export type Workspace = z.infer<typeof Workspace>;

