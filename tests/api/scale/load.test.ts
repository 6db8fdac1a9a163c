import crypto from 'crypto';
import { startApp, type TestApp } from '../../helpers/strapi';
import { validAnswers, type Definition } from '../../helpers/e-form-answers';

/**
 * The load test: LOAD_CITIZENS citizens at once (200 with `npm run test:load`, fewer in the suite),
 * each from their own address (the test client plays the town's proxy: TRUSTED_PROXIES and
 * X-Forwarded-For, so the per-address limits apply as in production), file a complaint and an
 * e-service request and track both, while as many others read the home page, the news, the poles,
 * the map and the statistics. Loopback only, bounded in time. No answer may be a 5xx, every write
 * answered 201 must be stored once, and the latencies are reported.
 */
const CITIZENS = Number(process.env.LOAD_CITIZENS || 40);
const READERS = Number(process.env.LOAD_READERS || CITIZENS);
const LIMIT_MS = Number(process.env.LOAD_SECONDS || 120) * 1000;
let app: TestApp;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', TRUSTED_PROXIES: '127.0.0.1' });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

interface Sample {
  what: string;
  status: number;
  ms: number;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
};

it(`serves ${CITIZENS} citizens filing and ${READERS} reading at once: no 5xx, no lost write`, async () => {
  const samples: Sample[] = [];
  const deadline = Date.now() + LIMIT_MS;
  const call = async (what: string, address: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> | null }> => {
    const t0 = performance.now();
    const res = await fetch(`${app.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'X-Forwarded-For': address, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())),
    });
    const text = await res.text();
    samples.push({ what, status: res.status, ms: performance.now() - t0 });
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* a page */
    }
    return { status: res.status, json };
  };

  const def = ((await (await fetch(`${app.url}/api/e-forms/water-truck`)).json()) as { data: Definition }).data;
  const filed: Array<{ kind: 'complaint' | 'request'; description: string; code: string }> = [];

  const citizen = async (i: number) => {
    const address = `10.${Math.floor(i / 250)}.${i % 250}.1`;
    const description = `โหลด ${i} ${crypto.randomBytes(3).toString('hex')}`;
    const complaint = await call('POST complaint', address, '/api/complaints', { data: { category: 'road', description, location: { lat: 14.72, lng: 102.02 }, village: 1 + (i % 12) } });
    if (complaint.status === 201) filed.push({ kind: 'complaint', description, code: (complaint.json!.data as { trackingCode: string }).trackingCode });
    const answers = validAnswers(def);
    const request = await call('POST e-form', address, '/api/e-forms/water-truck/submissions', { data: { answers, consent: true } });
    if (request.status === 201) filed.push({ kind: 'request', description: (request.json!.data as { trackingCode: string }).trackingCode, code: (request.json!.data as { trackingCode: string }).trackingCode });
    for (const f of filed.filter((x) => x.description === description)) await call('GET track', address, `/api/complaints/track/${f.code}`);
  };
  const READS = ['/', '/api/news?locale=th', '/api/poles', '/api/statistics', '/api/gis/layers/village-boundaries/features', '/news', '/poles'];
  let writing = true;
  const reader = async (i: number) => {
    const address = `10.200.${i % 250}.${1 + Math.floor(i / 250)}`;
    for (let n = 0; writing && Date.now() < deadline; n++) await call(`GET ${READS[n % READS.length].split('?')[0]}`, address, READS[(n + i) % READS.length]);
  };

  // A town's site is read all day: each page and answer has been read once before the burst (a cold
  // page under a burst waits for its first render; see README, "Costly work").
  for (const path of READS) expect((await fetch(`${app.url}${path}`)).status).toBe(200);

  const started = performance.now();
  const readers = Array.from({ length: READERS }, (_, i) => reader(i));
  await Promise.all(Array.from({ length: CITIZENS }, (_, i) => citizen(i)));
  writing = false;
  await Promise.all(readers);
  const seconds = (performance.now() - started) / 1000;

  // The figures, one line per kind of request.
  const kinds = [...new Set(samples.map((s) => s.what))].sort();
  const lines = kinds.map((k) => {
    const ms = samples.filter((s) => s.what === k).map((s) => s.ms);
    return `  ${k.padEnd(44)} n=${String(ms.length).padStart(5)}  p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms  p99 ${percentile(ms, 99).toFixed(0).padStart(5)} ms`;
  });
  const all = samples.map((s) => s.ms);
  process.stdout.write(
    `\nLoad: ${CITIZENS} citizens filing, ${READERS} reading, ${samples.length} requests in ${seconds.toFixed(1)} s (${(samples.length / seconds).toFixed(0)} req/s), p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${percentile(all, 99).toFixed(0)} ms\n${lines.join('\n')}\n`
  );

  expect(samples.filter((s) => s.status >= 500)).toEqual([]);
  // Every citizen's two writes were accepted (each address is within its own budget).
  expect(samples.filter((s) => s.what.startsWith('POST') && s.status !== 201)).toEqual([]);
  expect(filed).toHaveLength(CITIZENS * 2);
  // Nothing lost, nothing twice.
  const complaints = filed.filter((f) => f.kind === 'complaint');
  const stored = (await app.strapi.db.query('api::complaint.complaint').findMany({ where: { trackingCode: { $in: complaints.map((c) => c.code) } }, select: ['description'] })) as Array<{ description: string }>;
  expect(stored.map((s) => s.description).sort()).toEqual(complaints.map((c) => c.description).sort());
  const requests = filed.filter((f) => f.kind === 'request');
  expect(await app.strapi.db.query('api::e-form-submission.e-form-submission').count({ where: { trackingCode: { $in: requests.map((r) => r.code) } } })).toBe(requests.length);
}, 600_000);
