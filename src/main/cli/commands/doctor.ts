// `storybank doctor`: what is wrong with a workspace, without changing it.
import type { Command } from 'commander';
import { diagnoseWorkspace } from '../../services/doctor';
import { printData } from '../output';
import { defaultDb } from './common';

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check a workspace (integrity, references, media files against their hashes); writes nothing, exits 1 on damage')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action((opts: { db: string; json?: boolean }) => {
      const report = diagnoseWorkspace(opts.db);
      printData(opts.json, report, () => {
        const lines = report.findings.map((f) => `${f.severity.toUpperCase().padEnd(7)} ${f.check}: ${f.message}`);
        const summary = report.healthy
          ? `${opts.db}: no damage found (${report.checked.posts} posts, ${report.checked.media} media files checked)`
          : `${opts.db}: damage found. Restore a backup (\`storybank backup --list\`, \`storybank restore FILE\`) or re-add the files named above.`;
        return [...lines, summary].join('\n');
      });
      if (!report.healthy) process.exitCode = 1;
    });
}
