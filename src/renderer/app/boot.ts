// What every screen needs (the workspace, its channels and categories, and who is using it) is
// asked for as soon as the script has run, not after React's first paint and one after the other:
// the providers' first loads take these answers. On a cold start that saves two round trips in a
// row before the shell can draw.
import { call } from '../api/client';

export const loadEssentials = () => Promise.all([call('workspace.get', {}), call('channels.list', {}), call('categories.list', {})]);
export const loadSession = () => call('people.session', {});

interface BootLoads {
  essentials: ReturnType<typeof loadEssentials>;
  session: ReturnType<typeof loadSession>;
}

const started: Partial<BootLoads> = {};

export function startBootLoads(): void {
  started.essentials = loadEssentials();
  started.session = loadSession();
  // a failure is reported by the provider that takes the answer, not as an unhandled rejection
  for (const load of Object.values(started)) load.catch(() => undefined);
}

/** The load started at boot, once (later loads ask again); undefined when none was started. */
export function takeBootLoad<K extends keyof BootLoads>(key: K): BootLoads[K] | undefined {
  const load = started[key];
  delete started[key];
  return load;
}
