// Employee-story ideas (issue 10): what staff send from the branches, and where each one is on its
// way to a post. Platform-free: the board, the importers and the intake form share these.
import { z } from 'zod';
import { PersonName } from './people';
import { Id, LocalDate, Revision, UtcInstant } from './schemas';

export const IDEA_STATUSES = ['new', 'needs_info', 'accepted', 'scheduled', 'used', 'declined'] as const;
/** Files and workspaces written before issue 10 said "rejected" for "declined". */
export const IdeaStatus = z.preprocess((value) => (value === 'rejected' ? 'declined' : value), z.enum(IDEA_STATUSES));
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = {
  new: 'New',
  needs_info: 'Needs info',
  accepted: 'Accepted',
  scheduled: 'Scheduled',
  used: 'Used',
  declined: 'Declined',
};
/** What each column means, for the board's headers and the move menu. */
export const IDEA_STATUS_HINTS: Record<IdeaStatus, string> = {
  new: 'just arrived, not looked at yet',
  needs_info: 'waiting for the submitter to tell us more',
  accepted: 'good to go: the planner schedules it',
  scheduled: 'a post made from it is on the calendar',
  used: 'its post has been published',
  declined: 'not for us, with the reason',
};

/** Where an idea came from: typed in, the offline form (a .storyidea file) or a Forms export. */
export const IDEA_SOURCES = ['manual', 'storyidea', 'csv', 'xlsx'] as const;
export const IdeaSource = z.enum(IDEA_SOURCES);

/** Someone the story features, and whether the submitter said they agreed to it. */
export const FeaturedPerson = z.object({
  name: PersonName,
  /** The submitter ticked "they agreed to be featured" (not a signed release: that is recorded separately). */
  consentStated: z.boolean().default(false),
});
export type FeaturedPerson = z.infer<typeof FeaturedPerson>;

/** A photo of the idea, copied into the workspace media folder. */
export const IdeaPhoto = z.object({
  src: z.string().regex(/^media\/[0-9a-f]{64}\.(png|jpg|gif|webp)$/, 'expected a workspace media file (media/<sha256>.<ext>)'),
  alt: z.string().max(1500).default(''),
  originalName: z.string().max(255).default(''),
});
export type IdeaPhoto = z.infer<typeof IdeaPhoto>;

export const MAX_IDEA_PHOTOS = 10;
export const MAX_FEATURED_PEOPLE = 30;

/** An employee-story idea submitted by staff: the backlog that posts are written from. */
export const Idea = z.object({
  id: Id,
  title: z.string().trim().min(1).max(200),
  story: z.string().max(10000).default(''),
  /** The submitter's name, e-mail and branch or department. */
  submittedBy: z.string().max(120).default(''),
  submitterEmail: z.string().max(254).default(''),
  branch: z.string().max(120).default(''),
  featured: z.array(FeaturedPerson).max(MAX_FEATURED_PEOPLE).default([]),
  photos: z.array(IdeaPhoto).max(MAX_IDEA_PHOTOS).default([]),
  /** The suggested category (the default is employee highlights, when the workspace has it). */
  categoryId: Id.nullable().default(null),
  status: IdeaStatus.default('new'),
  declineReason: z.string().max(1000).default(''),
  /** Window in which the story can run (inclusive local dates): earliest, and "run before" as its last day. */
  earliest: LocalDate.nullable().default(null),
  latest: LocalDate.nullable().default(null),
  notes: z.string().max(10000).default(''),
  source: IdeaSource.default('manual'),
  /** SHA-256 of the file or row it was imported from: the same submission is never imported twice. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Idea = z.infer<typeof Idea>;

/** The status an idea's post gives it: scheduled once the post has a time, used once it is published. */
export function ideaStatusForPost(post: { scheduledAt: string | null; status: string }): IdeaStatus | null {
  if (post.status === 'published') return 'used';
  if (post.status === 'archived') return null;
  return post.scheduledAt ? 'scheduled' : 'accepted';
}

/** The calendar quarter a date falls in, e.g. 2027-Q2, with its first and last day. */
export function quarterOf(date: string): { label: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const firstMonth = quarter * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { label: `${year}-Q${quarter + 1}`, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
