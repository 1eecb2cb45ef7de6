// Long operations run in a worker thread with its own connection to the workspace, so the main
// process (Electron's, or the browser host's) keeps answering every other call while a year is
// planned or 10,000 posts are exported. One worker is kept warm; cancelling a job terminates it
// (SQLite rolls back whatever it had not committed) and the next job starts a fresh one.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../shared/api/contract';
import type { JobState } from '../../shared/api/jobs';
import type { Dispatch } from '../api/dispatch';
import type { Progress } from '../services/progress';

/** Operations that can take seconds on a large workspace. */
export const HEAVY_OPERATIONS: ReadonlySet<string> = new Set([
  'planning.preview',
  'planning.apply',
  'export.preview',
  'export.run',
  'backups.create',
  'backups.restore',
  'packet.create',
]);

type FromWorker = { id: number; progress: Progress } | { id: number; result: ApiResult<unknown> } | { ready: true };

interface Pending {
  name: string;
  jobId: string | null;
  resolve: (result: ApiResult<unknown>) => void;
  progress: Progress;
}

/** The bundled worker entry beside the main bundle (out/main/heavy-worker.js). */
export const defaultWorkerFile = (mainDir: string): string => path.join(mainDir, 'heavy-worker.js');

const cancelledResult = (operation: string): ApiResult<unknown> => ({
  ok: false,
  error: { code: 'cancelled', message: `${operation} was cancelled; nothing was changed.`, issues: [] },
});

export function createHeavyWorkDispatch(options: { dbPath: string; workerFile: string; inProcess: Dispatch; actorId: () => string | null }): {
  dispatch: Dispatch;
  close(): Promise<void>;
} {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const jobs = new Map<string, { id: number; state: JobState['state']; progress: Progress }>();

  const start = (): Worker => {
    const created = new Worker(options.workerFile, { workerData: { dbPath: options.dbPath } });
    created.on('message', (message: FromWorker) => {
      if ('ready' in message) return;
      const job = pending.get(message.id);
      if (!job) return;
      if ('progress' in message) {
        job.progress = message.progress;
        if (job.jobId) jobs.set(job.jobId, { id: message.id, state: 'running', progress: message.progress });
        return;
      }
      pending.delete(message.id);
      if (job.jobId) jobs.set(job.jobId, { id: message.id, state: 'done', progress: job.progress });
      job.resolve(message.result);
    });
    const failAll = (reason: string): void => {
      for (const [id, job] of pending) {
        pending.delete(id);
        job.resolve({ ok: false, error: { code: 'internal', message: `The background worker stopped (${reason}); nothing was changed.`, issues: [] } });
      }
      if (worker === created) worker = null;
    };
    created.on('error', (error) => failAll(error.message));
    created.on('exit', (code) => failAll(`exit code ${code}`));
    return created;
  };

  const runInWorker = (name: string, input: unknown): Promise<ApiResult<unknown>> => {
    worker ??= start();
    const id = nextId++;
    const jobId = typeof (input as { jobId?: unknown })?.jobId === 'string' ? ((input as { jobId: string }).jobId) : null;
    const progress: Progress = { phase: 'starting', done: 0, total: 1 };
    if (jobId) jobs.set(jobId, { id, state: 'running', progress });
    return new Promise((resolve) => {
      pending.set(id, { name, jobId, resolve, progress });
      // The worker acts for whoever is using Storybank here: the same role checks, the same author in the trail.
      worker!.postMessage({ id, name, input, actorId: options.actorId() });
    });
  };

  const cancel = async (jobId: string): Promise<boolean> => {
    const job = jobs.get(jobId);
    if (!job || job.state !== 'running' || !pending.has(job.id) || !worker) return false;
    const waiting = pending.get(job.id)!;
    pending.delete(job.id);
    jobs.set(jobId, { ...job, state: 'cancelled' });
    const stopping = worker;
    worker = null;
    // other jobs queued on this worker (rare: the UI runs one at a time) end as cancelled too
    const others = [...pending.entries()];
    pending.clear();
    await stopping.terminate();
    waiting.resolve(cancelledResult(waiting.name));
    for (const [, other] of others) other.resolve(cancelledResult(other.name));
    return true;
  };

  const dispatch: Dispatch = async (name, input) => {
    if (name === 'jobs.progress' || name === 'jobs.cancel') {
      const parsed = await options.inProcess(name, input); // validates the input
      if (!parsed.ok) return parsed;
      const { jobId } = input as { jobId: string };
      if (name === 'jobs.cancel') return { ok: true, value: { cancelled: await cancel(jobId) } };
      const job = jobs.get(jobId);
      return {
        ok: true,
        value: job ? { jobId, state: job.state, ...job.progress } : { jobId, state: 'unknown', phase: '', done: 0, total: 0 },
      };
    }
    if (HEAVY_OPERATIONS.has(name)) return runInWorker(name, input);
    return options.inProcess(name, input);
  };

  return {
    dispatch,
    close: async () => {
      const stopping = worker;
      worker = null;
      await stopping?.terminate();
    },
  };
}
