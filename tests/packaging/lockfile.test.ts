// CI guard: an offline `npm ci` only works when every package comes from the npm registry.
// Git dependencies (github:, git+ssh:, codeload tarballs) need GitHub at install time: @electron/rebuild 3
// pulled @electron/node-gyp that way and broke the whole install (see research notes, section 4).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
type LockEntry = { version?: string; resolved?: string; link?: boolean };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const FORBIDDEN = /^(github:|gitlab:|bitbucket:|git\+|git:|ssh:)|codeload\.github\.com|github\.com\/.*\/tarball\/|\/tarball\//i;

function offendingLockEntries(packages: Record<string, LockEntry>): string[] {
  const offending: string[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link) continue;
    for (const value of [entry.resolved, entry.version]) {
      if (value && FORBIDDEN.test(value)) offending.push(`${path}: ${value}`);
    }
    if (entry.resolved && !entry.resolved.startsWith('https://registry.npmjs.org/')) {
      offending.push(`${path}: not from the npm registry: ${entry.resolved}`);
    }
  }
  return offending;
}

describe('package-lock.json', () => {
  it('is a v2/v3 lockfile with a packages map', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
  });

  it('resolves every package from the npm registry (no github:, git or tarball URLs)', () => {
    expect(offendingLockEntries(lock.packages)).toEqual([]);
  });

  it('has no git or tarball specifiers in package.json either', () => {
    const specs = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
    const bad = Object.entries(specs).filter(([, spec]) => FORBIDDEN.test(String(spec)) || /^https?:/.test(String(spec)));
    expect(bad).toEqual([]);
  });

  it('the guard catches the URL shapes it is meant to catch', () => {
    const probe = offendingLockEntries({
      '': {},
      'node_modules/a': { version: '1.0.0', resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz' },
      'node_modules/b': { version: 'github:electron/node-gyp#06b29aa' },
      'node_modules/c': { resolved: 'git+ssh://git@github.com/electron/node-gyp.git#06b29aa' },
      'node_modules/d': { resolved: 'https://codeload.github.com/electron/node-gyp/tar.gz/06b29aa' },
      'node_modules/e': { resolved: 'https://github.com/x/y/tarball/main' },
      'node_modules/f': { resolved: 'https://example.com/f-1.0.0.tgz' },
    });
    expect(probe.map((line) => line.split(':')[0])).toEqual([
      'node_modules/b',
      'node_modules/c',
      'node_modules/c',
      'node_modules/d',
      'node_modules/d',
      'node_modules/e',
      'node_modules/e',
      'node_modules/f',
    ]);
  });
});
