// Likeness releases: a signed release for each person an image shows, recorded (given or refused,
// the date signed, who recorded it) in the audit trail. No release, no approval.
import fs from 'node:fs';
import path from 'node:path';
import type { LikenessRelease } from '../../../shared/api/reviews';
import { personKey } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import { ServiceError, notFound } from '../errors';
import { plainFileName } from '../../files/input-file';
import { writeFileAtomically } from '../../files/output-file';
import { sha256Of, sniffImage } from '../media';
import type { AuditService } from './audit';
import type { Access } from './people';


export const RELEASES_FOLDER = 'releases';
export const MAX_SCAN_BYTES = 14 * 1024 * 1024;

/** What a scan is, by its bytes: a PDF or an image; anything else is refused. */
function sniffScan(bytes: Buffer, name: string): { type: string; ext: string } {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { type: 'application/pdf', ext: 'pdf' };
  const image = sniffImage(bytes);
  if ('problem' in image) throw new ServiceError('validation', `scan: ${name} is not a PDF or an image (${image.problem})`, [{ path: 'scan', message: 'not a PDF or an image' }]);
  return { type: image.mime, ext: image.ext };
}

export function createReleaseService(repos: Repositories, access: Access, audit: Pick<AuditService, 'record'>, dbPath: string) {
  const workspaceDir = path.dirname(path.resolve(dbPath));
  /** Copies a scan into the releases folder (once per content, never modified). */
  const storeScan = (bytes: Buffer, name: string) => {
    if (bytes.length === 0) throw new ServiceError('validation', `scan: ${name} is empty`, [{ path: 'scan', message: 'empty' }]);
    if (bytes.length > MAX_SCAN_BYTES) throw new ServiceError('validation', `scan: ${name} is over the ${MAX_SCAN_BYTES / 1024 / 1024} MB limit`, [{ path: 'scan', message: 'too big' }]);
    const { type, ext } = sniffScan(bytes, name);
    const sha256 = sha256Of(bytes);
    const relative = `${RELEASES_FOLDER}/${sha256}.${ext}`;
    const target = path.join(workspaceDir, RELEASES_FOLDER, `${sha256}.${ext}`);
    if (!fs.existsSync(target)) writeFileAtomically(target, bytes);
    return { name: plainFileName(name, 'release'), type, path: relative, sha256 };
  };
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
        scan: (entry.body.scan as LikenessRelease['scan']) ?? null,
      });
    }
    return latest;
  };
  return {
    all,
    list: (): LikenessRelease[] => [...all().values()].sort((a, b) => a.person.localeCompare(b.person)),
    record(input: { person: string; given: boolean; signedOn: string; note?: string; scan?: { name: string; bytes: Buffer } }): LikenessRelease {
      return repos.transaction(() => {
        access.require(['planner', 'admin'], 'record likeness releases');
        const person = input.person.trim().replace(/\s+/g, ' ');
        if (!person) throw new ServiceError('validation', 'person: name the person the release is for', [{ path: 'person', message: 'required' }]);
        const scan = input.scan ? storeScan(input.scan.bytes, input.scan.name) : null;
        audit.record({ kind: 'release.record', subjectType: 'person', subjectId: personKey(person), body: { person, given: input.given, signedOn: input.signedOn, note: input.note?.trim() ?? '', ...(scan ? { scan } : {}) } });
        return all().get(personKey(person))!;
      });
    },
    /** The scanned form of a person's latest release. */
    scan(person: string): { name: string; type: string; dataBase64: string } {
      const release = all().get(personKey(person));
      if (!release?.scan) throw notFound('Scanned release of', person);
      const file = path.join(workspaceDir, ...release.scan.path.split('/'));
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        throw new ServiceError('not_found', `The scanned release of ${person} (${release.scan.path}) is missing from the workspace folder.`);
      }
      if (sha256Of(bytes) !== release.scan.sha256) throw new ServiceError('storage', `The scanned release of ${person} (${release.scan.path}) no longer matches what was recorded: it was changed or damaged.`);
      return { name: release.scan.name, type: release.scan.type, dataBase64: bytes.toString('base64') };
    },
  };
}
export type ReleaseService = ReturnType<typeof createReleaseService>;
