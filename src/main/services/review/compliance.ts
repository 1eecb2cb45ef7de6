// The workspace's compliance settings: which kind of institution it is and its own copy of the
// rules (the default pack until an admin changes it).
import { ComplianceSettings, DEFAULT_RULES, RuleList, type ComplianceRule, type InstitutionType } from '../../../shared/compliance';
import type { Repositories } from '../../db/repositories';
import type { AuditRecordInput } from './audit';
import { hashOf } from './hashing';
import type { Access } from './people';

const SETTINGS_KEY = 'compliance.settings';

export function createComplianceService(repos: Repositories, access: Access, audit: { record: (input: AuditRecordInput) => unknown }) {
  let cache: { raw: string | null; settings: ComplianceSettings } | null = null;
  const settings = (): ComplianceSettings => {
    const raw = repos.settings.get(SETTINGS_KEY);
    if (!cache || cache.raw !== raw) {
      const stored = raw ? ComplianceSettings.safeParse(JSON.parse(raw)) : null;
      // A stored copy that no longer parses (edited by hand) falls back to the defaults rather than checking nothing.
      cache = { raw, settings: stored?.success ? stored.data : { institution: 'bank', rules: DEFAULT_RULES } };
    }
    return cache.settings;
  };
  return {
    settings,
    get: () => ({ ...settings(), isDefault: repos.settings.get(SETTINGS_KEY) === null, defaults: DEFAULT_RULES }),
    save(input: { institution: InstitutionType; rules: ComplianceRule[] }) {
      return repos.transaction(() => {
        access.require('admin', 'change the compliance rules');
        const next = ComplianceSettings.parse({ institution: input.institution, rules: RuleList.parse(input.rules) });
        const before = settings();
        repos.settings.set(SETTINGS_KEY, JSON.stringify(next));
        const beforeIds = new Set(before.rules.map((r) => r.id));
        const afterIds = new Set(next.rules.map((r) => r.id));
        audit.record({
          kind: 'compliance.rules',
          subjectType: 'settings',
          subjectId: null,
          beforeHash: hashOf(before),
          afterHash: hashOf(next),
          body: {
            institution: next.institution,
            added: next.rules.filter((r) => !beforeIds.has(r.id)).map((r) => r.id),
            removed: before.rules.filter((r) => !afterIds.has(r.id)).map((r) => r.id),
            changed: next.rules.filter((r) => beforeIds.has(r.id) && hashOf(r) !== hashOf(before.rules.find((b) => b.id === r.id))).map((r) => r.id),
          },
        });
        return this.get();
      });
    },
  };
}
export type ComplianceService = ReturnType<typeof createComplianceService>;
