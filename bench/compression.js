'use strict';
// Our compression middleware (src/middlewares/compression.ts: one-shot brotli q5 / gzip 6 on buffered
// text of 1 KiB or more) against Strapi's own `strapi::compression` (koa-compress, streaming), on what
// the town serves most: JSON list answers of the API (20 and 100 news items with Thai text) and the
// website's HTML. Each middleware sits in a plain koa app on loopback; the client asks for br, then
// gzip, and reads the bytes as sent. Figures: bytes on the wire and milliseconds per request (median
// of N, the two apps interleaved). Needs a build (ours is read from dist/). Run alone with
// `node bench/compression.js`, or as part of `npm run bench`.
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');
const Koa = require('koa');

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_COMPRESSION_N || 300);
const WARM_UP = 30;

/** Strapi's middleware with the settings of ours: what config/middlewares.ts would say to switch. */
const STRAPI_EQUIVALENT = { br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }, gzip: { level: 6 }, deflate: false, threshold: 1024 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Words of the town's news, strung into sentences by a seeded generator: text that differs from item
// to item as real news does (a few repeated sentences would compress far better than real answers).
const WORDS = (
  'เทศบาล ตำบล นกออก ประชาชน ขอเชิญ ร่วม กิจกรรม ทำความสะอาด คลอง สาธารณะ หมู่ที่ ถนน ซ่อมแซม ปิด ชั่วคราว ' +
  'ระหว่าง วันที่ ธันวาคม มกราคม กุมภาพันธ์ ผู้สูงอายุ เบี้ยยังชีพ รับ ณ ที่ทำการ นำ บัตรประจำตัวประชาชน แสดง ' +
  'ประกาศ ผล การคัดเลือก พนักงานจ้าง ตำแหน่ง จัดเก็บรายได้ อัตรา ภาษีที่ดิน สิ่งปลูกสร้าง ชำระ ภายใน กำหนด ' +
  'โรงเรียน ศูนย์พัฒนาเด็กเล็ก อาหารกลางวัน นม งบประมาณ จัดซื้อ จัดจ้าง โครงการ ก่อสร้าง รางระบายน้ำ ไฟฟ้า ' +
  'ส่องสว่าง ประปา หมู่บ้าน น้ำท่วม ภัยแล้ง ช่วยเหลือ ผู้ประสบภัย ถุงยังชีพ อาสาสมัคร ป้องกัน บรรเทา สาธารณภัย ' +
  'ไข้เลือดออก ยุงลาย พ่นหมอกควัน วัคซีน สุนัข แมว พิษสุนัขบ้า ตลาดนัด สินค้า เกษตร ผัก ผลไม้ ข้าวหอมมะลิ ' +
  'ประชุม สภา สมาชิก นายก รองนายก ปลัด กองคลัง กองช่าง กองสาธารณสุข สำนักปลัด ร้องเรียน แจ้ง ติดตาม ผล ' +
  'ออนไลน์ ไลน์ เว็บไซต์ โทรศัพท์ สอบถาม เพิ่มเติม ได้ที่ ทุกวัน เวลา ราชการ เช้า บ่าย เย็น ขอบคุณ ความร่วมมือ'
).split(' ');

/** A deterministic generator (mulberry32): the same answer on every run. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A list answer as Strapi's content API gives it: 100 news items, Thai title, summary and body. */
function newsList(count = 100) {
  const next = random(20261201);
  const words = (n) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(next() < 0.3 ? ' ' : '');
  const sentence = () => `${words(6 + Math.floor(next() * 10))} ${Math.floor(next() * 200)}`;
  const data = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    documentId: `n${String(i).padStart(23, '0')}`,
    title: sentence(),
    slug: `news-${i + 1}`,
    summary: sentence(),
    body: Array.from({ length: 2 }, () => `${sentence()} ${sentence()}`).join('\n\n'),
    category: ['announcement', 'activity', 'procurement'][i % 3],
    publishedDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    locale: 'th',
    createdAt: '2026-11-01T03:00:00.000Z',
    updatedAt: '2026-11-02T03:00:00.000Z',
    publishedAt: '2026-11-02T03:00:00.000Z',
    cover: { id: i + 1, url: `/uploads/news_${i + 1}_1a2b3c.jpg`, width: 1200, height: 675, alternativeText: sentence(), formats: { small: { url: `/uploads/small_news_${i + 1}_1a2b3c.jpg`, width: 500, height: 281 } } },
  }));
  return { data, meta: { pagination: { page: 1, pageSize: count, pageCount: 1, total: count } } };
}

/** The home page's HTML as src/middlewares/website.ts sends it: the built shell with the town's record. */
function websiteHtml() {
  const file = path.join(ROOT, 'build', 'website', 'index.html');
  if (!fs.existsSync(file)) throw new Error('build/website/index.html is missing: run `npm run build`');
  const municipality = JSON.parse(fs.readFileSync(path.join(ROOT, 'database', 'seed', 'municipality.json'), 'utf8'));
  return fs
    .readFileSync(file, 'utf8')
    .replace('{{title}}', municipality.nameTh)
    .replace('<!--municipality-name-->', municipality.nameTh)
    .replace('<!--initial-data-->', `<script id="initial-data" type="application/json">${JSON.stringify({ municipality }).replace(/</g, '\\u003c')}</script>`);
}

function listen(middleware, answer) {
  const app = new Koa();
  app.use(middleware);
  app.use((ctx) => {
    answer(ctx);
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request; the body as sent (not decompressed), its encoding and the milliseconds it took. */
function get(port, encoding) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent, headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'], ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const decode = (body, encoding) => (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');

async function measureCompression() {
  const oursPath = path.join(ROOT, 'dist', 'src', 'middlewares', 'compression.js');
  if (!fs.existsSync(oursPath)) throw new Error('dist/src/middlewares/compression.js is missing: run `npm run build`');
  const ours = require(oursPath).default;
  // Strapi's own middleware factory, as `strapi::compression` calls it (the file, past the package's exports map).
  const { compression: strapiCompression } = require(path.join(ROOT, 'node_modules', '@strapi', 'core', 'dist', 'middlewares', 'compression.js'));
  const middlewares = { ours: ours(), strapi: strapiCompression(STRAPI_EQUIVALENT), strapiDefaults: strapiCompression({}) };

  const json = newsList();
  const html = websiteHtml();
  const small = newsList(20);
  const answers = {
    'API JSON (20 news items)': { raw: Buffer.byteLength(JSON.stringify(small)), text: JSON.stringify(small), set: (ctx) => (ctx.body = small) },
    'API JSON (100 news items)': { raw: Buffer.byteLength(JSON.stringify(json)), text: JSON.stringify(json), set: (ctx) => (ctx.body = json) },
    'website HTML (home page)': { raw: Buffer.byteLength(html), text: html, set: (ctx) => ((ctx.type = 'text/html; charset=utf-8'), (ctx.body = html)) },
  };

  const rows = [];
  for (const [label, answer] of Object.entries(answers)) {
    const servers = {};
    for (const [name, mw] of Object.entries(middlewares)) servers[name] = await listen(mw, answer.set);
    for (const encoding of ['br', 'gzip']) {
      const times = Object.fromEntries(Object.keys(servers).map((n) => [n, []]));
      const bytes = {};
      for (let i = 0; i < WARM_UP + N; i++) {
        for (const [name, server] of Object.entries(servers)) {
          const res = await get(server.address().port, encoding);
          if (i === 0) {
            if (res.encoding !== encoding) throw new Error(`${name} answered ${res.encoding} for ${encoding}`);
            if (decode(res.body, res.encoding) !== answer.text) throw new Error(`${name} sent something else than the answer (${label}, ${encoding})`);
            bytes[name] = res.body.length;
          }
          if (i >= WARM_UP) times[name].push(res.ms);
        }
      }
      rows.push({ answer: label, encoding, raw: answer.raw, bytes, ms: Object.fromEntries(Object.entries(times).map(([n, t]) => [n, median(t)])) });
    }
    for (const server of Object.values(servers)) await new Promise((r) => server.close(r));
  }
  agent.destroy();
  return { n: N, rows };
}

/** The report's table: ours against Strapi's with the same settings (and Strapi's defaults for reference). */
function compressionTable(result) {
  const kb = (b) => (b / 1024).toFixed(1);
  const ms = (x) => x.toFixed(2);
  return [
    '| answer | encoding | raw KiB | ours KiB | strapi::compression KiB (same settings) | bytes ratio | ours ms | strapi::compression ms | time ratio | Strapi defaults (br q4): KiB, ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.rows.map(
      (r) =>
        `| ${r.answer} | ${r.encoding} | ${kb(r.raw)} | ${kb(r.bytes.ours)} | ${kb(r.bytes.strapi)} | ${(r.bytes.strapi / r.bytes.ours).toFixed(3)} | ${ms(r.ms.ours)} | ${ms(r.ms.strapi)} | ${(r.ms.strapi / r.ms.ours).toFixed(2)} | ${kb(r.bytes.strapiDefaults)}, ${ms(r.ms.strapiDefaults)} |`
    ),
  ];
}

module.exports = { measureCompression, compressionTable };

if (require.main === module) {
  measureCompression()
    .then((r) => {
      console.log(`Compression, median of ${r.n} requests each (Node ${process.version}):\n`);
      console.log(compressionTable(r).join('\n'));
      console.log(`RESULT ${JSON.stringify(r)}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
