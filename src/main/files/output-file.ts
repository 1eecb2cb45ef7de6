// Files Storybank writes into the workspace folder (media, thumbnails, release scans) or the
// machine's app folder: written beside their place, then renamed into it, so a reader never sees
// half a file and a crash leaves the old one.
import fs from 'node:fs';
import path from 'node:path';

/** `mode` 0o600 for a secret: the file is never readable by others, not even half-written. */
export function writeFileAtomically(target: string, bytes: Buffer | string, mode?: number): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.partial`;
  fs.writeFileSync(temp, bytes, mode === undefined ? undefined : { mode });
  fs.renameSync(temp, target);
}
