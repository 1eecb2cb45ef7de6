import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/serve';

const electronBinaryPresent = (() => {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  return fs.existsSync(pathFile) && fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim()));
})();

describe('npm start without the Electron binary', () => {
  it('prints a short message pointing to storybank serve, no stack trace', () => {
    // CI machines cannot download Electron; where a binary exists this checks the package script instead
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('electron-vite build && node scripts/start.cjs');
    if (electronBinaryPresent) return;
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.cjs')], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the Electron binary is not installed here');
    expect(result.stderr).toContain('npx storybank serve --demo');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});
