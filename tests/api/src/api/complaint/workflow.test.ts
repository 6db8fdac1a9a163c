import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../../../helpers/smtp';
import type { ComplaintService } from '../../../../../src/api/complaint/services/complaint';

let app: TestApp;
let smtp: SmtpCapture;
let staff: { token: string; email: string };
let officer: { id: number; email: string };

const CITIZEN = 'citizen-wf@example.test';
/** Recipients the local SMTP server answers "busy, try later" (450) for, while listed. */
const busy = new Set<string>();
const admin = (method: 'get' | 'post', path: string) => request(app.url)[method](`/complaint-workflow${path}`).set('Authorization', `Bearer ${staff.token}`);
const file = async (extra: Record<string, unknown> = {}) =>
  (
    await request(app.url)
      .post('/api/complaints')
      .send({ data: { category: 'light', description: 'ไฟทางดับหน้าโรงเรียน', village: 3, contact: { email: CITIZEN }, consent: true, ...extra } })
      .expect(201)
  ).body.data;
const idOf = async (trackingCode: string) => (await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode } })).id as number;

beforeAll(async () => {
  smtp = await startSmtp({ refuse: (address) => busy.has(address) });
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'nokok@example.test', PUBLIC_URL: 'https://nokok.example' });
  staff = await createAdmin(app);
  const other = await createAdmin(app, { email: 'officer@nokok.test' });
  officer = { id: (await app.strapi.db.query('admin::user').findOne({ where: { email: other.email } })).id, email: other.email };
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'light', nameTh: 'ไฟฟ้าสาธารณะ', nameEn: 'Street light', deadlineDays: 7, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('staff workflow through the admin routes', () => {
  it('acknowledges by e-mail, then accepts, assigns, replies, notes and resolves, with the public view following each step', async () => {
    const { trackingCode } = await file();
    const ack = await smtp.waitFor((m) => m.subject.includes(trackingCode));
    expect(ack.to).toEqual([CITIZEN]);
    expect(ack.subject).toContain('ได้รับเรื่องร้องเรียนแล้ว');
    expect(ack.text).toContain(`https://nokok.example/track?code=${trackingCode}`);

    const id = await idOf(trackingCode);
    const page = await admin('get', `/cases/${id}`).expect(200);
    expect(page.body).toMatchObject({ trackingCode, state: 'received', contactEmail: CITIZEN, allowedActions: expect.arrayContaining(['accept', 'reject']) });

    await admin('post', `/cases/${id}/transition`).send({ action: 'accept' }).expect(200);
    const assigned = await admin('post', `/cases/${id}/assign`).send({ assignee: officer.id }).expect(200);
    expect(assigned.body.assignee).toMatchObject({ id: officer.id, email: officer.email });
    const toOfficer = await smtp.waitFor((m) => m.to.includes(officer.email));
    expect(toOfficer.subject).toContain('มอบหมาย');

    await admin('post', `/cases/${id}/reply`).send({ message: 'ช่างไฟจะเข้าซ่อมวันพรุ่งนี้' }).expect(200);
    await admin('post', `/cases/${id}/note`).send({ message: 'ZZINTERNALNOTE ใช้หลอดจากคลัง' }).expect(200);
    const resolved = await admin('post', `/cases/${id}/transition`).send({ action: 'resolve', reason: 'เปลี่ยนหลอดไฟแล้ว' }).expect(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', allowedActions: expect.arrayContaining(['close', 'reopen']) });
    expect(resolved.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'transition', 'assignment', 'public_reply', 'internal_note', 'transition']);
    expect(resolved.body.events[1].actor).toMatchObject({ email: staff.email });

    const reply = await smtp.waitFor((m) => m.to.includes(CITIZEN) && m.text.includes('ช่างไฟจะเข้าซ่อมวันพรุ่งนี้'));
    expect(reply.subject).toContain(trackingCode);
    await smtp.waitFor((m) => m.to.includes(CITIZEN) && m.subject.includes('ดำเนินการแล้วเสร็จ'));

    const pub = await request(app.url).get(`/api/complaints/track/${trackingCode}`).expect(200);
    expect(pub.body.data.status).toBe('resolved');
    expect(pub.body.data.history.map((h: { status: string | null }) => h.status)).toEqual(['received', 'accepted', null, 'resolved']);
    expect(pub.body.data.history[2].message).toBe('ช่างไฟจะเข้าซ่อมวันพรุ่งนี้');
    expect(pub.body.data.history[3]).toMatchObject({ status: 'resolved', message: 'เปลี่ยนหลอดไฟแล้ว' });
    expect(JSON.stringify(pub.body)).not.toMatch(/ZZINTERNALNOTE|officer@nokok\.test|เจ้าหน้าที่/);
  });

  it('refuses an invalid transition or a missing reason with 400 and changes nothing', async () => {
    const { trackingCode } = await file();
    const id = await idOf(trackingCode);
    const invalid = await admin('post', `/cases/${id}/transition`).send({ action: 'close' }).expect(400);
    expect(invalid.body.error.details.errors[0].path).toEqual(['action']);
    const noReason = await admin('post', `/cases/${id}/transition`).send({ action: 'reject' }).expect(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['reason']);
    // One language per message: Thai by default, English when asked; both as data for the admin.
    expect(noReason.body.error.message).toBe('กรุณาระบุเหตุผล');
    expect(noReason.body.error.details).toMatchObject({ code: 'reason_required', messages: { th: 'กรุณาระบุเหตุผล', en: 'A reason is required' } });
    expect(noReason.body.error.details.errors[0]).toMatchObject({ code: 'reason_required', message: 'กรุณาระบุเหตุผล' });
    const inEnglish = await admin('post', `/cases/${id}/transition`).set('Accept-Language', 'en').send({ action: 'reject' }).expect(400);
    expect(inEnglish.body.error.message).toBe('A reason is required');
    expect(inEnglish.body.error.details.errors[0].message).toBe('A reason is required');
    await admin('post', `/cases/${id}/transition`).send({ action: 'fly' }).expect(400);
    await admin('post', `/cases/${id}/assign`).send({ assignee: 99999 }).expect(400);
    await admin('post', `/cases/${id}/reply`).send({ message: { x: 1 } }).expect(400);
    // Each staff route's schema names every wrong field with a stable code, in the officer's language.
    const codes = (res: request.Response) => res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`);
    expect(codes(await admin('post', `/cases/${id}/transition`).send({}).expect(400))).toEqual(['action:required']);
    expect(codes(await admin('post', `/cases/${id}/reply`).send({ message: 'ก'.repeat(5001) }).expect(400))).toEqual(['message:too_long']);
    expect(codes(await admin('post', `/cases/${id}/note`).send({ message: '   ' }).expect(400))).toEqual(['message:required']);
    expect(codes(await admin('post', `/cases/${id}/assign`).send({ assignee: 'x' }).expect(400))).toEqual(['assignee:invalid_type']);
    const badId = await admin('get', '/cases/abc').set('Accept-Language', 'en').expect(400);
    expect(codes(badId)).toEqual(['params.id:invalid_type']);
    expect(badId.body.error.message).toBe('The request has invalid fields');
    const after = await admin('get', `/cases/${id}`).expect(200);
    expect(after.body.state).toBe('received');
    expect(after.body.events).toHaveLength(1);
  });

  it('filters the inbox and counts by state and overdue', async () => {
    const a = await file({ village: 9 });
    await file({ village: 8 });
    const inVillage = await admin('get', '/cases').query({ village: 9 }).expect(200);
    expect(inVillage.body.results.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([a.trackingCode]);
    expect(inVillage.body.counts.byState.received).toBe(1);

    await app.strapi.db.query('api::complaint.complaint').update({ where: { id: await idOf(a.trackingCode) }, data: { dueAt: new Date(Date.now() - 86400_000) } });
    const overdue = await admin('get', '/cases').query({ overdue: 'true' }).expect(200);
    expect(overdue.body.results.map((r: { trackingCode: string; overdue: boolean }) => [r.trackingCode, r.overdue])).toEqual([[a.trackingCode, true]]);
    expect(overdue.body.counts.overdue).toBe(1);
    const all = await admin('get', '/cases').query({ category: 'light' }).expect(200);
    expect(all.body.counts.all).toBeGreaterThanOrEqual(4);
  });

  it('tells the assignee once when a case becomes overdue', async () => {
    const { trackingCode } = await file();
    const id = await idOf(trackingCode);
    await admin('post', `/cases/${id}/assign`).send({ assignee: officer.id }).expect(200);
    await app.strapi.db.query('api::complaint.complaint').update({ where: { id }, data: { dueAt: new Date(Date.now() - 3600_000) } });
    const engine = app.strapi.plugin('complaint-workflow').service('engine');
    expect(await engine.notifyOverdue()).toBeGreaterThanOrEqual(1);
    expect(await engine.notifyOverdue()).toBe(0);
    const mail = await smtp.waitFor((m) => m.to.includes(officer.email) && m.subject.includes(`[${trackingCode}] เกินกำหนด`));
    expect(mail.text).toContain('/admin/plugins/complaint-workflow');
  });

  it("routes a new case to its category's default assignee and tells them", async () => {
    await app.strapi.documents('api::complaint-category.complaint-category').create({
      data: { code: 'water', nameTh: 'ประปา', nameEn: 'Water', deadlineDays: 3, confidential: false, active: true, defaultAssignee: officer.id },
    });
    const { trackingCode } = await file({ category: 'water' });
    const id = await idOf(trackingCode);
    expect((await admin('get', `/cases/${id}`).expect(200)).body.assignee).toMatchObject({ id: officer.id });
    const mail = await smtp.waitFor((m) => m.to.includes(officer.email) && m.subject.includes(`[${trackingCode}] เรื่องใหม่`));
    expect(mail.text).toContain(`/admin/plugins/complaint-workflow/cases/${id}`);
    const meta = await admin('get', '/meta').expect(200);
    expect(meta.body.categories.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['light', 'water']));
  });

  it('keeps the staff routes closed to anonymous callers', async () => {
    await request(app.url).get('/complaint-workflow/cases').expect(401);
    await request(app.url).post('/complaint-workflow/cases/1/transition').send({ action: 'accept' }).expect(401);
  });
});

describe("the citizen's language (messages come in the language they filed in)", () => {
  const THAI = /[\u0E00-\u0E7F]/;
  const complaints = () => app.strapi.service('api::complaint.complaint') as ComplaintService;
  /** Files through the service, as the complaint controller does with the caller's language. */
  const fileIn = async (email: string, language?: 'th' | 'en') => {
    const { trackingCode } = await complaints().createFromCitizen(
      { category: 'light', description: 'Street light out in front of the school', contact: { email }, consent: true },
      'web',
      language ? { language } : {}
    );
    const stored = await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode } });
    return { trackingCode, id: stored.id as number, language: stored.language as string, dueAt: stored.dueAt as string };
  };
  const dateIn = (d: string, locale: string) => new Date(d).toLocaleDateString(locale, { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' });

  it('writes to a citizen who filed in English in English only: subject and body', async () => {
    const email = 'english-citizen@example.test';
    const c = await fileIn(email, 'en');
    expect(c.language).toBe('en');
    const ack = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes(c.trackingCode));
    expect(ack.subject).toBe(`[${c.trackingCode}] Complaint received`);
    expect(ack.text.trim()).toBe(
      [`We have received your complaint. Tracking code ${c.trackingCode}.`, `Due by ${dateIn(c.dueAt, 'en-GB')}.`, '', `Follow it at: https://nokok.example/en/track?code=${c.trackingCode}`].join('\n')
    );
    expect(ack.text).toMatch(/Due by \d{1,2} [A-Z][a-z]+ 20\d\d\./);

    await admin('post', `/cases/${c.id}/transition`).send({ action: 'reject', reason: 'Outside the municipality' }).expect(200);
    const moved = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('Status'));
    expect(moved.subject).toBe(`[${c.trackingCode}] Status: Rejected`);
    expect(moved.text.trim()).toBe([`Complaint ${c.trackingCode} is now "Rejected".`, 'Note: Outside the municipality', '', `Follow it at: https://nokok.example/en/track?code=${c.trackingCode}`].join('\n'));
    for (const m of [ack, moved]) expect(`${m.subject}\n${m.text}`).not.toMatch(THAI);
  });

  it('writes to a citizen who filed in Thai (or did not say) in Thai only', async () => {
    const email = 'thai-citizen@example.test';
    const c = await fileIn(email);
    expect(c.language).toBe('th');
    const ack = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes(c.trackingCode));
    expect(ack.subject).toBe(`[${c.trackingCode}] ได้รับเรื่องร้องเรียนแล้ว`);
    expect(ack.text.trim()).toBe(
      [`เทศบาลได้รับเรื่องของท่านแล้ว รหัสติดตาม ${c.trackingCode}`, `กำหนดดำเนินการภายใน ${dateIn(c.dueAt, 'th-TH')}`, '', `ติดตามเรื่อง: https://nokok.example/track?code=${c.trackingCode}`].join('\n')
    );
    expect(ack.text).toMatch(/กำหนดดำเนินการภายใน \d{1,2} \S+ 25\d\d/);
    expect(ack.text).not.toMatch(/Complaint|received|Follow/);
  });
});

describe('one SMTP configuration for every e-mail (Strapi\'s email plugin, nodemailer provider)', () => {
  it('sends case e-mails from EMAIL_FROM, with the HTML part escaping what people wrote', async () => {
    const { trackingCode } = await file();
    const id = await idOf(trackingCode);
    await admin('post', `/cases/${id}/reply`).send({ message: 'ZZMARKUP <a href="https://evil.example">คลิก</a> & ขอบคุณ' }).expect(200);
    const mail = await smtp.waitFor((m) => m.to.includes(CITIZEN) && m.text.includes('ZZMARKUP'));
    expect(mail.from).toContain('nokok@example.test');
    expect(mail.text).toContain('<a href="https://evil.example">คลิก</a> & ขอบคุณ');
    expect(mail.html).toContain('&lt;a href=&quot;https://evil.example&quot;&gt;คลิก&lt;/a&gt; &amp; ขอบคุณ');
    expect(mail.html).not.toContain('<a href');
  });

  it('keeps a message the server refuses for now, and sends it on the next attempt', async () => {
    const citizen = 'busy-citizen@example.test';
    busy.add(citizen);
    const { trackingCode } = await file({ contact: { email: citizen } });
    const id = await idOf(trackingCode);
    try {
      await app.strapi.plugin('complaint-workflow').service('outbox').idle();
      const waiting = (await admin('get', `/cases/${id}`).expect(200)).body.deliveries.find((d: { channel: string }) => d.channel === 'email');
      // A thrown send stays pending with its reason and a later attempt time (back-off), not failed.
      expect(waiting).toMatchObject({ channel: 'email', state: 'pending', attempts: 1, lastError: expect.stringContaining('450') });
      expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    } finally {
      busy.delete(citizen);
    }
    const waiting = (await admin('get', `/cases/${id}`)).body.deliveries.find((d: { channel: string }) => d.channel === 'email');
    const retried = await admin('post', `/cases/${id}/deliveries/${waiting.id}/retry`).expect(200);
    expect(retried.body.deliveries.find((d: { id: number }) => d.id === waiting.id)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    await smtp.waitFor((m) => m.to.includes(citizen));
  });

  it("sends users-permissions' password reset e-mail through the same server", async () => {
    const email = 'resident-reset@example.test';
    await app.strapi.db.query('plugin::users-permissions.user').create({ data: { username: 'resident-reset', email, provider: 'local', confirmed: true, blocked: false } });
    // Open to everyone (ROLE_PERMISSIONS.public): citizens reset their own passwords.
    await request(app.url).post('/api/auth/forgot-password').send({ email }).expect(200, { ok: true });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toMatch(/^ตั้งรหัสผ่านใหม่ .* \/ Reset your password$/);
    expect(mail.text).toMatch(/\?code=[0-9a-f]{128}/);
  });
});
