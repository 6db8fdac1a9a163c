import type { Browser, Page } from 'playwright-core';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { createDataset, dataStoreSettled, uploadFile } from '../helpers/datasets';

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows staff how an uploaded table was read, in Thai, before the dataset is published', async () => {
  const admin = await createAdmin(app);
  const file = await uploadFile(app.strapi, 'budget.csv', 'ปี,แผนงาน,งบประมาณ\n2568,แผนงานการศึกษา,"1,250,000.50"\n2569,แผนงานสาธารณสุข,"980,000"\n');
  const id = await createDataset(app.strapi, { titleTh: 'งบประมาณตามแผนงาน', titleEn: 'Budget by programme', resources: [{ name: 'งบประมาณ 2568–2569', source: 'file', file: file.id }] }, { publish: false });
  await dataStoreSettled(app.strapi);

  await adminLogin(page, app.url, admin);
  await page.goto(`${app.url}/admin/content-manager/collection-types/api::dataset.dataset/${id}`);
  await page.getByText('ตารางข้อมูล (ตัวอย่างก่อนเผยแพร่)').waitFor();
  await page.getByText('พร้อมใช้ 2 แถว').waitFor();
  await page.getByRole('button', { name: 'ดูตัวอย่างตาราง' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('แผนงานสาธารณสุข').waitFor();
  // Each column's type as it was read, and numbers written with separators read as numbers.
  await dialog.getByText('ตัวเลข').waitFor();
  await dialog.getByText('1,250,000.5').waitFor();
  // The form names its fields in Thai, and the statistical extras wait for their data type.
  await dialog.getByRole('button', { name: 'ปิด' }).click();
  await page.getByText('ชื่อชุดข้อมูล (ภาษาไทย)').first().waitFor();
  expect(await page.getByText('ปีเริ่มต้นของข้อมูล').count()).toBe(0);
});
