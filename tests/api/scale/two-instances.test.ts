import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import request from 'supertest';
import { freePort } from '../../helpers/net';
import { ROOT, startApp, type TestApp } from '../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../helpers/smtp';

/**
 * Two instances of the app on ONE PostgreSQL database, as behind a proxy: one in this process, one
 * a child process started as a town starts it. Both send the outbox every second; every message
 * goes out exactly once, and what one instance stores the other serves. SQLite is one machine's
 * database: skipped there.
 */
const PG = process.env.DATABASE_CLIENT === 'postgres';
const OUTBOX = 'plugin::complaint-workflow.outbox-message';
const MESSAGES = 120;

let a: TestApp;
let b: ChildProcess | undefined;
let bUrl = '';
let smtp: SmtpCapture;
let bLog = '';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${bLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

(PG ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    smtp = await startSmtp();
    const shared = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), OUTBOX_INTERVAL_SECONDS: '1', RATE_LIMIT_PER_MINUTE: '1000' };
    a = await startApp(shared);
    // The second instance reads the same environment (database, secrets, folders) as a second machine would.
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    b = spawn(process.execPath, [path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...shared, HOST: '127.0.0.1', PORT: String(port), STRAPI_STARTUP_BANNER: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const s of [b.stdout!, b.stderr!]) s.on('data', (d: Buffer) => (bLog = (bLog + d.toString()).slice(-20_000)));
    await waitFor('the second instance', async () => ((await fetch(`${bUrl}/_health`)).status === 204 ? true : undefined));
  }, 240_000);

  afterAll(async () => {
    if (b && b.exitCode === null) {
      const exited = new Promise((r) => b!.once('exit', r));
      b.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (b.exitCode === null) b.kill('SIGKILL');
    }
    await a?.stop();
    await smtp?.close();
  });

  it('sends every outbox message exactly once while both instances send', async () => {
    const due = new Date(Date.now() - 1000);
    for (let i = 0; i < MESSAGES; i++) {
      await a.strapi.db.query(OUTBOX).create({
        data: { channel: 'email', recipient: `citizen${i}@example.test`, subject: `two-instances ${i}`, body: `message ${i}`, state: 'pending', attempts: 0, nextAttemptAt: due },
      });
    }
    // This instance flushes as fast as it can while the other's one-second loop takes its share.
    const outbox = a.strapi.plugin('complaint-workflow').service<{ flush(): Promise<number> }>('outbox');
    let sentHere = 0;
    await waitFor('every message handled', async () => {
      sentHere += await outbox.flush();
      return (await a.strapi.db.query(OUTBOX).count({ where: { subject: { $startsWith: 'two-instances' }, state: 'pending' } })) === 0 ? true : undefined;
    });
    const mails = await waitFor('the mails', () => {
      const m = smtp.mails.filter((x) => x.subject.startsWith('two-instances'));
      return Promise.resolve(m.length >= MESSAGES ? m : undefined);
    });
    // Late duplicates would arrive now.
    await new Promise((r) => setTimeout(r, 2500));
    const subjects = smtp.mails.filter((x) => x.subject.startsWith('two-instances')).map((m) => m.subject);
    expect(subjects).toHaveLength(MESSAGES);
    expect(new Set(subjects).size).toBe(MESSAGES);
    expect(mails.every((m) => m.to.length === 1 && m.to[0] === `citizen${m.subject.split(' ')[1]}@example.test`)).toBe(true);
    expect(await a.strapi.db.query(OUTBOX).count({ where: { subject: { $startsWith: 'two-instances' }, state: 'sent' } })).toBe(MESSAGES);
    // For the record: how the work was shared (both usually take part).
    console.log(`two instances: ${sentHere} of ${MESSAGES} messages sent by the in-process instance`);
  }, 240_000);

  it('serves on one instance what was filed on the other', async () => {
    const category = (await a.strapi.db.query('api::complaint-category.complaint-category').create({
      data: { code: 'two-instances', nameTh: 'ทดสอบสองเครื่อง', nameEn: 'Two instances', deadlineDays: 15, confidential: false, active: true },
    })) as { code: string };
    const filed = await request(bUrl).post('/api/complaints').send({ data: { category: category.code, description: 'ไฟถนนดับหน้าโรงเรียน', consent: true } }).expect(201);
    const tracked = await request(a.url).get(`/api/complaints/track/${filed.body.data.trackingCode}`).expect(200);
    expect(tracked.body.data.trackingCode).toBe(filed.body.data.trackingCode);
  }, 60_000);
});
