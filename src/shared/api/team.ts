// Team workspace: the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const FlaggedDoc = z.object({
  /** `<type>:<id>` of the record */
  docId: z.string(),
  /** denied: the server refused the change made here; conflict: two versions; invalid: a teammate's version could not be read */
  state: z.enum(['denied', 'conflict', 'invalid']),
  message: z.string(),
  at: z.string(),
});
export type FlaggedDoc = z.infer<typeof FlaggedDoc>;

export const TeamStatus = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('solo') }),
  z.object({
    mode: z.literal('team'),
    server: z.string(),
    database: z.string(),
    user: z.string(),
    /** unknown until the first attempt to reach the server */
    connection: z.enum(['online', 'offline', 'unknown']),
    offlineSince: z.string().nullable(),
    lastError: z.string(),
    lastSyncAt: z.string().nullable(),
    /** local changes not yet written to the replica */
    pending: z.number().int(),
    conflicts: z.number().int(),
    denied: z.number().int(),
    invalid: z.number().int(),
    flagged: z.array(FlaggedDoc),
    /** Teammates' changes applied here since the app started: the screens reload when it grows. */
    received: z.number().int(),
  }),
]);
export type TeamStatus = z.infer<typeof TeamStatus>;

/** One version of a conflicted record, as a teammate (or you) wrote it. */
export const ConflictVersion = z.object({
  rev: z.string(),
  updatedBy: z.string(),
  /** the version shown until the conflict is resolved */
  shown: z.boolean(),
  /** the record (a post, an idea, ...); null when this version cannot be read */
  record: z.record(z.string(), z.unknown()).nullable(),
  problem: z.string().nullable(),
});
export type ConflictVersion = z.infer<typeof ConflictVersion>;

const DocId = z.string().min(3).max(200).regex(/^[a-z]+:[^\s]+$/, 'expected a record such as post:<id>');

export const TeamJoinInput = z.object({
  server: z.string().trim().min(1, 'the server address').max(500),
  workspace: z.string().trim().min(1, "the team workspace's name").max(120),
  user: z.string().trim().min(1, 'your user name on the server').max(120),
  password: z.string().min(1, 'your password').max(500),
  /** share: this workspace becomes the team's first copy (an admin, once); join: start from the team's */
  mode: z.enum(['join', 'share']).default('join'),
});
export type TeamJoinInput = z.infer<typeof TeamJoinInput>;

export const teamOperations = {
  /** Connects this workspace to the team's CouchDB database; the password is kept by the OS keychain, never in the workspace. */
  'team.join': op(TeamJoinInput, TeamStatus),
  /** Solo, or the team's server, the connection, changes waiting, conflicts and denied writes. */
  'team.status': op(z.object({}), TeamStatus),
  /** Sync now (the app also syncs continuously). */
  'team.sync': op(z.object({}), TeamStatus),
  /** The versions of a conflicted record, side by side. */
  'team.conflict': op(z.object({ docId: DocId }), z.array(ConflictVersion)),
  /** Keeps one version (`keep`: its rev) or saves a merge (`merged`: the record); audited with every version. */
  'team.resolve': op(z.object({ docId: DocId, keep: z.string().max(200).optional(), merged: z.record(z.string(), z.unknown()).optional() }).refine((v) => (v.keep === undefined) !== (v.merged === undefined), 'give either keep or merged'), TeamStatus),
  /** Puts a change the server refused back to the server's version. */
  'team.revert': op(z.object({ docId: DocId }), TeamStatus),
} as const;
