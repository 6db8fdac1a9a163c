import path from 'path';
import crypto from 'crypto';
import { spawn, type ChildProcess } from 'child_process';
import { freePort } from '../../helpers/net';
import { ROOT, startApp } from '../../helpers/strapi';
import { tinyPng } from '../../helpers/e-form-answers';

/**
 * The server is killed (SIGKILL: no shutdown, no flush) while citizens file complaints with photos
 * and e-service requests, then started again on the same database and folders. Every submission
 * that was answered with a success is found intact, photos included; each citizen then sends again,
 * with the same Idempotency-Key, what got no answer (as the website and any careful client do), and
 * nothing is stored twice. The size is reduced in the suite (CRASH_WRITERS, default 6).
 */
const WRITERS = Number(process.env.CRASH_WRITERS || 6);
const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::e-form-submission.e-form-submission';

let log = '';
const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r())));
/** `strapi start` as a town runs it, on the environment startApp prepared (database, folders, secrets). */
async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), STRAPI_STARTUP_BANNER: 'false', RATE_LIMIT_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited\n${log.slice(-3000)}`);
    const up = await fetch(`${url}/_health`).then((r) => r.status === 204, () => false);
    if (up) return { child, url };
    if (Date.now() > until) throw new Error(`the server did not start\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Attempt {
  kind: 'complaint' | 'request';
  description: string;
  /** The photos' upload (a complaint's first step), then the submission: each with its own key. */
  photoKey: string;
  key: string;
  photos?: Array<{ id: number; token: string }>;
  answer?: { status: number; body: { data?: { trackingCode?: string } } };
}

const post = async (url: string, p: string, key: string, body: FormData | object) => {
  const res = await fetch(`${url}${p}`, {
    method: 'POST',
    headers: { 'Idempotency-Key': key, ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
    body: body instanceof FormData ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown }, replayed: res.headers.get('idempotent-replayed') === 'true' };
};

const photoForm = () => {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'photo.png');
  return form;
};

/** One citizen's whole submission: photos first for a complaint, then the form; answers recorded. */
async function submit(url: string, a: Attempt): Promise<void> {
  if (a.kind === 'complaint') {
    if (!a.photos) {
      const up = await post(url, '/api/complaints/photos', a.photoKey, photoForm());
      if (up.status !== 201) throw new Error(`photo upload answered ${up.status}: ${JSON.stringify(up.body)}`);
      a.photos = up.body.data as Array<{ id: number; token: string }>;
    }
    const res = await post(url, '/api/complaints', a.key, { data: { category: 'road', description: a.description, photos: a.photos, contact: { phone: '0812345678' }, consent: true } });
    a.answer = res as Attempt['answer'];
  } else {
    const res = await post(url, '/api/e-form-submissions', a.key, { data: { title: 'ขอรับบริการ', description: a.description, contact: { name: 'สมหญิง ใจดี', phone: '0812345678' }, consent: true } });
    a.answer = res as Attempt['answer'];
  }
}

const attempt = (i: number): Attempt => ({
  kind: i % 3 === 2 ? 'request' : 'complaint',
  description: `เรื่องที่ ${i} ${crypto.randomBytes(4).toString('hex')}`,
  photoKey: crypto.randomUUID(),
  key: crypto.randomUUID(),
});

it('keeps every answered submission whole through SIGKILL, and a retry with the same key never files twice', async () => {
  // The database, folders and a category, made by an in-process app that then steps aside.
  const setup = await startApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  await setup.strapi.db.query('api::complaint-category.complaint-category').create({ data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true } });
  await setup.stop({ keepDatabase: true });
  let server: { child: ChildProcess; url: string } | undefined;
  let verifier: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    server = await startServer();
    const attempts: Attempt[] = [];
    let n = 0;
    let stop = false;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (!stop) {
        const a = attempt(n++);
        attempts.push(a);
        await submit(server!.url, a).catch(() => undefined); // the kill cuts some off: recorded as unanswered
      }
    });
    // Kill once a good number was answered, in the middle of the stream.
    const until = Date.now() + 60_000;
    while (attempts.filter((a) => a.answer?.status === 201).length < WRITERS * 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited(server.child);

    const answered = attempts.filter((a) => a.answer?.status === 201);
    const unanswered = attempts.filter((a) => !a.answer);
    if (process.env.CRASH_VERBOSE) console.log(`${attempts.length} submissions: ${answered.length} answered, ${unanswered.length} cut off by the kill`);
    expect(answered.length).toBeGreaterThanOrEqual(WRITERS * 4);
    // Nothing but 201 or no answer at all: no 5xx while writing.
    expect(attempts.filter((a) => a.answer && a.answer.status !== 201)).toEqual([]);

    server = await startServer();
    // Every citizen sends again what got no answer, with the same keys; and one answered one, to see the replay.
    for (const a of unanswered) {
      await submit(server.url, a);
      expect(a.answer?.status).toBe(201);
    }
    const again = answered[0];
    const replay = await post(server.url, again.kind === 'complaint' ? '/api/complaints' : '/api/e-form-submissions', again.key, {
      data:
        again.kind === 'complaint'
          ? { category: 'road', description: again.description, photos: again.photos, contact: { phone: '0812345678' }, consent: true }
          : { title: 'ขอรับบริการ', description: again.description, contact: { name: 'สมหญิง ใจดี', phone: '0812345678' }, consent: true },
    });
    expect(replay).toMatchObject({ status: 201, replayed: true, body: { data: { trackingCode: again.answer!.body.data!.trackingCode } } });

    // Every answered submission is there, tracked, with its photo readable.
    for (const a of [...answered, ...unanswered]) {
      const code = a.answer!.body.data!.trackingCode!;
      const track = await fetch(`${server.url}/api/${a.kind === 'complaint' ? 'complaints' : 'e-form-submissions'}/track/${code}`);
      expect(track.status).toBe(200);
      if (a.kind === 'complaint') {
        const view = (await track.json()) as { data: { photos: { before: Array<{ id: number; url: string }> } } };
        expect(view.data.photos.before).toHaveLength(1);
        const photo = await fetch(`${server.url}/api/complaints/track/${code}/photos/${view.data.photos.before[0].id}`);
        expect(photo.status).toBe(200);
        expect(photo.headers.get('content-type')).toBe('image/jpeg');
        expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    }
    server.child.kill('SIGTERM');
    await exited(server.child);
    server = undefined;

    // Nothing twice: one row per submission, whatever was retried.
    verifier = await startApp({}, { sameDatabaseAs: setup });
    for (const [uid, kind] of [
      [COMPLAINT, 'complaint'],
      [REQUEST, 'request'],
    ] as const) {
      const rows = (await verifier.strapi.db.query(uid).findMany({ select: ['description'] })) as Array<{ description: string }>;
      const mine = attempts.filter((a) => a.kind === kind);
      expect(rows.map((r) => r.description).sort()).toEqual(mine.map((a) => a.description).sort());
    }
    const photoRows = await verifier.strapi.db.query('api::complaint-photo.complaint-photo').count({ where: { complaint: { id: { $notNull: true } } } });
    expect(photoRows).toBe(attempts.filter((a) => a.kind === 'complaint').length);
  } finally {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await verifier?.stop();
  }
}, 300_000);
