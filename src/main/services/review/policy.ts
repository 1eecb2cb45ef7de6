// The bank's social-media policy (FFIEC guidance: train staff, define what is not allowed): kept
// as versions in the audit trail; everyone accepts the current version before drafting or approving.
import type { PolicyVersion } from '../../../shared/api/people';
import type { Profile } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import { ServiceError } from '../errors';
import type { AuditService } from './audit';
import { sha256 } from './hashing';


export function createPolicyService(repos: Repositories, audit: AuditService) {
  const current = (): PolicyVersion | null => {
    const [latest] = repos.audit.query({ kinds: ['policy.publish'], limit: 1 });
    if (!latest) return null;
    return { version: Number(latest.body.version), text: String(latest.body.text), publishedAt: latest.at, publishedBy: latest.actorName };
  };
  const acceptedVersion = (profileId: string): number => {
    const [ack] = repos.audit.query({ kinds: ['policy.ack'], actorId: profileId, limit: 1 });
    return ack ? Number(ack.body.version) : 0;
  };
  return {
    current,
    acceptedVersion,
    /** Who accepted the current version, and who has not yet. */
    status() {
      const policy = current();
      const people = repos.profiles.list().filter((p) => !p.archived);
      return {
        policy,
        people: people.map((p) => ({ id: p.id, name: p.name, acceptedVersion: acceptedVersion(p.id) })),
      };
    },
    publish(person: Profile, text: string): PolicyVersion {
      return repos.transaction(() => {
        const version = (current()?.version ?? 0) + 1;
        audit.record({ kind: 'policy.publish', subjectType: 'policy', subjectId: null, afterHash: sha256(text), body: { version, text } }, person);
        return current()!;
      });
    },
    accept(person: Profile, version: number): void {
      repos.transaction(() => {
        const policy = current();
        if (!policy) throw new ServiceError('not_found', 'There is no social-media policy to accept yet.');
        if (policy.version !== version) {
          throw new ServiceError('conflict', `The policy is now at version ${policy.version} (you read version ${version}): read the new text, then accept it.`, [], policy);
        }
        audit.record({ kind: 'policy.ack', subjectType: 'policy', subjectId: null, afterHash: sha256(policy.text), body: { version } }, person);
      });
    },
    /** Drafting and approving wait until the person has accepted the current policy. */
    requireAccepted(person: Profile, action: string): void {
      const policy = current();
      if (policy && acceptedVersion(person.id) < policy.version) {
        throw new ServiceError('forbidden', `${person.name} cannot ${action} yet: read and accept the social-media policy (version ${policy.version}) first.`);
      }
    },
  };
}
export type PolicyService = ReturnType<typeof createPolicyService>;
