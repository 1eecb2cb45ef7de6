// `storybank export <format>`: posts of a date range as scheduler CSVs, a calendar or JSON.
// -o is always a folder (every format, single- or multi-file): files are named
// `<workspace>-<from>-to-<to>[-<format>-<channel>[-n]].<ext>` inside it, images go to `<folder>/media/`.
// `storybank export changed` lists posts edited since they were exported; `export batches` the exports.
import path from 'node:path';
import type { Command } from 'commander';
import type { ExportChange, ExportPreview, ExportResult, ExportScope } from '../../../shared/api/contract';
import { LocalDate } from '../../../shared/domain/schemas';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/types';
import { spokenList } from '../../../shared/words';
import { utcToZonedWallTime } from '../../../shared/time';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, resolveChannelIds, withWorkspace } from './common';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  buffer: 'Buffer',
  hootsuite: 'Hootsuite',
  sprout: 'Sprout Social',
  publer: 'Publer',
  csv: 'CSV',
  ics: 'iCalendar',
  json: 'JSON',
};
const VIEWS = ['changed', 'batches'] as const;

const parseDate = (option: string) => (value: string): string => {
  if (!LocalDate.safeParse(value).success) throw new CliError(`${option}: "${value}" is not a date; expected YYYY-MM-DD (e.g. 2027-03-01)`);
  return value;
};
const parseDateOrder = (value: string): 'dmy' | 'mdy' => {
  if (value !== 'dmy' && value !== 'mdy') throw new CliError(`--date-order: "${value}" is not dmy or mdy`);
  return value;
};
const parseBaseUrl = (value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--media-base-url: "${value}" is not a URL; expected e.g. https://www.example-bank.com/social`);
  }
  if (url.protocol !== 'https:') throw new CliError(`--media-base-url: "${value}" must be a public https:// address`);
  return value;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

interface ExportOptions {
  from?: string;
  to?: string;
  channel?: string[];
  dateOrder?: 'dmy' | 'mdy';
  mediaBaseUrl?: string;
  output?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  db: string;
}

const localTime = (instant: string | null, zone: string): string => {
  if (!instant) return 'unscheduled     ';
  const wall = utcToZonedWallTime(instant, zone);
  return `${wall.date} ${wall.time}`;
};

/** The human report: files, posts left out and why, warnings. */
export function formatExportReport(result: ExportPreview | ExportResult, dryRun: boolean): string {
  const lines: string[] = [];
  const label = FORMAT_LABELS[result.format];
  const written = 'written' in result;
  const verb = written ? 'Exported' : 'Would export';
  lines.push(
    `${verb} ${result.exported.posts} post${result.exported.posts === 1 ? '' : 's'} (${result.exported.items} post-channel row${result.exported.items === 1 ? '' : 's'}) ` +
      `from ${result.from} to ${result.to} (${result.timezone}) as ${label} ${written ? 'to' : 'into'} ${result.outputDir}:`,
  );
  for (const file of result.files) {
    const flag = file.conflict ? '  (exists with other content: needs --force)' : '';
    lines.push(`  ${file.name}  ${file.rows} row${file.rows === 1 ? '' : 's'}${flag}`);
  }
  if (result.media.copy.length > 0) lines.push(`  media: ${result.media.copy.length} file${result.media.copy.length === 1 ? '' : 's'} ${written ? 'copied' : 'to copy'} (${result.media.copy.join(', ')})`);
  for (const missing of result.media.missing) lines.push(`  media missing: ${missing.src} (${missing.reason})`);
  if (result.leftOut.length > 0) {
    lines.push('', `Left out (${result.leftOut.length}):`);
    for (const l of result.leftOut) {
      lines.push(`  ${localTime(l.scheduledAt, result.timezone)}  ${l.postTitle}  [${l.channelName}]  ${l.reason}`);
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', `Warnings (${result.warnings.length}):`);
    for (const w of result.warnings) lines.push(`  ${w.postTitle}  [${w.channelName}]  ${w.message}`);
  }
  if (written) {
    lines.push('');
    lines.push(
      result.recorded
        ? `Recorded as export ${result.batchId}; ${result.statusChanged} post${result.statusChanged === 1 ? '' : 's'} moved to Exported.`
        : `Same posts and content as export ${result.batchId}: the files are the same, nothing new was recorded.`,
    );
  } else if (dryRun) {
    lines.push('', 'Dry run: nothing was written.');
  }
  return lines.join('\n');
}

function formatChanges(changes: ExportChange[], zone: string): string {
  if (changes.length === 0) return 'No post has changed since it was exported.';
  const what: Record<ExportChange['change'], string> = {
    edited: 'edited',
    deleted: 'deleted',
    unscheduled: 'unscheduled',
    channel_removed: 'channel removed',
  };
  return [
    `${changes.length} exported post-channel pair${changes.length === 1 ? '' : 's'} changed since the export:`,
    ...changes.map((c) => {
      const parts = c.parts?.length ? ` (${spokenList(c.parts)}${c.parts.includes('time') && c.exportedTime ? `; went out for ${localTime(c.exportedTime, zone)}` : ''})` : '';
      return `  ${what[c.change].padEnd(15)}  ${c.title}  [${c.channelName}]${parts}  exported ${localTime(c.exportedAt, zone)} as ${FORMAT_LABELS[c.format]}`;
    }),
  ].join('\n');
}

export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description(
      'export posts of a date range for a scheduler (buffer, hootsuite, sprout, publer), a spreadsheet (csv), a calendar (ics) or as json; ' +
        'only approved (and already exported) posts go out, the rest is listed with the reason. ' +
        '`export changed` lists posts edited since their export, `export batches` the exports made',
    )
    .argument('<format>', `${EXPORT_FORMATS.join('|')} (or changed|batches)`)
    .option('--from <date>', 'first local date YYYY-MM-DD (workspace time zone)', parseDate('--from'))
    .option('--to <date>', 'last local date YYYY-MM-DD, included', parseDate('--to'))
    .option('--channel <id|name|network>', 'only this channel (repeat for several)', collect)
    .option('--date-order <order>', 'dmy or mdy dates (Hootsuite, Sprout; default mdy)', parseDateOrder)
    .option('--media-base-url <url>', 'https address where the output folder is published; local images become <url>/media/... and are copied to <folder>/media/ (without it, local images are left out with a warning)', parseBaseUrl)
    .option('-o, --output <folder>', 'folder for the files (created if missing; always a folder, for every format)')
    .option('--force', 'overwrite files in the folder that hold other content')
    .option('--dry-run', 'show what would be written and left out, write nothing')
    .option('--json', 'machine-readable output')
    .option('--db <file>', 'workspace file', defaultDb())
    .action(async (format: string, opts: ExportOptions) => {
      const isView = (VIEWS as readonly string[]).includes(format);
      if (!isView && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new CliError(`format: "${format}" is not one of ${EXPORT_FORMATS.join(', ')} (or changed, batches)`);
      }
      if (isView) {
        await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
          if (format === 'changed') {
            const changes = services.exports.changed();
            printData(opts.json, changes, () => formatChanges(changes, services.workspace.timezone()));
          } else {
            const batches = services.exports.batches();
            const zone = services.workspace.timezone();
            printData(opts.json, batches, () =>
              batches.length === 0
                ? 'No exports yet.'
                : batches
                    .map((b) => `${localTime(b.createdAt, zone)}  ${FORMAT_LABELS[b.format].padEnd(13)}  ${b.posts} posts, ${b.items} rows  ${b.files.map((f) => f.path).join(', ')}`)
                    .join('\n'),
            );
          }
        });
        return;
      }
      if (!opts.from) throw new CliError('--from: required (first local date YYYY-MM-DD)');
      if (!opts.to) throw new CliError('--to: required (last local date YYYY-MM-DD, included)');
      if (opts.to < opts.from) throw new CliError(`--to: ${opts.to} is before --from ${opts.from}`);
      if (!opts.output) throw new CliError('-o, --output: required (the folder the files go to)');
      const scope: ExportScope = {
        format: format as ExportFormat,
        from: opts.from,
        to: opts.to,
        ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
        mediaBaseUrl: opts.mediaBaseUrl ?? null,
        // Relative folders are taken from where the command runs.
        outputDir: path.resolve(opts.output),
      };
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        if (opts.channel) scope.channelIds = resolveChannelIds(services.channels.list(), opts.channel, opts.db);
        const result = opts.dryRun ? services.exports.preview(scope) : services.exports.run({ ...scope, overwrite: Boolean(opts.force) });
        printData(opts.json, result, () => formatExportReport(result, Boolean(opts.dryRun)));
      });
    });
}
