// Long operations (plans, exports, backups) run in a worker. A caller that passes a `jobId` with
// the operation can follow its progress and cancel it through these operations.
import { z } from 'zod';
import { Id } from '../domain/schemas';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Added to the input of every long operation. */
export const JobRef = z.object({ jobId: Id.optional() });

export const JobState = z.object({
  jobId: Id,
  state: z.enum(['running', 'done', 'cancelled', 'unknown']),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
});
export type JobState = z.infer<typeof JobState>;

export const jobOperations = {
  'jobs.progress': op(z.object({ jobId: Id }), JobState),
  /** Stops a running job; whatever it had not committed is rolled back. */
  'jobs.cancel': op(z.object({ jobId: Id }), z.object({ cancelled: z.boolean() })),
} as const;
