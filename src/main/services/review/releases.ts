// Likeness releases: a signed release for each person an image shows, recorded (given or refused,
// the date signed, who recorded it) in the audit trail. No release, no approval.
import type { LikenessRelease } from '../../../shared/api/reviews';
import { personKey } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import { ServiceError } from '../errors';
import type { AuditService } from './audit';
import type { Access } from './people';



export function createReleaseService(repos: Repositories, access: Access, audit: Pick<AuditService, 'record'>) {
  /** The latest release recorded for each person. */
  const all = (): Map<string, LikenessRelease> => {
    const latest = new Map<string, LikenessRelease>();
    // newest first: the first seen per person wins
    for (const entry of repos.audit.query({ kinds: ['release.record'], limit: 100_000 })) {
      const key = String(entry.subjectId);
      if (latest.has(key)) continue;
      latest.set(key, {
        person: String(entry.body.person),
        given: entry.body.given === true,
        signedOn: String(entry.body.signedOn),
        note: String(entry.body.note ?? ''),
        recordedBy: entry.actorName,
        recordedAt: entry.at,
      });
    }
    return latest;
  };
  return {
    all,
    list: (): LikenessRelease[] => [...all().values()].sort((a, b) => a.person.localeCompare(b.person)),
    record(input: { person: string; given: boolean; signedOn: string; note?: string }): LikenessRelease {
      return repos.transaction(() => {
        access.require(['planner', 'admin'], 'record likeness releases');
        const person = input.person.trim().replace(/\s+/g, ' ');
        if (!person) throw new ServiceError('validation', 'person: name the person the release is for', [{ path: 'person', message: 'required' }]);
        audit.record({ kind: 'release.record', subjectType: 'person', subjectId: personKey(person), body: { person, given: input.given, signedOn: input.signedOn, note: input.note?.trim() ?? '' } });
        return all().get(personKey(person))!;
      });
    },
  };
}
export type ReleaseService = ReturnType<typeof createReleaseService>;
