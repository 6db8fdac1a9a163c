import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';

/**
 * The e-service journey end to end: a content editor builds a NEW form in the Content Manager from
 * field components, in Thai, and publishes it; a citizen opens it on the website, fills it in with a
 * file and sends it; an officer moves the request to done on the case page while the citizen's
 * tracking page follows it live; the dashboard counts it, the paper not printed included.
 */
let app: TestApp;
let browser: Browser;
let staff: BrowserContext;
let editor: { email: string; password: string };
let officer: { email: string; password: string };
const FORM_CM = '/admin/content-manager/collection-types/api::e-form.e-form';
const SLUG = 'tree-trimming-request';
const TITLE = 'ขอตัดแต่งกิ่งไม้ริมถนน';
const GOOD_ID = '1101700230708';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const consoleErrors: string[] = [];
let trackingCode = '';
let citizen: BrowserContext;
let track: Page;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  editor = await createAdmin(app, { email: 'editor-build@nokok.test', password: 'Editor12345!', role: 'nokok-content-editor' });
  officer = await createAdmin(app, { email: 'officer-build@nokok.test', password: 'Officer12345!', role: 'nokok-complaint-officer' });
  browser = await launchBrowser();
  staff = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  citizen = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const watch = (page: Page) =>
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('MISSING_TRANSLATION')) consoleErrors.push(m.text().slice(0, 300));
  });

/** The last entry of the form's dynamic zone: the field component just added. */
const lastField = (page: Page): Locator => page.locator('ol[aria-describedby] > li').last();

/** Adds a field component from the dynamic zone's picker, by its Thai name, and fills its question. */
async function addField(page: Page, kind: string, labelTh: string) {
  await page.getByRole('button', { name: /เพิ่มคอมโพเนนต์ใน ช่องในแบบฟอร์ม|ช่องในแบบฟอร์ม/ }).last().click();
  await page.getByRole('button', { name: kind, exact: true }).click();
  const entry = lastField(page);
  await entry.getByLabel('ชื่อช่อง (ภาษาไทย)').fill(labelTh);
  return entry;
}

it('an editor builds a new form from field components in Thai and publishes it', async () => {
  const page = await staff.newPage();
  watch(page);
  await adminLogin(page, app.url, editor);
  await page.goto(`${app.url}${FORM_CM}`);
  await page.getByRole('heading', { level: 1, name: 'แบบฟอร์มบริการออนไลน์ (e-Service)' }).waitFor();
  await page.goto(`${app.url}${FORM_CM}/create`);
  await page.getByLabel('ชื่อบริการ (ภาษาไทย)').fill(TITLE);
  await page.getByLabel('ชื่อบริการ (ภาษาอังกฤษ)').fill('Tree trimming along a road');
  await page.getByLabel('ที่อยู่หน้าเว็บ (URL)').fill(SLUG);
  await page.getByLabel('คำอธิบายบริการ (ภาษาไทย)').fill('แจ้งขอให้เทศบาลตัดแต่งกิ่งไม้ที่กีดขวางถนนหรือสายไฟ');
  await page.getByLabel('หน่วยงานที่รับผิดชอบ').fill('กองช่าง');
  await page.getByLabel('เอกสารที่ต้องใช้ (ภาษาไทย)').fill('รูปถ่ายต้นไม้\nสำเนาบัตรประชาชน');
  await page.getByLabel('ระยะเวลาดำเนินการ (วัน)').fill('7');
  await page.getByLabel('จำนวนหน้าของแบบฟอร์มกระดาษ').fill('3');
  await page.screenshot({ path: '/tmp/e-form-edit-top.png', fullPage: true });

  // The picker names the field components in Thai, under their Thai category.
  await page.getByRole('button', { name: /ช่องในแบบฟอร์ม/ }).last().click();
  await page.getByRole('button', { name: 'ช่องในแบบฟอร์ม', exact: true }).waitFor();
  for (const kind of ['ข้อความสั้น', 'เลขประจำตัวประชาชน', 'แนบไฟล์', 'ความยินยอม', 'ตำแหน่งบนแผนที่']) await page.getByRole('button', { name: kind, exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/e-form-picker.png' });
  await page.getByRole('button', { name: 'ข้อความสั้น', exact: true }).click();
  await lastField(page).getByLabel('ชื่อช่อง (ภาษาไทย)').fill('ชื่อ-นามสกุลผู้ยื่นคำขอ');
  const id = await addField(page, 'เลขประจำตัวประชาชน', 'เลขประจำตัวประชาชน');
  await id.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  const file = await addField(page, 'แนบไฟล์', 'รูปถ่ายต้นไม้');
  await file.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  const consent = await addField(page, 'ความยินยอม', 'การยินยอม');
  await consent.getByLabel('ข้อความที่ผู้ยื่นยินยอม (ภาษาไทย)').fill('ข้าพเจ้ายินยอมให้เทศบาลใช้ข้อมูลนี้เพื่อพิจารณาคำขอ');
  await consent.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  await page.screenshot({ path: '/tmp/e-form-edit-fields.png', fullPage: true });

  // Each step is awaited in the database: the edit view shows its "published" tab before anything is
  // published, so the screen cannot tell when a save or a publish has landed.
  const stored = (published: boolean) => app.strapi.db.query('api::e-form.e-form').findOne({ where: { slug: SLUG, publishedAt: published ? { $notNull: true } : { $null: true } }, populate: ['fields'] });
  const landed = async (published: boolean) => {
    for (let i = 0; i < 150 && !(await stored(published)); i++) await new Promise((r) => setTimeout(r, 200));
  };
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await landed(false);
  await page.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
  await landed(true);

  const form = (await stored(true)) as {
    titleTh: string;
    processingDays: number;
    paperPages: number;
    fields: Array<{ __component: string; labelTh: string; required: boolean }>;
  } | null;
  expect(form).toMatchObject({ titleTh: TITLE, processingDays: 7, paperPages: 3 });
  expect(form?.fields.map((f) => [f.__component, f.required])).toEqual([
    ['eform.short-text', false],
    ['eform.national-id', true],
    ['eform.file', true],
    ['eform.consent', true],
  ]);
  await page.close();
});

it('a citizen opens the new form on the website and sends it with a file', async () => {
  const page = await citizen.newPage();
  await page.goto(`${app.url}/e-service/${SLUG}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.locator('#e-review:enabled').waitFor();
  await page.getByLabel('ชื่อ-นามสกุลผู้ยื่นคำขอ').fill('สมหญิง รักษ์ต้นไม้');
  await page.getByLabel('เลขประจำตัวประชาชน').fill(GOOD_ID);
  await page.getByLabel('รูปถ่ายต้นไม้').setInputFiles({ name: 'tree.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('ข้าพเจ้ายินยอมให้เทศบาลใช้ข้อมูลนี้เพื่อพิจารณาคำขอ').check();
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
  await page.waitForURL(/\/e-service\/receipt\?code=ES-/);
  trackingCode = ((await page.locator('#tracking-code').textContent()) ?? '').trim();
  expect(trackingCode).toMatch(/^ES-\d{4}-[2-9A-Z]{5}$/);
  await page.close();

  const stored = (await app.strapi.db.query('api::e-form-submission.e-form-submission').findOne({ where: { trackingCode } })) as {
    title: string;
    formSlug: string;
    paperPages: number;
    state: string;
    files: unknown;
  };
  expect(stored).toMatchObject({ title: TITLE, formSlug: SLUG, paperPages: 3, state: 'received' });
  expect(JSON.stringify(stored.files)).toContain('tree.pdf');

  // The citizen keeps the tracking page open on a second page.
  track = await citizen.newPage();
  await track.goto(`${app.url}/track?code=${trackingCode}`);
  await track.locator('#case-status').getByText('รับคำขอแล้ว').waitFor();
});

/**
 * The citizen's tracking page shows `state`: by itself (it reads an open case again every 30 s while in
 * view), or after its refresh link.
 */
async function trackShows(state: string, byItself = false) {
  const status = track.locator('#case-status').getByText(state, { exact: true });
  if (byItself) return status.waitFor({ timeout: 45_000 });
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await status.isVisible()) return;
    await track
      .getByRole('link', { name: 'โหลดสถานะล่าสุด' })
      .click()
      .catch(() => undefined);
    await status.waitFor({ timeout: 3000 }).catch(() => undefined);
  }
  await status.waitFor({ timeout: 1000 });
}

it('an officer finds it in the e-service inbox under the form\'s title and moves it to done while the citizen follows', async () => {
  const officerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await officerContext.newPage();
  watch(page);
  await adminLogin(page, app.url, officer);
  await page.getByRole('link', { name: 'เรื่องร้องเรียนและคำขอ' }).click();
  await page.getByRole('navigation', { name: 'ประเภทเรื่อง' }).getByRole('button', { name: 'คำขอ e-Service' }).click();
  await page.getByRole('heading', { level: 1, name: 'คำขอ e-Service' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: trackingCode });
  await row.getByText(TITLE).waitFor();
  await page.screenshot({ path: '/tmp/e-service-build-inbox.png' });
  await row.getByRole('link', { name: trackingCode }).click();
  await page.getByRole('heading', { level: 1, name: trackingCode }).waitFor();

  for (const [action, state] of [
    ['เริ่มตรวจสอบ', 'กำลังตรวจสอบ'],
    ['อนุมัติ', 'อนุมัติแล้ว'],
    ['ส่งมอบผลแล้ว', 'เสร็จสิ้น'],
  ] as const) {
    await page.getByRole('button', { name: action, exact: true }).click();
    await page.getByRole('button', { name: action, exact: true }).waitFor({ state: 'detached' });
    // The last step is left to the page's own following: nobody touches the tracking page.
    await trackShows(state, state === 'เสร็จสิ้น');
  }
  await page.screenshot({ path: '/tmp/e-service-build-case.png', fullPage: true });
  await track.screenshot({ path: '/tmp/e-service-build-track.png', fullPage: true });
  const stored = (await app.strapi.db.query('api::e-form-submission.e-form-submission').findOne({ where: { trackingCode } })) as { state: string; resolvedAt: string | null };
  expect(stored.state).toBe('done');
  expect(stored.resolvedAt).toBeTruthy();
  await officerContext.close();
});

it('the dashboard counts the request and the paper not printed, and follows new requests by itself', async () => {
  const executive = await createAdmin(app, { email: 'executive-build@nokok.test', password: 'Executive12345!', role: 'nokok-executive' });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  watch(page);
  await adminLogin(page, app.url, executive);
  await page.getByRole('link', { name: 'แดชบอร์ด e-Service' }).click();
  await page.getByRole('heading', { level: 1, name: 'แดชบอร์ด e-Service' }).waitFor();
  const figure = (id: string) => page.locator(`[data-figure="${id}"] dd`).first();
  expect(await figure('total').textContent()).toBe('1');
  expect(await figure('paper').textContent()).toBe('3 แผ่น');
  expect(await figure('overdue').textContent()).toBe('0');
  await page.screenshot({ path: '/tmp/e-service-dashboard.png', fullPage: true });
  const service = page.getByRole('grid', { name: 'คำขอแยกตามบริการ' }).getByRole('row').filter({ hasText: TITLE });
  expect((await service.locator('td').allTextContents()).map((c) => c.trim())).toEqual(['1', '0', '0', '1', '1', '3']);
  const done = page.getByRole('grid', { name: 'คำขอแยกตามสถานะ' }).getByRole('row').filter({ hasText: 'เสร็จสิ้น' });
  expect((await done.locator('td').allTextContents()).map((c) => c.trim())).toEqual(['ปิดแล้ว', '1']);

  // A second request through the public API: the open page shows it without a reload.
  const body = new FormData();
  body.append('data', JSON.stringify({ answers: { [await fieldName('eform.national-id')]: GOOD_ID, [await fieldName('eform.consent')]: true } }));
  body.append(`files.${await fieldName('eform.file')}`, new Blob([PDF], { type: 'application/pdf' }), 'tree-2.pdf');
  const res = await fetch(`${app.url}/api/e-forms/${SLUG}/submissions`, { method: 'POST', body });
  expect(res.status).toBe(201);
  await page.waitForFunction(() => document.querySelector('[data-figure="total"] dd')?.textContent === '2', undefined, { timeout: 30_000 });
  expect(await figure('paper').textContent()).toBe('6 แผ่น');

  // The service's name leads to its requests in the inbox.
  await service.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: 'คำขอ e-Service' }).waitFor();
  await page.getByRole('row').filter({ hasText: trackingCode }).waitFor();
  expect(await page.getByRole('row').filter({ hasText: TITLE }).count()).toBe(2);
  await context.close();
  expect(consoleErrors).toEqual([]);
});

/** The key of the published form's field of that kind, from its public definition (the contract clients read). */
async function fieldName(kind: string): Promise<string> {
  const res = await fetch(`${app.url}/api/e-forms/${SLUG}`);
  const { data } = (await res.json()) as { data: { fields: Array<{ __component: string; name: string }> } };
  const field = data.fields.find((f) => f.__component === kind);
  if (!field) throw new Error(`the form has no ${kind} field`);
  return field.name;
}
