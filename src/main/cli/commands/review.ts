// Compliance checks, the review workflow and the audit trail from the command line (issue 9).
// Shapes printed with --json are stable: other tools read them.
import fs from 'node:fs';
import type { Command } from 'commander';
import { checkCompliance, type ComplianceFinding } from '../../../shared/compliance';
import { STATUS_LABELS, type Category } from '../../../shared/domain/schemas';
import { YEAR_MONTH, addDaysLocal, zonedDayStartUtc } from '../../../shared/time';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, resolveChannelIds, withWorkspace } from './common';
import { parseLocalDateOption } from './posts';

/** A finding as the CLI prints it: exactly these fields, in this order. */
const findingShape = (f: ComplianceFinding) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, citation: f.citation, span: { start: f.span.start, end: f.span.end, text: f.span.text } });

const findingLine = (f: ComplianceFinding): string => `  ${f.severity === 'blocking' ? 'BLOCKING' : 'warning '}  ${f.ruleId}  at "${f.span.text}" (${f.span.start}-${f.span.end})\n            ${f.message}\n            ${f.citation}`;

function resolveCategory(categories: readonly Category[], value: string): Category {
  const wanted = value.trim().toLowerCase();
  const found = categories.find((c) => c.id === value) ?? categories.find((c) => c.name.toLowerCase() === wanted);
  if (!found) throw new CliError(`--category: no category "${value}". Categories: ${categories.map((c) => c.name).join(', ') || 'none'}`);
  return found;
}

export function registerReviewCommands(program: Command): void {
  program
    .command('check')
    .description('check a text (--text) or every post of a date range (--from/--to) against the compliance rules')
    .option('--text <text>', 'the text to check')
    .option('--category <id|name>', 'the category the text is in (rules can be scoped to categories)')
    .option('--channel <id|name|network>', 'the channel it goes to (rules can be scoped to networks)')
    .option('--from <date>', 'first local date YYYY-MM-DD of the posts to check', parseLocalDateOption('--from'))
    .option('--to <date>', 'last local date YYYY-MM-DD, included', parseLocalDateOption('--to'))
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { text?: string; category?: string; channel?: string; from?: string; to?: string; db: string; json?: boolean }) => {
      const range = opts.from !== undefined || opts.to !== undefined;
      if ((opts.text === undefined) === !range) throw new CliError('check: give either --text, or --from and --to');
      if (range && (!opts.from || !opts.to)) throw new CliError(`check: ${opts.from ? '--to' : '--from'} is missing`);
      if (range && opts.to! < opts.from!) throw new CliError(`--to: ${opts.to} is before --from ${opts.from}`);
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const { institution, rules } = services.compliance.settings();
        const channels = services.channels.list();
        if (opts.text !== undefined) {
          const category = opts.category ? resolveCategory(services.categories.list(), opts.category) : null;
          const channel = opts.channel ? channels.find((c) => c.id === resolveChannelIds(channels, [opts.channel!], opts.db)[0])! : null;
          const findings = checkCompliance({ text: opts.text, institution, network: channel?.network ?? null, category }, rules).map(findingShape);
          printData(opts.json, { findings }, () => (findings.length === 0 ? 'No findings.' : findings.map(findingLine).join('\n')));
          return;
        }
        const zone = services.workspace.timezone();
        const posts = services.posts.list({ from: zonedDayStartUtc(opts.from!, zone), to: zonedDayStartUtc(addDaysLocal(opts.to!, 1), zone) });
        const names = new Map(channels.map((c) => [c.id, c.name]));
        const reviews = services.reviews.reviewMany(posts);
        const checked = posts.flatMap((post) => {
          const { compliance } = reviews.get(post.id)!;
          return post.channelIds
            .map((channelId) => ({
              postId: post.id,
              title: post.title,
              scheduledAt: post.scheduledAt,
              status: post.status,
              channelId,
              channel: names.get(channelId) ?? channelId,
              findings: compliance.filter((f) => f.channelId === channelId).map((f) => ({ ...findingShape(f), override: f.override })),
            }))
            .filter((p) => p.findings.length > 0);
        });
        printData(opts.json, { from: opts.from, to: opts.to, postsChecked: posts.length, posts: checked }, () =>
          checked.length === 0
            ? `${posts.length} posts from ${opts.from} to ${opts.to}: no findings.`
            : [`${posts.length} posts from ${opts.from} to ${opts.to}; findings on ${new Set(checked.map((c) => c.postId)).size}:`,
               ...checked.map((c) => `${c.title} (${STATUS_LABELS[c.status]}) on ${c.channel}:\n${c.findings.map((f) => findingLine(f) + (f.override ? `\n            overridden by ${f.override.by}: ${f.override.reason}` : '')).join('\n')}`)].join('\n'),
        );
      });
    });

  const audit = program.command('audit').description('the audit trail: verify its chain, export it for examiners');
  audit
    .command('verify')
    .description('recompute every entry\'s hash and link; exits 1 naming the first broken entry')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const result = services.audit.verify();
        const chains = (result.devices ?? []).map((d) => `  ${d.author}'s machine (${d.device}): ${d.entries} entries, ${d.problem ?? 'intact'}`);
        printData(opts.json, result, () =>
          [
            result.ok
              ? `The audit trail is intact: ${result.entries} entries${chains.length ? ' on this machine' : ''}, last hash ${result.head.slice(0, 16)}…`
              : result.broken.seq === 0 && chains.length
                ? `The audit trail is broken: ${result.broken.reason}.`
                : `The audit trail is broken at entry ${result.broken.seq}${result.broken.kind ? ` (${result.broken.kind}, ${result.broken.id})` : ''}: ${result.broken.reason}. ${result.entries} entries before it are intact.`,
            ...(chains.length ? [`The team's other machines, each its own chain:`, ...chains] : []),
          ].join('\n'),
        );
        if (!result.ok) process.exitCode = 1;
      });
    });
  audit
    .command('export')
    .description('write the whole audit trail to a file (CSV with one row per entry, or JSON)')
    .requiredOption('-o, --output <file>', 'file to write (not overwritten)')
    .option('--format <format>', 'csv or json (default: from the file name, else csv)')
    .option('--db <file>', 'workspace file', defaultDb())
    .action(async (opts: { output: string; format?: string; db: string }) => {
      const format = opts.format ?? (opts.output.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw new CliError(`--format: "${format}" is not csv or json`);
      if (fs.existsSync(opts.output)) throw new CliError(`${opts.output} already exists; nothing was written.`);
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const text = services.audit.exportText(format);
        fs.writeFileSync(opts.output, text, { flag: 'wx' });
        const entries = services.audit.verify().entries;
        process.stdout.write(`Wrote ${entries} audit entries to ${opts.output} (${format}).\n`);
      });
    });

  program
    .command('packet')
    .description('write the review packet of a month as a PDF: calendar, mix, posts per channel with images, findings, approvals and sign-off')
    .requiredOption('--month <YYYY-MM>', 'the month, e.g. 2027-01')
    .requiredOption('-o, --output <file>', 'PDF file to write (not overwritten)')
    .option('--db <file>', 'workspace file', defaultDb())
    .action(async (opts: { month: string; output: string; db: string }) => {
      if (!YEAR_MONTH.test(opts.month)) throw new CliError(`--month: "${opts.month}" is not a month; expected YYYY-MM (e.g. 2027-01)`);
      if (fs.existsSync(opts.output)) throw new CliError(`${opts.output} already exists; nothing was written.`);
      await withWorkspace(openExistingWorkspace(opts.db), async ({ services }) => {
        const packet = await services.packets.build(opts.month);
        fs.writeFileSync(opts.output, packet.bytes, { flag: 'wx' });
        process.stdout.write(`Wrote ${opts.output}: ${packet.pages} pages, ${packet.posts} posts.\n`);
      });
    });

  const posts = program.commands.find((c) => c.name() === 'posts')!;
  const step = (name: string, description: string, run: (services: Parameters<Parameters<typeof withWorkspace>[1]>[0]['services'], id: string, revision: number, opts: { comment?: string; url?: string }) => { status: string; title: string }) =>
    posts
      .command(`${name} <id>`)
      .description(`${description} (acting as --as PERSON, under the same role checks as the app)`)
      .option('--comment <text>', name === 'request-changes' ? 'what needs to change (required)' : 'a comment recorded with the step')
      .option('--url <url>', 'the published post\'s address (publish)')
      .option('--db <file>', 'workspace file', defaultDb())
      .option('--json', 'machine-readable output (the post)')
      .action(async (id: string, opts: { comment?: string; url?: string; db: string; json?: boolean }) => {
        await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
          const post = services.posts.get(id);
          if (opts.comment && name !== 'request-changes') services.reviews.comment(id, opts.comment);
          const after = run(services, id, post.revision, opts);
          printData(opts.json, after, () => `${after.title}: ${STATUS_LABELS[post.status]} -> ${STATUS_LABELS[after.status as keyof typeof STATUS_LABELS]} (as ${services.session.current().name})`);
        });
      });
  step('submit', 'submit a draft for review', (s, id, rev) => s.reviews.submit(id, rev));
  step('approve', 'approve a post in review', (s, id, rev) => s.reviews.approve(id, rev));
  step('request-changes', 'send a post back with a comment', (s, id, rev, o) => {
    if (!o.comment?.trim()) throw new CliError('request-changes: --comment is required (say what needs to change)');
    return s.reviews.requestChanges(id, rev, o.comment);
  });
  step('publish', 'mark an approved or exported post as published', (s, id, rev, o) => s.reviews.publish(id, rev, o.url ?? null));
}
