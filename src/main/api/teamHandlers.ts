// Handlers of the team workspace (issue 11): each maps a contract operation to its service call.
import type { Services } from '../services';
import type { Handlers } from './handlers';

export function createTeamHandlers(s: Services): Pick<Handlers, Extract<keyof Handlers, `team.${string}`>> {
  return {
    'team.status': () => s.team.status(),
    'team.sync': () => s.team.syncOnce(),
    'team.conflict': ({ docId }) => s.team.conflictVersions(docId),
    'team.resolve': async (input) => {
      await s.team.resolve(input);
      return s.team.status();
    },
    'team.revert': async ({ docId }) => {
      await s.team.revert(docId);
      return s.team.status();
    },
  };
}
