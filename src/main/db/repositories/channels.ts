import { Channel } from '../../../shared/domain/schemas';
import type { Db } from '../connection';
import { parseJson } from './rows';

interface ChannelRow {
  id: string;
  network: string;
  name: string;
  handle: string;
  color: string;
  timezone: string | null;
  slots: string;
  max_length: number | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

const toChannel = (row: ChannelRow): Channel =>
  Channel.parse({
    id: row.id,
    network: row.network,
    name: row.name,
    handle: row.handle,
    color: row.color,
    timezone: row.timezone,
    slots: parseJson(row.slots, []),
    maxLength: row.max_length,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

const toParams = (c: Channel) => ({
  id: c.id,
  network: c.network,
  name: c.name,
  handle: c.handle,
  color: c.color,
  timezone: c.timezone,
  slots: JSON.stringify(c.slots),
  max_length: c.maxLength,
  revision: c.revision,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

export function createChannelRepository(db: Db) {
  const listStmt = db.prepare<[], ChannelRow>('SELECT * FROM channels ORDER BY name COLLATE NOCASE');
  const getStmt = db.prepare<[string], ChannelRow>('SELECT * FROM channels WHERE id = ?');
  const upsertStmt = db.prepare(`
    INSERT INTO channels (id, network, name, handle, color, timezone, slots, max_length, revision, created_at, updated_at)
    VALUES (@id, @network, @name, @handle, @color, @timezone, @slots, @max_length, @revision, @created_at, @updated_at)
    ON CONFLICT(id) DO UPDATE SET network = excluded.network, name = excluded.name, handle = excluded.handle,
      color = excluded.color, timezone = excluded.timezone, slots = excluded.slots,
      max_length = excluded.max_length, updated_at = excluded.updated_at,
      revision = channels.revision + 1
    RETURNING revision`);
  const deleteStmt = db.prepare('DELETE FROM channels WHERE id = ?');
  return {
    list: (): Channel[] => listStmt.all().map(toChannel),
    get: (id: string): Channel | null => {
      const row = getStmt.get(id);
      return row ? toChannel(row) : null;
    },
    /** Returns the row's new revision. */
    save: (channel: Channel): number => (upsertStmt.get(toParams(channel)) as { revision: number }).revision,
    delete: (id: string): boolean => deleteStmt.run(id).changes > 0,
  };
}
export type ChannelRepository = ReturnType<typeof createChannelRepository>;
