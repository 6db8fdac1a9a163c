import type { Browser, Page } from 'playwright-core';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';

/**
 * The e-service request is a second case type registered with the case engine: the inbox and the
 * case page show it in Thai from its registration alone (no admin code was written for it).
 */
let app: TestApp;
let browser: Browser;
let page: Page;
let officer: { email: string; password: string; token: string };
const consoleErrors: string[] = [];

async function fileRequest(title: string): Promise<string> {
  const res = await fetch(`${app.url}/api/e-form-submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { title, description: 'ขอรับเอกสารที่สำนักงานเทศบาล', answers: { บ้านเลขที่: '99/1' } } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { trackingCode: string } }).data.trackingCode;
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  officer = await createAdmin(app, { email: 'officer-es@nokok.test', password: 'Officer12345' });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /complaint-workflow/.test(m.text())) consoleErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows e-service requests in their own inbox tab and case page, in Thai, and moves one along its workflow', async () => {
  const code = await fileRequest('ขอรับรองสำเนาทะเบียนบ้าน');
  await adminLogin(page, app.url, officer);

  await page.getByRole('link', { name: 'เรื่องร้องเรียนและคำขอ' }).click();
  await page.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียน' }).waitFor();
  // The type tabs come from the registered types.
  await page.getByRole('navigation', { name: 'ประเภทเรื่อง' }).getByRole('button', { name: 'คำขอ e-Service' }).click();
  await page.getByRole('heading', { level: 1, name: 'คำขอ e-Service' }).waitFor();
  await page.getByRole('tab', { name: 'รับคำขอแล้ว 1' }).waitFor();
  await page.getByRole('tab', { name: 'รอเอกสารเพิ่มเติม 0' }).waitFor();
  // A type without categories or villages shows no such filter.
  expect(await page.getByText('ประเภทเรื่อง', { exact: true }).count()).toBeLessThanOrEqual(1);
  expect(await page.getByLabel('หมู่ที่').count()).toBe(0);

  await page.screenshot({ path: '/tmp/e-service-inbox.png' });
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: code }).waitFor();
  await page.getByText('รับคำขอแล้ว').first().waitFor();
  await page.getByText('99/1').waitFor();

  await page.getByRole('button', { name: 'เริ่มตรวจสอบ', exact: true }).click();
  await page.getByText('กำลังตรวจสอบ').first().waitFor();
  await page.getByRole('button', { name: 'ขอเอกสารเพิ่มเติม', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'ขอเอกสารเพิ่มเติม' });
  await dialog.getByRole('textbox').fill('กรุณาส่งสำเนาบัตรประชาชน');
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await page.getByRole('button', { name: 'ได้รับเอกสารแล้ว', exact: true }).waitFor();

  const tracked = (await (await fetch(`${app.url}/api/e-form-submissions/track/${code}`)).json()) as { data: { status: string } };
  expect(tracked.data.status).toBe('waiting_documents');
  // The history names the type's own states and actions.
  await page.getByRole('list', { name: 'ประวัติการดำเนินการ' }).getByText('ขอเอกสารเพิ่มเติม').first().waitFor();
  await page.screenshot({ path: '/tmp/e-service-case.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});
