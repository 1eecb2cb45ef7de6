// Long operations run in a worker: while a large plan is computed the host answers other calls
// at once; the plan reports progress and can be cancelled, leaving the workspace unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import { callApi, serveWorkspace, type ServedWorkspace } from '../e2e/serve';

let served: ServedWorkspace;
const raw = async (name: string, input: object): Promise<ApiResult<unknown>> => {
  const response = await fetch(`${served.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResult<unknown>;
};
const today = new Date().toISOString().slice(0, 10);
const plus = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const scope = { from: plus(1), to: plus(399) };

beforeAll(async () => {
  served = await serveWorkspace({ demo: true });
  // every channel at 100 posting slots a week: tens of thousands of slots to plan
  const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => Array.from({ length: 14 }, (_, h) => ({ weekday, time: `${String(7 + h).padStart(2, '0')}:15` }))).slice(0, 98);
  for (const channel of await callApi(served, 'channels.list')) await callApi(served, 'channels.update', { id: channel.id, revision: channel.revision, slots });
}, 60_000);
afterAll(async () => {
  await served?.stop();
});

describe('long work in a worker', () => {
  it('the host answers workspace.get within 100 ms while a large plan runs', async () => {
    let planDone = false;
    const started = performance.now();
    const plan = raw('planning.preview', scope).then((result) => {
      planDone = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const answers: number[] = [];
    while (!planDone && answers.length < 40) {
      const t = performance.now();
      const info = await raw('workspace.get', {});
      if (!planDone) answers.push(performance.now() - t);
      expect(info.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await plan;
    const planMs = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(answers.length, `the plan took only ${planMs.toFixed(0)} ms`).toBeGreaterThan(2);
    // A host blocked by the plan would answer after the plan (seconds). On the loaded 2-core CI
    // machine, with another test file beside this one, a single answer can take a scheduling
    // pause: nine in ten within 100 ms, and none anywhere near the plan's time.
    const sorted = [...answers].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9) - 1] ?? sorted[0]).toBeLessThan(100);
    expect(Math.max(...answers)).toBeLessThan(Math.min(1000, planMs / 2));
    console.log(`plan of ${(result as { value: { rows: unknown[] } }).value.rows.length} slots: ${planMs.toFixed(0)} ms; workspace.get meanwhile: max ${Math.max(...answers).toFixed(1)} ms over ${answers.length} calls`);
  }, 120_000);

  it('reports progress and cancels a plan apply, changing nothing', async () => {
    const before = (await callApi(served, 'posts.list', {})).length;
    const jobId = randomUUID();
    const apply = raw('planning.apply', { ...scope, jobId });
    let progress = { state: 'unknown', phase: '' } as { state: string; phase: string };
    for (let i = 0; i < 100 && progress.state !== 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      progress = (await raw('jobs.progress', { jobId }) as { value: typeof progress }).value;
    }
    expect(progress.state).toBe('running');
    expect(progress.phase).not.toBe('');
    expect((await raw('jobs.cancel', { jobId })) as unknown).toEqual({ ok: true, value: { cancelled: true } });
    const result = await apply;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect((await raw('jobs.progress', { jobId }) as { value: { state: string } }).value.state).toBe('cancelled');
    expect((await callApi(served, 'posts.list', {})).length).toBe(before);
    // the next long job gets a fresh worker
    const again = await raw('planning.preview', { from: today, to: plus(6) });
    expect(again.ok).toBe(true);
  }, 120_000);
});
