import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(dir, f));
const importsOf = (file: string): string[] =>
  [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

const offenders = (dir: string, banned: RegExp): string[] =>
  sourceFiles(dir).flatMap((file) => importsOf(file).filter((i) => banned.test(i)).map((i) => `${file} imports ${i}`));

describe('layers', () => {
  it('src/shared is platform-free: no node, electron, react, DOM-only or main imports', () => {
    expect(offenders('src/shared', /^(node:|electron$|react|better-sqlite3|fs$|path$|os$|crypto$)|\/main\/|\/renderer\//)).toEqual([]);
  });

  it('the renderer never reaches electron, node, SQLite or main directly', () => {
    expect(offenders('src/renderer', /^(node:|electron$|better-sqlite3)|\/main\//)).toEqual([]);
  });

  it('only the Electron shell imports electron', () => {
    const outside = sourceFiles('src/main')
      .filter((f) => !f.startsWith(path.join('src', 'main', 'electron')))
      .flatMap((file) => importsOf(file).filter((i) => i === 'electron').map(() => file));
    expect(outside).toEqual([]);
  });
});
