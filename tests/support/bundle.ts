// Child processes in tests run as one bundled CommonJS file on plain Node: they start in a tenth of
// the time tsx needs to compile the same TypeScript, and SIGKILL hits the process that writes.
import { buildSync } from 'esbuild';
import path from 'node:path';
import fs from 'node:fs';

const built = new Map<string, string>();

/** Bundles a TypeScript entry (native modules stay external: better-sqlite3, PouchDB's leveldown, sharp) and returns the .cjs path. */
export function bundleScript(entry: string): string {
  let file = built.get(entry);
  if (!file) {
    // inside node_modules, so the external better-sqlite3 resolves from the project's node_modules
    const folder = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'storybank-tests');
    fs.mkdirSync(folder, { recursive: true });
    file = path.join(folder, `${path.basename(entry, '.ts')}-${process.pid}.cjs`);
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node22', outfile: file, external: ['better-sqlite3', 'pouchdb', 'sharp'], logLevel: 'error' });
    built.set(entry, file);
  }
  return file;
}
