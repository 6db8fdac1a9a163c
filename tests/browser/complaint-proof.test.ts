import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

/**
 * Issue 18 on a phone: /track shows the photos before and after the fix side by side at 360 px, and
 * the citizen says "not fixed" (ยังไม่ได้รับการแก้ไข) with a reason, once; without script the page
 * still shows the photos.
 */
const COMPLAINT = 'api::complaint.complaint';
let app: TestApp;
let browser: Browser;
let officer: { token: string };

const engine = () => app.strapi.plugin('complaint-workflow').service('engine');
const staff = { type: 'staff' as const, user: null };

/** A complaint filed with a photo and a place, resolved by staff with a photo of the fix. */
async function resolvedComplaint(): Promise<string> {
  const before = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a33' } }).jpeg().toBuffer();
  const files = new FormData();
  files.append('files', new Blob([before], { type: 'image/jpeg' }), 'hole.jpg');
  const upload = await fetch(`${app.url}/api/complaints/photos`, { method: 'POST', body: files });
  const photos = ((await upload.json()) as { data: Array<{ id: number; token: string }> }).data;
  const res = await fetch(`${app.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { category: 'road', description: 'ถนนเป็นหลุมหน้าวัด', location: { lat: 14.7214, lng: 102.0187 }, photos } }),
  });
  const code = ((await res.json()) as { data: { trackingCode: string } }).data.trackingCode;
  const id = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: code } })).id as number;
  await engine().transition('complaint', id, 'accept', staff);
  // Staff attach the photo of the fix on the case page (its route, as the page sends it).
  const after = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a3' } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([after], { type: 'image/jpeg' }), 'fixed.jpg');
  const attached = await fetch(`${app.url}/complaint-workflow/cases/${id}/photos?type=complaint`, { method: 'POST', headers: { Authorization: `Bearer ${officer.token}` }, body: form });
  expect(attached.status).toBe(200);
  await engine().transition('complaint', id, 'resolve', staff, { reason: 'ปะหลุมแล้ว' });
  return code;
}

/** Both thumbnails are shown (decoded), side by side. */
async function expectPhotosSideBySide(page: Page) {
  await page.getByRole('heading', { name: 'ภาพก่อนและหลังแก้ไข' }).waitFor();
  const before = page.getByRole('img', { name: 'ภาพก่อนแก้ไข ภาพที่ 1' });
  const after = page.getByRole('img', { name: 'ภาพหลังแก้ไข ภาพที่ 1' });
  for (const img of [before, after]) await img.waitFor();
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.photo-side img')).every((i) => i.complete && i.naturalWidth === 320));
  const [a, b] = [await before.boundingBox(), await after.boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.db.query('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, confidential: false, active: true },
  });
  officer = await createAdmin(app);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows before and after side by side on a phone and takes "not fixed" once, with a reason', async () => {
  const code = await resolvedComplaint();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await page.goto(`${app.url}/track?code=${code}`);
  await expectPhotosSideBySide(page);
  await page.getByRole('heading', { name: 'ยังไม่ได้รับการแก้ไข?' }).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/track-before-after.png', fullPage: true });

  // An empty reason is refused on the page, before anything is sent.
  const send = page.getByRole('button', { name: 'ยังไม่ได้รับการแก้ไข', exact: true });
  await page.locator('#nf-submit:enabled').waitFor();
  await send.click();
  await page.locator('#nf-reason-error').getByText('กรุณากรอกข้อมูลนี้').waitFor();
  expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: code } })).state).toBe('resolved');

  await page.getByRole('textbox', { name: 'ยังมีปัญหาอะไรอยู่' }).fill('หลุมยังอยู่ น้ำขังเหมือนเดิม');
  await send.click();
  await page.getByRole('heading', { name: 'ส่งเรื่องกลับให้เจ้าหน้าที่แล้ว' }).waitFor();
  await page.locator('#case-status').getByText('เปิดเรื่องอีกครั้ง').waitFor();
  const stored = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: code } });
  expect(stored).toMatchObject({ state: 'reopened', reopenCount: 1 });

  // Once only: on the next visit the form is gone.
  await page.goto(`${app.url}/track?code=${code}`);
  await page.getByRole('heading', { name: 'ภาพก่อนและหลังแก้ไข' }).waitFor();
  expect(await page.locator('#not-fixed-form').count()).toBe(0);
  await context.close();
});

it('shows the photos without JavaScript', async () => {
  const code = await resolvedComplaint();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'th-TH' });
  const page = await context.newPage();
  await page.goto(`${app.url}/track?code=${code}`);
  await page.getByRole('img', { name: 'ภาพก่อนแก้ไข ภาพที่ 1' }).waitFor();
  await page.getByRole('img', { name: 'ภาพหลังแก้ไข ภาพที่ 1' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});
