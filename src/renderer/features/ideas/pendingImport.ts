// Story files dropped anywhere in the app: handed to the Ideas page, which opens its import step.
let pending: File[] = [];
const listeners = new Set<() => void>();

const STORY_FILE = /\.(storyidea|csv|tsv|xlsx)$/i;

/** Keeps the files a drop brought that the Ideas page imports; false when there were none. */
export function offerImport(files: File[]): boolean {
  const stories = files.filter((f) => STORY_FILE.test(f.name));
  if (stories.length === 0) return false;
  pending = stories;
  for (const listener of listeners) listener();
  return true;
}

/** The files waiting for the import step (taken once). */
export function takePendingImport(): File[] {
  const files = pending;
  pending = [];
  return files;
}

export function onPendingImport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
