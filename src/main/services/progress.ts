// Progress of long work (planning, exports, backups). Services report phases; where the work runs
// in a worker the reporter forwards them to the main process, elsewhere it does nothing.
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

let reporter: (progress: Progress) => void = () => {};

export function setProgressReporter(report: (progress: Progress) => void): void {
  reporter = report;
}

export function reportProgress(phase: string, done: number, total: number): void {
  reporter({ phase, done, total });
}
