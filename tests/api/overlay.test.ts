import { afterAll, describe, expect, it } from 'vitest';
import type { CalendarOverlay } from '../../src/shared/api/contract';
import { tempWorkspace } from '../support/workspace';

const ws = tempWorkspace({ demo: true });
afterAll(() => ws.cleanup());

describe('calendar.overlay', () => {
  it('offers open slots from now on only, never on a past day or hour', async () => {
    const today = new Date();
    const from = new Date(today.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const result = await ws.dispatch('calendar.overlay', { from, to });
    if (!result.ok) throw new Error(result.error.message);
    const { openSlots } = result.value as CalendarOverlay;
    const now = new Date().toISOString();
    expect(openSlots.length).toBeGreaterThan(0);
    expect(openSlots.filter((slot) => slot.start < now)).toEqual([]);
  });
});
