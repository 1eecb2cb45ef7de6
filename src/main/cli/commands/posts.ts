// `storybank posts list`: the posts of a date range, for people and for scripts.
import type { Command } from 'commander';
import type { PostFilter } from '../../../shared/api/contract';
import { LocalDate, type Post } from '../../../shared/domain/schemas';
import { addDaysLocal, utcToZonedWallTime, zonedDayStartUtc } from '../../../shared/time';
import { CliError, printData } from '../output';
import { defaultDb, openExistingWorkspace, resolveChannelIds, withWorkspace } from './common';

/** A commander option parser for `YYYY-MM-DD`; the error names the option. */
export const parseLocalDateOption = (option: string) => (value: string): string => {
  if (!LocalDate.safeParse(value).success) throw new CliError(`${option}: "${value}" is not a date; expected YYYY-MM-DD (e.g. 2027-03-01)`);
  return value;
};

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One line per post: local date and time in the workspace zone, status, channels, title. */
export function formatPostLine(post: Post, zone: string, channelNames: Map<string, string>): string {
  const when = post.scheduledAt
    ? (() => {
        const wall = utcToZonedWallTime(post.scheduledAt, zone);
        return `${wall.date} ${wall.time}`;
      })()
    : 'unscheduled     ';
  const channels = post.channelIds.map((id) => channelNames.get(id) ?? id).join(', ') || '(no channel)';
  return `${when}  ${post.status.padEnd(17)}  ${channels}  ${post.title}`;
}

export function registerPostCommands(program: Command): void {
  const posts = program.command('posts').description('read the posts of a workspace');

  posts
    .command('list')
    .description('list posts scheduled between two local dates (in the workspace time zone, both included)')
    .option('--from <date>', 'first local date YYYY-MM-DD (default: no lower bound)', parseLocalDateOption('--from'))
    .option('--to <date>', 'last local date YYYY-MM-DD, included (default: no upper bound)', parseLocalDateOption('--to'))
    .option('--channel <id|name|network>', 'only posts on this channel (repeat for several)', collect)
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output (an array of posts)')
    .action(async (opts: { from?: string; to?: string; channel?: string[]; db: string; json?: boolean }) => {
      if (opts.from && opts.to && opts.to < opts.from) {
        throw new CliError(`--to: ${opts.to} is before --from ${opts.from}`);
      }
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const zone = services.workspace.timezone();
        const channels = services.channels.list();
        const channelIds = opts.channel ? resolveChannelIds(channels, opts.channel, opts.db) : undefined;
        const filter: PostFilter = {
          // local days in the workspace zone; --to is inclusive, so the range ends at the next day's start
          from: opts.from ? zonedDayStartUtc(opts.from, zone) : undefined,
          to: opts.to ? zonedDayStartUtc(addDaysLocal(opts.to, 1), zone) : undefined,
          channelIds,
        };
        const list = services.posts.list(filter);
        const names = new Map(channels.map((c) => [c.id, c.name]));
        printData(opts.json, list, () =>
          list.length === 0
            ? `No posts${opts.from ? ` from ${opts.from}` : ''}${opts.to ? ` to ${opts.to}` : ''} (${zone}).`
            : list.map((post) => formatPostLine(post, zone, names)).join('\n'),
        );
      });
    });
}
