// Files Storybank writes into the workspace folder (media, thumbnails, release scans) or the
// machine's app folder: written beside their place, then renamed into it, so a reader never sees
// half a file and a crash leaves the old one.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(target: string, bytes: Buffer | string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.partial`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, target);
}
