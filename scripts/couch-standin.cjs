#!/usr/bin/env node
// The CouchDB-protocol stand-in used by the tests and for trying a team workspace without a real
// CouchDB: express-pouchdb (patched for pouchdb-server issue #419, see patches/) on 127.0.0.1 only.
//   node scripts/couch-standin.cjs --data DIR [--port 5984] [--admin NAME:PASSWORD]
// Prints "couch-standin listening http://127.0.0.1:PORT" once it answers.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    admin: { type: 'string', default: 'admin:admin' },
  },
});
if (!values.data) {
  console.error('couch-standin: --data DIR is required (the folder that holds the databases)');
  process.exit(2);
}
const [adminName, ...rest] = values.admin.split(':');
const adminPassword = rest.join(':');
if (!adminName || !adminPassword) {
  console.error('couch-standin: --admin must be NAME:PASSWORD');
  process.exit(2);
}

const dataDir = path.resolve(values.data);
fs.mkdirSync(dataDir, { recursive: true });
const configPath = path.join(dataDir, 'config.json');
if (!fs.existsSync(configPath)) {
  fs.writeFileSync(configPath, JSON.stringify({ admins: { [adminName]: adminPassword }, log: { level: 'error' } }));
}

const PouchDB = require('pouchdb').defaults({ prefix: dataDir + path.sep });
const express = require('express');
const expressPouch = require('express-pouchdb');

const app = express();
// CouchDB lets only server admins create or delete a database; the stand-in crashes on an anonymous
// try ("db.info is not a function"), so refuse it here the way CouchDB does.
const adminAuth = `Basic ${Buffer.from(`${adminName}:${adminPassword}`).toString('base64')}`;
app.use((req, res, next) => {
  const databasePath = /^\/[a-z][^/]*\/?$/.test(req.path);
  if (databasePath && (req.method === 'PUT' || req.method === 'DELETE') && req.headers.authorization !== adminAuth) {
    res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
    return;
  }
  next();
});
app.use(expressPouch(PouchDB, { configPath, logPath: path.join(dataDir, 'log.txt'), mode: 'fullCouchDB' }));
const server = app.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`couch-standin listening http://127.0.0.1:${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
