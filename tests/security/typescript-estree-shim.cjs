// Electronegativity 1.10 loads @typescript-eslint/typescript-estree 4.x at start-up, which npm hoists
// next to this project's TypeScript 7 (no JS compiler API) and crashes ("reading 'BarBarToken'").
// Preloaded with NODE_OPTIONS=--require, this points that one package at the TypeScript 4.2
// Electronegativity ships with. Electronegativity parses .ts with Babel first, so it is only a fallback.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const bundledTypescript = require.resolve('typescript', {
  paths: [path.dirname(require.resolve('@doyensec/electronegativity/package.json'))],
});
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(request, parent, ...rest) {
  if (request === 'typescript' && parent && /[\\/]@typescript-eslint[\\/]/.test(parent.filename ?? '')) {
    return bundledTypescript;
  }
  return originalResolve.call(this, request, parent, ...rest);
};
