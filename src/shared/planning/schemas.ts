// Boundary schemas of the balance engine: zod is the single source of truth, types are inferred.
import { z } from 'zod';
import { LocalDate, TimeZone, UtcInstant, PostStatus } from '../domain/schemas';
import { formatIssuePath } from '../issue-path';

const EntityId = z.string().min(1, 'expected a non-empty id');
const SlotStart = z.iso.datetime({ offset: true, error: 'expected ISO date-time' });
const PlanDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });

export const PlanCategory = z.object({
  id: EntityId,
  name: z.string().min(1),
  /** 0..1; the shares of all categories sum to 1 (±1e-6). */
  targetShare: z.number().min(0).max(1),
  /** At least this many other slots between two posts of the category on one channel. */
  minGapSlots: z.number().int().min(0).nullish(),
  /** At most this many posts of the category per ISO week (request time zone) on one channel. */
  maxPerWeek: z.number().int().min(0).nullish(),
  /** Never two posts of the category in a row on one channel. */
  noConsecutive: z.boolean().nullish(),
});
export type PlanCategory = z.infer<typeof PlanCategory>;

export const PlanSlot = z.object({
  id: EntityId,
  channelId: EntityId,
  start: SlotStart,
});
export type PlanSlot = z.infer<typeof PlanSlot>;

export const PlanPin = z.object({
  slotId: EntityId,
  categoryId: EntityId,
});
export type PlanPin = z.infer<typeof PlanPin>;

export const BacklogItem = z.object({
  id: EntityId,
  categoryId: EntityId,
  /** Shown in the assignment reason. */
  title: z.string().optional(),
  /** First local date (request zone) the item may be posted. */
  earliest: PlanDate.nullish(),
  /** Last local date the item may be posted (its expiry). */
  latest: PlanDate.nullish(),
  /** Channels the item fits; absent or empty = every channel. */
  channelIds: z.array(EntityId).nullish(),
});
export type BacklogItem = z.infer<typeof BacklogItem>;

export const PlanChannel = z.object({ id: EntityId, name: z.string().min(1) });
export type PlanChannel = z.infer<typeof PlanChannel>;

export const PlanOptions = z.object({
  /** true: a slot without a fitting backlog item gets a placeholder; false: another category with an item, or the slot stays open. */
  placeholders: z.boolean().default(true),
  windowSize: z.number().int().min(1).default(10),
  /**
   * Calendar period (request time zone) in which the channels are coordinated so that the posts of
   * all channels together stay within ±1 post of share × posts per period; 'none' plans each channel
   * on its own. Never raises any channel's B.
   */
  balancePeriod: z.enum(['month', 'week', 'none']).default('month'),
});
export type PlanOptions = z.infer<typeof PlanOptions>;

const findDuplicates = (ids: string[]): number[] => {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) duplicates.push(index);
    seen.add(id);
  });
  return duplicates;
};

export const SHARE_SUM_TOLERANCE = 1e-6;

/** Slots one channel may have in one plan: 64k plan in under 3 s; more would freeze the planner. */
export const MAX_SLOTS_PER_CHANNEL = 70_000;

export const PlanRequest = z
  .object({
    timezone: TimeZone,
    categories: z.array(PlanCategory).min(1, 'expected at least one category'),
    slots: z.array(PlanSlot),
    pinned: z.array(PlanPin).default([]),
    backlog: z.array(BacklogItem).default([]),
    /** Optional display names for channels (used in reasons). */
    channels: z.array(PlanChannel).default([]),
    options: PlanOptions.default({ placeholders: true, windowSize: 10, balancePeriod: 'month' }),
  })
  .superRefine((request, ctx) => {
    const shareSum = request.categories.reduce((sum, category) => sum + category.targetShare, 0);
    if (Math.abs(shareSum - 1) > SHARE_SUM_TOLERANCE) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `target shares must sum to 1 (got ${shareSum})` });
    }
    for (const index of findDuplicates(request.categories.map((c) => c.id))) {
      ctx.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: 'duplicate category id' });
    }
    const perChannel = new Map<string, number>();
    for (const slot of request.slots) perChannel.set(slot.channelId, (perChannel.get(slot.channelId) ?? 0) + 1);
    for (const [channelId, count] of perChannel) {
      if (count > MAX_SLOTS_PER_CHANNEL) {
        ctx.addIssue({ code: 'custom', path: ['slots'], message: `channel '${channelId}' has ${count} slots; at most ${MAX_SLOTS_PER_CHANNEL} per channel in one plan (plan a shorter range)` });
      }
    }
    for (const index of findDuplicates(request.slots.map((s) => s.id))) {
      ctx.addIssue({ code: 'custom', path: ['slots', index, 'id'], message: 'duplicate slot id' });
    }
    for (const index of findDuplicates(request.backlog.map((b) => b.id))) {
      ctx.addIssue({ code: 'custom', path: ['backlog', index, 'id'], message: 'duplicate backlog item id' });
    }
    for (const index of findDuplicates(request.pinned.map((p) => p.slotId))) {
      ctx.addIssue({ code: 'custom', path: ['pinned', index, 'slotId'], message: 'slot is pinned twice' });
    }
    const categoryIds = new Set(request.categories.map((c) => c.id));
    const slotIds = new Set(request.slots.map((s) => s.id));
    request.pinned.forEach((pin, index) => {
      if (!slotIds.has(pin.slotId)) {
        ctx.addIssue({ code: 'custom', path: ['pinned', index, 'slotId'], message: `unknown slot id '${pin.slotId}'` });
      }
      if (!categoryIds.has(pin.categoryId)) {
        ctx.addIssue({ code: 'custom', path: ['pinned', index, 'categoryId'], message: `unknown category id '${pin.categoryId}'` });
      }
    });
    request.backlog.forEach((item, index) => {
      if (!categoryIds.has(item.categoryId)) {
        ctx.addIssue({ code: 'custom', path: ['backlog', index, 'categoryId'], message: `unknown category id '${item.categoryId}'` });
      }
      if (item.earliest && item.latest && item.earliest > item.latest) {
        ctx.addIssue({ code: 'custom', path: ['backlog', index, 'latest'], message: 'latest is before earliest' });
      }
    });
  });
export type PlanRequest = z.infer<typeof PlanRequest>;
/** What callers may send: defaults not yet applied. */
export type PlanRequestInput = z.input<typeof PlanRequest>;

export const PlanAssignment = z.object({
  slotId: z.string(),
  channelId: z.string(),
  /** null = the slot stays open (placeholders off and no backlog item fits). */
  categoryId: z.string().nullable(),
  itemId: z.string().nullable(),
  placeholder: z.boolean(),
  reason: z.string(),
});
export type PlanAssignment = z.infer<typeof PlanAssignment>;

export const CategoryCount = z.object({
  categoryId: z.string(),
  /** targetShare × number of posts in the sequence. */
  target: z.number(),
  planned: z.number().int(),
});
export type CategoryCount = z.infer<typeof CategoryCount>;

export const ExcessCause = z.object({
  kind: z.enum(['pin', 'rule', 'shortage']),
  categoryId: z.string().nullable(),
  rule: z.enum(['noConsecutive', 'minGapSlots', 'maxPerWeek']).nullable(),
  slotIds: z.array(z.string()),
  message: z.string(),
});
export type ExcessCause = z.infer<typeof ExcessCause>;

export const SequenceMetrics = z.object({
  /** Number of posts in the sequence (pinned + planned, open slots excluded). */
  posts: z.number().int(),
  pinned: z.number().int(),
  /** B = max over categories and prefixes |planned − share × prefix length|. */
  maxPrefixDeviation: z.number(),
  /** B* for the instance (pins included) when the engine knows it exactly, else null. */
  optimalPrefixDeviation: z.number().nullable(),
  /** 1 − largest share. */
  lowerBound: z.number(),
  /** 1 − 1/(2(n−1)), n = categories with a positive share. */
  tijdemanBound: z.number(),
  /** Max over categories and runs of min(windowSize, posts) consecutive posts of |count − share × run length|. */
  windowDeviation: z.number(),
  windowSize: z.number().int(),
  categories: z.array(CategoryCount),
  /** Why B exceeds the pin-free optimum (empty when it does not). */
  excessCauses: z.array(ExcessCause),
});
export type SequenceMetrics = z.infer<typeof SequenceMetrics>;

export const ChannelMetrics = SequenceMetrics.extend({ channelId: z.string() });
export type ChannelMetrics = z.infer<typeof ChannelMetrics>;

export const PlanViolation = z.object({
  rule: z.enum(['noConsecutive', 'minGapSlots', 'maxPerWeek']),
  categoryId: z.string(),
  channelId: z.string(),
  slotId: z.string(),
  message: z.string(),
});
export type PlanViolation = z.infer<typeof PlanViolation>;

export const PeriodMetrics = z.object({
  /** `2027-03` (month) or `2027-W09` (ISO week) in the request time zone. */
  key: z.string(),
  /** Posts of all channels in the period (pins included, open slots excluded). */
  posts: z.number().int(),
  categories: z.array(CategoryCount),
  /** Max over categories of |planned − target|; ≤ 1 is what the mix report calls on target. */
  maxDeviation: z.number(),
});
export type PeriodMetrics = z.infer<typeof PeriodMetrics>;

/**
 * One piece of content the plan asks for: the same category on the same local day across
 * channels is one post (with each channel's own slot time), and so is one backlog item.
 */
export const PlanPiece = z.object({
  date: z.string(),
  categoryId: z.string(),
  /** The backlog item every slot of the piece uses; null = a placeholder to write. */
  itemId: z.string().nullable(),
  /** The piece's slots, earliest first (one per channel). */
  slotIds: z.array(z.string()),
});
export type PlanPiece = z.infer<typeof PlanPiece>;

export const PlanResult = z.object({
  assignments: z.array(PlanAssignment),
  pieces: z.array(PlanPiece),
  /** Pieces with no backlog item: placeholders the team has to write. */
  piecesToWrite: z.number().int(),
  metrics: z.object({
    channels: z.array(ChannelMetrics),
    overall: SequenceMetrics,
    /** Every channel summed per `options.balancePeriod` (months when it is 'none'). */
    periods: z.array(PeriodMetrics),
  }),
  /** Rule breaks that involve at least one slot the plan fills; empty whenever a rule-abiding plan exists. */
  violations: z.array(PlanViolation),
  /** Rule breaks among pinned (already scheduled) posts alone: reported, but no plan can remove them. */
  pinConflicts: z.array(PlanViolation),
});
export type PlanResult = z.infer<typeof PlanResult>;

// ---------------------------------------------------------------------------------------------
// Mix report

export const MixCategory = z.object({
  id: EntityId,
  name: z.string().min(1),
  targetShare: z.number().min(0).max(1),
  isPromotional: z.boolean().default(false),
});
export type MixCategory = z.infer<typeof MixCategory>;

export const MixPost = z.object({
  id: EntityId,
  categoryId: EntityId.nullable(),
  channelIds: z.array(EntityId).default([]),
  scheduledAt: UtcInstant,
  status: PostStatus,
});
export type MixPost = z.infer<typeof MixPost>;

export const MAX_MIX_CATEGORIES = 1000;

export const MixReportRequest = z
  .object({
    categories: z.array(MixCategory).max(MAX_MIX_CATEGORIES),
    posts: z.array(MixPost),
    /** Inclusive local dates in `timezone`. */
    from: LocalDate,
    to: LocalDate,
    channelId: EntityId.nullish(),
    timezone: TimeZone,
    granularity: z.enum(['week', 'month']).default('week'),
    windowSize: z.number().int().min(1).default(10),
  })
  .superRefine((request, ctx) => {
    if (request.from > request.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
    for (const index of findDuplicates(request.categories.map((c) => c.id))) {
      ctx.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: 'duplicate category id' });
    }
  });
export type MixReportRequest = z.infer<typeof MixReportRequest>;
export type MixReportRequestInput = z.input<typeof MixReportRequest>;

export const MixSignal = z.enum(['on_target', 'over', 'under']);
export type MixSignal = z.infer<typeof MixSignal>;

export const MixCategoryRow = z.object({
  categoryId: z.string(),
  name: z.string(),
  isPromotional: z.boolean(),
  /** Posts not yet published (any status except published and archived). */
  planned: z.number().int(),
  published: z.number().int(),
  /** planned + published. */
  count: z.number().int(),
  /** targetShare × all counted posts. */
  targetCount: z.number(),
  targetPercent: z.number(),
  percent: z.number(),
  /** count − targetCount. */
  deviation: z.number(),
  signal: MixSignal,
});
export type MixCategoryRow = z.infer<typeof MixCategoryRow>;

export const MixPeriodRow = z.object({
  /** `2027-W09` or `2027-03`. */
  key: z.string(),
  start: z.string(),
  end: z.string(),
  total: z.number().int(),
  categories: z.array(
    z.object({ categoryId: z.string(), count: z.number().int(), targetCount: z.number(), deviation: z.number(), signal: MixSignal }),
  ),
});
export type MixPeriodRow = z.infer<typeof MixPeriodRow>;

export const MixReport = z.object({
  from: z.string(),
  to: z.string(),
  channelId: z.string().nullable(),
  timezone: z.string(),
  granularity: z.enum(['week', 'month']),
  /**
   * Counted publications: planned + published (archived and out-of-range posts excluded). Without a
   * channel filter a post on several channels counts once per channel, as the planner balances it.
   */
  total: z.number().int(),
  /** Distinct posts behind `total` (equal to it with a channel filter). */
  posts: z.number().int(),
  planned: z.number().int(),
  published: z.number().int(),
  /** Counted posts without a (known) category: they take slots but match no target. */
  uncategorized: z.number().int(),
  categories: z.array(MixCategoryRow),
  periods: z.array(MixPeriodRow),
  rollingWindow: z.object({
    size: z.number().int(),
    /** Max over windows of `size` consecutive posts and categories of |count − share × size|. */
    maxDeviation: z.number(),
    categoryId: z.string().nullable(),
    /** scheduledAt of the first post of the worst window. */
    windowStart: z.string().nullable(),
  }),
  promotionalShare: z.object({
    count: z.number().int(),
    share: z.number(),
    targetShare: z.number(),
    signal: MixSignal,
  }),
});
export type MixReport = z.infer<typeof MixReport>;

// ---------------------------------------------------------------------------------------------
// Error reporting: every issue names its field as a path like `slots[3].start`.

export interface FieldIssue {
  path: string;
  message: string;
}


export class PlanningInputError extends Error {
  readonly issues: FieldIssue[];
  constructor(what: string, issues: FieldIssue[]) {
    super(`invalid ${what}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'PlanningInputError';
    this.issues = issues;
  }
}

const toIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: formatIssuePath(issue.path, '(root)'), message: issue.message }));

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: PlanningInputError };

export const safeParsePlanRequest = (json: unknown): ParseOutcome<PlanRequest> => {
  const result = PlanRequest.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: new PlanningInputError('plan request', toIssues(result.error)) };
};

/** Parses and validates a plan request; throws PlanningInputError naming each bad field. */
export const parsePlanRequest = (json: unknown): PlanRequest => {
  const outcome = safeParsePlanRequest(json);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
};

export const parseMixReportRequest = (json: unknown): MixReportRequest => {
  const result = MixReportRequest.safeParse(json);
  if (!result.success) throw new PlanningInputError('mix report request', toIssues(result.error));
  return result.data;
};
