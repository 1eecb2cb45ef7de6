// `storybank doctor`: reads a workspace (writing nothing, damaged or not) and reports what is
// wrong: SQLite's integrity and foreign-key checks, and every media file against its recorded
// size and SHA-256. Later checks (the audit chain) join the same list.
import fs from 'node:fs';
import path from 'node:path';
import { integrityProblems, LATEST_SCHEMA_VERSION, openDatabase, schemaVersion, WorkspaceOpenError, type Db } from '../db/connection';
import { createMediaRepository } from '../db/repositories/media';
import { parseJson } from '../db/repositories/rows';
import { MEDIA_FOLDER, sha256Of } from './media';

export type FindingSeverity = 'error' | 'warning' | 'info';
export interface DoctorFinding {
  severity: FindingSeverity;
  check: 'open' | 'integrity' | 'foreign_keys' | 'schema' | 'media' | 'media_references' | 'orphaned_media';
  message: string;
}
export interface DoctorReport {
  file: string;
  findings: DoctorFinding[];
  /** true when no finding is an error */
  healthy: boolean;
  checked: { posts: number; media: number };
}

/** Runs one check; a check that throws (a damaged page, say) is itself a finding. */
function guarded(findings: DoctorFinding[], check: DoctorFinding['check'], run: () => void): void {
  try {
    run();
  } catch (error) {
    findings.push({ severity: 'error', check, message: `could not be checked: ${error instanceof Error ? error.message : String(error)}` });
  }
}

function checkMedia(db: Db, workspaceDir: string, findings: DoctorFinding[], checked: DoctorReport['checked']): void {
  const media = createMediaRepository(db).list();
  checked.media = media.length;
  const recorded = new Set<string>();
  for (const item of media) {
    recorded.add(item.path);
    const file = path.join(workspaceDir, ...item.path.split('/'));
    if (!fs.existsSync(file)) {
      findings.push({ severity: 'error', check: 'media', message: `${item.path} (${item.originalName || 'no name'}) is missing from the media folder` });
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (bytes.length !== item.bytes || sha256Of(bytes) !== item.sha256) {
      findings.push({ severity: 'error', check: 'media', message: `${item.path} is damaged: its content no longer matches its recorded SHA-256 (${bytes.length} bytes, ${item.bytes} recorded)` });
    }
  }

  const referenced = new Set<string>();
  const posts = db.prepare('SELECT id, title, images FROM posts').all() as { id: string; title: string; images: string }[];
  checked.posts = posts.length;
  for (const post of posts) {
    for (const image of parseJson<{ src: string }[]>(post.images, [])) {
      if (!image.src.startsWith(`${MEDIA_FOLDER}/`)) continue;
      referenced.add(image.src);
      if (!fs.existsSync(path.join(workspaceDir, ...image.src.split('/')))) {
        findings.push({ severity: 'error', check: 'media_references', message: `post "${post.title}" (${post.id}) shows ${image.src}, which is not in the media folder` });
      } else if (!recorded.has(image.src)) {
        findings.push({ severity: 'warning', check: 'media_references', message: `post "${post.title}" shows ${image.src}, which has no recorded hash (cannot be verified)` });
      }
    }
  }

  // photos of story ideas (schema 7 on) are uses too
  const hasIdeaPhotos = (db.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('ideas') WHERE name = 'photos'").get() as { n: number }).n > 0;
  if (hasIdeaPhotos) {
    for (const idea of db.prepare('SELECT photos FROM ideas').all() as { photos: string }[]) {
      for (const photo of parseJson<{ src: string }[]>(idea.photos, [])) referenced.add(photo.src);
    }
  }

  const folder = path.join(workspaceDir, MEDIA_FOLDER);
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      // .thumbs: thumbnails Storybank makes and can make again
      if (name.startsWith('.')) continue;
      const relative = `${MEDIA_FOLDER}/${name}`;
      if (!recorded.has(relative) && !referenced.has(relative)) {
        findings.push({ severity: 'warning', check: 'orphaned_media', message: `${relative} is in the media folder but no record or post refers to it` });
      }
    }
  }
  for (const item of media) {
    if (!referenced.has(item.path)) findings.push({ severity: 'info', check: 'orphaned_media', message: `${item.path} is in the library but no post uses it` });
  }
}

/** Checks a workspace without writing to it. */
export function diagnoseWorkspace(file: string): DoctorReport {
  const findings: DoctorFinding[] = [];
  const checked = { posts: 0, media: 0 };
  const report = (): DoctorReport => ({ file, findings, healthy: !findings.some((f) => f.severity === 'error'), checked });
  if (!fs.existsSync(file)) {
    findings.push({ severity: 'error', check: 'open', message: `${file} does not exist` });
    return report();
  }
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true, check: false });
  } catch (error) {
    const message = error instanceof WorkspaceOpenError ? error.message.replace(/ Nothing was written.*$/, '') : error instanceof Error ? error.message : String(error);
    findings.push({ severity: 'error', check: 'open', message });
    return report();
  }
  try {
    guarded(findings, 'schema', () => {
      const version = schemaVersion(db);
      if (version < LATEST_SCHEMA_VERSION) {
        findings.push({ severity: 'info', check: 'schema', message: `schema version ${version}; opening it in Storybank migrates it to ${LATEST_SCHEMA_VERSION}` });
      }
    });
    guarded(findings, 'integrity', () => {
      for (const problem of integrityProblems(db, 'integrity_check', 50)) {
        findings.push({ severity: 'error', check: 'integrity', message: `the database is damaged: ${problem}` });
      }
    });
    guarded(findings, 'foreign_keys', () => {
      const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const row of rows.slice(0, 50)) {
        findings.push({ severity: 'error', check: 'foreign_keys', message: `${row.table} row ${row.rowid} refers to a missing ${row.parent} record` });
      }
    });
    if (schemaVersion(db) >= 4) guarded(findings, 'media', () => checkMedia(db, path.dirname(path.resolve(file)), findings, checked));
  } finally {
    db.close();
  }
  return report();
}
