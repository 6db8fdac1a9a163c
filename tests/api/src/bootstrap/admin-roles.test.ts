import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';
import { STAFF_ROLES, WORKFLOW_RECORDS } from '../../../../src/admin-roles';
import { applyAdminRoles } from '../../../../src/bootstrap/admin-roles';

/**
 * Staff roles as code (src/admin-roles.ts): the demo's one officer per role logs in with the password
 * from DEMO_PASSWORD_<ROLE>, each reaches its own pages and nothing else, and workflow records are
 * never edited raw in the Content Manager: no role has them, the super admin only reads them.
 */
let app: TestApp;
const PASSWORDS = {
  DEMO_PASSWORD_ADMIN: 'AdminDemo123',
  DEMO_PASSWORD_EDITOR: 'EditorDemo123',
  DEMO_PASSWORD_COMPLAINTS: 'ComplaintsDemo123',
  DEMO_PASSWORD_FINANCE: 'FinanceDemo123',
  DEMO_PASSWORD_EXECUTIVE: 'ExecutiveDemo123',
  DEMO_PASSWORD_AUDITOR: 'AuditorDemo123',
};
const tokens: Record<string, string> = {};

const COMPLAINT = 'api::complaint.complaint';
const NEWS = 'api::news.news-item';
const E_FORM = 'api::e-form.e-form';
const CM = '/content-manager/collection-types';
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
const get = (who: string, path: string) => request(app.url).get(path).set(as(who));
const post = (who: string, path: string) => request(app.url).post(path).set(as(who));
const put = (who: string, path: string) => request(app.url).put(path).set(as(who));

async function receivedComplaint(): Promise<{ id: number; documentId: string }> {
  const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { state: 'received' }, select: ['id', 'documentId'] });
  if (!c) throw new Error('the demo has no received complaint');
  return c;
}

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000', ...PASSWORDS });
  for (const who of ['admin', 'editor', 'complaints', 'finance', 'executive', 'auditor']) {
    const password = PASSWORDS[`DEMO_PASSWORD_${who.toUpperCase()}` as keyof typeof PASSWORDS];
    const res = await request(app.url).post('/admin/login').send({ email: `${who}@nokok.demo`, password }).expect(200);
    tokens[who] = res.body.data.token;
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo officers', () => {
  it('hold one role each, the roles of the table with their Thai names', async () => {
    const users = (await app.strapi.db.query('admin::user').findMany({ where: { email: { $endsWith: '@nokok.demo' } }, populate: ['roles'] })) as Array<{
      email: string;
      roles: Array<{ code: string; name: string }>;
    }>;
    const byEmail = Object.fromEntries(users.map((u) => [u.email, u.roles.map((r) => r.code)]));
    expect(byEmail).toEqual({
      'admin@nokok.demo': ['strapi-super-admin'],
      'editor@nokok.demo': ['nokok-content-editor'],
      'complaints@nokok.demo': ['nokok-complaint-officer'],
      'finance@nokok.demo': ['nokok-finance-officer'],
      'executive@nokok.demo': ['nokok-executive'],
      'auditor@nokok.demo': ['nokok-auditor'],
    });
    const editor = users.find((u) => u.email === 'editor@nokok.demo')?.roles[0];
    expect(editor?.name).toBe('ผู้ดูแลเนื้อหาเว็บไซต์');
  });
});

/** The admin actions a user holds: the admin builds its menu from them. */
const actionsOf = async (who: string) =>
  ((await get(who, '/admin/users/me/permissions').expect(200)).body.data as Array<{ action: string }>).map((p) => p.action);

describe('the menu', () => {
  it('shows each role only its own pages', async () => {
    const menu = {
      inbox: 'plugin::complaint-workflow.inbox.read',
      import: 'plugin::spreadsheet-import.page.read',
      taxReview: 'plugin::spreadsheet-import.tax-payments',
      eServiceDashboard: 'api::e-service.dashboard',
      ita: 'api::transparency.read',
      governance: 'api::governance.read',
    };
    const sees = async (who: string) => {
      const mine = new Set(await actionsOf(who));
      return Object.entries(menu).filter(([, action]) => mine.has(action)).map(([item]) => item);
    };
    expect(await sees('admin')).toEqual(['inbox', 'import', 'taxReview', 'eServiceDashboard', 'ita', 'governance']);
    expect(await sees('editor')).toEqual(['ita']);
    expect(await sees('complaints')).toEqual(['inbox', 'eServiceDashboard']);
    expect(await sees('finance')).toEqual(['import', 'taxReview']);
    expect(await sees('executive')).toEqual(['inbox', 'eServiceDashboard', 'ita', 'governance']);
    expect(await sees('auditor')).toEqual(['inbox', 'eServiceDashboard', 'ita', 'governance']);
  });
});

describe('the complaint officer', () => {
  it('cannot open the raw complaint in the Content Manager, and works through the case inbox', async () => {
    const c = await receivedComplaint();
    await get('complaints', `${CM}/${COMPLAINT}`).expect(403);
    await get('complaints', `${CM}/${COMPLAINT}/${c.documentId}`).expect(403);
    await get('complaints', `${CM}/api::complaint-event.complaint-event`).expect(403);
    await get('complaints', '/complaint-workflow/cases?type=complaint').expect(200);
    await get('complaints', `/complaint-workflow/cases/${c.id}?type=complaint`).expect(200);
    await post('complaints', `/complaint-workflow/cases/${c.id}/transition?type=complaint`).send({ action: 'accept', expectedState: 'received' }).expect(200);
    // Categories route complaints: the officer keeps them.
    await get('complaints', `${CM}/api::complaint-category.complaint-category`).expect(200);
    await get('complaints', '/tax-bills/payments/review').expect(403);
    expect((await get('complaints', '/spreadsheet-import/targets').expect(200)).body.data).toEqual([]);
  });

  it('keeps the e-service forms of the requests it answers, publishes them, and reads the dashboard; deletes none', async () => {
    const created = await post('complaints', `${CM}/${E_FORM}`).send({ titleTh: 'ขอทดสอบสิทธิ์เจ้าหน้าที่', slug: 'officer-role-test', processingDays: 7, isOpen: true, workflow: 'full' }).expect(201);
    const id = created.body.data.documentId as string;
    await put('complaints', `${CM}/${E_FORM}/${id}`).send({ processingDays: 5 }).expect(200);
    await post('complaints', `${CM}/${E_FORM}/${id}/actions/publish`).send({}).expect(200);
    // A form with requests is closed, never deleted: its requests and the dashboard name it.
    await request(app.url).delete(`${CM}/${E_FORM}/${id}`).set(as('complaints')).expect(403);
    await get('complaints', '/e-service-requests/dashboard').expect(200);
  });
});

describe('the content editor', () => {
  it('edits news and pages, and sees no complaint and no tax at all', async () => {
    const news = await get('editor', `${CM}/${NEWS}?locale=th`).expect(200);
    expect(news.body.results.length).toBeGreaterThan(0);
    await get('editor', `${CM}/${NEWS}?locale=en`).expect(200);
    await get('editor', `${CM}/api::page.page?locale=th`).expect(200);
    const created = await post('editor', `${CM}/${NEWS}?locale=th`).send({ title: 'ข่าวทดสอบสิทธิ์', slug: 'role-test-news' }).expect(201);
    await put('editor', `${CM}/${NEWS}/${created.body.data.documentId}?locale=th`).send({ title: 'ข่าวทดสอบสิทธิ์ (แก้ไข)' }).expect(200);
    await get('editor', '/upload/files').expect(200);

    for (const uid of [...WORKFLOW_RECORDS, 'api::tax-bill.tax-bill']) await get('editor', `${CM}/${uid}`).expect(403);
    await get('editor', '/complaint-workflow/cases?type=complaint').expect(403);
    await get('editor', '/complaint-workflow/cases').expect(403);
    await get('editor', '/tax-bills/payments/review').expect(403);
    expect((await get('editor', '/spreadsheet-import/targets').expect(200)).body.data).toEqual([]);
    await post('editor', '/spreadsheet-import/targets/tax-bills/imports').attach('file', Buffer.from('a,b\n1,2\n'), 'bills.csv').expect(403);
    // The admin builds the menu and the Content Manager's list from these: nothing of complaints or tax.
    const mine = (await get('editor', '/admin/users/me/permissions').expect(200)).body.data as Array<{ action: string; subject: string | null }>;
    expect(mine.filter((p) => /complaint|tax|e-form-submission|e-service|channel|outbox/.test(`${p.action} ${p.subject ?? ''}`))).toEqual([]);
  });

  it('composes and publishes e-service forms, and reads no request figures', async () => {
    const created = await post('editor', `${CM}/${E_FORM}`)
      .send({ titleTh: 'ขอทดสอบสิทธิ์ผู้ดูแลเนื้อหา', slug: 'editor-role-test', processingDays: 15, isOpen: true, workflow: 'short', fields: [{ __component: 'eform.short-text', labelTh: 'ชื่อ', required: true }] })
      .expect(201);
    await post('editor', `${CM}/${E_FORM}/${created.body.data.documentId}/actions/publish`).send({}).expect(200);
    await get('editor', '/e-service-requests/dashboard').expect(403);
  });
});

describe('the finance officer', () => {
  it('imports tax bills and bank payments and reviews them, and cannot read complaints', async () => {
    expect((await get('finance', '/spreadsheet-import/targets').expect(200)).body.data.map((t: { id: string }) => t.id)).toEqual(['tax-bills', 'tax-payments']);
    await get('finance', '/tax-bills/payments/review').expect(200);
    await get('finance', `${CM}/api::tax-bill.tax-bill`).expect(200);
    // Payments come from the bank's report only.
    await get('finance', `${CM}/api::tax-payment.tax-payment`).expect(403);
    await get('finance', `${CM}/${COMPLAINT}`).expect(403);
    await get('finance', '/complaint-workflow/cases?type=complaint').expect(403);
    await get('finance', `${CM}/${NEWS}?locale=th`).expect(403);
  });
});

describe('the executive and the auditor', () => {
  it.each(['executive', 'auditor'])('%s reads the inboxes and the content but changes nothing', async (who) => {
    const c = await receivedComplaint();
    await get(who, '/complaint-workflow/cases?type=complaint').expect(200);
    await get(who, '/complaint-workflow/cases?type=e-service').expect(200);
    await get(who, `/complaint-workflow/cases/${c.id}?type=complaint`).expect(200);
    await post(who, `/complaint-workflow/cases/${c.id}/transition?type=complaint`).send({ action: 'accept', expectedState: 'received' }).expect(403);
    await post(who, `/complaint-workflow/cases/${c.id}/note?type=complaint`).send({ message: 'บันทึก' }).expect(403);
    const news = await get(who, `${CM}/${NEWS}?locale=th`).expect(200);
    await put(who, `${CM}/${NEWS}/${news.body.results[0].documentId}?locale=th`).send({ title: 'แก้ไม่ได้' }).expect(403);
    await get(who, `${CM}/api::tax-bill.tax-bill`).expect(200);
    await get(who, `${CM}/${COMPLAINT}`).expect(403);
    await get(who, '/tax-bills/payments/review').expect(403);
  });

  it.each(['executive', 'auditor'])('%s reads the e-service forms and the dashboard, and changes no form', async (who) => {
    const form = await app.strapi.documents(E_FORM).create({ data: { titleTh: `แบบฟอร์มที่${who}อ่านได้`, slug: `read-only-${who}`, processingDays: 15, isOpen: true, workflow: 'full' } });
    await get(who, `${CM}/${E_FORM}`).expect(200);
    await get(who, `${CM}/${E_FORM}/${form.documentId}`).expect(200);
    await put(who, `${CM}/${E_FORM}/${form.documentId}`).send({ titleTh: 'แก้ไม่ได้' }).expect(403);
    await post(who, `${CM}/${E_FORM}`).send({ titleTh: 'สร้างไม่ได้', slug: `nope-${who}`, processingDays: 1, isOpen: true, workflow: 'full' }).expect(403);
    await post(who, `${CM}/${E_FORM}/${form.documentId}/actions/publish`).send({}).expect(403);
    await get(who, '/e-service-requests/dashboard').expect(200);
  });
});

describe('the finance officer and e-service', () => {
  it('neither reads the forms nor the dashboard', async () => {
    await get('finance', `${CM}/${E_FORM}`).expect(403);
    await get('finance', '/e-service-requests/dashboard').expect(403);
  });
});

describe('the super admin', () => {
  it('reads workflow records in the Content Manager but cannot change them there', async () => {
    const c = await receivedComplaint();
    const before = await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } });
    await get('admin', `${CM}/${COMPLAINT}`).expect(200);
    await get('admin', `${CM}/${COMPLAINT}/${c.documentId}`).expect(200);
    await put('admin', `${CM}/${COMPLAINT}/${c.documentId}`).send({ priority: 'high', title: 'แก้จากตัวจัดการเนื้อหา' }).expect(403);
    await post('admin', `${CM}/${COMPLAINT}`).send({ trackingCode: 'NK-6912-ZZZZZ', description: 'x' }).expect(403);
    await request(app.url).delete(`${CM}/${COMPLAINT}/${c.documentId}`).set(as('admin')).expect(403);
    await post('admin', `${CM}/api::complaint-event.complaint-event`).send({ kind: 'note', message: 'x' }).expect(403);
    await post('admin', `${CM}/api::tax-payment.tax-payment`).send({ amount: 1 }).expect(403);
    // Citizens' photos: stored by the complaint flow only, never added or changed by hand.
    await get('admin', `${CM}/api::complaint-photo.complaint-photo`).expect(200);
    await post('admin', `${CM}/api::complaint-photo.complaint-photo`).send({ key: '0'.repeat(32), mime: 'image/jpeg' }).expect(403);
    expect(await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).toMatchObject({ priority: before.priority, title: before.title });
    // Everything else stays the super admin's.
    const news = await get('admin', `${CM}/${NEWS}?locale=th`).expect(200);
    await put('admin', `${CM}/${NEWS}/${news.body.results[0].documentId}?locale=th`).send({ summary: 'สรุปใหม่' }).expect(200);
  });
});

describe('roles are code', () => {
  it('puts a role back to its table at start and takes workflow records out of hand-made roles', async () => {
    const roles = app.strapi.service('admin::role');
    const editor = await roles.findOne({ code: 'nokok-content-editor' });
    const stray = { action: 'plugin::content-manager.explorer.read', subject: COMPLAINT, properties: { fields: ['title'] }, conditions: [] };
    await roles.addPermissions(editor.id, [stray]);
    // Strapi's own Editor role (made on a fresh database) and a role made in Settings.
    const strapiEditor = await roles.findOne({ code: 'strapi-editor' });
    const handMade = await roles.create({ name: 'ทดลอง', description: 'made in Settings' });
    await roles.addPermissions(handMade.id, [stray, { action: 'plugin::content-manager.explorer.read', subject: NEWS, properties: { fields: ['title'], locales: ['th'] }, conditions: [] }]);
    const onWorkflow = (roleId: number) =>
      app.strapi.db.query('admin::permission').count({ where: { role: { id: roleId }, subject: { $in: [...WORKFLOW_RECORDS] } } });
    expect(await onWorkflow(editor.id)).toBe(1);
    expect(await onWorkflow(handMade.id)).toBe(1);

    await applyAdminRoles(app.strapi);
    await applyAdminRoles(app.strapi); // idempotent

    expect(await onWorkflow(editor.id)).toBe(0);
    expect(await onWorkflow(handMade.id)).toBe(0);
    if (strapiEditor) expect(await onWorkflow(strapiEditor.id)).toBe(0);
    // What else the hand-made role holds stays.
    expect(await app.strapi.db.query('admin::permission').count({ where: { role: { id: handMade.id }, subject: NEWS } })).toBe(1);
    const editorActions = await app.strapi.db.query('admin::permission').count({ where: { role: { id: editor.id } } });
    const expected = STAFF_ROLES.find((r) => r.code === 'nokok-content-editor')?.permissions.length;
    expect(editorActions).toBe(expected);
    // The demo officers are not made twice, and an existing one is left as it is.
    expect(await app.strapi.db.query('admin::user').count({ where: { email: { $endsWith: '@nokok.demo' } } })).toBe(6);
  });

  it('a test super admin made by the helper is a super admin too', async () => {
    const other = await createAdmin(app);
    await request(app.url).get(`${CM}/${COMPLAINT}`).set('Authorization', `Bearer ${other.token}`).expect(200);
  });
});
