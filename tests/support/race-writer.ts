// A second process writing to a shared workspace: appends its tokens to posts' notes by
// read-modify-write through the dispatcher, retrying on `conflict` as a user would after
// seeing the other version. Prints one JSON line with what happened.
import { openWorkspace } from '../../src/main/workspace';
import type { Post } from '../../src/shared/domain/schemas';

const [dbPath, name, countText, startAtText, ...postIds] = process.argv.slice(2);
const count = Number(countText);

async function main(): Promise<void> {
  const workspace = openWorkspace({ dbPath });
  // act as the workspace's first planner (the demo has several people)
  workspace.services.session.actAs(workspace.services.people.list().find((p) => p.roles.includes('planner'))!.id);
  // both writers start at the same moment, so their read-modify-writes interleave
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtText) - Date.now())));
  const tally = { ok: 0, conflicts: 0, locked: 0, other: [] as string[] };
  for (let i = 0; i < count; i++) {
    const id = postIds[i % postIds.length];
    const token = `[${name}-${i}]`;
    for (;;) {
      const read = await workspace.dispatch('posts.get', { id });
      if (!read.ok) throw new Error(read.error.message);
      const post = read.value as Post;
      // the time a person (or the other process) takes between reading and saving
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
      const result = await workspace.dispatch('posts.update', { id, revision: post.revision, notes: `${post.notes}${token}` });
      if (result.ok) {
        tally.ok++;
        break;
      }
      if (result.error.code === 'conflict') tally.conflicts++;
      else if (/locked|busy/i.test(result.error.message)) {
        tally.locked++;
        break;
      } else {
        tally.other.push(result.error.message);
        break;
      }
    }
  }
  workspace.close();
  process.stdout.write(`${JSON.stringify(tally)}\n`);
}
void main();
