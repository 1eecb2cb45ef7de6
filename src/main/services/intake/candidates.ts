// What an import turns each file or form row into before anything is written: a candidate idea,
// the photos to copy in, and the content hash that finds it again if it is imported twice.
import type { z } from 'zod';
import type { FeaturedPerson } from '../../../shared/domain/ideas';
import { sha256Of } from '../media';
import { hashOf } from '../review/hashing';

export interface CandidatePhoto {
  name: string;
  bytes: Buffer;
  alt: string;
  /** The untouched original the submitter sent too (kept in the library, never modified). */
  original?: Buffer;
}

export interface IdeaCandidate {
  file: string;
  /** Spreadsheet row (header = 1) for a form export; null for a .storyidea file. */
  row: number | null;
  source: 'storyidea' | 'csv' | 'xlsx';
  title: string;
  story: string;
  submittedBy: string;
  submitterEmail: string;
  branch: string;
  featured: FeaturedPerson[];
  /** A category by name, as the submitter chose it (matched to the workspace's, else the default). */
  categoryName: string;
  earliest: string | null;
  latest: string | null;
  notes: string;
  photos: CandidatePhoto[];
}

/** The same submission hashes the same, whichever file or export it comes in. */
export const candidateHash = (c: IdeaCandidate): string =>
  hashOf({
    title: c.title,
    story: c.story,
    submittedBy: c.submittedBy,
    submitterEmail: c.submitterEmail,
    branch: c.branch,
    featured: c.featured.map((f) => f.name),
    earliest: c.earliest,
    latest: c.latest,
    photos: c.photos.map((p) => sha256Of(p.bytes)),
  });

export interface Rejection {
  file: string;
  row: number | null;
  reason: string;
}

/** zod's issues as one readable sentence: "idea.title: the story needs a title; photos[1].data: ...". */
export const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ` : ''}${issue.message}`)
    .join('; ');
