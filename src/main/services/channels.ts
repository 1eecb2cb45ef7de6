import type { ChannelInput } from '../../shared/api/contract';
import { Channel } from '../../shared/domain/schemas';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { checkRevision, notFound } from './errors';
import type { PostService } from './posts';

export const NETWORK_COLORS: Record<Channel['network'], string> = {
  facebook: '#1877f2',
  instagram: '#c13584',
  linkedin: '#0a66c2',
  x: '#14171a',
  threads: '#333333',
  bluesky: '#0085ff',
  mastodon: '#6364ff',
  google_business: '#34a853',
  other: '#6b7280',
};

export function createChannelService(repos: Repositories, posts: PostService, access: Access) {
  return {
    list: (): Channel[] => repos.channels.list(),
    create(input: ChannelInput): Channel {
      access.require(['planner', 'admin'], 'add channels');
      const now = nowIso();
      const channel = Channel.parse({
        id: newId(),
        color: NETWORK_COLORS[input.network],
        ...input,
        createdAt: now,
        updatedAt: now,
      });
      return { ...channel, revision: repos.transaction(() => repos.channels.save(channel)) };
    },
    update({ revision, ...patch }: Partial<ChannelInput> & { id: string; revision: number }): Channel {
      access.require(['planner', 'admin'], 'change channels');
      return repos.transaction(() => {
        const existing = repos.channels.get(patch.id);
        if (!existing) throw notFound('Channel', patch.id);
        checkRevision(existing, revision, `Channel "${existing.name}"`);
        const channel = Channel.parse({ ...existing, ...patch, updatedAt: nowIso() });
        const stored = { ...channel, revision: repos.channels.save(channel) };
        // a new network or limit changes which texts are too long
        if (channel.network !== existing.network || channel.maxLength !== existing.maxLength) posts.revalidateAll();
        return stored;
      });
    },
    delete(id: string): { deleted: boolean } {
      access.require(['planner', 'admin'], 'remove channels');
      return { deleted: repos.channels.delete(id) };
    },
  };
}
export type ChannelService = ReturnType<typeof createChannelService>;
