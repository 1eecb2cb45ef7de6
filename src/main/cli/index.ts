import { Command, CommanderError } from 'commander';
import path from 'node:path';
import { version } from '../../../package.json';
import { startHost } from '../host/server';
import { defaultWorkerFile } from '../workers/heavy-work';
import { workspaceExists } from '../workspace';
import { CliError, printData } from './output';
import { defaultDb, openCliWorkspace, setActingAs } from './commands/common';
import { registerWorkspaceCommands } from './commands/workspace';
import { registerPostCommands } from './commands/posts';
import { registerPlanningCommands } from './commands/planning';
import { registerExportCommands } from './commands/export';
import { registerBackupCommands } from './commands/backups';
import { registerDoctorCommand } from './commands/doctor';
import { registerChannelCommands } from './commands/channels';
import { registerReviewCommands } from './commands/review';
import { registerIdeaCommands } from './commands/ideas';
import { registerTeamCommands } from './commands/team';

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

export function buildProgram(): Command {
  const program = new Command()
    .name('storybank')
    .description('Storybank: an offline content calendar and employee-story scheduler for community banks.')
    .version(version, '-v, --version')
    .option('--as <person>', 'act as this person of the workspace (name or id); default: the one this machine remembers')
    .showHelpAfterError()
    .exitOverride();
  program.hook('preAction', () => setActingAs((program.opts() as { as?: string }).as ?? null));

  program
    .command('init')
    .description('create a workspace (one SQLite file)')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--demo', 'fill it with the demo bank (Riverside Community Bank)')
    .option('--json', 'machine-readable output')
    .action((opts: { db: string; demo?: boolean; json?: boolean }) => {
      if (workspaceExists(opts.db)) throw new CliError(`${opts.db} already exists; nothing was changed.`);
      const workspace = openCliWorkspace({ dbPath: opts.db, demo: opts.demo });
      try {
        const info = workspace.services.workspace.get();
        const summary = {
          path: info.path,
          name: info.name,
          timezone: info.timezone,
          channels: workspace.services.channels.list().length,
          posts: workspace.services.posts.list({}).length,
        };
        printData(opts.json, summary, () =>
          `Created ${summary.path}: ${summary.name} (${summary.timezone}), ${summary.channels} channels, ${summary.posts} posts`,
        );
      } finally {
        workspace.close();
      }
    });

  program
    .command('serve')
    .description('serve the app to a browser on 127.0.0.1 (a per-run token guards the API)')
    .option('--db <file>', 'workspace file', defaultDb())
    .option('--port <n>', 'port (default: any free port)', parsePort, 0)
    .option('--demo', 'create the demo bank if the workspace is new')
    .action(async (opts: { db: string; port: number; demo?: boolean }) => {
      const workspace = openCliWorkspace({ dbPath: opts.db, demo: opts.demo, workerFile: defaultWorkerFile(__dirname) });
      const host = await startHost({ dispatch: workspace.dispatch, rendererDir: RENDERER_DIR, port: opts.port });
      process.stdout.write(`Listening on ${host.url}\n`);
      const stopBackups = workspace.startAutoBackups((message) => process.stderr.write(`${message}\n`));
      if (workspace.services.team.config()) {
        workspace.services.team.startLive().catch((error: unknown) => process.stderr.write(`team sync did not start: ${error instanceof Error ? error.message : String(error)}\n`));
      }
      const stop = (): void => {
        stopBackups();
        void host.close().then(() => {
          workspace.close();
          process.exit(0);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  registerWorkspaceCommands(program);
  registerChannelCommands(program);
  registerPostCommands(program);
  registerExportCommands(program);
  registerPlanningCommands(program);
  registerBackupCommands(program);
  registerDoctorCommand(program);
  registerReviewCommands(program);
  registerIdeaCommands(program);
  registerTeamCommands(program);
  return program;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`storybank: ${message}\n`);
    return 1;
  }
}
