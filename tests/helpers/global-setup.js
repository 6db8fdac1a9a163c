'use strict';
// The suite runs against the real build (server, admin panel, website); build it once if stale.
const { build } = require('../../scripts/build');

module.exports = async () => {
  build({ ifStale: true, log: (m) => process.stdout.write(`\n[tests] ${m}\n`) });
};
