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
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  editor = await createAdmin(app, { email: 'editor-build@nokok.test', password: 'Editor12345!', role: 'nokok-content-editor' });
  officer = await createAdmin(app, { email: 'officer-build@nokok.test', password: 'Officer12345!', role: 'nokok-complaint-officer' });
  browser = await launchBrowser();
  staff = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
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

  await addField(page, 'ข้อความสั้น', 'ชื่อ-นามสกุลผู้ยื่นคำขอ');
  const id = await addField(page, 'เลขประจำตัวประชาชน', 'เลขประจำตัวประชาชน');
  await id.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  const file = await addField(page, 'แนบไฟล์', 'รูปถ่ายต้นไม้');
  await file.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  const consent = await addField(page, 'ความยินยอม', 'การยินยอม');
  await consent.getByLabel('ข้อความที่ผู้ยื่นยินยอม (ภาษาไทย)').fill('ข้าพเจ้ายินยอมให้เทศบาลใช้ข้อมูลนี้เพื่อพิจารณาคำขอ');
  await consent.getByRole('checkbox', { name: 'ต้องกรอก' }).click();
  await page.screenshot({ path: '/tmp/e-form-edit-fields.png', fullPage: true });

  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await page.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
  await page.getByRole('tab', { name: /เผยแพร่แล้ว/ }).or(page.getByText('เผยแพร่แล้ว').first()).first().waitFor();

  const form = (await app.strapi.db.query('api::e-form.e-form').findOne({ where: { slug: SLUG, publishedAt: { $notNull: true } }, populate: ['fields'] })) as {
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
