import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

/**
 * /statistics on a phone (360 × 740) with the demo town: the figures the API gives, charts that fit
 * the screen with a table for each, the link to the live dataset, and the English page.
 */
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const noHorizontalScroll = async (page: Page) => expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);

it('shows the public statistics on a phone, each chart with its table, and links to the live dataset', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${app.url}/`);
  expect(await page.locator('#nav a[href="/statistics"]').count()).toBe(1);
  await page.goto(`${app.url}/statistics`);
  await page.getByRole('heading', { level: 1, name: 'สถิติการให้บริการประชาชน' }).waitFor();

  const api = (await (await fetch(`${app.url}/api/statistics`)).json()) as { data: { areas: Record<string, Record<string, unknown>> } };
  const complaints = api.data.areas.complaints as { total: number; byCategory: Array<{ nameTh: string | null; count: number }> };
  expect(complaints.total).toBeGreaterThan(0);
  const total = page.locator('#complaints dl div').filter({ hasText: 'เรื่องที่ได้รับทั้งหมด' }).locator('dd');
  await expect(total.textContent()).resolves.toBe(String(complaints.total));
  // The busiest category, in its table row with its count.
  const top = complaints.byCategory[0];
  const row = page.locator('#complaints-by-category table tbody tr').first();
  await expect(row.locator('th').textContent()).resolves.toBe(top.nameTh);
  await expect(row.locator('td').textContent()).resolves.toBe(String(top.count));
  const eService = api.data.areas['e-service'] as { total: number };
  await expect(page.locator('#e-service dl div').first().locator('dd').textContent()).resolves.toBe(String(eService.total));

  // Every chart is hidden from screen readers and followed by a table with the same rows.
  const charts = page.locator('figure.stat-chart');
  const n = await charts.count();
  expect(n).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    if (!(await chart.locator('.stat-bars').count())) continue; // an empty chart says so in words
    expect(await chart.locator('.stat-bars').getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('.stat-bar-row').count()).toBe(await chart.locator('table tbody tr').count());
  }
  // The assessment form: four quarters, two halves and the year, twelve months.
  await expect(page.locator('#complaints-assessment table').nth(0).locator('tbody tr').count()).resolves.toBe(4);
  await expect(page.locator('#complaints-assessment table').nth(1).locator('tbody tr').count()).resolves.toBe(3);
  await expect(page.locator('#complaints-assessment table').nth(2).locator('tbody tr').count()).resolves.toBe(12);

  await noHorizontalScroll(page);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/statistics-360.png`, fullPage: true });

  // One fiscal year, chosen with the plain form (no script needed).
  await page.locator('#fiscal-year').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'แสดง' }).tap();
  await page.waitForURL(/fiscalYear=25\d\d/);
  await page.getByRole('heading', { level: 1, name: 'สถิติการให้บริการประชาชน' }).waitFor();
  await noHorizontalScroll(page);

  // The live dataset of the same figures.
  await page.getByRole('link', { name: /ชุดข้อมูลเปิด: สถิติการให้บริการประชาชน/ }).tap();
  await page.getByRole('heading', { level: 1, name: 'สถิติการให้บริการประชาชน (เรื่องร้องเรียน คำขอ ความพึงพอใจ)' }).waitFor();

  // English.
  await page.goto(`${app.url}/en/statistics`);
  await page.getByRole('heading', { level: 1, name: 'Public service statistics' }).waitFor();
  await noHorizontalScroll(page);
  expect(errors).toEqual([]);
  await context.close();
});
