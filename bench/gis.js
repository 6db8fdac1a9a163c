'use strict';
// The GIS budget: a stored layer of 10,000 features (points, lines and polygons around Nok Ok,
// 102.0–102.2°E 14.6–14.8°N), then 30 timed `GET /api/gis/layers/:slug/features?bbox=…&limit=500`
// over HTTP. SQLite by default; DATABASE_CLIENT=postgres (DATABASE_HOST/PORT/USERNAME/PASSWORD) runs
// it on a throwaway PostgreSQL database. Needs a build; run alone with `node bench/gis.js`, or as part
// of `npm run bench`.
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const FEATURES = Number(process.env.BENCH_GIS_FEATURES || 10000);
const CALLS = 30;
const BUDGET_MS = 100;
const BOX = [102.05, 14.65, 102.15, 14.75];

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** A seeded generator: every run measures the same layer. */
function random(seed) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

function geometries(n) {
  const r = random(42);
  const at = () => [102.0 + r() * 0.2, 14.6 + r() * 0.2];
  const out = [];
  for (let i = 0; i < n; i++) {
    const [x, y] = at();
    if (i % 3 === 0) out.push({ type: 'Point', coordinates: [x, y] });
    else if (i % 3 === 1) {
      const line = [[x, y]];
      for (let k = 0; k < 4; k++) line.push([line[k][0] + (r() - 0.5) * 0.004, line[k][1] + (r() - 0.5) * 0.004]);
      out.push({ type: 'LineString', coordinates: line });
    } else {
      const s = 0.001 + r() * 0.003;
      out.push({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s * 0.8], [x + s * 0.3, y + s], [x, y]]] });
    }
  }
  return out;
}

async function pgDatabase() {
  const { Client } = require('pg');
  const admin = { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD || undefined, database: 'postgres' };
  const name = `nokok_bench_gis_${Date.now().toString(36)}`;
  const run = async (sql) => {
    const c = new Client(admin);
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  return { env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name }, drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function measureGis() {
  const { randomSecrets } = require('../scripts/preflight');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-bench-gis-'));
  fs.mkdirSync(path.join(dir, 'uploads'));
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  const pg = client === 'postgres' ? await pgDatabase() : null;
  Object.assign(process.env, randomSecrets(), pg ? pg.env : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') }, {
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
    await app.documents('plugin::gis.layer').create({ data: { slug: 'bench-layer', nameTh: 'ชั้นทดสอบ', nameEn: 'Bench layer', kind: 'mixed', isPublic: true, attributes: [{ name: 'n', labelTh: 'ลำดับ', labelEn: 'Number', type: 'number' }] } });
    const layers = app.plugin('gis').service('layers');
    const features = app.plugin('gis').service('features');
    const layer = await layers.find('bench-layer', { publicOnly: false });
    let t = process.hrtime.bigint();
    const imported = await features.insertMany(
      layer,
      geometries(FEATURES).map((geometry, n) => ({ geometry, properties: { n } }))
    );
    const load = Number(process.hrtime.bigint() - t) / 1e9;
    const url = `http://127.0.0.1:${port}/api/gis/layers/bench-layer/features?bbox=${BOX.join(',')}&limit=500`;
    const first = await fetch(url);
    const body = await first.json();
    if (!first.ok || body.numberReturned !== 500) throw new Error(`bbox page: ${first.status} ${JSON.stringify(body).slice(0, 300)}`);
    const times = [];
    for (let i = 0; i < CALLS; i++) {
      t = process.hrtime.bigint();
      // No conditional headers: every call is answered in full.
      const res = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
      await res.arrayBuffer();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { client, features: imported, matched: body.numberMatched, load, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
  } finally {
    await app.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    if (pg) await pg.drop();
  }
}

module.exports = { measureGis, BUDGET_MS, CALLS };

if (require.main === module) {
  measureGis()
    .then((r) => {
      console.log(`${r.features} features stored in one import (${r.client}) in ${r.load.toFixed(2)} s; ${r.matched} intersect ${BOX.join(',')}`);
      console.log(`GET /api/gis/layers/:slug/features?bbox=…&limit=500 (${CALLS} calls): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; p95 ÷ ${BUDGET_MS} ms budget = ${(r.p95 / BUDGET_MS).toFixed(2)} ${r.p95 <= BUDGET_MS ? 'pass' : 'FAIL'}`);
      console.log(`RESULT ${JSON.stringify(r)}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
