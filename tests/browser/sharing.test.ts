import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';
import { createDataset } from '../helpers/datasets';
import type { PartnersService } from '../../src/api/dataset/services/partners';

/**
 * The data sharing page in Thai: the administrator issues a partner agency's token and copies it
 * from the one screen that shows it, then reads the access log and exports it; an auditor reads the
 * log but issues nothing.
 */
let app: TestApp;
let browser: Browser;
let agency: { id: number; documentId: string };
const partners = () => app.strapi.service('api::dataset.partners') as PartnersService;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const created = await app.strapi.documents('api::dataset.partner-agency').create({ data: { name: 'ที่ว่าการอำเภอปักธงชัย', active: true } });
  agency = { id: created.id as number, documentId: created.documentId };
  await createDataset(app.strapi, { titleTh: 'ครัวเรือนยากจน', slug: 'poor-households', accessLevel: 'restricted', partners: [agency.documentId] });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await adminLogin(page, app.url, { email, password });
  await page.getByRole('link', { name: 'การแบ่งปันข้อมูล' }).click();
  await page.getByRole('heading', { level: 1, name: 'การแบ่งปันข้อมูล' }).waitFor();
  return page;
}

it('issues a token shown once, then lists the reads it made and exports them', async () => {
  const { email, password } = await createAdmin(app);
  const page = await open(email, password);
  const row = page.locator('tr[data-agency="ที่ว่าการอำเภอปักธงชัย"]');
  await row.getByText('ยังไม่มีโทเค็น').waitFor();
  await row.getByText('1 ชุด').waitFor();
  expect(await wcagViolations(page)).toEqual([]);

  await row.getByRole('button', { name: 'ออกโทเค็นใหม่' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('ออกโทเค็นใหม่ให้ ที่ว่าการอำเภอปักธงชัย').waitFor();
  await dialog.getByRole('combobox', { name: 'อายุของโทเค็น' }).click();
  await page.getByRole('option', { name: '90 วัน' }).click();
  await dialog.getByRole('button', { name: 'ออกโทเค็น' }).click();
  await dialog.getByText('แสดงครั้งเดียวเท่านั้น').waitFor();
  const key = await dialog.getByTestId('partner-token-key').inputValue();
  expect(key).toMatch(/^[0-9a-f]{256}$/);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/sharing-token.png' });
  await dialog.getByRole('button', { name: 'คัดลอกโทเค็น' }).last().click();
  await page.getByText('คัดลอกโทเค็นแล้ว').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await dialog.getByRole('button', { name: 'ปิด' }).last().click();
  await row.getByText('ใช้งานได้').waitFor();

  // The agency reads its restricted dataset with the key: the log shows it.
  const fake = {
    get: (h: string) => (h.toLowerCase() === 'authorization' ? `Bearer ${key}` : ''),
    set: () => undefined,
    vary: () => undefined,
    query: {},
    originalUrl: '/api/3/action/package_show?id=poor-households',
    request: { ip: '198.51.100.20' },
  } as unknown as Parameters<PartnersService['viewerOf']>[0];
  const viewer = await partners().viewerOf(fake);
  await partners().logAccess(fake, viewer, { dataset: 'poor-households', action: 'package_show' });
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'บันทึกการเข้าถึงข้อมูล' }).waitFor();
  await page.getByText('198.51.100.20', { exact: true }).waitFor();
  await page.getByText('หน้า 1 จาก 1 (ทั้งหมด 1 รายการ)').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ส่งออก CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^data-access-log_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFเวลา,หน่วยงาน')).toBe(true);
  expect(csv).toContain('ที่ว่าการอำเภอปักธงชัย');
  expect(csv).toContain('poor-households,,package_show,/api/3/action/package_show?id=poor-households,198.51.100.20');
  await page.screenshot({ path: '/tmp/sharing-log.png', fullPage: true });
  await page.context().close();
});

it('lets the auditor read and export the log, not issue tokens', async () => {
  const { email, password } = await createAdmin(app, { role: 'nokok-auditor' });
  const page = await open(email, password);
  await page.locator('tr[data-agency="ที่ว่าการอำเภอปักธงชัย"]').getByText('ใช้งานได้').waitFor();
  expect(await page.getByRole('button', { name: 'ออกโทเค็นใหม่' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'เพิ่มหน่วยงาน' }).count()).toBe(0);
  await page.getByText('198.51.100.20', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'ส่งออก Excel' }).waitFor();
  await page.context().close();
});
