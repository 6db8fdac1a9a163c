'use strict';
// Builds what `strapi start` serves: the compiled server and admin panel (strapi build) and the
// citizen website (website/build.js). With --if-stale, each part is rebuilt only when its inputs
// changed since the last build, so `npm start` is quick after the first time.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, '.tmp', 'build-stamp.json');

const strapiBin = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

// Order matters: `strapi build` empties dist/, so the server compile runs after it.
const PARTS = {
  admin: {
    // A town feature's staff screen sits in src/api/<domain>/admin and reads the feature's permission
    // names from src/api/<domain>/staff-permissions.ts; the rest of src/api is server code. Content
    // types' Thai and English labels (src/shared/content-types) are messages of the admin too.
    inputs: ['src/admin', 'src/api/*/admin', 'src/api/*/staff-permissions.ts', 'src/shared/content-types', 'plugins', 'config/admin.ts', 'package-lock.json'],
    outputs: ['dist/build/index.html'],
    run: () => run('strapi build', [strapiBin, 'build']),
  },
  server: {
    inputs: ['src', 'config', 'plugins', 'database', 'types', 'tsconfig.json', 'package-lock.json'],
    outputs: ['dist/src/index.js'],
    // A stale compiled file (say, of a renamed content type) would still load: start clean.
    run: () => {
      for (const d of ['src', 'config', 'database', 'types', 'plugins', 'tsconfig.tsbuildinfo']) fs.rmSync(path.join(ROOT, 'dist', d), { recursive: true, force: true });
      run('server compile', ['-e', "require('@strapi/strapi').compileStrapi().catch((e) => { console.error(e); process.exit(1); })"]);
    },
  },
  website: {
    // The website may import the pure rules of src/shared (and nothing else outside website/).
    inputs: ['website', 'src/shared', 'package-lock.json'],
    outputs: ['build/website/index.html', 'build/website/server.cjs'],
    run: () => run('website build', [path.join(ROOT, 'website', 'build.js')]),
  },
};

function run(label, args) {
  const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (res.status !== 0) throw new Error(`${label} failed`);
}

// Files under a path; a `*` segment stands for every folder at that level (src/api/*/admin).
function listFiles(rel) {
  const star = rel.split('/').indexOf('*');
  if (star >= 0) {
    const parts = rel.split('/');
    const parent = path.join(ROOT, ...parts.slice(0, star));
    if (!fs.existsSync(parent)) return [];
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .flatMap((name) => listFiles([...parts.slice(0, star), name, ...parts.slice(star + 1)].join('/')));
  }
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((e) => !['node_modules', 'dist', 'build', '.tmp'].includes(e.name))
    .flatMap((e) => listFiles(path.join(rel, e.name)))
    .sort();
}

/** A hash of the inputs' names and contents: cheap (a few hundred small files) and exact. */
function hashInputs(inputs) {
  const h = crypto.createHash('sha256');
  for (const file of inputs.flatMap(listFiles)) {
    h.update(file);
    h.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return h.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
}

function build({ ifStale = false, log = console.log } = {}) {
  const stamp = readStamp();
  const built = [];
  let forceRest = false;
  for (const [name, part] of Object.entries(PARTS)) {
    const hash = hashInputs(part.inputs);
    const present = part.outputs.every((o) => fs.existsSync(path.join(ROOT, o)));
    if (ifStale && !(forceRest && name === 'server') && present && stamp[name] === hash) continue;
    if (name === 'admin') forceRest = true;
    log(`Building ${name}…`);
    part.run();
    stamp[name] = hash;
    fs.mkdirSync(path.dirname(STAMP), { recursive: true });
    fs.writeFileSync(STAMP, JSON.stringify(stamp, null, 2));
    built.push(name);
  }
  return built;
}

module.exports = { build, hashInputs };

if (require.main === module) {
  try {
    require('./preflight').loadDotEnv();
    build({ ifStale: process.argv.includes('--if-stale') });
  } catch (err) {
    console.error(`Build failed: ${err.message}`);
    process.exit(1);
  }
}
