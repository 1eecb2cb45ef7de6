// Files Storybank ships in resources/ (demo images, the story form), found from the source tree,
// the built out/main (or its chunks) or the packaged app.
import fs from 'node:fs';
import path from 'node:path';

export function resourcePath(...parts: string[]): string {
  let dir = __dirname;
  for (let up = 0; up < 5; up++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', ...parts);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`resources/${parts.join('/')} is missing beside ${__dirname}`);
}
