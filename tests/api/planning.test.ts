import { afterAll, describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../src/shared/api/contract';
import { tempWorkspace } from '../support/workspace';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ws = tempWorkspace({ demo: true });
afterAll(() => ws.cleanup());

describe('planning preview for people', () => {
  it('explains excess deviation and rule conflicts with channel names and local times, not ids', async () => {
    // three product posts in a row on X: they break "never two in a row" and "at most 2 a week",
    // and force the mix off target
    const x = ws.services.channels.list().find((c) => c.network === 'x')!;
    const products = ws.services.categories.list().find((c) => c.isPromotional)!;
    for (const scheduledAt of ['2027-06-07T14:00:00.000Z', '2027-06-07T20:30:00.000Z', '2027-06-08T14:00:00.000Z']) {
      const created = await ws.dispatch('posts.create', { title: 'Rate special', channelIds: [x.id], categoryId: products.id, scheduledAt });
      expect(created.ok).toBe(true);
    }
    const result = await ws.dispatch('planning.preview', { from: '2027-06-01', to: '2027-06-30' });
    if (!result.ok) throw new Error(result.error.message);
    const preview = result.value as PlanPreview;
    const messages = [
      ...preview.result.metrics.channels.flatMap((c) => c.excessCauses.map((e) => e.message)),
      ...preview.result.pinConflicts.map((v) => v.message),
      ...preview.result.violations.map((v) => v.message),
    ];
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).not.toMatch(UUID);
      expect(message).not.toContain('post:');
    }
    expect(messages.some((m) => /Riverside on X, Mon, Jun 7, 10:00 AM/.test(m))).toBe(true);
    // the pinned posts' cause names the channel once, then the time in the app's own style
    const pinCause = preview.result.metrics.channels.flatMap((c) => c.excessCauses).find((c) => c.kind === 'pin' && c.message.includes('Riverside on X'))!;
    expect(pinCause.message).toMatch(/^Posts already scheduled on Riverside on X .*\(up to [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M\)/);
    expect(pinCause.message.split('Riverside on X')).toHaveLength(2);
    expect(preview.result.pinConflicts.map((c) => c.rule)).toEqual(expect.arrayContaining(['noConsecutive']));
  });
});
