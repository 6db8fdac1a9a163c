import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../../helpers/smtp';

/**
 * The case engine as a contract: a second case type (e-service requests) runs on its own workflow
 * with no admin code of its own, only the engine changes a case's state, and a case changed
 * meanwhile answers 409.
 */
let app: TestApp;
let smtp: SmtpCapture;
let staff: { token: string; email: string; password: string };

const COMPLAINT = 'api::complaint.complaint';
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const admin = (method: 'get' | 'post' | 'put', path: string, token = staff.token) => request(app.url)[method](path).set('Authorization', `Bearer ${token}`);

async function fileComplaint(): Promise<{ id: number; documentId: string; trackingCode: string }> {
  const res = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: 'road', description: 'ถนนหน้าวัดเป็นหลุม', village: 2 } })
    .expect(201);
  return app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode } });
}

function fileRequest(extra: Record<string, unknown> = {}, lang = 'th') {
  return request(app.url)
    .post('/api/e-form-submissions')
    .set('Accept-Language', lang)
    .send({
      data: {
        title: 'ขอรับสำเนาทะเบียนบ้าน',
        description: 'ขอสำเนาทะเบียนบ้านเลขที่ 12 หมู่ 3 จำนวน 1 ฉบับ',
        answers: { houseNumber: '12', village: 3, copies: 1 },
        contact: { name: 'สมชาย ใจดี', phone: '0812345678', email: 'applicant@example.test' },
        consent: true,
        ...extra,
      },
    });
}

const dateIn = (d: string, locale: string) => new Date(d).toLocaleDateString(locale, { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' });
const events = async (uid: string, relation: string, id: number) => app.strapi.db.query(uid).count({ where: { [relation]: { id } } });

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'nokok@example.test', PUBLIC_URL: 'https://nokok.example' });
  staff = await createAdmin(app);
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

describe('only the engine changes a case', () => {
  // The Content Manager cannot write cases at all (src/admin-roles.ts: read-only even for the super
  // admin); the engine's guard still refuses any other Document Service call that moves a state or date.
  const refusal = async (write: Promise<unknown>) => {
    const err = (await write.then(
      () => null,
      (e: unknown) => e
    )) as { details?: { code?: string; errors?: Array<{ path: string[]; code: string }> }; message?: string } | null;
    if (!err) throw new Error('the write went through');
    return err;
  };

  it('answers 403 to a state change through the Content Manager, and changes nothing', async () => {
    const c = await fileComplaint();
    const before = await events('api::complaint-event.complaint-event', 'complaint', c.id);
    await admin('put', `/content-manager/collection-types/${COMPLAINT}/${c.documentId}`).send({ state: 'in_progress', title: 'แก้จากตัวจัดการเนื้อหา' }).expect(403);
    const after = await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } });
    expect(after).toMatchObject({ state: 'received', title: null });
    expect(await events('api::complaint-event.complaint-event', 'complaint', c.id)).toBe(before);
  });

  it('refuses a state change through the Document Service with a 400 naming the field, and changes nothing', async () => {
    const c = await fileComplaint();
    const err = await refusal(app.strapi.documents(COMPLAINT).update({ documentId: c.documentId, data: { state: 'in_progress', title: 'แก้จากโค้ดอื่น' } }));
    expect(err.details?.errors).toEqual([expect.objectContaining({ path: ['state'], code: 'use_case_page' })]);
    expect(err.message).toContain('หน้าเรื่อง');
    expect(await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).toMatchObject({ state: 'received', title: null });
  });

  it('refuses a changed due date or resolution date the same way', async () => {
    const c = await fileComplaint();
    const err = await refusal(
      app.strapi.documents(COMPLAINT).update({ documentId: c.documentId, data: { dueAt: '2030-01-01T00:00:00.000Z', resolvedAt: '2026-12-01T00:00:00.000Z' } })
    );
    expect(err.details?.errors?.map((e) => e.path[0]).sort()).toEqual(['dueAt', 'resolvedAt']);
  });

  it('lets an edit through that sends the engine fields unchanged (as a whole record would)', async () => {
    const c = await fileComplaint();
    const current = await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } });
    await app.strapi
      .documents(COMPLAINT)
      .update({ documentId: c.documentId, data: { state: current.state, dueAt: new Date(current.dueAt).toISOString(), priority: 'high' } });
    expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).priority).toBe('high');
  });

  it('refuses a case created in another state than the first', async () => {
    await admin('post', `/content-manager/collection-types/${SUBMISSION}`)
      .send({ trackingCode: 'ES-6912-ZZZZZ', title: 'x', description: 'y', state: 'done', receivedAt: new Date().toISOString() })
      .expect(403);
    const err = await refusal(
      app.strapi.documents(SUBMISSION).create({ data: { trackingCode: 'ES-6912-ZZZZZ', title: 'x', description: 'y', state: 'done', receivedAt: new Date().toISOString(), channel: 'web', language: 'th' } })
    );
    expect(err.details?.errors?.[0]).toMatchObject({ path: ['state'], code: 'use_case_page' });
    expect(await app.strapi.db.query(SUBMISSION).count({ where: { trackingCode: 'ES-6912-ZZZZZ' } })).toBe(0);
  });
});

describe('a case changed meanwhile', () => {
  it('answers one of two simultaneous commands and gives the other a 409', async () => {
    const c = await fileComplaint();
    const [a, b] = await Promise.all([
      admin('post', `/complaint-workflow/cases/${c.id}/transition?type=complaint`).send({ action: 'accept', expectedState: 'received' }),
      admin('post', `/complaint-workflow/cases/${c.id}/transition?type=complaint`).send({ action: 'reject', reason: 'ไม่อยู่ในเขต', expectedState: 'received' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    const transitions = await app.strapi.db.query('api::complaint-event.complaint-event').count({ where: { complaint: { id: c.id }, kind: 'transition' } });
    expect(transitions).toBe(1);
  });

  it('answers 409 when the officer acts on a state the case has left', async () => {
    const c = await fileComplaint();
    await admin('post', `/complaint-workflow/cases/${c.id}/transition`).send({ action: 'accept' }).expect(200);
    const res = await admin('post', `/complaint-workflow/cases/${c.id}/transition`).send({ action: 'reject', reason: 'ซ้ำ', expectedState: 'received' }).expect(409);
    expect(res.body.error.details).toMatchObject({ code: 'conflict', state: 'accepted' });
  });
});

describe('the e-service request: a second case type on the same engine', () => {
  it('is listed beside complaints with its own Thai labels, states and actions', async () => {
    const { body } = await admin('get', '/complaint-workflow/types').expect(200);
    expect(body.types.map((t: { key: string }) => t.key)).toEqual(['complaint', 'e-service']);
    const meta = await admin('get', '/complaint-workflow/meta?type=e-service').expect(200);
    expect(meta.body.type).toMatchObject({ key: 'e-service', label: { th: 'คำขอ e-Service' }, initialState: 'received', canManage: true });
    expect(meta.body.type.states.map((s: { label: { th: string } }) => s.label.th)).toEqual(['รับคำขอแล้ว', 'กำลังตรวจสอบ', 'รอเอกสารเพิ่มเติม', 'อนุมัติแล้ว', 'ไม่อนุมัติ', 'เสร็จสิ้น']);
    expect(meta.body.type.fields).toEqual(expect.arrayContaining(['answers', 'contactEmail']));
    expect(meta.body.type.fields).not.toContain('category');
    // The case page's map takes the app's tiles (config/plugins.ts → config/map.ts; OpenStreetMap by default).
    expect(meta.body.map).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: expect.stringContaining('OpenStreetMap') });
  });

  it('is filed publicly, tracked by its own code, and driven through its workflow by staff with the applicant told', async () => {
    const filed = await fileRequest().expect(201);
    const code = filed.body.data.trackingCode as string;
    expect(code).toMatch(/^ES-\d{4}-[2-9A-Z]{5}$/);
    expect(filed.body.data).toMatchObject({ status: 'received', publicStatus: 'open', statusLabel: { th: 'รับคำขอแล้ว' } });
    // Personal data and answers never in a public answer.
    expect(JSON.stringify(filed.body)).not.toMatch(/0812345678|applicant@|สมชาย|houseNumber/);
    const ack = await smtp.waitFor((m) => m.subject.includes(code));
    expect(ack.subject).toBe(`[${code}] ได้รับคำขอแล้ว`);
    const stored = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode: code } });
    expect(ack.text.trim()).toBe(
      [`เทศบาลได้รับคำขอ "ขอรับสำเนาทะเบียนบ้าน" ของท่านแล้ว รหัสติดตาม ${code}`, `กำหนดดำเนินการภายใน ${dateIn(stored.dueAt, 'th-TH')}`, '', `ติดตามคำขอ: https://nokok.example/track?code=${code}`].join('\n')
    );

    const id = (await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode: code } })).id as number;
    const listed = await admin('get', '/complaint-workflow/cases?type=e-service').expect(200);
    expect(listed.body.results.map((r: { trackingCode: string }) => r.trackingCode)).toContain(code);
    expect(listed.body.counts.byState).toMatchObject({ received: 1, checking: 0 });

    const act = (body: Record<string, unknown>) => admin('post', `/complaint-workflow/cases/${id}/transition?type=e-service`).send(body);
    // A complaint's action is unknown to this type.
    expect((await act({ action: 'accept' }).expect(400)).body.error.details.code).toBe('unknown_action');
    await act({ action: 'check' }).expect(200);
    await act({ action: 'request_documents' }).expect(400);
    await act({ action: 'request_documents', reason: 'กรุณาส่งสำเนาบัตรประชาชน' }).expect(200);
    await act({ action: 'documents_received' }).expect(200);
    await act({ action: 'approve' }).expect(200);
    const done = await act({ action: 'complete' }).expect(200);
    expect(done.body).toMatchObject({ state: 'done', allowedActions: [] });
    expect(done.body.resolvedAt).toBeTruthy();
    expect(done.body.events.map((e: { toState: string | null }) => e.toState)).toEqual(['received', 'checking', 'waiting_documents', 'checking', 'approved', 'done']);

    const tracked = await request(app.url).get(`/api/e-form-submissions/track/${code}`).expect(200);
    expect(tracked.body.data).toMatchObject({ status: 'done', publicStatus: 'closed', statusLabel: { th: 'เสร็จสิ้น', en: 'Done' } });
    expect(tracked.body.data.history.find((h: { status: string }) => h.status === 'waiting_documents').message).toBe('กรุณาส่งสำเนาบัตรประชาชน');
    const asked = await smtp.waitFor((m) => m.subject.includes(code) && m.subject.includes('รอเอกสารเพิ่มเติม'));
    expect(asked.subject).toBe(`[${code}] สถานะ: รอเอกสารเพิ่มเติม`);
    expect(asked.text.trim()).toBe([`คำขอ ${code} เปลี่ยนสถานะเป็น "รอเอกสารเพิ่มเติม"`, 'หมายเหตุ: กรุณาส่งสำเนาบัตรประชาชน', '', `ติดตามคำขอ: https://nokok.example/track?code=${code}`].join('\n'));
    // The officer's link in e-mails names the type, so it opens the right case page.
    expect(app.strapi.plugin('complaint-workflow').service('engine').links('e-service', id).caseUrl).toBe(
      `https://nokok.example/admin/plugins/complaint-workflow/cases/${id}?type=e-service`
    );
  });

  it('writes to the applicant in the language they filed in, and to an officer in theirs', async () => {
    const filed = await fileRequest({}, 'en').expect(201);
    const code = filed.body.data.trackingCode as string;
    const mail = await smtp.waitFor((m) => m.subject.includes(code));
    const stored = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode: code } });
    expect(mail.subject).toBe(`[${code}] Request received`);
    expect(mail.text.trim()).toBe(
      [`We have received your request "ขอรับสำเนาทะเบียนบ้าน". Tracking code ${code}.`, `Due by ${dateIn(stored.dueAt, 'en-GB')}.`, '', `Follow it at: https://nokok.example/en/track?code=${code}`].join('\n')
    );

    // An officer whose admin language is English is written to in English (staff default to Thai).
    const officer = await app.strapi.service('admin::user').create({ email: 'en-officer@nokok.test', firstname: 'Officer', isActive: true, preferedLanguage: 'en' });
    await admin('post', `/complaint-workflow/cases/${stored.id}/assign?type=e-service`).send({ assignee: officer.id }).expect(200);
    const told = await smtp.waitFor((m) => m.to.includes('en-officer@nokok.test'));
    expect(told.subject).toBe(`[${code}] E-service request assigned to you`);
    expect(told.text.trim()).toBe(`An e-service request was assigned to you: ขอรับสำเนาทะเบียนบ้าน\nhttps://nokok.example/admin/plugins/complaint-workflow/cases/${stored.id}?type=e-service`);
  });

  it('refuses bad input with a code per field, in Thai or English, and stores nothing', async () => {
    const before = await app.strapi.db.query(SUBMISSION).count();
    const bad = { title: '\u200b ', description: 'x'.repeat(6000), contact: { email: 'not-an-email' }, consent: false, state: 'done', trackingCode: 'ES-0000-AAAAA' };
    const th = await fileRequest(bad, 'th').expect(400);
    const en = await fileRequest(bad, 'en').expect(400);
    const codes = (r: request.Response) => r.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`).sort();
    expect(codes(th)).toEqual(['data.consent:consent_required', 'data.contact.email:invalid_format', 'data.description:too_long', 'data.title:required']);
    expect(codes(en)).toEqual(codes(th));
    expect(th.body.error.details.errors.find((e: { code: string }) => e.code === 'required').message).toBe('กรุณากรอกข้อมูลนี้');
    expect(en.body.error.details.errors.find((e: { code: string }) => e.code === 'required').message).toBe('This field is required');
    expect(await app.strapi.db.query(SUBMISSION).count()).toBe(before);
  });

  it('ignores a state or tracking code sent by the caller', async () => {
    const filed = await fileRequest({ state: 'done', trackingCode: 'ES-0000-AAAAA', dueAt: '2020-01-01' }).expect(201);
    expect(filed.body.data.status).toBe('received');
    expect(filed.body.data.trackingCode).not.toBe('ES-0000-AAAAA');
  });

  it('answers 404 for an unknown code and never shows a complaint by an e-service code', async () => {
    await request(app.url).get('/api/e-form-submissions/track/ES-6912-ABCDE').expect(404);
    const c = await fileComplaint();
    await request(app.url).get(`/api/e-form-submissions/track/${c.trackingCode}`).expect(404);
  });

  it('has its own permissions: an officer of e-service requests cannot read complaints', async () => {
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: 'เจ้าหน้าที่ e-Service', description: 'test' });
    await roles.assignPermissions(role.id, [
      { action: 'plugin::complaint-workflow.inbox.read', subject: null, conditions: [], properties: {} },
      { action: 'plugin::complaint-workflow.e-service.read', subject: null, conditions: [], properties: {} },
      { action: 'plugin::complaint-workflow.e-service.manage', subject: null, conditions: [], properties: {} },
    ]);
    await app.strapi.service('admin::user').create({ email: 'es-officer@nokok.test', firstname: 'อีเซอร์วิส', password: 'Eservice12345', isActive: true, roles: [role.id] });
    const login = await request(app.url).post('/admin/login').send({ email: 'es-officer@nokok.test', password: 'Eservice12345' }).expect(200);
    const token = login.body.data.token as string;
    const types = await admin('get', '/complaint-workflow/types', token).expect(200);
    expect(types.body.types.map((t: { key: string }) => t.key)).toEqual(['e-service']);
    await admin('get', '/complaint-workflow/cases?type=complaint', token).expect(403);
    // Without a type, the first one this officer may read.
    expect((await admin('get', '/complaint-workflow/cases', token).expect(200)).body.counts.byState).toHaveProperty('checking');
    await admin('get', '/complaint-workflow/cases?type=e-service', token).expect(200);
    const c = await fileComplaint();
    await admin('post', `/complaint-workflow/cases/${c.id}/transition?type=complaint`, token).send({ action: 'accept' }).expect(403);
  });
});
