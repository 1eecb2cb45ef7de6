// A team workspace from the command line (issue 11): an admin sets up the CouchDB database and the
// team's accounts; each machine joins; anyone can see the sync status or sync now. Passwords come
// from the server address (https://name:password@host), or STORYBANK_TEAM_PASSWORD; they are kept
// outside the workspace file.
import fs from 'node:fs';
import type { Command } from 'commander';
import { ROLES, Role } from '../../../shared/domain/people';
import type { TeamStatus } from '../../../shared/api/team';
import { databaseName, initTeamDatabase, parseServerUrl, saveTeamUser, type Credentials } from '../../services/team/server';
import { ServiceError } from '../../services/errors';
import { replicaPath } from '../../services/team/sync';
import { workspaceExists } from '../../workspace';
import { CliError, printData } from '../output';
import { defaultDb, openCliWorkspace, openExistingWorkspace, withWorkspace } from './common';

/** The server address without credentials, and the name and password to use there. */
function serverAndCredentials(server: string, user: string | undefined, what: string): { url: string; credentials: Credentials } {
  let parsed: ReturnType<typeof parseServerUrl>;
  try {
    parsed = parseServerUrl(server);
  } catch (error) {
    throw new CliError(`--server: ${(error as Error).message}`);
  }
  const name = user ?? parsed.credentials?.name;
  const password = parsed.credentials?.password || process.env.STORYBANK_TEAM_PASSWORD;
  if (!name) throw new CliError(`${what}: give the user with --user NAME (or in the address, https://NAME@host)`);
  if (!password) throw new CliError(`${what}: no password for ${name}: set STORYBANK_TEAM_PASSWORD (or put it in the address, https://NAME:PASSWORD@host)`);
  return { url: parsed.url, credentials: { name, password } };
}

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'never');

export function statusText(status: TeamStatus): string {
  if (status.mode === 'solo') return 'Solo workspace: it is not shared with a team.';
  const connection =
    status.connection === 'online' ? 'connected' : status.connection === 'offline' ? `offline since ${when(status.offlineSince)}${status.lastError ? ` (${status.lastError})` : ''}` : 'not contacted yet';
  const lines = [
    `Team workspace ${status.database} on ${status.server}, as ${status.user}: ${connection}.`,
    `Last sync: ${when(status.lastSyncAt)}. ${status.pending === 0 ? 'No changes waiting' : `${status.pending} change${status.pending === 1 ? '' : 's'} waiting to go out`}.`,
    `${status.conflicts} conflict${status.conflicts === 1 ? '' : 's'}, ${status.denied} denied write${status.denied === 1 ? '' : 's'}${status.invalid ? `, ${status.invalid} unreadable` : ''}.`,
    ...status.flagged.map((f) => `  ${f.state.padEnd(8)} ${f.docId}: ${f.message}`),
  ];
  return lines.join('\n');
}

const cliErrors = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message);
    throw error;
  }
};

export function registerTeamCommands(program: Command): void {
  const team = program.command('team').description('share a workspace with your team through CouchDB');

  team
    .command('init')
    .description("(an admin) create the team's database on the CouchDB server, its members and Storybank's rules; with --from-workspace, the workspace becomes the team's")
    .requiredOption('--server <url>', 'the CouchDB address, e.g. https://couch.bank.local:6984 (credentials of a CouchDB admin in it, or STORYBANK_TEAM_PASSWORD)')
    .requiredOption('--workspace <name>', "the team workspace's name, e.g. \"Riverside Bank\"")
    .option('--user <name>', 'the CouchDB admin (or put it in the address)')
    .option('--from-workspace', 'also make this workspace the team one: every record is sent, nothing is lost')
    .option('--db <file>', 'workspace file (with --from-workspace)', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { server: string; workspace: string; user?: string; fromWorkspace?: boolean; db: string; json?: boolean }) => {
      const { url, credentials } = serverAndCredentials(opts.server, opts.user, 'team init');
      const database = await cliErrors(async () => databaseName(opts.workspace));
      const result = await cliErrors(() => initTeamDatabase({ url, database }, credentials));
      let sent: TeamStatus | null = null;
      if (opts.fromWorkspace) {
        sent = await withWorkspace(openExistingWorkspace(opts.db), async ({ services }) => {
          try {
            return await services.team.join({ server: url, database, user: credentials.name, password: credentials.password, everything: true });
          } finally {
            await services.team.close();
          }
        });
      }
      printData(opts.json, { ...result, server: url, status: sent }, () =>
        [
          `${result.created ? 'Created' : 'Updated'} the team workspace ${database} on ${url} (Storybank rules version ${result.designVersion}).`,
          sent ? `${opts.db} is now its first copy: ${statusText(sent)}` : `Next: add people with \`storybank team user\`, then \`storybank team join\` on each machine.`,
        ].join('\n'),
      );
    });

  team
    .command('user')
    .description("(an admin) add a person's account to the CouchDB server, or change their roles and password")
    .requiredOption('--server <url>', 'the CouchDB address (credentials of a CouchDB admin in it, or STORYBANK_TEAM_PASSWORD)')
    .requiredOption('--name <name>', "the person's user name")
    .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
    .option('--admin <name>', 'the CouchDB admin (or put it in the address)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { server: string; name: string; roles: string; admin?: string; json?: boolean }) => {
      const { url, credentials } = serverAndCredentials(opts.server, opts.admin, 'team user');
      const roles = opts.roles.split(',').map((r) => r.trim()).filter(Boolean);
      const bad = roles.filter((r) => !Role.safeParse(r).success);
      if (bad.length || roles.length === 0) throw new CliError(`--roles: ${bad.length ? `"${bad.join('", "')}" ${bad.length === 1 ? 'is not a role' : 'are not roles'}` : 'give at least one role'}; use ${ROLES.join(', ')}`);
      const password = process.env.STORYBANK_USER_PASSWORD;
      if (!password || password.length < 8) throw new CliError('team user: set STORYBANK_USER_PASSWORD to the new password (at least 8 characters); it is never taken on the command line.');
      await cliErrors(() => saveTeamUser(url, credentials, { name: opts.name, password }, roles as Role[]));
      printData(opts.json, { server: url, name: opts.name, roles }, () => `Saved ${opts.name} on ${url} as ${roles.join(', ')}.`);
    });

  team
    .command('join')
    .description('share this workspace with the team: the first sync now, then the app keeps it in sync')
    .requiredOption('--server <url>', 'the CouchDB address, e.g. https://couch.bank.local:6984')
    .requiredOption('--workspace <name>', "the team workspace's name, as the admin created it")
    .option('--user <name>', 'your user name on the server (or put it in the address); the password from STORYBANK_TEAM_PASSWORD or the address')
    .option('--db <file>', 'workspace file (created when missing)', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { server: string; workspace: string; user?: string; db: string; json?: boolean }) => {
      const { url, credentials } = serverAndCredentials(opts.server, opts.user, 'team join');
      const database = await cliErrors(async () => databaseName(opts.workspace));
      const created = !workspaceExists(opts.db);
      const workspace = created ? openCliWorkspace({ dbPath: opts.db }) : openExistingWorkspace(opts.db);
      try {
        await withWorkspace(workspace, async ({ services }) => {
          try {
            const status = await services.team.join({ server: url, database, user: credentials.name, password: credentials.password });
            printData(opts.json, status, () => statusText(status));
          } finally {
            await services.team.close();
          }
        });
      } catch (error) {
        // a workspace made for this join and never joined is not left behind
        if (created) for (const file of [opts.db, `${opts.db}-wal`, `${opts.db}-shm`, replicaPath(opts.db)]) fs.rmSync(file, { recursive: true, force: true });
        throw error;
      }
    });

  team
    .command('status')
    .description('connected or not, last sync, changes waiting, conflicts and denied writes')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), ({ services }) => {
        const status = services.team.status();
        printData(opts.json, status, () => statusText(status));
      });
    });

  team
    .command('sync')
    .description('sync now: send the changes made here and apply the team\'s; with --live, keep syncing until stopped')
    .option('--live', 'keep syncing (as the app does) until Ctrl+C')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--json', 'machine-readable output')
    .action(async (opts: { live?: boolean; db: string; json?: boolean }) => {
      await withWorkspace(openExistingWorkspace(opts.db), async ({ services }) => {
        try {
          if (!opts.live) {
            const status = await services.team.syncOnce();
            printData(opts.json, status, () => statusText(status));
            return;
          }
          await services.team.startLive(() => {
            if (opts.json) process.stdout.write(`${JSON.stringify(services.team.status())}\n`);
          });
          process.stderr.write('Syncing; press Ctrl+C to stop.\n');
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
        } finally {
          await services.team.close();
        }
      });
    });
}
