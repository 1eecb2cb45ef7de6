// Team workspace (issue 11) on the CouchDB stand-in on 127.0.0.1:
// - the first sync of a 10,000-post workspace: the admin's machine sends it (team-first-push-10k),
//   a new machine receives and applies it (team-first-pull-10k);
// - the steady-state delay from a save on one machine (live sync) to the change being in the other
//   machine's workspace (team-save-to-other-machine, median of 20 saves).
import path from 'node:path';
import { openWorkspace, type Workspace } from '../src/main/workspace';
import { folderCredentialStore } from '../src/main/services/team/credentials';
import { initTeamDatabase } from '../src/main/services/team/server';
import { startCouch } from '../tests/support/couch';
import { tempDir } from '../tests/e2e/serve';
import { benchPost } from './support/posts';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

const POSTS = 10_000;
const FIRST_SYNC_BUDGET_S = 30;
const DELAY_BUDGET_MS = 2_000;
const SAVES = 20;

const machine = (name: string, demo = false): Workspace => {
  const dir = tempDir(`storybank-bench-team-${name}-`);
  return openWorkspace({ dbPath: path.join(dir, 'workspace.sqlite'), demo, credentials: folderCredentialStore(path.join(dir, 'secrets')) });
};

export async function run(report: Report): Promise<void> {
  const couch = await startCouch();
  const a = machine('a', true);
  const b = machine('b');
  try {
    const { repos } = a.services;
    const channels = repos.channels.list().map((c) => c.id);
    const categories = repos.categories.list().map((c) => c.id);
    const now = new Date().toISOString();
    const start = Date.parse('2027-01-04T14:00:00.000Z');
    repos.transaction(() => {
      for (let i = 0; i < POSTS; i++) {
        repos.posts.save(benchPost({ title: `Bench post ${i}`, channelIds: [channels[i % channels.length]!, channels[(i + 1) % channels.length]!], categoryId: categories[i % categories.length]!, scheduledAt: new Date(start + i * 3_600_000).toISOString(), timezone: 'America/New_York' }, now));
      }
    });
    const database = couch.freshName('bench');
    await initTeamDatabase({ url: couch.url, database }, couch.admin);
    const planner = await couch.addUser('bench-planner', ['planner']);

    let started = performance.now();
    await a.services.team.join({ server: couch.url, database, user: couch.admin.name, password: couch.admin.password, everything: true });
    const push = (performance.now() - started) / 1000;
    report('team-first-push-10k', push, 's');
    warnOverBudget('team-first-push-10k', push, FIRST_SYNC_BUDGET_S, 's');

    started = performance.now();
    await b.services.team.join({ server: couch.url, database, user: planner.name, password: planner.password });
    const pull = (performance.now() - started) / 1000;
    report('team-first-pull-10k', pull, 's');
    warnOverBudget('team-first-pull-10k', pull, FIRST_SYNC_BUDGET_S, 's');
    if (b.services.posts.list({}).length < POSTS) throw new Error(`the new machine has ${b.services.posts.list({}).length} posts, not ${POSTS}+`);

    // live on both machines: a save on A, then wait until B's workspace has it
    await a.services.team.startLive();
    await b.services.team.startLive();
    a.services.session.actAs(a.services.people.list().find((p) => p.roles.includes('planner'))!.id);
    const target = a.services.posts.list({}).find((p) => p.title === 'Bench post 42')!;
    const delays: number[] = [];
    let revision = target.revision;
    for (let i = 0; i < SAVES; i++) {
      const notes = `live edit ${i}`;
      const saved = performance.now();
      revision = a.services.posts.update({ id: target.id, revision, notes }).revision;
      for (;;) {
        if (b.services.posts.get(target.id).notes === notes) break;
        if (performance.now() - saved > 20_000) throw new Error(`save ${i} did not reach the other machine in 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      delays.push(performance.now() - saved);
    }
    delays.sort((x, y) => x - y);
    const median = delays[Math.floor(delays.length / 2)]!;
    report('team-save-to-other-machine', median, 'ms');
    report('team-save-to-other-machine-max', delays[delays.length - 1]!, 'ms');
    warnOverBudget('team-save-to-other-machine', median, DELAY_BUDGET_MS, 'ms');
  } finally {
    for (const m of [a, b]) {
      await m.services.team.close();
      m.close();
    }
    await couch.stop();
  }
}
