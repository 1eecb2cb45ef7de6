// Media: the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** A workspace image as posts name it, `media/<file>`; the service refuses anything leading out of the folder. */
export const MediaPath = z
  .string()
  .max(500)
  .regex(/^media\/[^\\]+$/, 'expected an image in the workspace media folder (media/<file>)');

export const mediaOperations = {
  /** A small image as a data: URL for thumbnails (null when the file is missing or not an image). */
  'media.preview': op(z.object({ path: MediaPath }), z.object({ dataUrl: z.string().nullable() })),
} as const;
