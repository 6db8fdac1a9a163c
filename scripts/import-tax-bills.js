'use strict';
// `npm run import:tax-bills -- FILE [--lang=en] [--confirm-far-dates]`: bills from the tax office's CSV (UTF-8 or Thai
// Excel's Windows-874) or XLSX export into the database the app uses (same .env), with the same checks
// as the admin's import. Columns are matched by their Thai or English names. Prints a per-row report of
// bad rows (field, code and the reason in Thai, or English with --lang=en); exits 1 when any row was
// refused, so a script can tell. A due date more than a year from today refuses its row (a wrong year,
// most likely) unless --confirm-far-dates says the far dates are meant.
const fs = require('fs');
const path = require('path');
const { preflight, validate, loadDotEnv, SECRETS, ROOT } = require('./preflight');
const { build } = require('./build');

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const lang = args.includes('--lang=en') ? 'en' : 'th';
  const confirmFarDates = args.includes('--confirm-far-dates');
  if (!file) {
    console.error('Usage: npm run import:tax-bills -- FILE.csv|FILE.xlsx [--lang=en] [--confirm-far-dates]');
    process.exit(2);
  }
  const bytes = fs.readFileSync(path.resolve(process.cwd(), file));
  // Secrets from the environment (a deployment, the tests) need no .env; otherwise the same first-run setup as npm start.
  if (SECRETS.every((k) => process.env[k])) {
    loadDotEnv();
    validate(process.env);
  } else preflight();
  build({ ifStale: true, log: () => undefined });

  const { createStrapi } = require('@strapi/strapi');
  // The reader is generic: the spreadsheet-import plugin's public module.
  const { readSpreadsheet } = require(path.join(ROOT, 'dist', 'plugins', 'spreadsheet-import', 'server', 'src', 'public.js'));
  const { autoMapping, IMPORT_FIELDS } = require(path.join(ROOT, 'dist', 'src', 'api', 'tax-bill', 'domain', 'import-rows.js'));
  const rows = await readSpreadsheet(bytes, file);
  if (rows.length < 2) throw new Error('the file has no rows under its header row');
  const mapping = autoMapping(rows[0]);
  const missing = IMPORT_FIELDS.filter((f) => f.required && mapping[f.key] === undefined);
  if (missing.length) throw new Error(`no column for: ${missing.map((f) => `${f.key} (${f[lang]})`).join(', ')}`);

  const app = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') }).load();
  app.log.level = 'warn';
  const started = Date.now();
  let shown = -1;
  const report = await app.service('api::tax-bill.tax-bill').importRows(rows.slice(1), mapping, (done, total) => {
    const pct = Math.floor((done / total) * 100);
    if (pct >= shown + 10 || done === total) {
      shown = pct;
      process.stdout.write(`\r${done}/${total} (${pct}%)`);
    }
  }, 2, { confirmFarDates });
  process.stdout.write('\n');
  for (const f of report.failed) for (const i of f.issues) console.log(`row ${f.row}: ${i.field} (${i.code}): ${i[lang]}`);
  console.log(
    `${report.total} rows in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} refused`
  );
  await app.destroy();
  process.exit(report.failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(`Import failed: ${err.message}`);
  process.exit(1);
});
