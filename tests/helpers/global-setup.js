'use strict';
// The suite runs against the real build (server, admin panel, website): build it once if stale,
// then boot it once on an empty database that every test app copies (template-db.js).
const { build } = require('../../scripts/build');
const { makeTemplate } = require('./template-db');

module.exports = async () => {
  build({ ifStale: true, log: (m) => process.stdout.write(`\n[tests] ${m}\n`) });
  const started = Date.now();
  await makeTemplate();
  process.stdout.write(`[tests] template database ready in ${Date.now() - started} ms\n`);
};
