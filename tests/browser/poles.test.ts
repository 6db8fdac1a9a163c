import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';
import { uploadAfterPhotoOnCasePage } from '../helpers/after-photo';

let app: TestApp;
let browser: Browser;
let phone: BrowserContext;
let officer: { email: string; password: string; token: string };

const POLE = 'NOK-P02';
const NOTE = 'เงียบทั้งวัน ไม่มีประกาศตอนเช้า';

const publicPole = async (code: string) => ((await (await fetch(`${app.url}/api/poles/${code}`)).json()) as { data: { status: string; report: { trackingCode: string; reportCount: number } | null } }).data;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000' });
  officer = await createAdmin(app, { email: 'officer-poles@nokok.test', password: 'Officer12345' });
  browser = await launchBrowser();
  // A cheap phone, held by someone standing under the pole.
  phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  await phone.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openPole(page: Page) {
  await page.goto(`${app.url}/p/${POLE}`);
  await page.getByRole('heading', { level: 1, name: 'ทางเข้าหมู่บ้าน หมู่ 1' }).waitFor();
}

it('reports a silent loudspeaker from the QR page, adds a second report to it, and shows it working again once staff resolve it', async () => {
  const page = await phone.newPage();

  // First report: one tap on the fault, with a note.
  await openPole(page);
  await page.getByText('ใช้งานได้', { exact: true }).waitFor();
  await page.locator('#pole-map .leaflet-marker-icon').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await wcagViolations(page)).toEqual([]);
  await page.getByRole('textbox', { name: 'รายละเอียดเพิ่มเติม (ไม่บังคับ)' }).fill(NOTE);
  await page.getByRole('button', { name: 'ไม่มีเสียง', exact: true }).tap();
  await page.getByRole('heading', { level: 1, name: 'ได้รับแจ้งแล้ว ขอบคุณครับ' }).waitFor();
  const code = (await page.locator('#tracking-code').textContent())!.trim();
  expect(code).toMatch(/^NK-\d{4}-[A-Z0-9]{5}$/);
  expect(await publicPole(POLE)).toMatchObject({ status: 'reported', report: { trackingCode: code, reportCount: 1 } });
  await page.screenshot({ path: '/tmp/pole-done.png' });

  // Second report of the same pole: the page says it is known; the report joins the same complaint.
  await openPole(page);
  await page.getByText('มีผู้แจ้งเสียแล้ว เทศบาลรับเรื่องไว้และจะส่งช่างมาซ่อม').waitFor();
  await page.getByText('มีผู้แจ้งเสีย', { exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/pole-reported.png', fullPage: true });
  await page.getByRole('textbox', { name: 'เบอร์โทรศัพท์ (ไม่บังคับ)' }).fill('12');
  await page.getByRole('button', { name: 'เสียงแตก/ไม่ชัด', exact: true }).tap();
  await page.getByText('เบอร์โทรศัพท์ไม่ถูกต้อง เช่น 0812345678').waitFor();
  await page.getByRole('textbox', { name: 'เบอร์โทรศัพท์ (ไม่บังคับ)' }).fill('081 234 5678');
  await page.getByRole('button', { name: 'เสียงแตก/ไม่ชัด', exact: true }).tap();
  await page.getByText('มีผู้แจ้งเสาต้นนี้ไว้แล้ว ข้อมูลของคุณรวมไว้ในเรื่องเดิม (แจ้งแล้ว 2 ครั้ง)').waitFor();
  expect((await page.locator('#tracking-code').textContent())!.trim()).toBe(code);
  expect(await app.strapi.db.query('api::complaint.complaint').count({ where: { pole: { code: POLE } } })).toBe(1);

  // An officer works the case in the admin: accept, start, resolve with a reason.
  const desk = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH' })).newPage();
  await desk.context().route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await adminLogin(desk, app.url, officer);
  await desk.goto(`${app.url}/admin/plugins/complaint-workflow`);
  await desk.getByRole('link', { name: code }).click();
  await desk.getByRole('heading', { level: 1, name: code }).waitFor();
  await desk.getByText('QR ที่เสาไฟ', { exact: true }).waitFor();
  await desk.getByText(`${POLE} ทางเข้าหมู่บ้าน หมู่ 1`, { exact: true }).waitFor();
  await desk.getByText('แจ้งซ้ำครั้งที่ 2', { exact: false }).first().waitFor();
  await desk.getByRole('button', { name: 'รับเรื่อง', exact: true }).click();
  await desk.getByText('รับเรื่องไว้พิจารณา', { exact: true }).waitFor();
  await desk.getByRole('button', { name: 'เริ่มดำเนินการ', exact: true }).click();
  await desk.getByText('กำลังดำเนินการ', { exact: true }).waitFor();
  expect((await publicPole(POLE)).status).toBe('under_repair');
  // The pole has a place: the fix is resolved with a photo of it.
  await uploadAfterPhotoOnCasePage(desk, code);
  await desk.getByRole('button', { name: 'ดำเนินการเสร็จ', exact: true }).click();
  const dialog = desk.getByRole('dialog', { name: 'ดำเนินการเสร็จ' });
  await dialog.getByRole('textbox', { name: /เหตุผล/ }).fill('เปลี่ยนลำโพงใหม่แล้ว');
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await dialog.waitFor({ state: 'detached' });
  await desk.getByText('ดำเนินการแล้วเสร็จ', { exact: true }).waitFor();

  // The public map of all poles shows it working again.
  const map = await phone.newPage();
  await map.goto(`${app.url}/`);
  await map.getByRole('link', { name: /หอกระจายข่าว/ }).click();
  await map.getByRole('heading', { level: 1, name: 'หอกระจายข่าวไร้สาย' }).waitFor();
  const row = map.locator(`li[data-pole="${POLE}"]`);
  await row.getByText('ใช้งานได้', { exact: true }).waitFor();
  await map.locator(`li[data-pole="NOK-P17"]`).getByText('งดใช้งาน', { exact: true }).waitFor();
  await map.locator('#poles-map .leaflet-marker-icon').nth(19).waitFor();
  expect(await map.locator('#poles-map .map-dot--out_of_service').count()).toBe(1);
  expect(await map.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await wcagViolations(map)).toEqual([]);
  await map.screenshot({ path: '/tmp/poles-map.png', fullPage: true });
  expect((await publicPole(POLE)).status).toBe('working');

  // The pole page in English, for a visitor.
  await map.goto(`${app.url}/en/p/${POLE}`);
  await map.getByRole('button', { name: 'No sound', exact: true }).waitFor();
  await map.getByText('Working', { exact: true }).waitFor();
});

it('answers an unknown pole code with the not-found page', async () => {
  const page = await phone.newPage();
  await page.goto(`${app.url}/p/NOK-P99`);
  await page.getByRole('heading', { level: 1, name: /ไม่พบ/ }).waitFor();
});

it('shows the poles and a pole\'s state with JavaScript turned off, and offers the other ways to report instead of the form', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'th-TH' });
  try {
    const page = await context.newPage();
    const all = ((await (await fetch(`${app.url}/api/poles`)).json()) as { data: Array<{ code: string; status: string }> }).data;
    await page.goto(`${app.url}/poles`);
    await page.getByRole('heading', { level: 1, name: 'หอกระจายข่าวไร้สาย' }).waitFor();
    expect(await page.locator('.pole-list li[data-pole]').count()).toBe(all.length);
    await page.locator('li[data-pole="NOK-P17"]').getByText('งดใช้งาน', { exact: true }).waitFor();
    const working = all.filter((p) => p.status === 'working').length;
    expect(await page.locator('.legend').textContent()).toContain(`ใช้งานได้: ${working}`);
    expect(await page.locator('.legend').textContent()).toContain('งดใช้งาน: 1');
    // A map needs script: without it there is no empty box and no "loading" that never ends.
    expect(await page.locator('#poles-map').isHidden()).toBe(true);

    await page.goto(`${app.url}/p/NOK-P01`);
    await page.getByRole('heading', { level: 1, name: 'หน้าศาลาประชาคม หมู่ 1' }).waitFor();
    expect((await page.locator('#pole-status').textContent())?.trim()).toBe('ใช้งานได้');
    expect(await page.locator('#pole-notice').count()).toBe(0);
    expect(await page.locator('#pole-map').isHidden()).toBe(true);
    // The form needs script: its buttons cannot send anything (no phone number in a URL), and the
    // page says what else to do.
    const notice = page.locator('#pole-noscript');
    await notice.getByText('แบบฟอร์มนี้ต้องใช้ JavaScript', { exact: false }).waitFor();
    expect(await notice.locator('a[href^="tel:"]').count()).toBe(1);
    expect(await notice.locator('a[href="/line"]').count()).toBe(1);
    expect(await notice.locator('a[href="/complaint"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'ไม่มีเสียง', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/pole-noscript.png', fullPage: true });

    // Once reported, the state and the notice with its tracking link read without script too.
    const res = await fetch(`${app.url}/api/poles/NOK-P01/reports`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { fault: 'too_loud' } }) });
    expect(res.status).toBe(201);
    const { trackingCode } = ((await res.json()) as { data: { trackingCode: string } }).data;
    await page.goto(`${app.url}/p/NOK-P01`);
    expect((await page.locator('#pole-status').textContent())?.trim()).toBe('มีผู้แจ้งเสีย');
    await page.locator('#pole-notice').getByText('มีผู้แจ้งเสียแล้ว เทศบาลรับเรื่องไว้และจะส่งช่างมาซ่อม').waitFor();
    expect(await page.locator('#pole-notice a').getAttribute('href')).toBe(`/track?code=${trackingCode}`);

    await page.goto(`${app.url}/en/p/NOK-P01`);
    expect((await page.locator('#pole-status').textContent())?.trim()).toBe('Reported broken');
  } finally {
    await context.close();
  }
});

it('fits the staff poles page in a 1280 px wide window, its table included', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH' });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  try {
    const page = await context.newPage();
    await adminLogin(page, app.url, officer);
    await page.goto(`${app.url}/admin/poles`);
    await page.locator('tr[data-pole="NOK-P17"]').waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.screenshot({ path: '/tmp/admin-poles-1280.png', fullPage: true });
    // Nothing on the page scrolls sideways: neither the page nor any box in it (the table's own wrapper included).
    const wide = await page.evaluate(() =>
      [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>('main, main *'))]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' && getComputedStyle(el).overflowX !== 'hidden')
        .map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  } finally {
    await context.close();
  }
});

it('shows staff the poles by status and prints one A4 page per QR label', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH' });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  await adminLogin(page, app.url, officer);
  await page.getByRole('link', { name: 'เสาลำโพงเสียงไร้สาย' }).click();
  await page.getByRole('heading', { level: 1, name: 'เสาลำโพงเสียงไร้สาย' }).waitFor();
  await page.locator('tr[data-pole="NOK-P17"]').getByText('งดใช้งาน').waitFor();
  await page.locator('.leaflet-marker-icon').nth(19).waitFor();
  await page.screenshot({ path: '/tmp/admin-poles.png', fullPage: true });

  await page.getByRole('link', { name: 'พิมพ์ป้าย QR ทุกเสา' }).click();
  await page.getByRole('heading', { level: 1, name: 'ป้าย QR สำหรับติดเสา' }).waitFor();
  const printed = page.locator('.nokok-print .nokok-label');
  expect(await printed.count()).toBe(20);
  // Every QR image loaded (they come from the public API), then the print: one label per A4 page.
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.nokok-print img')).every((i) => i.complete && i.naturalWidth > 0));
  await page.screenshot({ path: '/tmp/admin-labels.png' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(20);
  expect(await printed.first().textContent()).toContain('NOK-P01');
  expect(await printed.first().textContent()).toContain('สแกนเพื่อแจ้ง');

  // One pole's label alone, from its row.
  await page.goto(`${app.url}/admin/poles`);
  await page.getByRole('link', { name: 'ป้าย QR ของเสา NOK-P05' }).click();
  await page.getByRole('heading', { level: 1, name: 'ป้าย QR ของเสา NOK-P05' }).waitFor();
  expect(await page.locator('.nokok-print .nokok-label').count()).toBe(1);
  const one = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(one.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
  await context.close();
});
