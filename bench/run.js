'use strict';
// `npm run bench`: cold start, memory after warm-up and list-endpoint throughput of this app against
// a bare Strapi 5.54.0 app with one equivalent content type, measured in the same run, interleaved;
// the website's page throughput beside `/_health` and the bare list; Lighthouse on every citizen page;
// a bbox page of a 10,000-feature map layer (bench/gis.js).
// Prints figures and ratios and writes bench/results/<date>.md. A benchmark, not a test: budgets are
// reported, never enforced by exit code.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, APPS, DURATION, killAll, median, buildOurs, prepareBare, prepareWork, start, stop, rssMiB, warmUp, autocannon } = require('./apps');
const { measureQr } = require('./qr');
const { measureCompression, compressionTable } = require('./compression');
const { measureLighthouse, lighthouseTable } = require('./lighthouse');
const { measureEndpoints, endpointsTable, CONNECTIONS } = require('./endpoints');
const os = require('os');

const RUNS = Number(process.env.BENCH_RUNS || 3);

const QR_ENDPOINT = '/api/poles/NOK-P01/qr.png';
// What chromium sends; the site's HTML is compressed on the fly for it.
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
/**
 * The website's pages under autocannon, each against `/_health` (Strapi's floor: no body, no database)
 * and bare Strapi's list endpoint: kept pages (the page cache, as served to every visitor after the
 * first), then the same pages from a server started with WEBSITE_PAGE_CACHE=0 (rendered for every
 * request; the public API's answers they read are still kept until content changes), and the tracking
 * page, which is never kept and reads the API over loopback on every request.
 */
const PAGES = [
  { label: '`GET /` kept, as a browser asks (brotli)', path: '/', headers: BROWSER },
  { label: '`GET /news/loy-krathong-2569` kept (brotli)', path: '/news/loy-krathong-2569', headers: BROWSER },
  { label: '`GET /` kept, uncompressed (no Accept-Encoding)', path: '/', headers: {} },
];
const UNCACHED = [
  { label: '`GET /` rendered per request (WEBSITE_PAGE_CACHE=0, brotli)', path: '/', headers: BROWSER },
  { label: '`GET /news/loy-krathong-2569` rendered per request (WEBSITE_PAGE_CACHE=0, brotli)', path: '/news/loy-krathong-2569', headers: BROWSER },
  { label: '`GET /track?code=…` (never kept: reads the case over loopback each time, brotli)', path: '/track?code=NK-6912-AAAAA', headers: BROWSER },
];

/** The PostgreSQL server's settings, passed to the GIS benchmark when it runs on PostgreSQL. */
const pgEnv = () => Object.fromEntries(['DATABASE_CLIENT', 'DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_USERNAME', 'DATABASE_PASSWORD'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));

async function main() {
  console.log('Checking our build…');
  buildOurs();
  prepareBare();
  prepareWork();

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
        if (name === 'ours') {
          // A pole's QR label over HTTP (rendered once, then from the cache).
          results.qrHttp = await autocannon(`http://127.0.0.1:${server.port}${QR_ENDPOINT}`);
          results.pages = [];
          for (const page of PAGES) {
            await warmUp(server, page.path, 200, page.headers);
            results.pages.push({ ...page, ...(await autocannon(`http://127.0.0.1:${server.port}${page.path}`, page.headers)) });
          }
          await warmUp(server, '/_health', 200);
          results.health = await autocannon(`http://127.0.0.1:${server.port}/_health`);
        }
      }
      await stop(server);
    }
  }
  // The same pages rendered for every request: a server without the page cache.
  // The tracking page is a budgeted lookup (READ_LIMIT_PER_MINUTE per address): raised, autocannon is one address.
  const uncached = await start('ours', undefined, { WEBSITE_PAGE_CACHE: '0', READ_LIMIT_PER_MINUTE: '100000000' });
  try {
    for (const page of UNCACHED) {
      await warmUp(uncached, page.path, 200, page.headers);
      results.pages.push({ ...page, ...(await autocannon(`http://127.0.0.1:${uncached.port}${page.path}`, page.headers)) });
    }
  } finally {
    await stop(uncached);
  }

  // The public reads and writes, ours and bare Strapi's, each on a server of its own.
  console.log('Public reads and writes at ' + CONNECTIONS.join(' and ') + ' connections…');
  const endpoints = await measureEndpoints();

  // Lighthouse on the citizen pages: a server of its own (after the timed runs), the same database.
  console.log('Lighthouse on the citizen pages…');
  const lighthouseServer = await start('ours');
  let lighthouse;
  try {
    lighthouse = await measureLighthouse(`http://127.0.0.1:${lighthouseServer.port}`);
  } finally {
    await stop(lighthouseServer);
  }

  const qr = await measureQr();
  const compression = await measureCompression();
  // In its own process: it loads a second Strapi on its own database.
  const taxRun = spawnSync(process.execPath, [path.join(__dirname, 'tax-import.js')], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const taxLine = /^RESULT (.*)$/m.exec(taxRun.stdout ?? '');
  if (!taxLine) throw new Error(`the tax import benchmark failed: ${(taxRun.stderr || taxRun.stdout || '').slice(-500)}`);
  const tax = JSON.parse(taxLine[1]);
  const storeRun = spawnSync(process.execPath, [path.join(__dirname, 'datastore.js')], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const storeLine = /^RESULT (.*)$/m.exec(storeRun.stdout ?? '');
  if (!storeLine) throw new Error(`the data store benchmark failed: ${(storeRun.stderr || storeRun.stdout || '').slice(-500)}`);
  const store = JSON.parse(storeLine[1]);
  const gisRun = spawnSync(process.execPath, [path.join(__dirname, 'gis.js')], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, ...(process.env.DATABASE_CLIENT === 'postgres' ? pgEnv() : {}) } });
  const gisLine = /^RESULT (.*)$/m.exec(gisRun.stdout ?? '');
  if (!gisLine) throw new Error(`the GIS benchmark failed: ${(gisRun.stderr || gisRun.stdout || '').slice(-500)}`);
  const gis = JSON.parse(gisLine[1]);
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
  const machine = `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}.`;
  const header = `# Benchmark ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n${machine}\n\nOurs: \`GET ${APPS.ours.endpoint}\` (6 demo news items); bare: \`GET ${APPS.bare.endpoint}\` (6 equivalent articles). NODE_ENV=production, SQLite, autocannon -c 10 -d ${DURATION} from a second process, ${require('os').cpus().length} cores, Node ${process.version}.\n`;
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
  const storeLines = [
    '',
    `Open data store (a ${store.rows.toLocaleString('en-US')}-row CSV of ${store.mib.toFixed(1)} MiB with Thai text, numbers with thousands separators and Buddhist-era dates, uploaded as a dataset resource; SQLite, in its own process; \`GET /api/3/action/datastore_search\` over loopback, ${30} calls each, the page cache bypassed):`,
    '',
    '| step | p50 (ms) | p95 (ms) | max (ms) | budget |',
    '| --- | ---: | ---: | ---: | --- |',
    `| load into its table (save and publish to ready) | ${(store.load * 1000).toFixed(0)} | | | |`,
    ...store.results.map((q) => `| ${q.label} (total ${q.total}) | ${q.p50.toFixed(1)} | ${q.p95.toFixed(1)} | ${q.max.toFixed(1)} | ≤ 200 ms: ${q.p95 <= 200 ? 'pass' : 'FAIL'} |`),
  ];
  const gisLines = [
    '',
    `Map layers (a stored layer of ${gis.features.toLocaleString('en-US')} points, lines and polygons around Nok Ok; ${gis.client}, in its own process; \`GET /api/gis/layers/:slug/features?bbox=…&limit=500\` over loopback, ${gis.matched} features in the box, 30 calls):`,
    '',
    '| step | p50 (ms) | p95 (ms) | max (ms) | budget |',
    '| --- | ---: | ---: | ---: | --- |',
    `| import of ${gis.features} features (one transaction) | ${(gis.load * 1000).toFixed(0)} | | | |`,
    `| a bbox page of 500 | ${gis.p50.toFixed(1)} | ${gis.p95.toFixed(1)} | ${gis.max.toFixed(1)} | ≤ 100 ms: ${gis.p95 <= 100 ? 'pass' : 'FAIL'} (p95 ÷ budget ${(gis.p95 / 100).toFixed(2)}) |`,
  ];
  const compressionLines = [
    '',
    `Compression (src/middlewares/compression.ts against Strapi's \`strapi::compression\`, koa-compress, with the same settings: brotli q5, gzip 6, from 1 KiB; each in a plain koa app on loopback, median of ${compression.n} requests, interleaved):`,
    '',
    ...compressionTable(compression),
  ];
  const pageLines = [
    '',
    '## Page throughput',
    '',
    `Requests per second of this app's website beside its own \`/_health\` (Strapi's floor: no body, no database) and bare Strapi 5.54.0's list endpoint (\`GET ${APPS.bare.endpoint}\`, 6 articles), in the same run: NODE_ENV=production, SQLite, demo town seeded, autocannon -c 10 -d ${DURATION} from a second process, ${require('os').cpus().length} cores, Node ${process.version}.`,
    '',
    '| request | req/s | p50 (ms) | p99 (ms) | page ÷ `/_health` | page ÷ bare list |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.pages.map((p) => `| ${p.label} | ${fmt(p.rps)} | ${p.p50} | ${p.p99} | ${(p.rps / results.health.rps).toFixed(2)} | ${(p.rps / b.rps).toFixed(2)} |`),
    `| \`GET /_health\` (ours) | ${fmt(results.health.rps)} | ${results.health.p50} | ${results.health.p99} | | |`,
    `| bare Strapi \`GET ${APPS.bare.endpoint}\` | ${fmt(b.rps)} | ${b.p50} | ${b.p99} | | |`,
  ];
  const endpointLines = [
    '',
    '## Public reads and writes',
    '',
    `Each endpoint under ${CONNECTIONS.join(' and ')} connections (autocannon -d ${DURATION} from a second process), beside bare Strapi 5.54.0's uncached list and its create in the same run; NODE_ENV=production, SQLite, demo town seeded. This app keeps anonymous answers on the server until content changes (\`src/middlewares/api-cache.ts\`; the first request of each reads the database, the run measures the kept answer as every visitor after the first gets it); the tax lookup (a POST with the owner's ID) is never kept. Writes do their whole work: validation, tracking code, history, the outbox's messages, in one transaction. The per-address limits were raised for the run (autocannon is one address).`,
    '',
    endpointsTable(endpoints),
  ];
  const lighthouseLines = ['', '## Citizen pages in Lighthouse', '', ...lighthouseTable(lighthouse)];
  const report = `${header}\n${lines.join('\n')}\n${qrLines.join('\n')}\n${taxLines.join('\n')}\n${storeLines.join('\n')}\n${gisLines.join('\n')}\n${compressionLines.join('\n')}\n${pageLines.join('\n')}\n${endpointLines.join('\n')}\n${lighthouseLines.join('\n')}\n`;
  console.log(`\n${report}`);
  for (const [label, ours, bare, budget] of rows) if (budget) console.log(`${label}: ratio ${(ours / bare).toFixed(2)} (budget ${budget}) ${ours / bare <= budget ? 'pass' : 'FAIL'}`);
  for (const q of store.results) console.log(`datastore_search ${q.label}: p95 ${q.p95.toFixed(1)} ms (budget 200 ms) ${q.p95 <= 200 ? 'pass' : 'FAIL'}`);
  console.log(`GIS bbox page of 500 of ${gis.features} features: p50 ${gis.p50.toFixed(1)} ms, p95 ${gis.p95.toFixed(1)} ms (budget 100 ms, ratio ${(gis.p95 / 100).toFixed(2)}) ${gis.p95 <= 100 ? 'pass' : 'FAIL'}`);
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
