#!/usr/bin/env node
'use strict';
// Thin launcher: checks the runtime, then runs the bundled CLI (built by `npm install` via `prepare`).
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `storybank: Node ${process.versions.node} is too old; Node 22.12 or newer is required ` +
      '(`npx storybank` in the project folder uses the bundled Node 22).\n',
  );
  process.exit(1);
}
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('storybank: the app is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
require(cli)
  .runCli(process.argv.slice(2))
  .then((code) => {
    if (code !== 0) process.exitCode = code;
  });
