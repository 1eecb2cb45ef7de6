// The .storyidea file the offline form saves: one submission, photos embedded, versioned so that an
// older Storybank refuses a newer file by name instead of misreading it.
import { z } from 'zod';

export const STORYIDEA_FORMAT = 'storybank.storyidea';
export const STORYIDEA_VERSION = 1;
export const STORYIDEA_EXTENSION = '.storyidea';
/** The form resizes photos to this long side before embedding them. */
export const FORM_PHOTO_MAX_SIDE = 1600;
export const MAX_STORYIDEA_PHOTOS = 6;

const text = (max: number) => z.string().max(max).default('');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').nullable().default(null);

export const StoryIdeaPhoto = z.object({
  /** The name the file had on the submitter's machine (never used as a path). */
  name: z.string().max(255),
  type: z.string().max(100),
  /** The photo as sent (resized by the form), base64. */
  data: z.string().min(1),
  /** The untouched original, when the submitter chose to send it too. */
  original: z.string().min(1).optional(),
  alt: text(1500),
});

export const StoryIdeaFile = z.object({
  format: z.literal(STORYIDEA_FORMAT),
  version: z.literal(STORYIDEA_VERSION),
  createdAt: z.string().max(40),
  bank: text(120),
  idea: z.object({
    title: z.string().trim().min(1, 'the story needs a title').max(200),
    story: z.string().trim().min(1, 'the story needs its text').max(10000),
    submitter: z.object({
      name: z.string().trim().min(1, 'the submitter needs a name').max(120),
      email: text(254),
      branch: text(120),
    }),
    featured: z.array(z.object({ name: z.string().trim().min(1).max(120), consent: z.boolean() })).max(30).default([]),
    category: text(120),
    earliest: date,
    before: date,
    notes: text(10000),
  }),
  photos: z.array(StoryIdeaPhoto).max(MAX_STORYIDEA_PHOTOS).default([]),
});
export type StoryIdeaFile = z.infer<typeof StoryIdeaFile>;
