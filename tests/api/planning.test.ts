import { afterAll, describe, expect, it } from 'vitest';
import type { PlanPreview } from '../../src/shared/api/contract';
import { tempWorkspace } from '../support/workspace';
import { utcToZonedWallTime } from '../../src/shared/time';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ws = tempWorkspace({ demo: true });
afterAll(() => ws.cleanup());

describe('planning preview for people', () => {
  it('explains excess deviation and rule conflicts with channel names and local times, not ids', async () => {
    // this month holds the demo's scheduled posts, so pins force some excess
    const today = utcToZonedWallTime(new Date().toISOString(), 'America/New_York').date;
    const from = `${today.slice(0, 8)}01`;
    const result = await ws.dispatch('planning.preview', { from, to: `${today.slice(0, 8)}28` });
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
    expect(messages.some((m) => /Riverside on \w+, \w{3} \d{1,2} \w{3} \d\d:\d\d/.test(m))).toBe(true);
  });
});
