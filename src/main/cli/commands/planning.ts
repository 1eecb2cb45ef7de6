// `storybank plan` and `storybank mix`: the balance engine and the mix report from the shell.
import type { Command } from 'commander';
import { INPUT_FILE_LIMITS, readJsonInput } from '../../files/input-file';
import { autofill, balanceSentence, countedText, piecesByMonth, parsePlanRequest, PlanningInputError, promotionText, signalText, type PlanResult } from '../../../shared/planning';
import { formatInZone } from '../../../shared/time';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, resolveChannelIds, withWorkspace } from './common';
import { parseLocalDateOption } from './posts';

const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

function readJsonFile(file: string): unknown {
  try {
    return readJsonInput(file, INPUT_FILE_LIMITS.planRequest);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** Plain words first; the exact drift per channel (for --json users and the curious) after. */
function describeMetrics(result: PlanResult, names: Map<string, string>, categories: Map<string, string>): string {
  const lines = [
    ...piecesByMonth(result, (id) => categories.get(id) ?? id),
    balanceSentence(result, (id) => names.get(id) ?? id),
    'Details (largest drift from target in posts, and the best any plan can reach):',
  ];
  for (const m of result.metrics.channels) {
    const best = m.optimalPrefixDeviation === null ? 'unknown' : m.optimalPrefixDeviation.toFixed(2);
    lines.push(`  ${(names.get(m.channelId) ?? m.channelId).padEnd(32)} ${String(m.posts).padStart(4)} posts (${m.pinned} already scheduled)  drift ${m.maxPrefixDeviation.toFixed(2)}  best ${best}`);
  }
  for (const cause of result.metrics.channels.flatMap((m) => m.excessCauses).slice(0, 5)) lines.push(`  why: ${cause.message}`);
  for (const v of result.violations.slice(0, 5)) lines.push(`  rule broken (${v.rule}): ${v.message}`);
  return lines.join('\n');
}

export function registerPlanningCommands(program: Command): void {
  program
    .command('plan')
    .description('fill open posting slots with a balanced category mix (preview, or --apply)')
    .option('--request <file>', 'plan a PlanRequest JSON file with the pure engine and print the PlanResult')
    .option('--from <date>', 'first local date YYYY-MM-DD', parseLocalDateOption('--from'))
    .option('--to <date>', 'last local date YYYY-MM-DD, included', parseLocalDateOption('--to'))
    .option('--channel <id|name|network>', 'only this channel')
    .option('--apply', 'write the plan to the workspace (one transaction)')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { request?: string; from?: string; to?: string; channel?: string; apply?: boolean; db: string; json?: boolean }) => {
      if (opts.request) {
        let result: PlanResult;
        try {
          result = autofill(parsePlanRequest(readJsonFile(opts.request)));
        } catch (error) {
          if (error instanceof PlanningInputError) throw new CliError(`${opts.request}: ${error.message}`);
          throw error;
        }
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      if (!opts.from || !opts.to) throw new CliError('plan needs --from and --to (or --request FILE.json)');
      const { from, to } = opts;
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const scope = { from, to, channelId: opts.channel ? resolveChannelIds(services.channels.list(), [opts.channel], opts.db)[0] : undefined };
        const names = new Map(services.channels.list().map((c) => [c.id, c.name]));
        const categories = new Map(services.categories.list().map((c) => [c.id, c.name]));
        const zone = services.workspace.timezone();
        const preview = services.planning.preview(scope);
        const applied = opts.apply ? services.planning.apply(scope) : null;
        printData(opts.json, applied ? { ...preview, applied } : preview, () => {
          const rows = preview.rows.slice(0, 40).map(
            (r) =>
              `  ${formatInZone(r.start, zone, 'yyyy-MM-dd HH:mm')}  ${(names.get(r.channelId) ?? '').padEnd(28)}  ${(r.categoryId ? categories.get(r.categoryId) : 'open')?.padEnd(30)}  ${r.itemTitle ?? (r.placeholder ? '(placeholder)' : '')}`,
          );
          return [
            `${preview.rows.length} open slots from ${opts.from} to ${opts.to} (${zone})`,
            ...rows,
            ...(preview.rows.length > rows.length ? [`  … ${preview.rows.length - rows.length} more (use --json for all)`] : []),
            describeMetrics(preview.result, names, categories),
            applied
              ? `Applied: ${applied.placeholders} posts to write, ${applied.fromIdeas} from story ideas, ${applied.scheduled} backlog drafts scheduled.`
              : 'Preview only: run again with --apply to write it.',
          ].join('\n');
        });
      });
    });

  program
    .command('mix')
    .description('content mix per category against target shares')
    .requiredOption('--from <date>', 'first local date YYYY-MM-DD', parseLocalDateOption('--from'))
    .requiredOption('--to <date>', 'last local date YYYY-MM-DD, included', parseLocalDateOption('--to'))
    .option('--channel <id|name|network>', 'only this channel')
    .option('--granularity <unit>', 'week or month', 'month')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { from: string; to: string; channel?: string; granularity: string; db: string; json?: boolean }) => {
      if (opts.granularity !== 'week' && opts.granularity !== 'month') {
        throw new CliError(`--granularity: "${opts.granularity}" must be week or month`);
      }
      if (opts.to < opts.from) throw new CliError(`--to: ${opts.to} is before --from ${opts.from}`);
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const channelId = opts.channel ? resolveChannelIds(services.channels.list(), [opts.channel], opts.db)[0] : undefined;
        const report = services.planning.mix({ from: opts.from, to: opts.to, channelId, granularity: opts.granularity as 'week' | 'month' });
        printData(opts.json, report, () =>
          [
            `${countedText(report)} from ${report.from} to ${report.to} (${report.timezone}): ${report.planned} planned, ${report.published} published`,
            ...report.categories.map(
              (c) =>
                `  ${c.name.padEnd(32)} ${String(c.count).padStart(4)}  ${pct(c.percent / 100).padStart(4)} (target ${pct(c.targetPercent / 100)})  ${c.deviation >= 0 ? '+' : ''}${c.deviation.toFixed(1)}  ${signalText(c.signal, c.deviation)}`,
            ),
            `  self-promotion: ${promotionText(report)}`,
          ].join('\n'),
        );
      });
    });
}
