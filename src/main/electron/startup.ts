// Start-up decisions that need no Electron: where the workspace lives and what a first start creates.
import { resolve } from 'node:path';
import type { Dialog } from 'electron';

/** `--db FILE` or `--db=FILE` from the command line, resolved against cwd; undefined when absent. */
export function databasePathFromArgs(argv: readonly string[], cwd: string = process.cwd()): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--db') {
      const value = argv[i + 1];
      if (value && !value.startsWith('--')) return resolve(cwd, value);
      throw new Error('--db needs a file path, e.g. --db ./storybank.sqlite');
    }
    if (arg.startsWith('--db=')) {
      const value = arg.slice('--db='.length);
      if (value) return resolve(cwd, value);
      throw new Error('--db needs a file path, e.g. --db=./storybank.sqlite');
    }
  }
  return undefined;
}

export const DEMO_BANK_NAME = 'Riverside Community Bank';

/** First start: asks whether to explore the demo workspace or start empty. Closing the box means empty. */
export async function askForDemoWorkspace(dialog: Pick<Dialog, 'showMessageBox'>): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'Welcome to Storybank',
    message: 'Welcome to Storybank',
    detail:
      `Explore a demo workspace for ${DEMO_BANK_NAME}, with sample channels, categories and a month ` +
      'of planned posts, or start with an empty workspace for your own bank.',
    buttons: [`Explore the ${DEMO_BANK_NAME} demo`, 'Start with an empty workspace'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
