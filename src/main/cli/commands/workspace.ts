// `storybank workspace export|import`: the whole workspace as one JSON file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseWorkspaceFile, type WorkspaceFile } from '../../../shared/workspace-file';
import { INPUT_FILE_LIMITS, readJsonInput } from '../../files/input-file';
import { CliError, printData } from '../output';
import { defaultDb, openCliWorkspace, openExistingWorkspace, withWorkspace } from './common';

/** Writes through a temp file in the same folder and a rename, so readers never see half a file. */
export function writeFileAtomically(file: string, content: string): void {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, content, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

const errorText = (error: unknown): string =>
  error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);

/** Reads and validates a workspace file; every failure names the file. */
export function readWorkspaceFile(file: string): WorkspaceFile {
  let json: unknown;
  try {
    json = readJsonInput(file, INPUT_FILE_LIMITS.workspace);
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}; nothing was imported.`);
  }
  const result = parseWorkspaceFile(json);
  if (!result.ok) {
    const more = result.problems.length > 1 ? ` (${result.problems.length - 1} more problem${result.problems.length > 2 ? 's' : ''} after it)` : '';
    throw new CliError(`${file}: ${result.error.message}${more}; nothing was imported.`);
  }
  return result.file;
}

export function registerWorkspaceCommands(program: Command): void {
  const workspace = program.command('workspace').description('move, review or seed a whole workspace as one JSON file');

  workspace
    .command('export')
    .description('write the workspace (channels, slots, categories, posts, ideas, blackouts, series) to a JSON file')
    .requiredOption('-o, --output <file>', 'the JSON file to write')
    .option('--force', 'overwrite the file if it exists')
    .option('--db <file>', 'workspace file', defaultDb())
    .action(async (opts: { output: string; force?: boolean; db: string }) => {
      if (!opts.force && fs.existsSync(opts.output)) {
        throw new CliError(`${opts.output} already exists; use --force to overwrite it.`);
      }
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const file = services.transfer.exportWorkspace();
        try {
          writeFileAtomically(opts.output, `${JSON.stringify(file, null, 2)}\n`);
        } catch (error) {
          throw new CliError(`cannot write ${opts.output} (${errorText(error)}); nothing was written.`);
        }
        process.stdout.write(
          `Exported ${file.workspace.name} to ${opts.output}: ${file.channels.length} channels, ` +
            `${file.categories.length} categories, ${file.posts.length} posts, ${file.ideas.length} ideas, ` +
            `${file.blackouts.length} blackouts, ${file.series.length} series\n`,
        );
      });
    });

  workspace
    .command('import')
    .description('load a workspace JSON file (checked first; a bad file changes nothing)')
    .argument('<file>', 'the workspace JSON file')
    .option('--replace', 'clear the workspace first (default: add and update records by id)')
    .option('--db <file>', 'workspace file (created if missing)', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { replace?: boolean; db: string; json?: boolean }) => {
      // Validate before opening the database, so a bad file cannot even create an empty workspace.
      const data = readWorkspaceFile(file);
      await withWorkspace(openCliWorkspace({ dbPath: opts.db }), ({ services }) => {
        let summary;
        try {
          summary = services.transfer.importWorkspace(data, { replace: Boolean(opts.replace) });
        } catch (error) {
          // the transaction rolled back: say so, with the file it was about
          throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}; nothing was imported.`);
        }
        printData(opts.json, { file, db: opts.db, ...summary }, () =>
          `${summary.replaced ? 'Replaced' : 'Merged into'} ${opts.db} from ${file}: ${summary.channels} channels, ` +
            `${summary.categories} categories, ${summary.posts} posts (${summary.postsWithIssues} with issues), ` +
            `${summary.ideas} ideas, ${summary.blackouts} blackouts, ${summary.series} series`,
        );
      });
    });
}
