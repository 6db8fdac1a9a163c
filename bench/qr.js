'use strict';
// QR PNG renders per second of the qr plugin's service, in one process: cold (every text new, so
// nothing is cached) and cached (the same label again), at the size pole labels are served (600 px).
// Run alone with `node bench/qr.js` after a build, or as part of `npm run bench`.
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_QR_SECONDS || 3);

async function rate(fn) {
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  while (Date.now() < end) {
    await fn(n);
    n += 1;
  }
  return n / SECONDS;
}

async function measureQr() {
  const factory = require(path.join(ROOT, 'dist', 'plugins', 'qr', 'server', 'src', 'services', 'qr.js')).default;
  const config = { cacheEntries: 500, logoPath: 'database/seed/assets/logo.svg' };
  // The service needs only its config and the app's root from Strapi.
  const strapi = { plugin: () => ({ config: (k) => config[k] }), dirs: { app: { root: ROOT } } };
  const qr = factory({ strapi });
  const url = (i) => `http://localhost:1337/p/NOK-${String(i).padStart(5, '0')}`;
  await qr.png(url(0), { size: 600 }); // load sharp and qrcode once
  const cold = await rate((i) => qr.png(url(i + 1), { size: 600 }));
  qr.clearCache();
  const coldLogo = await rate((i) => qr.png(url(i + 1e6), { size: 600, logo: true }));
  await qr.png(url(7), { size: 600 });
  const cached = await rate(() => qr.png(url(7), { size: 600 }));
  return { cold, coldLogo, cached };
}

module.exports = { measureQr };

if (require.main === module) {
  measureQr().then((r) => console.log(`QR PNG renders/s: cold ${r.cold.toFixed(0)}, cold with logo ${r.coldLogo.toFixed(0)}, cached ${r.cached.toFixed(0)}`));
}
