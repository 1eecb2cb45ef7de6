// `storybank channels list`: the workspace's channels with their ids, networks and posting slots.
import type { Command } from 'commander';
import { NETWORK_LABELS } from '../../../shared/domain/schemas';
import { printData } from '../output';
import { defaultDb, openExistingWorkspace, withWorkspace } from './common';

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function registerChannelCommands(program: Command): void {
  const channels = program.command('channels').description('the channels posts go to');
  channels
    .command('list')
    .description('list the channels (any --channel option takes an id, a name or a network)')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const list = services.channels.list();
        printData(opts.json, list, () =>
          list.length
            ? list
                .map((c) => {
                  const slots = c.slots.length ? c.slots.map((s) => `${WEEKDAYS[s.weekday]} ${s.time}`).join(', ') : 'no posting slots';
                  return `${c.name.padEnd(32)} ${NETWORK_LABELS[c.network].padEnd(24)} ${c.id}\n    ${slots}`;
                })
                .join('\n')
            : 'No channels yet.',
        );
      });
    });
}
