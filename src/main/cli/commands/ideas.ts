// Story ideas from the command line (issue 10): import .storyidea files and Forms exports, list
// ideas, write the offline story form. Shapes printed with --json are stable: other tools read them.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ColumnMapping, type ImportReport } from '../../../shared/api/ideas';
import { IDEA_STATUSES, IDEA_STATUS_LABELS, IdeaStatus } from '../../../shared/domain/ideas';
import { INPUT_FILE_LIMITS, readJsonInput } from '../../files/input-file';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, withWorkspace } from './common';

const where = (item: { file: string; row: number | null }): string => `${item.file}${item.row !== null ? `, row ${item.row}` : ''}`;

function reportText(report: ImportReport): string {
  const lines = [
    ...report.imported.map((i) => `${(report.dryRun ? 'would import' : 'imported').padEnd(13)} ${where(i)}: ${i.title}`),
    ...report.duplicates.map((d) => `${'duplicate'.padEnd(13)} ${where(d)}: ${d.title} (already imported; skipped)`),
    ...report.rejected.map((r) => `${'rejected'.padEnd(13)} ${where(r)}: ${r.reason}`),
  ];
  const verb = report.dryRun ? 'Dry run: would import' : 'Imported';
  lines.push(`${verb} ${report.imported.length}, ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'} skipped, ${report.rejected.length} rejected.${report.dryRun ? ' Nothing was changed.' : ''}`);
  return lines.join('\n');
}

export function registerIdeaCommands(program: Command): void {
  const ideas = program.command('ideas').description('employee-story ideas: import, list');

  ideas
    .command('import')
    .description('import .storyidea files (from the story form) and CSV/XLSX exports of Microsoft Forms or Google Forms')
    .argument('<files...>', '.storyidea, .csv or .xlsx files')
    .option('--mapping <file>', 'JSON mapping of fields to column headers, e.g. {"title": "Story title", "story": "Tell us"}')
    .option('--dry-run', 'check and report without importing anything')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output: {"imported": [...], "duplicates": [...], "rejected": [{"file", "row", "reason"}]}')
    .action(async (files: string[], opts: { mapping?: string; dryRun?: boolean; db: string; json?: boolean }) => {
      let mapping: ColumnMapping | undefined;
      if (opts.mapping) {
        const parsed = ColumnMapping.safeParse(readJsonInput(opts.mapping, INPUT_FILE_LIMITS.planRequest));
        if (!parsed.success) throw new CliError(`--mapping ${opts.mapping}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')} (fields: name, email, branch, title, story, featured, earliest, before, category, notes)`);
        mapping = parsed.data;
      }
      await withWorkspace(openExistingWorkspace(opts.db), async ({ services }) => {
        const report = await services.importer.importPaths(files.map((file) => ({ path: file, name: file })), { mapping, dryRun: opts.dryRun });
        printData(opts.json, { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected, dryRun: report.dryRun }, () => reportText(report));
        if (report.rejected.length) process.exitCode = 1;
      });
    });

  ideas
    .command('list')
    .description('list story ideas, oldest first')
    .option('--status <status>', `only ideas with this status (${IDEA_STATUSES.join(', ')})`)
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { status?: string; db: string; json?: boolean }) => {
      let status: IdeaStatus | undefined;
      if (opts.status !== undefined) {
        const parsed = IdeaStatus.safeParse(opts.status);
        if (!parsed.success) throw new CliError(`--status: "${opts.status}" is not a status; use one of ${IDEA_STATUSES.join(', ')}`);
        status = parsed.data;
      }
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const list = services.ideas.list(status ? [status] : undefined);
        printData(opts.json, list, () =>
          list.length === 0
            ? 'No ideas.'
            : list.map((i) => `${IDEA_STATUS_LABELS[i.status].padEnd(11)} ${i.title}${i.submittedBy ? ` (${i.submittedBy}${i.branch ? `, ${i.branch}` : ''})` : ''}${i.status === 'declined' && i.declineReason ? ` — ${i.declineReason}` : ''}`).join('\n'),
        );
      });
    });

  program
    .command('intake-form')
    .description('write the offline story form: one HTML file staff open in any browser, with no server or network')
    .requiredOption('-o, --output <file>', 'where to write the form, e.g. story-form.html')
    .option('--color <hex>', "the bank's colour for the form's header, e.g. #1f6f8b (remembered)")
    .option('--send-hint <text>', 'where staff send the saved file, e.g. "E-mail it to marketing@bank.com" (remembered)')
    .option('--db <file>', 'workspace file', defaultDb())
    .action(async (opts: { output: string; color?: string; sendHint?: string; db: string }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        if (opts.color !== undefined || opts.sendHint !== undefined) {
          services.storyForm.saveSettings({ ...(opts.color !== undefined ? { color: opts.color } : {}), ...(opts.sendHint !== undefined ? { sendHint: opts.sendHint } : {}) });
        }
        const { html } = services.storyForm.html();
        const target = path.resolve(opts.output);
        try {
          fs.writeFileSync(target, html);
        } catch (error) {
          throw new CliError(`-o ${opts.output}: cannot write it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
        process.stdout.write(`Wrote the story form to ${target} (${Math.round(html.length / 1024)} KB). Send it to your branches: it opens in any browser and saves a .storyidea file to send back.\n`);
      });
    });
}
