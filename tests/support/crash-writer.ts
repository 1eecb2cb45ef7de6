// Writes through the services as fast as it can, in every kind of transaction the app has, and
// prints a line after each commit. The crash test SIGKILLs it at random moments and checks that
// every printed write is there and that nothing is half-written.
import { openWorkspace } from '../../src/main/workspace';
import { Post } from '../../src/shared/domain/schemas';
import { WORKSPACE_FILE_FORMAT, WORKSPACE_FILE_VERSION } from '../../src/shared/workspace-file';
import { randomUUID } from 'node:crypto';

const [dbPath, run] = process.argv.slice(2);
const ws = openWorkspace({ dbPath });
// act as the workspace's first admin (the demo has several people)
ws.services.session.actAs(ws.services.people.list().find((p) => p.roles.includes('admin'))!.id);
const { services } = ws;
const channels = services.channels.list().slice(0, 2).map((c) => c.id);
const say = (line: string): void => void process.stdout.write(`${line}\n`);
let last: Post | null = null;

async function step(i: number): Promise<void> {
  const tag = `${run}-${i}`;
  switch (i % 6) {
    case 0: {
      last = services.posts.create({ title: `crash ${tag}`, baseText: `text ${tag}`, channelIds: channels, channelTexts: { [channels[1]]: `override ${tag}` } });
      return say(`post ${last.id}`);
    }
    case 1: {
      if (!last) return;
      last = services.posts.update({ id: last.id, revision: last.revision, notes: `notes ${tag}` });
      return say(`update ${last.id} notes ${tag}`);
    }
    case 2: {
      const day = String(1 + (i % 27)).padStart(2, '0');
      const result = services.calendar.createSeries({
        post: { title: `series ${tag}`, channelIds: channels },
        rule: { startDate: `2029-03-${day}`, time: '09:00', timezone: 'America/New_York', freq: 'daily', interval: 1, count: 4 },
      });
      return say(`series ${result.seriesId} ${result.posts.length}`);
    }
    case 3: {
      const categories = services.categories.list();
      // the demo's five shares and a variant, in turn
      const shares = Math.floor(i / 6) % 2 ? [0.3, 0.15, 0.2, 0.2, 0.15] : [0.25, 0.2, 0.2, 0.2, 0.15];
      const drafts = categories.map((c, k) => ({ id: c.id, revision: c.revision, name: c.name, color: c.color, targetShare: shares[k] }));
      services.categories.save(drafts);
      return say(`categories ${tag}`);
    }
    case 4: {
      const week = 1 + (Math.floor(i / 6) % 40);
      const from = new Date(Date.UTC(2030, 0, 1 + week * 7)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2030, 0, 3 + week * 7)).toISOString().slice(0, 10);
      const applied = services.planning.apply({ from, to, channelId: services.channels.list()[0].id });
      return say(`plan ${applied.batchId} ${applied.created}`);
    }
    case 5: {
      const now = new Date().toISOString();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      services.transfer.importWorkspace(
        {
          format: WORKSPACE_FILE_FORMAT,
          version: WORKSPACE_FILE_VERSION,
          exportedAt: now,
          workspace: services.workspace.get(),
          channels: [],
          categories: [],
          ideas: [],
          blackouts: [],
          series: [],
          exportBatches: [],
          posts: ids.map((id, k) => Post.parse({ id, title: `import ${tag}-${k}`, channelIds: channels, timezone: 'America/New_York', createdAt: now, updatedAt: now })),
        },
        { replace: false },
      );
      return say(`import ${ids.join(' ')}`);
    }
  }
}

async function main(): Promise<void> {
  say('ready');
  for (let i = 0; ; i++) await step(i);
}
void main();
