'use strict';
// The data store at the size of a real town's biggest table: a 100,000-row CSV (Thai text, numbers
// with thousands separators, Buddhist-era dates) uploaded as a dataset resource, loaded into its
// table, then `datastore_search` over HTTP with filters, a text search and a sort. Needs a build;
// run alone with `node bench/datastore.js`, or as part of `npm run bench`.
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ROWS = Number(process.env.BENCH_DATASTORE_ROWS || 100000);
const CALLS = 30;
const VILLAGES = ['บ้านนกออก', 'บ้านหนองบัว', 'บ้านโนนสะอาด', 'บ้านหนองตะคร้อ', 'บ้านนกออกพัฒนา', 'บ้านดอนใหญ่', 'บ้านหนองไผ่', 'บ้านโคกสูง', 'บ้านหนองกก', 'บ้านนกออกใหม่'];
const KINDS = ['ค่าน้ำประปา', 'ค่าธรรมเนียมขยะ', 'ภาษีป้าย', 'ค่าเช่าแผงตลาด', 'ใบอนุญาตก่อสร้าง'];

function csv(rows) {
  const lines = ['วันที่รับชำระ,หมู่ที่,หมู่บ้าน,รายการ,จำนวนเงิน (บาท)'];
  for (let i = 0; i < rows; i++) {
    const v = i % 10;
    const amount = ((i * 7919) % 250000) / 100 + 100;
    const day = (i % 28) + 1;
    const month = (i % 12) + 1;
    lines.push(`${day}/${month}/2568,${v + 1},${VILLAGES[v]},${KINDS[i % 5]},"${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function measureDatastore() {
  const { randomSecrets } = require('../scripts/preflight');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-bench-datastore-'));
  fs.mkdirSync(path.join(dir, 'uploads'));
  Object.assign(process.env, randomSecrets(), {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'bench.db'),
    SEED_DEMO: 'false',
    PUBLIC_DIR: dir,
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  app.log.level = 'error';
  app.server.mount();
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const port = app.server.httpServer.address().port;
  try {
    const file = path.join(dir, 'receipts-2568.csv');
    fs.writeFileSync(file, csv(ROWS));
    const mib = fs.statSync(file).size / 1048576;
    const [uploaded] = await app.plugin('upload').service('upload').upload({ data: {}, files: { filepath: file, originalFilename: 'receipts-2568.csv', mimetype: 'text/csv', size: fs.statSync(file).size } });
    const docs = app.documents('api::dataset.dataset');
    let t = process.hrtime.bigint();
    const doc = await docs.create({
      data: { titleTh: 'รายการรับชำระ 2568', titleEn: 'Receipts 2568', descriptionTh: 'ทดสอบ', tags: 'bench', publisherDepartment: 'กองคลัง', publisherEmail: 'a@nokok.go.th', dataSource: 'bench', resources: [{ name: 'รับชำระ', source: 'file', file: uploaded.id }] },
    });
    await docs.publish({ documentId: doc.documentId });
    await app.service('api::dataset.catalogue').idle();
    const load = Number(process.hrtime.bigint() - t) / 1e9;
    const table = await app.db.query('api::dataset.datastore-table').findOne({ where: {} });
    if (!table || table.state !== 'ready' || table.rowCount !== ROWS) throw new Error(`table not loaded: ${JSON.stringify(table && { state: table.state, rows: table.rowCount, error: table.error })}`);
    const base = `http://127.0.0.1:${port}/api/3/action/datastore_search?resource_id=${table.resourceKey}`;
    const queries = {
      'filters {"หมู่ที่": 7}, limit 100, offset 500': `${base}&filters=${encodeURIComponent(JSON.stringify({ หมู่ที่: 7 }))}&limit=100&offset=500`,
      'filters {"รายการ": "ภาษีป้าย", "หมู่บ้าน": "บ้านโคกสูง"}, sort by amount desc': `${base}&filters=${encodeURIComponent(JSON.stringify({ รายการ: 'ภาษีป้าย', หมู่บ้าน: 'บ้านโคกสูง' }))}&sort=${encodeURIComponent('จำนวนเงิน (บาท) desc')}&limit=100`,
      'q "หนองตะคร้อ", limit 100': `${base}&q=${encodeURIComponent('หนองตะคร้อ')}&limit=100`,
      'no filter, limit 100, offset 90000': `${base}&limit=100&offset=90000`,
    };
    const results = [];
    for (const [label, url] of Object.entries(queries)) {
      const first = await fetch(url);
      const body = await first.json();
      if (!first.ok || !body.success) throw new Error(`${label}: ${first.status} ${JSON.stringify(body).slice(0, 300)}`);
      const times = [];
      for (let i = 0; i < CALLS; i++) {
        t = process.hrtime.bigint();
        const res = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
        await res.arrayBuffer();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      results.push({ label, total: body.result.total, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) });
    }
    return { rows: ROWS, mib, load, results };
  } finally {
    await app.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { measureDatastore };

if (require.main === module) {
  measureDatastore()
    .then((r) => {
      console.log(`${r.rows} rows (${r.mib.toFixed(1)} MiB CSV) loaded into the data store in ${r.load.toFixed(2)} s`);
      for (const q of r.results) console.log(`datastore_search ${q.label}: total ${q.total}, p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, max ${q.max.toFixed(1)} ms (budget 200 ms) ${q.p95 <= 200 ? 'pass' : 'FAIL'}`);
      console.log(`RESULT ${JSON.stringify(r)}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
