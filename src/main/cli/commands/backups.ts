// `storybank backup` and `storybank restore`: consistent copies of a workspace, and putting one back.
import fs from 'node:fs';
import type { Command } from 'commander';
import { formatBackupSize } from '../../../shared/api/backups';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, withWorkspace } from './common';

const size = formatBackupSize;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description("copy the workspace consistently (SQLite's VACUUM INTO, safe while the app is open)")
    .option('-o, --output <file>', 'write the backup here (default: a new file in the backup folder beside the workspace)')
    .option('--force', 'overwrite the -o file if it exists')
    .option('--list', 'list the backups in the backup folder instead')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { output?: string; force?: boolean; list?: boolean; db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        if (opts.list) {
          const backups = services.backups.list();
          printData(opts.json, { folder: services.backups.folder(), backups }, () =>
            backups.length
              ? backups.map((b) => `${b.createdAt}  ${b.kind.padEnd(14)} ${size(b.bytes).padStart(9)}  ${b.file}`).join('\n')
              : `No backups yet in ${services.backups.folder()}`,
          );
          return;
        }
        if (opts.output && !opts.force && fs.existsSync(opts.output)) throw new CliError(`${opts.output} already exists; use --force to overwrite it.`);
        const made = opts.output ? services.backups.backupTo(opts.output) : services.backups.backupNow();
        printData(opts.json, made, () => `Backed up ${opts.db} to ${made.file} (${size(made.bytes)})`);
      });
    });

  program
    .command('restore')
    .description('replace the workspace by a backup (checked first; the current workspace is backed up before it is replaced)')
    .argument('<file>', 'the backup file')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const result = services.backups.restore(file);
        printData(opts.json, result, () => `Restored ${opts.db} from ${result.restored}. The workspace as it was is kept in ${result.safetyCopy.file}.`);
      });
    });
}
