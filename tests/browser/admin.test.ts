import type { Browser, Page } from 'playwright-core';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';

let app: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('logs an officer into the admin in Thai and opens the content manager', async () => {
  const admin = await createAdmin(app, { email: 'officer@nokok.test', password: 'Officer12345' });
  await app.strapi.documents('api::news.news-item').create({
    locale: 'th',
    data: { title: 'ประกาศทดสอบในระบบหลังบ้าน', slug: 'admin-test', publishedDate: '2026-11-02', category: 'announcement' },
  });

  // A browser that has never chosen a language gets the Thai login page.
  await page.goto(`${app.url}/admin/auth/login`);
  await page.getByText('ระบบเทศบาลดิจิทัล นกออก').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('th');
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(admin.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.includes('/auth/'));

  await page.goto(`${app.url}/admin/content-manager/collection-types/api::news.news-item?plugins[i18n][locale]=th`);
  await page.getByText('ประกาศทดสอบในระบบหลังบ้าน').waitFor();
  // The content manager's own labels are Thai too.
  await page.getByRole('heading', { name: 'จัดการเนื้อหา' }).first().waitFor();
  await page.getByRole('link', { name: /เพิ่มรายการใหม่/ }).first().waitFor();
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/admin-content-manager.png` });
});
