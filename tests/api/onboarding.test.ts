import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import type { Onboarding } from '../../src/shared/api/onboarding';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};
const done = (onboarding: Onboarding) => Object.fromEntries(onboarding.steps.map((step) => [step.id, step.done]));

describe('first run', () => {
  it('an empty workspace walks through the steps as they are done', async () => {
    const ws = tempWorkspace();
    cleanups.push(ws.cleanup);
    const get = async () => ok<Onboarding>(await ws.dispatch('onboarding.get', {}));
    expect(await get()).toEqual({ steps: ['profile', 'channels', 'categories', 'firstPost'].map((id) => ({ id, done: false })), empty: true });
    await ws.dispatch('workspace.update', { name: 'Elm Street Savings', timezone: 'America/Chicago' });
    // a channel without posting times is not set up yet
    await ws.dispatch('channels.create', { network: 'facebook', name: 'Facebook' });
    expect(done(await get())).toEqual({ profile: true, channels: false, categories: false, firstPost: false });
    await ws.dispatch('channels.create', { network: 'linkedin', name: 'LinkedIn', slots: [{ weekday: 2, time: '09:30' }] });
    await ws.dispatch('categories.save', { categories: [{ name: 'People', color: '#2f9e44', targetShare: 1 }] });
    expect(done(await get())).toEqual({ profile: true, channels: true, categories: true, firstPost: false });
    await ws.dispatch('posts.create', { title: 'Hello from Elm Street' });
    const finished = await get();
    expect(finished.steps.every((step) => step.done)).toBe(true);
    expect(finished.empty).toBe(false);
  });

  it('loads the demo bank into an empty workspace only; a second time is refused and changes nothing', async () => {
    const ws = tempWorkspace();
    cleanups.push(ws.cleanup);
    const loaded = ok<Onboarding>(await ws.dispatch('onboarding.loadDemo', {}));
    expect(loaded.steps.every((step) => step.done)).toBe(true);
    expect(ws.services.channels.list().length).toBeGreaterThan(0);
    const before = dbFingerprint(ws.db);
    const again = await ws.dispatch('onboarding.loadDemo', {});
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('conflict');
      expect(again.error.message).toContain('only into an empty workspace');
    }
    expect(dbFingerprint(ws.db)).toBe(before);
  });
});
