// One post on several channels, each at its own slot time (Post.channelOffsets, migration 5):
// what goes out, what the calendar counts as filled, and what the planner pins, all read the
// channel's own time; a move keeps the offsets; out-of-range offsets are refused.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, CalendarOverlay, ExportResult } from '../../src/shared/api/contract';
import type { Channel, Post } from '../../src/shared/domain/schemas';
import { tempDir } from '../e2e/serve';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { seedStatus } from '../support/review';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

async function setUp() {
  const ws = tempWorkspace();
  const out = tempDir('storybank-offsets-');
  cleanups.push(ws.cleanup, () => fs.rmSync(out, { recursive: true, force: true }));
  await ws.dispatch('workspace.update', { name: 'Offset Bank', timezone: 'America/New_York' });
  // Tuesdays: Facebook at 09:30, LinkedIn at 11:00 (New York)
  const fb = ok<Channel>(await ws.dispatch('channels.create', { network: 'facebook', name: 'Facebook', slots: [{ weekday: 2, time: '09:30' }] }));
  const li = ok<Channel>(await ws.dispatch('channels.create', { network: 'linkedin', name: 'LinkedIn', slots: [{ weekday: 2, time: '11:00' }] }));
  const [people] = ok<Array<{ id: string }>>(
    await ws.dispatch('categories.save', { categories: [{ name: 'People', color: '#2f9e44', targetShare: 0.5 }, { name: 'Tips', color: '#7048e8', targetShare: 0.5 }] }),
  );
  // Tue 2030-06-04 09:30 EDT = 13:30Z; LinkedIn 90 minutes later
  const created = ok<Post>(
    await ws.dispatch('posts.create', {
      title: 'Two channels, two times',
      baseText: 'Maria ran her first marathon.',
      channelIds: [fb.id, li.id],
      channelOffsets: { [li.id]: 90 },
      categoryId: people.id,
      scheduledAt: '2030-06-04T13:30:00.000Z',
    }),
  );
  const post = seedStatus(ws, created, 'approved');
  return { ws, out, fb, li, post };
}

describe('per-channel slot times on one post', () => {
  it('the export writes each channel at its own time, and the calendar counts both slots as filled', async () => {
    const { ws, out, fb, li, post } = await setUp();
    expect(post.channelOffsets).toEqual({ [li.id]: 90 });
    const result = ok<ExportResult>(await ws.dispatch('export.run', { format: 'json', from: '2030-06-01', to: '2030-06-30', outputDir: out }));
    const written = JSON.parse(fs.readFileSync(result.files[0].path, 'utf8')) as { items: Array<{ channelId: string; scheduledAt: string }> };
    expect(Object.fromEntries(written.items.map((item) => [item.channelId, item.scheduledAt]))).toEqual({
      [fb.id]: '2030-06-04T13:30:00.000Z',
      [li.id]: '2030-06-04T15:00:00.000Z',
    });
    const overlay = ok<CalendarOverlay>(await ws.dispatch('calendar.overlay', { from: '2030-06-04', to: '2030-06-04' }));
    expect(overlay.openSlots).toEqual([]);
  });

  it('a move takes every channel along; an offset over a day is refused and nothing changes', async () => {
    const { ws, li, post } = await setUp();
    const moved = ok<Post>(await ws.dispatch('posts.move', { id: post.id, scheduledAt: '2030-06-11T13:30:00.000Z', revision: post.revision }));
    expect(moved.channelOffsets).toEqual({ [li.id]: 90 });
    const overlay = ok<CalendarOverlay>(await ws.dispatch('calendar.overlay', { from: '2030-06-11', to: '2030-06-11' }));
    expect(overlay.openSlots).toEqual([]);

    const before = dbFingerprint(ws.db);
    const refused = await ws.dispatch('posts.update', { id: post.id, revision: moved.revision, channelOffsets: { [li.id]: 2000 } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('validation');
      expect(refused.error.message).toContain('channelOffsets');
    }
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('the planner pins the post on each channel at its own slot, so neither slot is planned again', async () => {
    const { ws } = await setUp();
    const preview = ws.services.planning.preview({ from: '2030-06-04', to: '2030-06-04' });
    expect(preview.rows).toEqual([]);
    expect(preview.result.metrics.channels.map((c) => c.pinned)).toEqual([1, 1]);
  });
});
