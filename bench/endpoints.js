'use strict';
// The public reads and writes a citizen's phone makes, each under 10 and 100 connections, beside bare
// Strapi 5.54.0's uncached list and its create (bench/bare-template) measured in the same run: this
// app's answers are kept on the server until content changes (src/middlewares/api-cache.ts) and the
// writes do their whole work (validation, tracking code, history, outbox). Run alone with
// `node bench/endpoints.js` (prints a Markdown table); bench/run.js includes it in its report.
// The per-address limits are raised for the run (autocannon is one address); they are measured by the
// tests, not here.
const { autocannon, buildOurs, prepareBare, prepareWork, start, stop, warmUp } = require('./apps');

const CONNECTIONS = (process.env.BENCH_CONNECTIONS || '10,100').split(',').map(Number);
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: '100000000', READ_LIMIT_PER_MINUTE: '100000000' };

const today = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What each endpoint is asked; `needs` resolves a path from the running server first. */
const READS = [
  { label: 'home data (4 latest news)', path: '/api/news?locale=th&sort=publishedDate:desc&populate=cover&pagination[pageSize]=4&fields[0]=title&fields[1]=slug&fields[2]=publishedDate&fields[3]=category' },
  { label: 'news list', path: '/api/news?locale=th' },
  { label: 'poles', path: '/api/poles' },
  { label: 'GIS features (village boundaries)', path: '/api/gis/layers/village-boundaries/features' },
  { label: 'statistics', path: '/api/statistics' },
  { label: 'package_search', path: '/api/3/action/package_search?rows=10' },
  { label: 'tax lookup (POST, never kept)', path: '/api/tax-bills/lookup', method: 'POST', body: { billNumber: 'DEMO-2569-0001', nationalId: '3109900123453' } },
];
const WRITES = [
  {
    label: 'complaint',
    path: '/api/complaints',
    body: { data: { category: 'road', description: 'ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย', location: { lat: 14.7201, lng: 102.0205 }, village: 5 } },
  },
  { label: 'pole report', path: '/api/poles/NOK-P03/reports', body: { data: { fault: 'no_sound', note: 'เงียบตั้งแต่เมื่อวานเช้า' } } },
  {
    label: 'e-form submission (water truck)',
    path: '/api/e-forms/water-truck/submissions',
    body: () => ({
      data: {
        answers: {
          full_name: 'นางบุญมี ศรีสุข',
          phone_number: '089-123-4567',
          purpose: 'น้ำอุปโภคบริโภคในครัวเรือน (ภัยแล้ง)',
          day_the_water_is_needed: today(3),
          water_needed: 6000,
          has_enough_containers_tanks_or_jars: true,
          where_to_deliver: { houseNumber: '45', village: 'หมู่ 7', subdistrict: 'นกออก', district: 'ปักธงชัย', province: 'นครราชสีมา', postcode: '30150' },
        },
        consent: true,
      },
    }),
  },
];
const BARE_READ = { label: 'bare Strapi: `GET /api/articles` (uncached list)', path: '/api/articles' };
const BARE_WRITE = { label: 'bare Strapi: `POST /api/articles`', path: '/api/articles', body: { data: { title: 'ประกาศทดสอบ', summary: 'สรุป', publishedDate: '2026-12-01', category: 'announcement' } } };

const bodyOf = (e) => (typeof e.body === 'function' ? e.body() : e.body);

/** One request first, so a wrong body fails loudly here rather than as autocannon's non-2xx count. */
async function check(server, e) {
  const method = e.method ?? (e.body ? 'POST' : 'GET');
  const res = await fetch(`http://127.0.0.1:${server.port}${e.path}`, { method, headers: e.body ? { 'Content-Type': 'application/json' } : {}, body: e.body ? JSON.stringify(bodyOf(e)) : undefined });
  if (res.status < 200 || res.status > 299) throw new Error(`${method} ${e.path} answered ${res.status}: ${(await res.text()).slice(0, 400)}`);
}

async function measure(server, e) {
  await check(server, e);
  if (!e.body) await warmUp(server, e.path, 200);
  const row = { label: e.label, path: e.path, method: e.method ?? (e.body ? 'POST' : 'GET') };
  for (const c of CONNECTIONS) row[c] = await autocannon(`http://127.0.0.1:${server.port}${e.path}`, {}, { connections: c, method: row.method, body: e.body ? bodyOf(e) : undefined, report: true });
  return row;
}

/** Measures with a server of each app started here; the rows for the report. */
async function measureEndpoints() {
  const rows = { reads: [], writes: [] };
  const bare = await start('bare', undefined, {});
  try {
    rows.bareRead = await measure(bare, BARE_READ);
    rows.bareWrite = await measure(bare, BARE_WRITE);
  } finally {
    await stop(bare);
  }
  const ours = await start('ours', undefined, UNLIMITED);
  try {
    for (const e of READS) rows.reads.push(await measure(ours, e));
    for (const e of WRITES) rows.writes.push(await measure(ours, e));
  } finally {
    await stop(ours);
  }
  return rows;
}

function endpointsTable(rows) {
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const head = ['| endpoint | ' + CONNECTIONS.map((c) => `req/s @${c} | p50 / p99 / max ms @${c} | failed @${c}`).join(' | ') + ' | req/s vs bare @' + CONNECTIONS.join(', @') + ' |'];
  head.push('|---|' + CONNECTIONS.map(() => '--:|--:|--:|').join('') + '--:|');
  // Failed: answers other than 2xx, and requests with no answer within 30 s.
  const failed = (x) => (x.non2xx || x.errors ? `${x.non2xx + x.errors} of ${x.total + x.errors}` : '0');
  const line = (r, base) =>
    `| ${r.method} \`${r.path.length > 60 ? r.path.slice(0, 57) + '…' : r.path}\` (${r.label}) | ` +
    CONNECTIONS.map((c) => `${fmt(r[c].rps)} | ${r[c].p50} / ${r[c].p99} / ${r[c].max} | ${failed(r[c])}`).join(' | ') +
    ` | ${base ? CONNECTIONS.map((c) => `${(r[c].rps / base[c].rps).toFixed(2)}×`).join(', ') : '—'} |`;
  const out = [...head, line(rows.bareRead), ...rows.reads.map((r) => line(r, rows.bareRead)), line(rows.bareWrite), ...rows.writes.map((r) => line(r, rows.bareWrite))];
  return out.join('\n');
}

module.exports = { measureEndpoints, endpointsTable, CONNECTIONS };

if (require.main === module) {
  (async () => {
    buildOurs();
    prepareBare();
    prepareWork();
    // The first start of each seeds its data.
    for (const name of ['ours', 'bare']) await stop(await start(name));
    const rows = await measureEndpoints();
    console.log(endpointsTable(rows));
    console.log(`RESULT ${JSON.stringify(rows)}`);
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
