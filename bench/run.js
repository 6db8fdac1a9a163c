'use strict';
// `npm run bench`: cold start, memory after warm-up and list-endpoint throughput of this app against
// a bare Strapi 5.54.0 app with one equivalent content type, measured in the same run, interleaved.
// Prints figures and ratios and writes bench/results/<date>.md. A benchmark, not a test: budgets are
// reported, never enforced by exit code.
const fs = require('fs');
const net = require('net');
const path = require('path');
const crypto = require('crypto');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const BARE = path.join(__dirname, '.bare');
const WORK = path.join(__dirname, '.work');
const STRAPI = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const AUTOCANNON = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const DURATION = Number(process.env.BENCH_SECONDS || 10);

const children = new Set();
const killAll = () => children.forEach((c) => c.kill('SIGKILL'));
process.on('exit', killAll);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => process.exit(130));

const { randomSecrets } = require('../scripts/preflight');
const { measureQr } = require('./qr');
const { measureCompression, compressionTable } = require('./compression');
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

function envFor(name, port) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(WORK, `${name}.db`),
    PUBLIC_DIR: path.join(WORK, `${name}-public`),
    ...randomSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ...APPS[name].env,
  };
}

/** Starts a server and resolves with it once /_health answers 204; seconds measured from spawn. */
async function start(name) {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [STRAPI, 'start'], { cwd: APPS[name].dir, env: envFor(name, port), stdio: ['ignore', 'pipe', 'pipe'] });
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

async function warmUp(server, endpoint, count = 500) {
  const url = `http://127.0.0.1:${server.port}${endpoint}`;
  for (let i = 0; i < count; i += 10) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(url).then((r) => r.status)));
    if (answers.some((s) => s !== 200)) throw new Error(`${endpoint} answered ${answers.join(',')}`);
  }
}

const QR_ENDPOINT = '/api/poles/NOK-P01/qr.png';

function autocannon(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AUTOCANNON, '-c', '10', '-d', String(DURATION), '--json', url], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out);
      if (r.non2xx > 0 || r.errors > 0) return reject(new Error(`autocannon saw ${r.non2xx} non-2xx and ${r.errors} errors`));
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    });
  });
}

async function main() {
  console.log('Checking our build…');
  sh([path.join(ROOT, 'scripts', 'build.js'), '--if-stale'], ROOT);
  prepareBare();
  fs.rmSync(WORK, { recursive: true, force: true });
  for (const name of Object.keys(APPS)) fs.mkdirSync(path.join(WORK, `${name}-public`, 'uploads'), { recursive: true });

  const results = { ours: { cold: [] }, bare: { cold: [] } };
  // First start of each creates its schema and data: not a cold start of a running town.
  for (const name of Object.keys(APPS)) await stop(await start(name));

  for (let run = 0; run < RUNS; run++) {
    for (const name of Object.keys(APPS)) {
      const server = await start(name);
      results[name].cold.push(server.seconds);
      if (run === RUNS - 1) {
        await warmUp(server, APPS[name].endpoint);
        results[name].rss = rssMiB(server.child.pid);
        Object.assign(results[name], await autocannon(`http://127.0.0.1:${server.port}${APPS[name].endpoint}`));
        // Ours only: a pole's QR label over HTTP (rendered once, then from the cache).
        if (name === 'ours') results.qrHttp = await autocannon(`http://127.0.0.1:${server.port}${QR_ENDPOINT}`);
      }
      await stop(server);
    }
  }

  const qr = await measureQr();
  const compression = await measureCompression();
  // In its own process: it loads a second Strapi on its own database.
  const taxRun = spawnSync(process.execPath, [path.join(__dirname, 'tax-import.js')], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const taxLine = /^RESULT (.*)$/m.exec(taxRun.stdout ?? '');
  if (!taxLine) throw new Error(`the tax import benchmark failed: ${(taxRun.stderr || taxRun.stdout || '').slice(-500)}`);
  const tax = JSON.parse(taxLine[1]);
  const o = results.ours;
  const b = results.bare;
  const rows = [
    ['cold start (s, median of ' + RUNS + ')', median(o.cold), median(b.cold), 1.5],
    ['RSS after warm-up (MiB)', o.rss, b.rss, 1.3],
    ['list endpoint req/s', o.rps, b.rps],
    ['list endpoint p50 (ms)', o.p50, b.p50],
    ['list endpoint p99 (ms)', o.p99, b.p99],
  ];
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  const lines = [
    `| metric | ours | bare Strapi | ratio | budget |`,
    `| --- | ---: | ---: | ---: | --- |`,
    ...rows.map(([label, ours, bare, budget]) => {
      const ratio = ours / bare;
      const verdict = budget ? `≤ ${budget}: ${ratio <= budget ? 'pass' : 'FAIL'}` : '';
      return `| ${label} | ${fmt(ours)} | ${fmt(bare)} | ${ratio.toFixed(2)} | ${verdict} |`;
    }),
  ];
  const header = `# Benchmark ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\nOurs: \`GET ${APPS.ours.endpoint}\` (6 demo news items); bare: \`GET ${APPS.bare.endpoint}\` (6 equivalent articles). NODE_ENV=production, SQLite, autocannon -c 10 -d ${DURATION} from a second process, ${require('os').cpus().length} cores, Node ${process.version}.\n`;
  const qrLines = [
    '',
    `QR codes (the qr plugin, 600 px PNG, in-process for ${process.env.BENCH_QR_SECONDS || 3} s each; HTTP through autocannon as above):`,
    '',
    '| QR PNG | renders/s |',
    '| --- | ---: |',
    `| cold (new text each time) | ${fmt(qr.cold)} |`,
    `| cold, with the centre logo | ${fmt(qr.coldLogo)} |`,
    `| cached (same label again) | ${fmt(qr.cached)} |`,
    `| \`GET ${QR_ENDPOINT}\` over HTTP (cached), req/s | ${fmt(results.qrHttp.rps)} (p50 ${results.qrHttp.p50} ms, p99 ${results.qrHttp.p99} ms) |`,
  ];
  const taxLines = [
    '',
    `Tax bills (the import of the admin and \`npm run import:tax-bills\`, SQLite, in its own process):`,
    '',
    '| import | seconds | budget |',
    '| --- | ---: | --- |',
    `| ${tax.rows} new bills | ${tax.fresh.toFixed(2)} | ≤ 20: ${tax.fresh <= 20 ? 'pass' : 'FAIL'} |`,
    `| the same ${tax.rows} again (nothing changes) | ${tax.repeat.toFixed(2)} | |`,
  ];
  const compressionLines = [
    '',
    `Compression (src/middlewares/compression.ts against Strapi's \`strapi::compression\`, koa-compress, with the same settings: brotli q5, gzip 6, from 1 KiB; each in a plain koa app on loopback, median of ${compression.n} requests, interleaved):`,
    '',
    ...compressionTable(compression),
  ];
  const report = `${header}\n${lines.join('\n')}\n${qrLines.join('\n')}\n${taxLines.join('\n')}\n${compressionLines.join('\n')}\n`;
  console.log(`\n${report}`);
  for (const [label, ours, bare, budget] of rows) if (budget) console.log(`${label}: ratio ${(ours / bare).toFixed(2)} (budget ${budget}) ${ours / bare <= budget ? 'pass' : 'FAIL'}`);
  console.log(`import of ${tax.rows} tax bills: ${tax.fresh.toFixed(2)} s (budget 20 s) ${tax.fresh <= 20 ? 'pass' : 'FAIL'}`);
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${new Date().toISOString().slice(0, 10)}.md`), report);
}

main()
  .catch((err) => {
    console.error(`Benchmark failed: ${err.message}`);
    process.exitCode = 1;
  })
  .finally(killAll);
