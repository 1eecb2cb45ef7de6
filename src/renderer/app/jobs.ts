// Long operations (plans, exports, backups) run in a worker of the app or host. A job is started
// with its own id, its progress polled, and it can be cancelled; the hook holds what the UI shows.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobState } from '../../shared/api/jobs';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/api/contract';
import { call } from '../api/client';

const POLL_MS = 250;
type JobOperation = 'planning.preview' | 'planning.apply' | 'export.preview' | 'export.run' | 'backups.create' | 'backups.restore';

export function useJob() {
  const [progress, setProgress] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const run = useCallback(async <K extends JobOperation & OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> => {
    const jobId = crypto.randomUUID();
    current.current = jobId;
    setProgress({ jobId, state: 'running', phase: 'starting', done: 0, total: 1 });
    stopPolling();
    timer.current = setInterval(() => {
      void call('jobs.progress', { jobId }).then(
        (state) => current.current === jobId && state.state === 'running' && setProgress(state),
        () => {},
      );
    }, POLL_MS);
    try {
      return await call(name, { ...input, jobId } as OperationInput<K>);
    } finally {
      if (current.current === jobId) {
        current.current = null;
        stopPolling();
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (jobId) await call('jobs.cancel', { jobId });
  }, []);

  return { run, cancel, progress };
}
