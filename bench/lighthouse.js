'use strict';
// Lighthouse (its default config: mobile, simulated throttling) on every citizen page, Thai and English,
// in Debian's chromium against this app running in production on SQLite with the demo town. Prints a
// markdown table: performance and accessibility scores, LCP, TBT, CLS and bytes transferred.
// `node bench/lighthouse.js` runs it alone (its own server, in a temporary folder); `npm run bench`
// runs it too and puts the table in its report. A benchmark: it reports scores, never fails on them.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { children, killAll, sleep, median, buildOurs, prepareWork, start, stop } = require('./apps');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// A page's CLS swings between runs (the script fills the menu above <main> before or after the first
// paint), so each figure is the median of several runs: BENCH_LIGHTHOUSE_RUNS, else BENCH_RUNS, else 3.
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || process.env.BENCH_RUNS || 3);

/** A citizen page's English address: English lives under `/en/...` (an old `?lang=en` link gets a 301 there). */
const englishPath = (p) => (p === '/' ? '/en/' : `/en${p}`);

async function getJson(base, pathname) {
  const res = await fetch(base + pathname);
  if (!res.ok) throw new Error(`GET ${pathname} answered ${res.status}`);
  return res.json();
}

/** The pages to measure, with the demo town's records they show, read from the public API as a client would. */
async function citizenPages(base) {
  const news = await getJson(base, '/api/news?locale=th&sort=publishedDate:desc&pagination[pageSize]=1');
  const pages = await getJson(base, '/api/pages?locale=th&sort=menuOrder:asc&pagination[pageSize]=1');
  const requests = await getJson(base, '/api/open311/v2/requests.json');
  const newsSlug = news.data[0]?.slug;
  const pageSlug = pages.data[0]?.slug;
  const code = requests[0]?.service_request_id;
  if (!newsSlug || !pageSlug || !code) throw new Error('the demo town has no news, page or complaint: was it seeded (SEED_DEMO=true)?');
  const thai = ['/', '/news', `/news/${newsSlug}`, `/pages/${pageSlug}`, '/complaint', `/track?code=${encodeURIComponent(code)}`, '/tax', '/poles', '/map', '/p/NOK-P01', '/line', '/developers', '/data', '/data/population-by-village', '/data/request'];
  return [...thai.map((p) => ({ lang: 'th', path: p })), ...thai.map((p) => ({ lang: 'en', path: englishPath(p) }))];
}

/** Debian's chromium, headless, with a DevTools port for Lighthouse; resolves once the port is open. */
function launchChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-lighthouse-profile-'));
  const args = [
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--mute-audio',
    // chrome-launcher's defaults that keep a background tab's timers and rendering at full speed.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // chromium's sandbox refuses to run as root
    'about:blank',
  ];
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    children.delete(child);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not open its DevTools port: ${err.slice(-500)}`)), 30_000);
    child.on('error', (e) => reject(new Error(`${CHROMIUM}: ${e.message} (apt-get install -y chromium)`)));
    child.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), close });
      }
    });
    child.on('exit', (code) => reject(new Error(`chromium exited ${code}: ${err.slice(-500)}`)));
  });
}

const chromiumVersion = () =>
  new Promise((resolve) => {
    let out = '';
    const child = spawn(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (d) => (out += d));
    child.on('close', () => resolve(out.trim().split('\n').pop()));
    child.on('error', () => resolve('unknown'));
  });

/** What Lighthouse would fix first on a page: failing audits that save the most LCP + TBT + FCP time. */
function topOpportunities(lhr, n = 3) {
  return lhr.categories.performance.auditRefs
    // Lighthouse 12 also lists its newer "insights" in a hidden group, restating the audits shown.
    .filter((ref) => ref.group !== 'hidden')
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 0.9 && a.metricSavings)
    .map((a) => ({ title: a.title, ms: (a.metricSavings.LCP || 0) + (a.metricSavings.TBT || 0) + (a.metricSavings.FCP || 0), cls: a.metricSavings.CLS || 0, value: a.displayValue }))
    .filter((a) => a.ms > 0 || a.cls > 0)
    .sort((a, b) => b.ms - a.ms || b.cls - a.cls)
    .slice(0, n);
}

const failedAccessibility = (lhr) =>
  lhr.categories.accessibility.auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score === 0)
    .map((a) => a.title);

/**
 * Lighthouse on every citizen page of the server at `base`, RUNS times each (the
 * median of each figure). The map tiles are a third party's (OpenStreetMap unless MAP_TILE_URL says
 * otherwise): they are blocked, so the figures are ours and the same with or without internet.
 */
async function measureLighthouse(base) {
  const { default: lighthouse } = await import('lighthouse');
  const version = require('lighthouse/package.json').version;
  // Every URL on the tiles' origin; a placeholder in the host (`{s}.tile.example.org`) becomes `*`.
  const { tileUrl } = (await getJson(base, '/api/map')).data;
  const tiles = `${/^[a-z]+:\/\/[^/]+/i.exec(tileUrl)[0].replace(/\{[^}]+\}/g, '*')}/*`;
  const pages = await citizenPages(base);
  // The server's first answer of each page (and its caches) is not what a visitor meets.
  for (const p of pages) await fetch(base + p.path);
  const t0 = Date.now();
  const chrome = await launchChromium();
  const rows = [];
  const warnings = new Set();
  let benchmarkIndex;
  try {
    for (const page of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(base + page.path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          blockedUrlPatterns: [tiles],
        });
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        lhr.runWarnings.forEach((w) => warnings.add(w));
        benchmarkIndex = lhr.environment.benchmarkIndex;
        runs.push({
          performance: lhr.categories.performance.score * 100,
          accessibility: lhr.categories.accessibility.score * 100,
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          bytes: lhr.audits['total-byte-weight'].numericValue,
          opportunities: topOpportunities(lhr),
          accessibilityFailures: failedAccessibility(lhr),
        });
      }
      const pick = (k) => median(runs.map((r) => r[k]));
      const row = { ...page, performance: pick('performance'), accessibility: pick('accessibility'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls'), bytes: pick('bytes') };
      // The notes come from the run whose performance score is the median one.
      const typical = runs.find((r) => r.performance === row.performance);
      Object.assign(row, { opportunities: typical.opportunities, accessibilityFailures: typical.accessibilityFailures });
      rows.push(row);
      console.log(`  ${page.path}: performance ${Math.round(row.performance)}, accessibility ${Math.round(row.accessibility)}, CLS ${row.cls.toFixed(3)}`);
    }
  } finally {
    await chrome.close();
  }
  return { rows, version, chromium: await chromiumVersion(), seconds: (Date.now() - t0) / 1000, runs: RUNS, tiles, benchmarkIndex, warnings: [...warnings] };
}

/** The report's section: the table, then what Lighthouse suggests for the pages below 90. */
function lighthouseTable(r) {
  const lines = [
    `Lighthouse ${r.version} (default config: mobile, simulated throttling) in ${r.chromium}, headless, ${os.cpus().length} cores, ${r.runs === 1 ? 'one run' : `median of ${r.runs} runs`} per page, ${r.rows.length} pages in ${Math.round(r.seconds)} s. Map tiles (\`${r.tiles}\`) blocked. Lighthouse's CPU benchmark index here: ${Math.round(r.benchmarkIndex)}.`,
    '',
    '| page | performance | accessibility | LCP (s) | TBT (ms) | CLS | transfer (KiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map((x) => `| \`${x.path}\` | ${Math.round(x.performance)} | ${Math.round(x.accessibility)} | ${(x.lcp / 1000).toFixed(1)} | ${Math.round(x.tbt)} | ${x.cls.toFixed(3)} | ${(x.bytes / 1024).toFixed(1)} |`),
  ];
  const notes = r.rows
    .filter((x) => x.performance < 90 || x.accessibility < 100)
    .map((x) => {
      const parts = x.opportunities.map((o) => `${o.title}${o.value ? ` (${o.value})` : ''}${o.ms ? `: ~${Math.round(o.ms)} ms` : ''}`);
      if (x.accessibilityFailures.length) parts.push(`accessibility: ${x.accessibilityFailures.join('; ')}`);
      return `- \`${x.path}\`: ${parts.join('; ') || 'no single audit stands out'}`;
    });
  if (notes.length) lines.push('', "Lighthouse's top suggestions where a page scores below 90 (performance) or 100 (accessibility), savings in LCP + TBT + FCP as it estimates them:", '', ...notes);
  if (r.warnings.length) lines.push('', 'Lighthouse warned:', '', ...r.warnings.map((w) => `- ${w}`));
  return lines;
}

async function main() {
  console.log('Checking our build…');
  buildOurs();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-bench-lighthouse-'));
  try {
    prepareWork(work);
    const server = await start('ours', work);
    try {
      console.log(`Lighthouse on the citizen pages of http://127.0.0.1:${server.port}…`);
      const result = await measureLighthouse(`http://127.0.0.1:${server.port}`);
      console.log(`\n${lighthouseTable(result).join('\n')}\n`);
    } finally {
      await stop(server);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main()
    .catch((err) => {
      console.error(`Lighthouse benchmark failed: ${err.message}`);
      process.exitCode = 1;
    })
    .finally(killAll);
}

module.exports = { measureLighthouse, lighthouseTable, englishPath };
