// Input and output shapes of Storybank's pure exporters (src/shared/export).
// An ExportItem is one post on one channel, already resolved by the caller (final per-channel
// text, public image URLs, the channel's zone), so every exporter is a pure function of its input.
import { z } from 'zod';
import { Network, PostStatus, TimeZone, UtcInstant } from '../domain/schemas';

export const EXPORT_FORMATS = ['buffer', 'hootsuite', 'sprout', 'publer', 'csv', 'ics', 'json'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportImage = z.object({
  /** Public URL of the published image, or '' when the image only exists in the local media folder. */
  url: z.string().max(2000),
  alt: z.string().max(1500).default(''),
});
export type ExportImage = z.infer<typeof ExportImage>;


export const ExportItem = z.object({
  postId: z.string().min(1),
  channelId: z.string().min(1),
  channelName: z.string().min(1),
  network: Network,
  /** IANA zone of the channel: the wall clock every scheduler format is written in. */
  timezone: TimeZone,
  scheduledAt: UtcInstant,
  title: z.string(),
  /** Final text for this channel (override or base text). */
  text: z.string(),
  images: z.array(ExportImage).default([]),
  link: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  categoryName: z.string().nullable().default(null),
  status: PostStatus,
  contentHash: z.string(),
});
export type ExportItem = z.infer<typeof ExportItem>;
export type ExportItemInput = z.input<typeof ExportItem>;

// Characters that are unsafe in a file name on Windows, macOS or Linux.
const SAFE_FILE_STEM = /^[^/\\:*?"<>|\u0000-\u001f]+$/;

export const ExportOptions = z.object({
  /** Day-first or month-first dates, for the targets whose importer asks (Hootsuite, Sprout). */
  dateOrder: z.enum(['dmy', 'mdy']).default('mdy'),
  /** The export moment, injected so exporters stay pure (Hootsuite/Sprout 10-minute lead, DTSTAMP). */
  now: UtcInstant,
  /** File-name stem: `<baseName>-buffer-<channel>-1.csv`, `<baseName>.ics` ... */
  baseName: z.string().trim().min(1).max(120).regex(SAFE_FILE_STEM, 'file name stem has a reserved character'),
  workspaceName: z.string().default('Storybank'),
});
export type ExportOptions = z.infer<typeof ExportOptions>;
export type ExportOptionsInput = z.input<typeof ExportOptions>;

export interface ExportFile {
  name: string;
  /** Full file text, including the UTF-8 BOM when the format needs one. */
  content: string;
  /** Data rows (CSV records without header, calendar events, JSON items). */
  rows: number;
  /** Set when the file holds one channel only (Buffer, Hootsuite, Sprout, Publer). */
  channelId?: string;
}

export interface ExportProblem {
  postId: string;
  channelId: string;
  /** Machine-readable rule id, e.g. `buffer.image_not_public`. */
  rule: string;
}

/** A post left out of every file, with the rule and field it broke. */
export interface LeftOutItem extends ExportProblem {
  reason: string;
}

/** A post that was exported, but not exactly as stored (e.g. Hootsuite's 5-minute rounding). */
export interface ExportWarning extends ExportProblem {
  message: string;
}

export interface ExportOutput {
  files: ExportFile[];
  leftOut: LeftOutItem[];
  warnings: ExportWarning[];
}
