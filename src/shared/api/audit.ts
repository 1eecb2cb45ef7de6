// The audit trail and the compliance rules (joined in contract.ts).
import { z } from 'zod';
import { ComplianceFinding, ComplianceRule, InstitutionType, RuleList } from '../compliance/schemas';
import { AuditEntry } from '../domain/people';
import { Id, UtcInstant } from '../domain/schemas';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const AuditFilter = z.object({
  actorId: Id.optional(),
  postId: Id.optional(),
  kinds: z.array(z.string().min(1).max(60)).max(40).optional(),
  from: UtcInstant.optional(),
  to: UtcInstant.optional(),
  limit: z.number().int().min(1).max(5000).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** In a team workspace, each other machine's chain: how many entries arrived, and its first problem (a gap, an alteration). */
const DeviceChains = z.array(z.object({ device: z.string(), author: z.string(), entries: z.number().int(), problem: z.string().nullable() })).optional();
export const AuditVerify = z.union([
  z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string(), devices: DeviceChains }),
  z.object({ ok: z.literal(false), entries: z.number().int(), broken: z.object({ seq: z.number().int(), id: z.string(), kind: z.string(), reason: z.string() }), devices: DeviceChains }),
]);
export type AuditVerify = z.infer<typeof AuditVerify>;

export const ComplianceSettingsView = z.object({
  institution: InstitutionType,
  rules: z.array(ComplianceRule),
  /** true while the workspace uses the default pack unchanged. */
  isDefault: z.boolean(),
  defaults: z.array(ComplianceRule),
});
export type ComplianceSettingsView = z.infer<typeof ComplianceSettingsView>;

export const auditOperations = {
  'audit.list': op(AuditFilter, z.array(AuditEntry)),
  'audit.verify': op(z.object({}), AuditVerify),
  /** The whole trail as a file for examiners. */
  'audit.export': op(z.object({ format: z.enum(['csv', 'json']) }), z.object({ name: z.string(), content: z.string() })),
  'audit.settings': op(z.object({}), z.object({ retentionYears: z.number().int() })),
  'audit.setRetention': op(z.object({ years: z.number().int().min(2).max(10) }), z.object({ retentionYears: z.number().int() })),
  'compliance.get': op(z.object({}), ComplianceSettingsView),
  'compliance.save': op(z.object({ institution: InstitutionType, rules: RuleList }), ComplianceSettingsView),
  'compliance.check': op(
    z.object({ text: z.string().max(70_000), categoryId: Id.nullable().optional(), channelId: Id.nullable().optional() }),
    z.object({ findings: z.array(ComplianceFinding) }),
  ),
} as const;
