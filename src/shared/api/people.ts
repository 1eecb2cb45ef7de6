// People, the current person and the social-media policy: the contract's operations for this
// feature (joined in contract.ts).
import { z } from 'zod';
import { PersonName, Profile, Role } from '../domain/people';
import { Id, Revision, UtcInstant } from '../domain/schemas';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const ProfileInput = z.object({
  name: PersonName,
  roles: z.array(Role).min(1, 'choose at least one role').max(4).refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice'),
});

export const PolicyVersion = z.object({ version: z.number().int().positive(), text: z.string(), publishedAt: UtcInstant, publishedBy: z.string() });
export type PolicyVersion = z.infer<typeof PolicyVersion>;
export const PolicyStatus = z.object({
  policy: PolicyVersion.nullable(),
  people: z.array(z.object({ id: Id, name: z.string(), acceptedVersion: z.number().int() })),
});
export type PolicyStatus = z.infer<typeof PolicyStatus>;

export const SessionInfo = z.object({
  /** null: nobody chosen yet in a workspace of several people (the app asks). */
  current: Profile.nullable(),
  people: z.array(Profile),
  fourEyes: z.boolean(),
  /** The policy version the current person still has to accept (null: nothing to accept). */
  policyToAccept: PolicyVersion.nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const peopleOperations = {
  'people.session': op(z.object({}), SessionInfo),
  'people.list': op(z.object({}), z.array(Profile)),
  /** Chooses who is using Storybank on this machine (remembered). */
  'people.select': op(z.object({ id: Id }), Profile),
  'people.create': op(ProfileInput, Profile),
  'people.update': op(ProfileInput.partial().extend({ id: Id, revision: Revision, archived: z.boolean().optional() }), Profile),
  'policy.get': op(z.object({}), PolicyStatus),
  /** A new version: everyone accepts it again before drafting or approving. */
  'policy.publish': op(z.object({ text: z.string().trim().min(20, 'write the policy (at least a sentence)').max(50_000) }), PolicyVersion),
  'policy.accept': op(z.object({ version: z.number().int().positive() }), PolicyStatus),
} as const;
