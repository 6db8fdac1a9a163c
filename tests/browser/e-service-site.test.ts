import fs from 'fs';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Modules } from '@strapi/strapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

/**
 * The citizen's e-service journey on a phone, in Thai: the list of services, a form with a field of
 * every kind, the browser's own check (a wrong national ID), the review, sending with a real file,
 * the receipt (its QR code leads to the tracking page; it prints on one A4 page) and tracking the
 * request; the English form; a closed service; the form without script; the old address.
 */
const FORM = 'api::e-form.e-form';
type FormInput = Modules.Documents.Params.Data.Input<typeof FORM>;
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const SLUG = 'building-permit';
const PUBLIC = 'https://nokok.example';
const GOOD_ID = '1101700230708';
const BAD_ID = '1101700230709';
const CODE = /^ES-\d{4}-[2-9A-Z]{5}$/;

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shots: string;
let trackingCode = '';

const FIELDS = [
  { __component: 'eform.short-text', name: 'full_name', labelTh: 'ชื่อ-นามสกุลผู้ยื่นคำขอ', labelEn: 'Full name', required: true, maxLength: 100 },
  { __component: 'eform.long-text', name: 'details', labelTh: 'รายละเอียดงาน', labelEn: 'About the work', helpTh: 'บอกสิ่งที่จะก่อสร้างโดยย่อ', helpEn: 'What you will build, in short', required: false, maxLength: 500 },
  { __component: 'eform.number', name: 'area', labelTh: 'พื้นที่ก่อสร้าง', labelEn: 'Floor area', required: true, min: 1, max: 1000, integer: false, unitTh: 'ตารางเมตร', unitEn: 'square metres' },
  { __component: 'eform.date', name: 'bought_on', labelTh: 'วันที่ได้กรรมสิทธิ์ที่ดิน', labelEn: 'Date the land was acquired', required: false, allow: 'past' },
  { __component: 'eform.choice', name: 'kind', labelTh: 'ประเภทงาน', labelEn: 'Kind of work', required: true, optionsTh: 'ก่อสร้างใหม่\nต่อเติม', optionsEn: 'New building\nExtension', multiple: false },
  { __component: 'eform.choice', name: 'uses', labelTh: 'การใช้อาคาร', labelEn: 'Use of the building', required: false, optionsTh: 'อยู่อาศัย\nร้านค้า\nโกดัง', optionsEn: 'Home\nShop\nWarehouse', multiple: true },
  { __component: 'eform.yes-no', name: 'owner', labelTh: 'ท่านเป็นเจ้าของที่ดินใช่หรือไม่', labelEn: 'Do you own the land?', required: true },
  { __component: 'eform.national-id', name: 'national_id', labelTh: 'เลขประจำตัวประชาชน', labelEn: 'National ID number', required: true },
  { __component: 'eform.phone', name: 'phone', labelTh: 'เบอร์โทรศัพท์', labelEn: 'Phone', required: true },
  { __component: 'eform.email', name: 'email', labelTh: 'อีเมล', labelEn: 'E-mail', required: false },
  {
    __component: 'eform.address',
    name: 'site',
    labelTh: 'ที่ตั้งอาคาร',
    labelEn: 'Where the building is',
    required: true,
    defaultSubdistrict: 'นกออก',
    defaultDistrict: 'ปักธงชัย',
    defaultProvince: 'นครราชสีมา',
  },
  { __component: 'eform.location', name: 'spot', labelTh: 'ตำแหน่งบนแผนที่', labelEn: 'Point on the map', required: false },
  { __component: 'eform.file', name: 'plan', labelTh: 'แบบแปลนอาคาร', labelEn: 'Building plan', required: true, accept: 'pdf_images', maxSizeMb: 2, maxFiles: 2 },
  { __component: 'eform.consent', name: 'agree', labelTh: 'การยินยอม', labelEn: 'Consent', required: true, textTh: 'ข้าพเจ้ายืนยันว่าข้อมูลเป็นความจริง', textEn: 'I confirm that this is true' },
];

async function createForm(data: Record<string, unknown>) {
  return app.strapi.documents(FORM).create({ data: data as FormInput, status: 'published' });
}

const noHorizontalScroll = async (p: Page = page) => expect(await p.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);

/** The form is ready once the island has taken over (its button enabled) and the map has loaded. */
async function openForm(path = `/e-service/${SLUG}`) {
  await page.goto(`${app.url}${path}`);
  await page.locator('#e-review:enabled').waitFor();
  await page.locator('#f-spot-map.leaflet-container').waitFor();
}

/** Latin words the Thai page shows in <main> besides names that have no Thai form (file formats, the map's credit). */
const latinWords = async () =>
  ((await page.locator('main').innerText()).match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['PDF', 'Leaflet', 'OpenStreetMap'].includes(w));

/** The required answers only (an image this time), then on to the review. */
async function fillRequired() {
  await page.getByLabel('ชื่อ-นามสกุลผู้ยื่นคำขอ').fill('สมหญิง รักดี');
  await page.getByLabel('พื้นที่ก่อสร้าง').fill('80');
  await page.getByLabel('ก่อสร้างใหม่').check();
  await page.getByRole('group', { name: /ท่านเป็นเจ้าของที่ดิน/ }).getByLabel('ไม่ใช่').check();
  await page.getByLabel('เลขประจำตัวประชาชน').fill(GOOD_ID);
  await page.getByLabel('เบอร์โทรศัพท์').fill('0812345678');
  await page.getByLabel('แบบแปลนอาคาร').setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer() });
  await page.getByLabel('ข้าพเจ้ายืนยันว่าข้อมูลเป็นความจริง').check();
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.getByRole('button', { name: 'ส่งคำขอ' }).waitFor();
}

/** Every page of a PDF that chromium printed (its page objects; `/Type /Pages` is their tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: PUBLIC });
  shots = `${app.strapi.dirs.app.root}/.tmp`;
  fs.mkdirSync(shots, { recursive: true });
  await app.strapi.documents('api::municipality.municipality').create({
    data: { nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Municipality', phone: '044-123456', mapCenterLat: 14.72, mapCenterLng: 102.02, mapZoom: 15 },
  });
  await createForm({
    titleTh: 'ขออนุญาตก่อสร้างอาคาร',
    titleEn: 'Building permit',
    slug: SLUG,
    descriptionTh: 'ยื่นขออนุญาตก่อสร้าง ดัดแปลง หรือต่อเติมอาคาร',
    descriptionEn: 'Apply to build, alter or extend a building',
    department: 'กองช่าง',
    documentsTh: 'สำเนาบัตรประจำตัวประชาชน\nสำเนาโฉนดที่ดิน',
    documentsEn: 'A copy of your ID card\nA copy of the land title deed',
    processingDays: 30,
    fee: 20,
    isOpen: true,
    workflow: 'full',
    paperPages: 4,
    displayOrder: 1,
    fields: FIELDS,
  });
  await createForm({
    titleTh: 'ขอใช้สถานที่',
    titleEn: 'Booking a venue',
    slug: 'venue-booking',
    processingDays: 7,
    fee: 0,
    isOpen: false,
    workflow: 'short',
    paperPages: 1,
    displayOrder: 2,
    fields: [{ __component: 'eform.short-text', name: 'event', labelTh: 'ชื่องาน', labelEn: 'Event', required: true, maxLength: 100 }],
  });

  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation: { latitude: 14.7311, longitude: 102.0333 },
    permissions: ['geolocation'],
  });
  // No network here, and none needed: the map works without its tiles.
  await context.route(/^https:\/\/([a-z]\.)?tile\.openstreetmap\.org\//, (route) => route.abort());
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('lists the open services with what each takes, in Thai, on a phone', async () => {
  await page.goto(`${app.url}/e-service`);
  await page.getByRole('heading', { level: 1, name: 'บริการออนไลน์' }).waitFor();
  const cards = page.locator('.eservice');
  expect(await cards.count()).toBe(1); // the closed service is not listed
  const card = await cards.first().textContent();
  for (const text of ['ขออนุญาตก่อสร้างอาคาร', 'ยื่นขออนุญาตก่อสร้าง', 'กองช่าง', '30 วัน', '20 บาท']) expect(card).toContain(text);
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  expect(await latinWords()).toEqual([]);
  await noHorizontalScroll();
  await page.screenshot({ path: `${shots}/e-service-list-360.png`, fullPage: true });

  // The home page's tile leads here; the old "coming soon" address moved for good.
  await page.goto(`${app.url}/`);
  expect(await page.locator('.service a[href="/e-service"]').count()).toBe(1);
  for (const [from, to] of [
    ['/eservice', '/e-service'],
    ['/en/eservice', '/en/e-service'],
  ]) {
    const res = await fetch(`${app.url}${from}`, { redirect: 'manual', headers: { Accept: 'text/html' } });
    expect({ from, status: res.status, location: res.headers.get('location') }).toEqual({ from, status: 301, location: to });
  }
  const sitemap = await (await fetch(`${app.url}/sitemap.xml`)).text();
  expect(sitemap).toContain(`/e-service/${SLUG}</loc>`);
  expect(sitemap).not.toContain('/e-service/venue-booking');
});

it('checks the answers in the browser, shows them for review and sends them with a file', async () => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/submissions')) posts.push(r.url());
  });
  await page.goto(`${app.url}/e-service`);
  await page.getByRole('link', { name: 'ขออนุญาตก่อสร้างอาคาร' }).click();
  await page.waitForURL(`**/e-service/${SLUG}`);
  await page.locator('#e-review:enabled').waitFor();
  await page.locator('#f-spot-map.leaflet-container').waitFor();
  // What to bring, before the form.
  expect(await page.locator('.documents li').allTextContents()).toEqual(['สำเนาบัตรประจำตัวประชาชน', 'สำเนาโฉนดที่ดิน']);
  // The address starts from the field's defaults.
  expect(await page.getByLabel('ตำบล').inputValue()).toBe('นกออก');
  expect(await page.getByLabel('จังหวัด').inputValue()).toBe('นครราชสีมา');
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  expect(await latinWords()).toEqual([]);

  // Sending nothing: every required field says so, at once, and nothing is sent.
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.locator('#f-full_name-error:not([hidden])').waitFor();
  for (const name of ['full_name', 'area', 'kind', 'owner', 'national_id', 'phone', 'plan', 'agree'])
    expect({ name, hidden: await page.locator(`#f-${name}-error`).isHidden() }).toEqual({ name, hidden: false });
  expect(await page.locator('#f-full_name-error').textContent()).toBe('กรุณากรอกข้อมูลนี้');
  expect(await page.locator('#f-agree-error').textContent()).toBe('กรุณาทำเครื่องหมายยินยอม');
  expect(await page.locator('#e-alert').textContent()).toMatch(/^ยังส่งไม่ได้ กรุณาแก้ไข \d+ รายการ/);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-full_name');

  await page.getByLabel('ชื่อ-นามสกุลผู้ยื่นคำขอ').fill('สมชาย ใจดี');
  await page.getByLabel('รายละเอียดงาน').fill('บ้านพักอาศัยชั้นเดียว');
  await page.getByLabel('พื้นที่ก่อสร้าง').fill('120.5');
  await page.getByLabel('วันที่ได้กรรมสิทธิ์ที่ดิน').fill('2020-01-15');
  await page.getByLabel('ต่อเติม').check();
  await page.getByLabel('อยู่อาศัย').check();
  await page.getByLabel('ร้านค้า').check();
  await page.getByRole('group', { name: /ท่านเป็นเจ้าของที่ดิน/ }).getByLabel('ใช่', { exact: true }).check();
  await page.getByLabel('เลขประจำตัวประชาชน').fill(BAD_ID);
  await page.getByLabel('เบอร์โทรศัพท์').fill('081-234-5678');
  await page.getByLabel('อีเมล').fill('somchai@example.com');
  await page.getByLabel('บ้านเลขที่').fill('99/1');
  await page.getByLabel('หมู่ที่').fill('5');
  await page.getByLabel('รหัสไปรษณีย์').fill('30150');
  await page.locator('#f-spot-map').tap({ position: { x: 120, y: 140 } });
  await page.getByText(/^ปักหมุดแล้วที่ 14\.\d+, 102\.\d+$/).waitFor();
  expect(Number(await page.getByLabel('ละติจูด').inputValue())).toBeCloseTo(14.72, 1);
  await page.getByLabel('แบบแปลนอาคาร').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
  await page.getByLabel('ข้าพเจ้ายืนยันว่าข้อมูลเป็นความจริง').check();

  // A wrong check digit is caught in the browser, under its field.
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.locator('#f-national_id-error:not([hidden])').waitFor();
  expect(await page.locator('#f-national_id-error').textContent()).toBe('เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบทั้ง 13 หลัก)');
  expect(await page.getByLabel('เลขประจำตัวประชาชน').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('.field-error:not([hidden])').count()).toBe(1);
  expect(posts).toEqual([]);
  await noHorizontalScroll();
  await page.screenshot({ path: `${shots}/e-service-form-error-360.png`, fullPage: true });

  await page.getByLabel('เลขประจำตัวประชาชน').fill(GOOD_ID);
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.getByRole('heading', { level: 2, name: 'ตรวจสอบข้อมูลก่อนส่ง' }).waitFor();
  expect(await page.locator('#e-form').isHidden()).toBe(true);
  const review = (await page.locator('.review-list').textContent()) ?? '';
  for (const text of ['สมชาย ใจดี', '120.5 ตารางเมตร', 'ต่อเติม', 'อยู่อาศัย, ร้านค้า', 'ใช่', GOOD_ID, '0812345678', 'บ้านเลขที่ 99/1', 'ตำบล นกออก', 'plan.pdf', 'ยินยอม'])
    expect({ text, found: review.includes(text) }).toEqual({ text, found: true });
  expect(review).toContain('2563'); // the date, in the Buddhist era
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  await noHorizontalScroll();
  await page.screenshot({ path: `${shots}/e-service-review-360.png`, fullPage: true });

  // Edit goes back to the answers as they were; review again, then send.
  await page.getByRole('button', { name: 'แก้ไขข้อมูล' }).click();
  expect(await page.getByLabel('ชื่อ-นามสกุลผู้ยื่นคำขอ').inputValue()).toBe('สมชาย ใจดี');
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();

  await page.waitForURL(/\/e-service\/receipt\?code=ES-/);
  await page.getByRole('heading', { level: 1, name: 'ได้รับคำขอของคุณแล้ว' }).waitFor();
  trackingCode = (await page.locator('#tracking-code').textContent())!.trim();
  expect(trackingCode).toMatch(CODE);
  expect(posts).toHaveLength(1);

  const stored = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode } });
  expect(stored).toMatchObject({ formSlug: SLUG, state: 'received' });
  expect(stored.answers).toMatchObject({ full_name: 'สมชาย ใจดี', area: 120.5, kind: 'ต่อเติม', uses: ['อยู่อาศัย', 'ร้านค้า'], owner: true, national_id: GOOD_ID, agree: true });
  expect(stored.answers.site).toMatchObject({ houseNumber: '99/1', village: '5', subdistrict: 'นกออก', postcode: '30150' });
  expect(stored.answers.spot.lat).toBeCloseTo(14.72, 1);
  expect(JSON.stringify(stored.files)).toContain('plan.pdf');
});

it('gives a printable receipt whose QR code leads to the tracking page', async () => {
  expect(trackingCode).toMatch(CODE);
  expect(await page.locator('#receipt-service').textContent()).toBe('ขออนุญาตก่อสร้างอาคาร');
  const facts = (await page.locator('.receipt .facts').textContent()) ?? '';
  expect(facts).toContain('วันที่ยื่นคำขอ');
  expect(facts).toContain('กำหนดแล้วเสร็จ');
  expect(facts).toContain(String(new Date().getFullYear() + 543));
  expect((await latinWords()).filter((w) => !trackingCode.includes(w))).toEqual([]);
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  await noHorizontalScroll();
  await page.screenshot({ path: `${shots}/e-service-receipt-360.png`, fullPage: true });

  // The QR code, read back from the screen: the tracking page at the site's public address.
  const png = await page.locator('.qr-box svg').screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  expect(read?.data).toBe(`${PUBLIC}/track?code=${trackingCode}`);

  // One A4 page, without the site's header and footer.
  const pdf = await page.pdf({ format: 'A4' });
  fs.writeFileSync(`${shots}/e-service-receipt.pdf`, pdf);
  expect(pdfPages(pdf)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site-header').isHidden()).toBe(true);
  expect(await page.locator('#print-receipt').isHidden()).toBe(true);
  await page.screenshot({ path: `${shots}/e-service-receipt-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The language switch keeps the receipt; in English the service has its English title.
  await page.locator('#lang-switch').click();
  await page.getByRole('heading', { level: 1, name: 'Your request has been received' }).waitFor();
  expect(await page.locator('#receipt-service').textContent()).toBe('Building permit');
  expect(await page.locator('#tracking-code').textContent()).toBe(trackingCode);
  await page.goBack();
});

it('tracks the request by its code, refreshing its status in place', async () => {
  await page.getByRole('link', { name: 'ติดตามสถานะคำขอนี้' }).click();
  await page.waitForURL(`**/track?code=${trackingCode}`);
  await page.locator('#case-status').getByText('รับคำขอแล้ว').waitFor();
  expect(await page.locator('.facts').textContent()).toContain('ขออนุญาตก่อสร้างอาคาร');
  expect(await page.locator('.timeline li').allTextContents()).toEqual([expect.stringContaining('รับเรื่องเข้าระบบ')]);

  const stored = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode } });
  const engine = app.strapi.plugin('complaint-workflow').service('engine');
  await engine.transition('e-service', stored.id, 'check', { type: 'staff' });
  await page.getByRole('link', { name: 'โหลดสถานะล่าสุด' }).click();
  await page.getByRole('status').getByText('อัปเดตสถานะแล้ว: กำลังตรวจสอบ').waitFor();
  const steps = await page.locator('.timeline li').allTextContents();
  expect(steps[0]).toContain('สถานะเปลี่ยนเป็น: กำลังตรวจสอบ');
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  await noHorizontalScroll();
  await page.screenshot({ path: `${shots}/e-service-track-360.png`, fullPage: true });
});

it('shows the server\'s refusals under their fields, and says when the service closed meanwhile', async () => {
  await openForm();
  await fillRequired();

  // Staff shortened the name's limit after the page was loaded: only the server knows.
  await app.strapi.db.query('eform.short-text').updateMany({ where: { name: 'full_name' }, data: { maxLength: 5 } });
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
  await page.locator('#f-full_name-error:not([hidden])').waitFor();
  expect(await page.locator('#e-form').isVisible()).toBe(true);
  expect(await page.locator('#f-full_name-error').textContent()).toMatch(/ยาวเกิน/);
  await app.strapi.db.query('eform.short-text').updateMany({ where: { name: 'full_name' }, data: { maxLength: 100 } });

  // Closed while the citizen was reviewing: nothing sent, and the page says so.
  const forms = await app.strapi.documents(FORM).findMany({ filters: { slug: SLUG }, status: 'published' });
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูลก่อนส่ง' }).click();
  await page.getByRole('button', { name: 'ส่งคำขอ' }).waitFor();
  await app.strapi.documents(FORM).update({ documentId: forms[0].documentId, data: { isOpen: false } });
  await app.strapi.documents(FORM).publish({ documentId: forms[0].documentId });
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
  await page.locator('#e-send-alert').getByText(/เพิ่งปิดรับคำขอ/).waitFor();
  await app.strapi.documents(FORM).update({ documentId: forms[0].documentId, data: { isOpen: true } });
  await app.strapi.documents(FORM).publish({ documentId: forms[0].documentId });
});

it('says when too many requests came from this address, and sends once the wait is over', async () => {
  await openForm();
  await fillRequired();
  // The limit is the server's (global::rate-limit, tested with the API); here, what the page says of its answer.
  const submissions = /\/api\/e-forms\/[^/]+\/submissions$/;
  await page.route(submissions, (route) =>
    route.fulfill({ status: 429, contentType: 'application/json', headers: { 'Retry-After': '30' }, body: JSON.stringify({ data: null, error: { status: 429, name: 'TooManyRequests', message: 'ส่งคำขอบ่อยเกินไป กรุณารอ 30 วินาที' } }) })
  );
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
  await page.locator('#e-send-alert').getByText('ส่งคำขอบ่อยเกินไป กรุณารอ 30 วินาที').waitFor();
  await page.unroute(submissions);
  await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
  await page.waitForURL(/\/e-service\/receipt\?code=ES-/);
});

it('shows a closed service with a notice and no form', async () => {
  await page.goto(`${app.url}/e-service/venue-booking`);
  await page.getByRole('heading', { level: 1, name: 'ขอใช้สถานที่' }).waitFor();
  await page.locator('#e-closed').getByText('บริการนี้ปิดรับคำขอทางออนไลน์ชั่วคราว').waitFor();
  expect(await page.locator('#e-form').count()).toBe(0);
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
});

it('speaks English under /en', async () => {
  await openForm(`/en/e-service/${SLUG}`);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByRole('heading', { level: 1, name: 'Building permit' }).waitFor();
  for (const label of ['Full name', 'Floor area', 'Date the land was acquired', 'National ID number', 'Subdistrict', 'Postcode', 'Latitude', 'Building plan', 'I confirm that this is true'])
    expect({ label, count: await page.getByLabel(label).count() }).toEqual({ label, count: 1 });
  expect(await page.locator('#f-area-unit').textContent()).toBe('square metres');
  expect(await page.locator('.documents li').first().textContent()).toBe('A copy of your ID card');
  await page.getByLabel('National ID number').fill(BAD_ID);
  await page.getByRole('button', { name: 'Check before sending' }).click();
  await page.locator('#f-national_id-error').getByText('This national ID number is not valid (check all 13 digits)').waitFor();
  expect({ violations: await wcagViolations(page) }).toEqual({ violations: [] });
  await page.goto(`${app.url}/en/e-service`);
  await page.getByRole('link', { name: 'Building permit' }).waitFor();
  expect(await page.locator('.eservice').textContent()).toContain('30 days');
});

it('says without script that the form needs it, with the documents and the office', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const p = await plain.newPage();
    await p.goto(`${app.url}/e-service`);
    await p.getByRole('link', { name: 'ขออนุญาตก่อสร้างอาคาร' }).click();
    await p.waitForURL(`**/e-service/${SLUG}`);
    expect(await p.locator('#e-noscript').isVisible()).toBe(true);
    expect(await p.locator('#e-noscript').textContent()).toContain('044-123456');
    expect(await p.locator('.documents li').count()).toBe(2);
    expect(await p.locator('#e-review').isDisabled()).toBe(true);
    await noHorizontalScroll(p);
    await p.screenshot({ path: `${shots}/e-service-noscript-360.png`, fullPage: true });
    // The receipt and the tracking page read without script too.
    await p.goto(`${app.url}/e-service/receipt?code=${trackingCode}`);
    expect((await p.locator('#tracking-code').textContent())?.trim()).toBe(trackingCode);
    expect(await p.locator('.qr-box svg').count()).toBe(1);
    await p.goto(`${app.url}/track?code=${trackingCode}`);
    expect(await p.locator('#case-status').textContent()).toBe('กำลังตรวจสอบ');
  } finally {
    await plain.close();
  }
});
