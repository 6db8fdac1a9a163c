'use strict';
// Seconds to import 10,000 tax bills (a fresh database, then the same file again), through the same
// service as the admin's import and `npm run import:tax-bills`. Needs a build; run alone with
// `node bench/tax-import.js`, or as part of `npm run bench`.
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ROWS = Number(process.env.BENCH_TAX_ROWS || 10000);

async function measureTaxImport() {
  const { randomSecrets } = require('../scripts/preflight');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-bench-tax-'));
  fs.mkdirSync(path.join(dir, 'uploads'));
  Object.assign(process.env, randomSecrets(), { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db'), SEED_DEMO: 'false', PUBLIC_DIR: dir, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' });
  const { createStrapi } = require('@strapi/strapi');
  const { autoMapping } = require(path.join(ROOT, 'dist', 'src', 'api', 'tax-bill', 'domain', 'import-rows.js'));
  const app = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  app.log.level = 'error';
  try {
    const header = ['เลขที่ใบแจ้งประเมิน', 'ปีภาษี', 'เลขประจำตัวประชาชน', 'ชื่อผู้เสียภาษี', 'ที่อยู่', 'ประเภทการใช้ประโยชน์', 'มูลค่า', 'ค่าภาษี', 'กำหนดชำระ', 'จำนวนงวด'];
    const rows = Array.from({ length: ROWS }, (_, i) => [`B-2569-${String(i).padStart(6, '0')}`, '2569', '1101700230708', `นายทดสอบ ที่${i}`, `${i} หมู่ 3`, 'อยู่อาศัย', '1500000', '300.00', '30/12/2569', i % 4 ? '1' : '3']);
    const service = app.service('api::tax-bill.tax-bill');
    let t = process.hrtime.bigint();
    const first = await service.importRows(rows, autoMapping(header));
    const fresh = Number(process.hrtime.bigint() - t) / 1e9;
    t = process.hrtime.bigint();
    const again = await service.importRows(rows, autoMapping(header));
    const repeat = Number(process.hrtime.bigint() - t) / 1e9;
    if (first.created !== ROWS || again.unchanged !== ROWS) throw new Error(`unexpected import result ${JSON.stringify({ first, again })}`);
    return { rows: ROWS, fresh, repeat };
  } finally {
    await app.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { measureTaxImport };

if (require.main === module) {
  measureTaxImport()
    .then((r) => {
      console.log(`${r.rows} tax bills: imported in ${r.fresh.toFixed(2)} s, the same file again in ${r.repeat.toFixed(2)} s (budget 20 s)`);
      console.log(`RESULT ${JSON.stringify(r)}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
