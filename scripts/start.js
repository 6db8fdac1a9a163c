'use strict';
// `npm start`: first-run setup (.env with fresh secrets), a clear line for bad configuration,
// a build when the build is missing or stale, then Strapi serving the website, admin and API.
const path = require('path');
const { spawn } = require('child_process');
const { preflight, ROOT } = require('./preflight');
const { build } = require('./build');

const develop = process.argv.includes('--develop');

if (preflight()) console.log('Created .env with fresh random secrets (kept out of git).');
try {
  build({ ifStale: true });
} catch (err) {
  console.error(`Build failed: ${err.message}`);
  process.exit(1);
}

const strapiBin = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const child = spawn(process.execPath, [strapiBin, develop ? 'develop' : 'start'], { cwd: ROOT, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
