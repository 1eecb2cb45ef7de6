// Media: the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** A workspace image as posts name it, `media/<file>`; the service refuses anything leading out of the folder. */
export const MediaPath = z
  .string()
  .max(500)
  .regex(/^media\/[^\\]+$/, 'expected an image in the workspace media folder (media/<file>)');

/** Files cross the API as base64 (the browser host takes bodies up to 20 MB). */
export const MAX_UPLOAD_BYTES = 14 * 1024 * 1024;
export const UploadedFile = z.object({
  name: z.string().trim().min(1).max(255),
  dataBase64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, `a file sent from the app can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const MediaItem = z.object({
  sha256: z.string(),
  path: z.string(),
  type: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  originalName: z.string(),
  createdAt: z.string(),
  /** Posts and ideas that use the image, by title. */
  usedBy: z.array(z.object({ kind: z.enum(['post', 'idea']), id: z.string(), title: z.string() })),
  /** Alt text written for it before, to offer again when it is reused. */
  alt: z.string(),
});
export type MediaItem = z.infer<typeof MediaItem>;

export const mediaOperations = {
  /**
   * An image as a data: URL (null when the file is missing or not an image): `thumb` is at most
   * 320 px on its long side (cached beside the media), `full` the file itself.
   */
  'media.preview': op(z.object({ path: MediaPath, size: z.enum(['thumb', 'full']).default('full') }), z.object({ dataUrl: z.string().nullable() })),
  /** Copies an image into the workspace media folder (dropped on the editor or picked). */
  'media.add': op(UploadedFile, MediaItem),
  /** The media library: every image in the workspace, newest first, with where it is used. */
  'media.list': op(z.object({}), z.array(MediaItem)),
} as const;
