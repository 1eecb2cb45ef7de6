// People, their roles and the records of their decisions (issue 9).
import { z } from 'zod';
import { Id, Revision, UtcInstant } from './schemas';

export const ROLES = ['planner', 'approver', 'contributor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, string> = {
  planner: 'Planner',
  approver: 'Approver',
  contributor: 'Contributor',
  admin: 'Admin',
};
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  planner: 'plans the calendar, writes, submits and exports posts',
  approver: 'reviews posts, approves or requests changes, signs off months',
  contributor: 'sends story ideas and comments on posts',
  admin: 'manages people, the policy, the compliance rules and settings',
};

/** A person's name as people type it: no control characters (SQLite stops reading text at a NUL). */
export const PersonName = z.string().trim().min(1, 'a person needs a name').max(120).regex(/^[^\p{Cc}]+$/u, 'a name cannot contain control characters');

/** People named on images and releases are matched by name, ignoring case and spacing. */
export const personKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export const Profile = z.object({
  id: Id,
  name: PersonName,
  roles: z.array(Role).min(1, 'a person needs at least one role').max(4),
  archived: z.boolean().default(false),
  revision: Revision.default(1),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Profile = z.infer<typeof Profile>;

/** One entry of the audit trail: a self-describing record, chained to the one before by `prevHash`. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  id: Id,
  kind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: UtcInstant,
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  beforeHash: z.string().nullable(),
  afterHash: z.string().nullable(),
  body: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
  /** In a team workspace: the machine whose chain holds it, when that is not this one. */
  device: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AUDIT_KIND_LABELS: Record<string, string> = {
  'post.create': 'Post created',
  'post.update': 'Post edited',
  'post.move': 'Post moved',
  'post.delete': 'Post deleted',
  'post.submit': 'Submitted for review',
  'post.approve': 'Approved',
  'post.request_changes': 'Changes requested',
  'post.export': 'Exported',
  'post.publish': 'Published',
  'post.archive': 'Archived',
  'post.reopen': 'Reopened as a draft',
  'post.changed_after_export': 'Changed after export (confirmed)',
  'post.comment': 'Comment',
  'compliance.override': 'Compliance finding overridden',
  'compliance.rules': 'Compliance rules changed',
  'signoff.create': 'Calendar signed off',
  'policy.publish': 'Policy published',
  'policy.ack': 'Policy accepted',
  'profile.create': 'Person added',
  'profile.update': 'Person changed',
  'profile.select': 'Signed in',
  'settings.review': 'Review settings changed',
  'backup.restore': 'Backup restored',
  'release.record': 'Likeness release recorded',
};
