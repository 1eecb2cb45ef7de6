// Handlers of the team workspace (issue 11): each maps a contract operation to its service call.
import type { Services } from '../services';
import { databaseName, initTeamDatabase, parseServerUrl } from '../services/team/server';
import type { Handlers } from './handlers';

export function createTeamHandlers(s: Services): Pick<Handlers, Extract<keyof Handlers, `team.${string}`>> {
  return {
    'team.status': () => s.team.status(),
    'team.join': async ({ server, workspace, user, password, mode }) => {
      const database = databaseName(workspace);
      if (mode === 'share') {
        // the CouchDB admin creates the team's database, its members and rules, as `team init` does
        s.access.require('admin', "make this workspace the team's");
        await initTeamDatabase({ url: parseServerUrl(server).url, database }, { name: user, password });
      }
      const status = await s.team.join({ server, database, user, password, everything: mode === 'share' });
      await s.team.startLive();
      return status;
    },
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
