// One machine of a team, run as its own process for the team crash test, which SIGKILLs it at
// random moments. "writer": edits posts (one line printed after each commit) and syncs every few
// edits; "reader": only syncs, so it is killed while it applies what arrived.
import path from 'node:path';
import { openWorkspace } from '../../src/main/workspace';
import { folderCredentialStore } from '../../src/main/services/team/credentials';

const [dbPath, role, run] = process.argv.slice(2) as [string, 'writer' | 'reader', string];
const ws = openWorkspace({ dbPath, credentials: folderCredentialStore(path.join(path.dirname(dbPath), 'secrets')) });
const { services } = ws;
// act as the workspace's first planner (a workspace may have several people)
services.session.actAs(services.people.list().find((p) => p.roles.includes('planner'))!.id);
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  say('ready');
  const posts = services.posts.list({}).map((p) => p.id);
  for (let i = 0; ; i++) {
    if (role === 'writer') {
      const post = services.posts.get(posts[(i * 7) % posts.length]!);
      services.posts.update({ id: post.id, revision: post.revision, notes: `run ${run} edit ${i}` });
      say(`wrote ${post.id} run ${run} edit ${i}`);
      if (i % 5 === 4) await services.team.syncOnce();
    } else {
      await services.team.syncOnce();
    }
  }
}
void main();
