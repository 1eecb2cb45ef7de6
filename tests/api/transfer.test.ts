import { afterAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../support/workspace';

const source = tempWorkspace({ demo: true });
const target = tempWorkspace({ demo: true });
afterAll(() => {
  source.cleanup();
  target.cleanup();
});

describe('workspace import --replace', () => {
  it('leaves no export history of the workspace it replaced', () => {
    const post = target.services.posts.list({})[0];
    target.services.repos.exports.insert(
      { id: '11111111-1111-4111-8111-111111111111', format: 'buffer', options: {}, files: [], createdAt: new Date().toISOString() } as never,
      [{ postId: post.id, channelId: post.channelIds[0], contentHash: 'x' }],
    );
    expect(target.services.repos.exports.list()).toHaveLength(1);
    target.services.transfer.importWorkspace(source.services.transfer.exportWorkspace(), { replace: true });
    expect(target.services.repos.exports.list()).toEqual([]);
    expect(target.services.posts.list({}).map((p) => p.id).sort()).toEqual(source.services.posts.list({}).map((p) => p.id).sort());
  });
});
