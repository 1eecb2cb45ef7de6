// Review workflow, comments, compliance overrides and calendar sign-offs (joined in contract.ts).
import { z } from 'zod';
import { UploadedFile } from './media';
import { ComplianceFinding } from '../compliance/schemas';
import { AuditEntry } from '../domain/people';
import { Id, LocalDate, Post, PostIssue, PostStatus, Revision, UtcInstant } from '../domain/schemas';
import { YEAR_MONTH } from '../time';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const ReviewedFinding = ComplianceFinding.extend({
  channelId: z.string(),
  override: z.object({ by: z.string(), at: UtcInstant, reason: z.string() }).nullable(),
});
export type ReviewedFinding = z.infer<typeof ReviewedFinding>;

export const PostReview = z.object({
  postId: Id,
  status: PostStatus,
  contentHash: z.string(),
  issues: z.array(PostIssue),
  compliance: z.array(ReviewedFinding),
  /** What must be fixed before the post can be approved; empty = nothing. */
  blockers: z.array(z.string()),
  /** What must be fixed before it can be submitted (errors; compliance findings are decided in review). */
  submitBlockers: z.array(z.string()),
});
export type PostReview = z.infer<typeof PostReview>;

export const SignoffChange = z.object({ postId: z.string(), title: z.string(), change: z.enum(['added', 'removed', 'edited', 'moved']) });
export type SignoffChange = z.infer<typeof SignoffChange>;
export const Signoff = z.object({
  id: Id,
  label: z.string(),
  from: LocalDate,
  to: LocalDate,
  by: z.string(),
  at: UtcInstant,
  posts: z.array(z.object({ id: z.string(), title: z.string(), scheduledAt: UtcInstant.nullable(), hash: z.string() })),
  /** Something in the range changed since: see `changes`. */
  stale: z.boolean(),
  changes: z.array(SignoffChange),
});
export type Signoff = z.infer<typeof Signoff>;

/** A scan of the signed release form, kept in the workspace's releases folder by its SHA-256. */
export const ReleaseScan = z.object({ name: z.string(), type: z.string(), path: z.string(), sha256: z.string() });
export const LikenessRelease = z.object({ person: z.string(), given: z.boolean(), signedOn: LocalDate, note: z.string(), recordedBy: z.string(), recordedAt: UtcInstant, scan: ReleaseScan.nullable() });
export type LikenessRelease = z.infer<typeof LikenessRelease>;

/** An override's reason is a sentence, not "ok". */
export const MIN_OVERRIDE_REASON = 10;

const Step = z.object({ id: Id, revision: Revision });
const Comment = z.string().trim().min(1, 'say what needs to change').max(5000);

export const reviewOperations = {
  'reviews.get': op(z.object({ id: Id }), PostReview),
  'reviews.submit': op(Step, Post),
  'reviews.approve': op(Step, Post),
  'reviews.requestChanges': op(Step.extend({ comment: Comment }), Post),
  'reviews.publish': op(Step.extend({ url: z.url({ protocol: /^https?$/ }).nullable().optional() }), Post),
  'reviews.archive': op(Step, Post),
  'reviews.reopen': op(Step, Post),
  'reviews.comment': op(z.object({ postId: Id, text: z.string().trim().min(1, 'a comment needs words').max(5000), replyTo: Id.nullable().optional() }), AuditEntry),
  /** An approver lets a blocking finding pass for this exact content, with a written reason. */
  'reviews.override': op(
    z.object({ postId: Id, revision: Revision, ruleId: z.string().min(1).max(64), channelId: Id, reason: z.string().trim().min(MIN_OVERRIDE_REASON, `write why (at least ${MIN_OVERRIDE_REASON} characters)`).max(2000) }),
    PostReview,
  ),
  /** Comments and decisions on a post, oldest first. */
  'reviews.history': op(z.object({ postId: Id }), z.array(AuditEntry)),
  'reviews.setFourEyes': op(z.object({ on: z.boolean() }), z.object({ fourEyes: z.boolean() })),
  'signoffs.create': op(z.object({ from: LocalDate, to: LocalDate, label: z.string().trim().min(1).max(80) }), Signoff),
  'signoffs.list': op(z.object({ from: LocalDate.optional(), to: LocalDate.optional() }), z.array(Signoff)),
  'releases.list': op(z.object({}), z.array(LikenessRelease)),
  /** A signed (or refused) likeness release for a person featured in images. */
  'releases.record': op(
    z.object({ person: z.string().trim().min(1).max(120), given: z.boolean(), signedOn: LocalDate, note: z.string().max(500).optional(), scan: UploadedFile.optional() }),
    LikenessRelease,
  ),
  /** The scanned release form of a person, to view or save. */
  'releases.scan': op(z.object({ person: z.string().trim().min(1).max(120) }), z.object({ name: z.string(), type: z.string(), dataBase64: z.string() })),
  /** The review packet of a month as a PDF (base64), the same file the CLI writes. */
  'packet.create': op(
    z.object({ month: z.string().regex(YEAR_MONTH, 'expected a month YYYY-MM'), jobId: z.string().min(1).max(100).optional() }),
    z.object({ name: z.string(), pdfBase64: z.string(), pages: z.number().int(), posts: z.number().int() }),
  ),
} as const;
