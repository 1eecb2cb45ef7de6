// The inbox: a folder (often a shared network folder) where staff drop .storyidea files. Each
// check imports what is waiting, then moves every file it read to `processed` (imported, or
// already in the workspace) or to `rejected`, with a .txt beside it saying why.
import fs from 'node:fs';
import path from 'node:path';
import type { InboxReport } from '../../../shared/api/ideas';
import { STORYIDEA_EXTENSION } from '../../../shared/intake/storyidea';
import type { Repositories } from '../../db/repositories';
import { ServiceError } from '../errors';
import type { Access } from '../review/people';
import type { Importer } from './importer';

const INBOX_KEY = 'intake.inbox';
/** Files handled per check, so a flooded folder cannot stall the app; the rest wait for the next. */
export const MAX_INBOX_FILES = 500;

const waitingIn = (folder: string): string[] => {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(STORYIDEA_EXTENSION))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new ServiceError('validation', `The inbox folder ${folder} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): is the shared folder connected?`);
  }
};

/** Moves a file into a subfolder without overwriting one of the same name there. */
function moveInto(folder: string, name: string, sub: 'processed' | 'rejected'): string {
  const target = path.join(folder, sub);
  fs.mkdirSync(target, { recursive: true });
  const ext = path.extname(name);
  let destination = path.join(target, name);
  for (let n = 2; fs.existsSync(destination); n++) destination = path.join(target, `${path.basename(name, ext)} (${n})${ext}`);
  try {
    fs.renameSync(path.join(folder, name), destination);
  } catch (error) {
    // another disk (a network share mounted elsewhere): copy, then remove
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(path.join(folder, name), destination);
    fs.unlinkSync(path.join(folder, name));
  }
  return destination;
}

export function createInbox(deps: { repos: Repositories; access: Access; importer: Importer }) {
  const { repos, access, importer } = deps;
  const folder = (): string | null => repos.settings.get(INBOX_KEY);
  /** The folder and how many files wait in it (0 when the shared folder is not reachable now). */
  const status = () => {
    const current = folder();
    let waiting = 0;
    try {
      waiting = current ? waitingIn(current).length : 0;
    } catch {
      waiting = 0;
    }
    return { folder: current, waiting };
  };
  return {
    status,

    set(next: string | null) {
      access.require(['planner', 'admin'], 'choose the story inbox folder');
      if (next) {
        const resolved = path.resolve(next);
        if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) {
          throw new ServiceError('validation', `folder: ${resolved} is not a folder on this machine`, [{ path: 'folder', message: 'not a folder' }]);
        }
        repos.transaction(() => repos.settings.set(INBOX_KEY, resolved));
      } else repos.transaction(() => repos.settings.delete(INBOX_KEY));
      return status();
    },

    async check(): Promise<InboxReport> {
      access.require('planner', 'import story ideas');
      const current = folder();
      if (!current) throw new ServiceError('validation', 'No inbox folder is set: choose one in the Ideas page (Inbox) first');
      const report: InboxReport = { dryRun: false, folder: current, imported: [], duplicates: [], rejected: [], moved: { processed: 0, rejected: 0 } };
      for (const name of waitingIn(current).slice(0, MAX_INBOX_FILES)) {
        const result = await importer.importPaths([{ path: path.join(current, name), name }]);
        report.imported.push(...result.imported);
        report.duplicates.push(...result.duplicates);
        report.rejected.push(...result.rejected);
        // imported first, moved after: a file whose move fails is seen again and then skipped as a duplicate
        if (result.rejected.length) {
          const moved = moveInto(current, name, 'rejected');
          fs.writeFileSync(`${moved}.txt`, `${name} was not imported into Storybank.\n\nWhy: ${result.rejected.map((r) => r.reason).join('\n')}\n\nFix the story form's answers and save it again, or ask the marketing team.\n`);
          report.moved.rejected++;
        } else {
          moveInto(current, name, 'processed');
          report.moved.processed++;
        }
      }
      return report;
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
