'use strict';
// The servers the benchmarks measure, shared by bench/run.js and bench/lighthouse.js: this app (built,
// demo data seeded) and a bare Strapi 5.54.0 app built from bench/bare-template, each started with
// `strapi start` in production on SQLite in a work folder, on a free port; and autocannon against them.
const fs = require('fs');
const net = require('net');
const path = require('path');
const crypto = require('crypto');
const { spawn, spawnSync } = require('child_process');
const { randomSecrets } = require('../scripts/preflight');

const ROOT = path.resolve(__dirname, '..');
const BARE = path.join(__dirname, '.bare');
const WORK = path.join(__dirname, '.work');
const STRAPI = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const AUTOCANNON = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
const DURATION = Number(process.env.BENCH_SECONDS || 10);

const children = new Set();
const killAll = () => children.forEach((c) => c.kill('SIGKILL'));
process.on('exit', killAll);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(130));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function hashDir(dir) {
  const h = crypto.createHash('sha256');
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

function sh(args, cwd) {
  const res = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed in ${cwd}`);
}

/** Our build (admin, server, website), rebuilt only where its inputs changed, as `npm start` does. */
function buildOurs() {
  sh([path.join(ROOT, 'scripts', 'build.js'), '--if-stale'], ROOT);
}

/** The bare app: the committed template, our node_modules (same Strapi), built once per template change. */
function prepareBare() {
  const template = path.join(__dirname, 'bare-template');
  const hash = hashDir(template);
  const stamp = path.join(BARE, '.template-hash');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash && fs.existsSync(path.join(BARE, 'dist', 'build', 'index.html'))) return;
  fs.rmSync(BARE, { recursive: true, force: true });
  fs.cpSync(template, BARE, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(BARE, 'node_modules'), 'dir');
  console.log('Building the bare Strapi app (once)…');
  sh([STRAPI, 'build'], BARE);
  fs.writeFileSync(stamp, hash);
}

const APPS = {
  ours: { dir: ROOT, endpoint: '/api/news?locale=th', env: { SEED_DEMO: 'true' } },
  bare: { dir: BARE, endpoint: '/api/articles', env: {} },
};

/** A work folder holds each app's SQLite file and public folder; the first start in it seeds. */
function prepareWork(work = WORK) {
  fs.rmSync(work, { recursive: true, force: true });
  for (const name of Object.keys(APPS)) fs.mkdirSync(path.join(work, `${name}-public`, 'uploads'), { recursive: true });
}

function envFor(name, port, work, extraEnv = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(work, `${name}.db`),
    PUBLIC_DIR: path.join(work, `${name}-public`),
    ...randomSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...APPS[name].env,
    ...extraEnv,
  };
}

/** Starts a server and resolves with it once /_health answers 204; seconds measured from spawn. */
async function start(name, work = WORK, extraEnv = {}) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [STRAPI, 'start'], { cwd: APPS[name].dir, env: envFor(name, port, work, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  // Strapi logs fatal errors to stdout; keep the tail of both for the message.
  child.stdout.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr.slice(-500)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_health`);
      if (res.status === 204) return { child, port, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  throw new Error(`${name} did not answer /_health within 120 s`);
}

async function stop(server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  children.delete(server.child);
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** `count` requests, ten at a time; every answer must be a 2xx. */
async function warmUp(server, endpoint, count = 500, headers = {}) {
  const url = `http://127.0.0.1:${server.port}${endpoint}`;
  for (let i = 0; i < count; i += 10) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(url, { headers }).then((r) => r.status)));
    if (answers.some((s) => s < 200 || s > 299)) throw new Error(`${endpoint} answered ${answers.join(',')}`);
  }
}

/**
 * autocannon -c 10 (or `connections`) for BENCH_SECONDS (or `seconds`) from a second process; any
 * non-2xx answer or error fails, unless `report`: then they are counted in the result. `method` and
 * `body` (JSON) for writes. A request unanswered after 30 s counts as an error (a phone gives up).
 */
function autocannon(url, headers = {}, { connections = 10, method = 'GET', body, seconds = DURATION, report = false } = {}) {
  const headerArgs = Object.entries({ ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const bodyArgs = body === undefined ? [] : ['-m', method, '-b', JSON.stringify(body)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-t', '30', ...headerArgs, ...bodyArgs, '--json', url], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out);
      if (!report && (r.non2xx > 0 || r.errors > 0)) return reject(new Error(`autocannon saw ${r.non2xx} non-2xx and ${r.errors} errors on ${url}`));
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, non2xx: r.non2xx, errors: r.errors });
    });
  });
}

module.exports = { ROOT, WORK, DURATION, APPS, children, killAll, sleep, median, buildOurs, prepareBare, prepareWork, start, stop, rssMiB, warmUp, autocannon };
