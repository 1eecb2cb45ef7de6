// Story ideas and their intake (issue 10): the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';
import { AuditEntry } from '../domain/people';
import { FeaturedPerson, Idea, IdeaPhoto, IdeaStatus, MAX_FEATURED_PEOPLE, MAX_IDEA_PHOTOS } from '../domain/ideas';
import { HexColor, Id, LocalDate, Post, Revision, UtcInstant } from '../domain/schemas';
import { FORM_FIELDS } from '../intake/mapping';
import { UploadedFile } from './media';
import { LikenessRelease } from './reviews';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const IdeaInput = z.object({
  title: z.string().trim().min(1, 'an idea needs a title').max(200),
  story: z.string().max(10000).optional(),
  submittedBy: z.string().max(120).optional(),
  submitterEmail: z.string().trim().max(254).optional(),
  branch: z.string().trim().max(120).optional(),
  featured: z.array(FeaturedPerson).max(MAX_FEATURED_PEOPLE).optional(),
  photos: z.array(IdeaPhoto).max(MAX_IDEA_PHOTOS).optional(),
  categoryId: Id.nullable().optional(),
  /** On creation only: new (the default) or accepted; later moves go through `ideas.move`. */
  status: IdeaStatus.optional(),
  earliest: LocalDate.nullable().optional(),
  latest: LocalDate.nullable().optional(),
  notes: z.string().max(10000).optional(),
});
export type IdeaInput = z.infer<typeof IdeaInput>;


export const FormField = z.enum(FORM_FIELDS);
/** Which column holds each field, by its header text (null: not in this form). */
export const ColumnMapping = z.partialRecord(FormField, z.string().max(500).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

const ImportedItem = z.object({ file: z.string(), row: z.number().int().nullable(), title: z.string(), id: Id.nullable() });
export const ImportReport = z.object({
  dryRun: z.boolean(),
  imported: z.array(ImportedItem),
  /** Already in the workspace (same content), or twice in what was given. */
  duplicates: z.array(ImportedItem.omit({ id: true }).extend({ id: Id.nullable() })),
  rejected: z.array(z.object({ file: z.string(), row: z.number().int().nullable(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const FormPreview = z.object({
  file: z.string(),
  headers: z.array(z.string()),
  /** The first rows, as text, for the mapping step. */
  sample: z.array(z.array(z.string())),
  rows: z.number().int(),
  mapping: ColumnMapping,
  /** The mapping came from an earlier import of a form with these headers. */
  remembered: z.boolean(),
  /** Columns left out on purpose (the form tool's own: ID, Start time, Timestamp, ...). */
  ignored: z.array(z.string()),
  missing: z.array(FormField),
});
export type FormPreview = z.infer<typeof FormPreview>;

export const IdeaDetail = z.object({
  idea: Idea,
  history: z.array(AuditEntry),
  posts: z.array(Post.pick({ id: true, title: true, status: true, scheduledAt: true })),
  /** Each featured person with the latest release recorded for them (null: none yet). */
  releases: z.array(z.object({ person: z.string(), consentStated: z.boolean(), release: LikenessRelease.nullable() })),
});
export type IdeaDetail = z.infer<typeof IdeaDetail>;

export const BranchCoverage = z.object({
  quarter: z.string(),
  from: LocalDate,
  to: LocalDate,
  branches: z.array(z.object({ branch: z.string(), ideas: z.number().int(), lastAt: UtcInstant.nullable() })),
  /** Branches known to the workspace that sent nothing this quarter. */
  silent: z.array(z.string()),
});
export type BranchCoverage = z.infer<typeof BranchCoverage>;

export const InboxStatus = z.object({ folder: z.string().nullable(), waiting: z.number().int() });
export const InboxReport = ImportReport.extend({ folder: z.string(), moved: z.object({ processed: z.number().int(), rejected: z.number().int() }) });
export type InboxReport = z.infer<typeof InboxReport>;

export const ThankYouNote = z.object({ to: z.string(), subject: z.string(), text: z.string(), eml: z.string(), fileName: z.string() });
export type ThankYouNote = z.infer<typeof ThankYouNote>;

/** The story form's branding: the bank's colour and where staff send the file. */
export const StoryFormSettings = z.object({ color: HexColor, sendHint: z.string().trim().max(300) });

export const ideaOperations = {
  'ideas.list': op(z.object({ statuses: z.array(IdeaStatus).max(20).optional() }), z.array(Idea)),
  'ideas.get': op(z.object({ id: Id }), IdeaDetail),
  'ideas.create': op(IdeaInput, Idea),
  'ideas.update': op(IdeaInput.omit({ status: true }).partial().extend({ id: Id, revision: Revision, status: IdeaStatus.optional() }), Idea),
  /** Moves an idea between the board's columns; declining needs a reason. */
  'ideas.move': op(z.object({ id: Id, revision: Revision, status: IdeaStatus, reason: z.string().trim().max(1000).optional() }), Idea),
  /** A draft post from the idea: its category, story, photos and the category's usual channels. */
  'ideas.makePost': op(z.object({ id: Id, revision: Revision }), z.object({ post: Post, idea: Idea })),
  /** "Your story is going out on ...": a note to the submitter, as text and as an .eml file. */
  'ideas.thanks': op(z.object({ id: Id }), ThankYouNote),
  'ideas.coverage': op(z.object({ on: LocalDate }), BranchCoverage),
  /** `.storyidea` files and Microsoft/Google Forms exports (CSV, XLSX). */
  'ideas.import': op(
    z.object({ files: z.array(UploadedFile).min(1).max(50), mapping: ColumnMapping.optional(), dryRun: z.boolean().default(false) }),
    ImportReport,
  ),
  /** The headers, first rows and proposed mapping of a Forms export, before importing it. */
  'ideas.previewForm': op(z.object({ file: UploadedFile }), FormPreview),
  'intake.inbox': op(z.object({}), InboxStatus),
  'intake.setInbox': op(z.object({ folder: z.string().trim().max(1000).nullable() }), InboxStatus),
  /** Imports every .storyidea file waiting in the inbox folder. */
  'intake.checkInbox': op(z.object({}), InboxReport),
  'intake.formSettings': op(z.object({}), StoryFormSettings),
  'intake.saveFormSettings': op(StoryFormSettings.partial(), StoryFormSettings),
  /** The offline submission form, one self-contained HTML file. */
  'intake.form': op(z.object({}), z.object({ fileName: z.string(), html: z.string() })),
} as const;

