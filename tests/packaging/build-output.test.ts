// Checks the electron-vite output that ships (npm test builds before running vitest).
// A sandboxed preload runs without Node's module loader: require() there only knows 'electron' and a
// few polyfilled built-ins, so a preload that still says require("zod") leaves window.storybank
// undefined at runtime, which no unit test with the fake would notice.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@babel/parser';

const ROOT = resolve(__dirname, '../..');
const SANDBOX_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

function readBuilt(relativePath: string): string {
  const file = join(ROOT, relativePath);
  if (!existsSync(file)) throw new Error(`${relativePath} is missing: run \`npm run build\` (npm test does) first`);
  return readFileSync(file, 'utf8');
}

/** Every require("x") / import "x" specifier in a bundle, found by parsing it (not by regex). */
function moduleSpecifiers(code: string): string[] {
  const ast = parse(code, { sourceType: 'unambiguous' });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, any>;
    if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'StringLiteral') {
      found.push(n.arguments[0].value);
    }
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source) {
      found.push(n.source.value);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'start' && key !== 'end') visit(value);
  };
  visit(ast.program);
  return found;
}

describe('built preload (out/preload/index.js)', () => {
  it('is one CommonJS bundle that requires nothing a sandboxed preload cannot load', () => {
    const code = readBuilt('out/preload/index.js');
    const specifiers = moduleSpecifiers(code);
    expect(specifiers).toContain('electron');
    expect(specifiers.filter((s) => !SANDBOX_PRELOAD_MODULES.has(s))).toEqual([]);
    expect(code).toMatch(/exposeInMainWorld\(\s*["']storybank["']/);
  });
});

describe('built main process (out/main/index.js)', () => {
  it('exists where package.json main points', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
    expect(readBuilt(pkg.main).length).toBeGreaterThan(0);
  });
});
