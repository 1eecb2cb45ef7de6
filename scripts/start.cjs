#!/usr/bin/env node
// `npm start`: launches the desktop app with Electron's binary. Where the binary was never
// downloaded (offline installs, CI), say so in two lines and point to the browser host, instead
// of Electron's own stack trace and advice to delete node_modules/electron.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !fs.existsSync(binary)) {
  process.stderr.write(
    'storybank: the Electron binary is not installed here (Electron downloads it during `npm install`, which needs internet access).\n' +
      'Use the same app in your browser instead: `npx storybank serve --demo`, then open the URL it prints.\n',
  );
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
