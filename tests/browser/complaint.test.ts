import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

const COMPLAINT = 'api::complaint.complaint';
const CATEGORY = 'api::complaint-category.complaint-category';
const CODE = /^NK-\d{4}-[2-9A-Z]{5}$/;
const GPS = { latitude: 14.7311, longitude: 102.0333 };

let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let filedCode = '';

const count = () => app.strapi.db.query(COMPLAINT).count();
const stored = (trackingCode: string) => app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, populate: ['photos', 'category'] });
const setCategoryActive = (active: boolean) => app.strapi.db.query(CATEGORY).update({ where: { code: 'road' }, data: { active } });

/** The form is ready when its categories are in, the map has loaded and the island has taken over sending. */
async function openForm(path = '/complaint') {
  await page.goto(`${app.url}${path}`);
  await page.locator('#c-category option[value="road"]').waitFor({ state: 'attached' });
  await page.locator('#c-map.leaflet-container').waitFor();
  await page.locator('#c-submit:enabled').waitFor();
}

/** The page's cumulative layout shift so far, from shifts not caused by the user (Chromium's Layout Instability API). */
const layoutShift = () =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) reject(new Error('no Layout Instability API'));
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      })
  );

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  // Tests build their own data: a town with a map centre, and the categories the form offers.
  await app.strapi.documents('api::municipality.municipality').create({
    data: { nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Municipality', mapCenterLat: 14.72, mapCenterLng: 102.02, mapZoom: 15 },
  });
  const categories = app.strapi.documents(CATEGORY);
  await categories.create({ data: { code: 'light', nameTh: 'ไฟฟ้าสาธารณะดับ', nameEn: 'Street light out', deadlineDays: 7, sortOrder: 2, confidential: false, active: true } });
  await categories.create({ data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 15, sortOrder: 1, confidential: false, active: true } });

  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation: GPS,
    permissions: ['geolocation'],
  });
  // No network here, and none needed: the map must work without its tiles.
  await context.route(/^https:\/\/([a-z]\.)?tile\.openstreetmap\.org\//, (route) => route.abort());
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('loads Leaflet on the complaint form only, within a phone-sized transfer', async () => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  let transferred = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
  });

  await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
  const home = transferred;
  expect([...urls.values()].filter((u) => /\/assets\/map-/.test(u))).toEqual([]);

  transferred = 0;
  urls.clear();
  await openForm();
  await page.waitForLoadState('networkidle');
  const mapAssets = [...urls.values()].filter((u) => /\/assets\/map-[\w-]+\.(js|css)$/.test(u));
  expect(mapAssets).toHaveLength(2);
  console.log(`transfer: home ${(home / 1024).toFixed(1)} KB, /complaint ${(transferred / 1024).toFixed(1)} KB`);
  expect(home).toBeLessThanOrEqual(150 * 1024);
  expect(transferred).toBeLessThanOrEqual(150 * 1024);
  await cdp.detach();
});

it('lays the form out once: starting the island and loading the map move nothing the server placed', async () => {
  const ids = ['c-category', 'c-photos', 'c-map', 'c-locate', 'c-location-status', 'c-address', 'c-name', 'c-consent', 'c-submit'];
  const boxes = () =>
    page.evaluate(
      (list) =>
        list.map((id) => {
          const r = document.getElementById(id)!.getBoundingClientRect();
          return `${id} ${Math.round(r.top + scrollY)} ${Math.round(r.height)}`;
        }),
      ids
    );
  // The island's script is held back until the server's page has been measured.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/island-complaint-/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto(`${app.url}/complaint`, { waitUntil: 'commit' });
    await page.locator('#c-submit').waitFor({ state: 'attached' });
    expect(await page.locator('#c-submit').isDisabled()).toBe(true);
    const before = await boxes();
    release();
    await page.locator('#c-map.leaflet-container').waitFor();
    await page.locator('#c-submit:enabled').waitFor();
    expect(await boxes()).toEqual(before);
    expect(await layoutShift()).toBeLessThan(0.01);
  } finally {
    release();
    await page.unroute(/\/assets\/island-complaint-/);
  }
});

it('files a complaint with a point tapped on the map, then tracks it', async () => {
  const before = await count();
  await openForm();
  // Categories in their sort order, named in Thai.
  expect(await page.locator('#c-category option').allTextContents()).toEqual(['— เลือกประเภทเรื่อง —', 'ถนนชำรุด', 'ไฟฟ้าสาธารณะดับ']);
  await page.getByLabel('ประเภทเรื่อง').selectOption('road');
  await page.getByLabel('หัวข้อ (ไม่บังคับ)').fill('หลุมหน้าวัด');
  await page.getByLabel('รายละเอียด').fill('ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย');

  await page.locator('#c-map').tap({ position: { x: 120, y: 140 } });
  await page.locator('#c-map .map-pin').waitFor();
  await page.getByText(/^ปักหมุดแล้วที่ 14\.\d+, 102\.\d+$/).waitFor();

  await page.getByLabel('ที่อยู่หรือจุดสังเกต (ไม่บังคับ)').fill('หน้าวัดนกออก');
  await page.getByLabel('หมู่ที่ (ไม่บังคับ)').fill('5');
  await page.getByLabel('ชื่อ', { exact: true }).fill('สมหญิง ใจดี');
  await page.getByLabel('เบอร์โทรศัพท์').fill('081-234-5678');
  await page.getByLabel(/^ข้าพเจ้ายินยอม/).check();

  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/complaint-form-360.png`, fullPage: true });
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();

  await page.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
  filedCode = (await page.locator('#tracking-code').textContent())!.trim();
  expect(filedCode).toMatch(CODE);
  expect(await wcagViolations(page)).toEqual([]);
  // In place of the form, at the confirmation's own address, its heading focused.
  expect(page.url()).toContain(`/complaint?filed=${filedCode}`);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('done-h');
  expect(await page.locator('main h1').count()).toBe(1);
  expect(await page.locator('#complaint-form').count()).toBe(0);
  expect(await page.title()).toContain('ส่งเรื่องเรียบร้อยแล้ว');
  // The language switch leads to this confirmation, not to an empty form.
  expect(await page.locator('#lang-switch').getAttribute('href')).toBe(`/en/complaint?filed=${filedCode}`);
  await page.getByRole('button', { name: 'คัดลอกรหัส' }).click();
  await page.locator('#copy-status').getByText(/^คัดลอก/).waitFor();
  // The due date in the Buddhist era.
  await page.getByText(new RegExp(`ภายใน .*${new Date().getFullYear() + 543}`)).waitFor();

  expect(await count()).toBe(before + 1);
  const c = await stored(filedCode);
  expect(c).toMatchObject({ title: 'หลุมหน้าวัด', address: 'หน้าวัดนกออก', village: 5, channel: 'web', state: 'received', contactPhone: '0812345678', consent: true });
  expect(c.category.code).toBe('road');
  // The tapped point, near the map's centre (14.72, 102.02 at zoom 15: a few hundred metres).
  expect(Number(c.lat)).toBeCloseTo(14.72, 1);
  expect(Number(c.lng)).toBeCloseTo(102.02, 1);

  await page.getByRole('link', { name: 'ติดตามสถานะเรื่องนี้' }).click();
  await page.waitForURL(`**/track?code=${filedCode}`);
  await page.locator('#case-status').getByText('รับเรื่องแล้ว').waitFor();
  expect(await page.locator('.facts').textContent()).toContain('ถนนชำรุด');
  expect(await page.locator('.timeline li').allTextContents()).toEqual([expect.stringContaining('รับเรื่องเข้าระบบ')]);

  // Staff take it up and answer; the citizen's refresh shows both, newest first.
  const engine = app.strapi.plugin('complaint-workflow').service('engine');
  await engine.transition('complaint', c.id, 'accept', { type: 'staff' });
  await engine.reply('complaint', c.id, { type: 'staff' }, 'ช่างจะเข้าไปซ่อมภายในสัปดาห์นี้');
  await page.getByRole('link', { name: 'โหลดสถานะล่าสุด' }).click();
  await page.getByRole('status').getByText('อัปเดตสถานะแล้ว: รับเรื่องไว้พิจารณาแล้ว').waitFor();
  const steps = await page.locator('.timeline li').allTextContents();
  expect(steps).toHaveLength(3);
  expect(steps[0]).toContain('ช่างจะเข้าไปซ่อมภายในสัปดาห์นี้');
  expect(steps[1]).toContain('สถานะเปลี่ยนเป็น: รับเรื่องไว้พิจารณาแล้ว');
  expect(steps[2]).toContain('รับเรื่องเข้าระบบ');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/track-360.png`, fullPage: true });

  // This browser remembers the code: the empty tracking page offers it.
  await page.goto(`${app.url}/track`);
  await page.getByRole('link', { name: filedCode }).click();
  await page.locator('#case-status').getByText('รับเรื่องไว้พิจารณาแล้ว').waitFor();
});

it('shows the confirmation the server rendered for ?filed=CODE, its copy button working', async () => {
  expect(filedCode).toMatch(CODE);
  await page.goto(`${app.url}/complaint?filed=${filedCode.toLowerCase()}`);
  await page.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
  expect(await page.locator('#tracking-code').textContent()).toBe(filedCode);
  expect(await page.getByRole('link', { name: 'ติดตามสถานะเรื่องนี้' }).getAttribute('href')).toBe(`/track?code=${filedCode}`);
  expect(await page.getByRole('link', { name: 'แจ้งเรื่องอื่น' }).getAttribute('href')).toBe('/complaint');
  await page.getByRole('button', { name: 'คัดลอกรหัส' }).click();
  await page.locator('#copy-status').getByText(/^คัดลอก/).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
});

it('without JavaScript: says at the top of the form that it needs script and how else to report, sends nothing; a confirmation shows its code', async () => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const plain = await noScript.newPage();
    const sent: string[] = [];
    plain.on('request', (r) => {
      if (r.method() !== 'GET') sent.push(r.url());
    });
    await plain.goto(`${app.url}/complaint`);
    await plain.getByRole('heading', { level: 1, name: 'แจ้งเรื่องร้องเรียน / แจ้งเหตุ' }).waitFor();
    const notice = plain.locator('#complaint-form > noscript #c-noscript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('แบบฟอร์มนี้ต้องใช้ JavaScript');
    expect(await notice.locator('a[href="/line"]').count()).toBe(1);
    expect(await notice.locator('a[href="/contact"]').count()).toBe(1);
    // First in the form, above every field.
    const [noticeBox, categoryBox] = await Promise.all([notice.boundingBox(), plain.locator('#c-category').boundingBox()]);
    expect(noticeBox!.y).toBeLessThan(categoryBox!.y);
    expect(await plain.locator('#c-category option').allTextContents()).toEqual(['— เลือกประเภทเรื่อง —', 'ถนนชำรุด', 'ไฟฟ้าสาธารณะดับ']);
    // Nothing can be sent: no personal data leaves the page, in an address or otherwise.
    expect(await plain.locator('#complaint-form').getAttribute('method')).toBe('post');
    expect(await plain.locator('#c-submit').isDisabled()).toBe(true);
    await plain.locator('#c-name').fill('สมหญิง ใจดี');
    await plain.locator('#c-name').press('Enter');
    await plain.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect(new URL(plain.url()).search).toBe('');

    await plain.goto(`${app.url}/en/complaint`);
    expect(await plain.locator('#c-noscript').textContent()).toContain('This form needs JavaScript');
    expect(await plain.locator('#c-noscript a[href="/en/line"]').count()).toBe(1);

    expect(filedCode).toMatch(CODE);
    await plain.goto(`${app.url}/complaint?filed=${filedCode}`);
    await plain.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
    expect(await plain.locator('#tracking-code').textContent()).toBe(filedCode);
    expect(await plain.getByRole('link', { name: 'ติดตามสถานะเรื่องนี้' }).getAttribute('href')).toBe(`/track?code=${filedCode}`);
  } finally {
    await noScript.close();
  }
  // With script, the notice is not there at all.
  await openForm();
  expect(await page.locator('#c-noscript').count()).toBe(0);
});

it('attaches photos with previews, refuses non-images, and files the complaint with the photo', async () => {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 60, b: 40 } } }).png().toBuffer();
  await openForm();
  await page.getByLabel('ประเภทเรื่อง').selectOption('road');
  await page.getByLabel('รายละเอียด').fill('ไฟส่องสว่างหน้าโรงเรียนดับ มีรูปประกอบ');

  const files = page.locator('#c-photos');
  await files.setInputFiles([
    { name: 'hole.png', mimeType: 'image/png', buffer: png },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') },
  ]);
  await page.locator('#c-photos-error').getByText('notes.txt ไม่ใช่ไฟล์รูปภาพ').waitFor();
  await files.setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('img', { name: 'รูปที่ 2: second.png' }).waitFor();
  await page.getByRole('button', { name: 'ลบรูปที่ 2' }).click();
  expect(await page.locator('#c-thumbs img').count()).toBe(1);
  await page.getByRole('img', { name: 'รูปที่ 1: hole.png' }).waitFor();

  await page.locator('#c-map').tap({ position: { x: 200, y: 100 } });
  await page.locator('#c-map .map-pin').waitFor();
  // A retry after a lost answer must not file twice: the photo and the complaint each carry a key.
  const keys: Record<string, string | undefined> = {};
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/complaints(\/photos)?$/.test(r.url())) keys[new URL(r.url()).pathname] = r.headers()['idempotency-key'];
  });
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await page.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
  expect(keys).toEqual({ '/api/complaints/photos': expect.stringMatching(/^web-[0-9a-z]+-[0-9a-z]+$/), '/api/complaints': expect.stringMatching(/^web-[0-9a-z]+-[0-9a-z]+$/) });
  const code = (await page.locator('#tracking-code').textContent())!.trim();
  const c = await stored(code);
  expect(c.photos).toHaveLength(1);
  expect(c.photos[0].mime).toMatch(/^image\//);
  expect(Number(c.lat)).toBeCloseTo(14.72, 1);
  expect(Number(c.lng)).toBeCloseTo(102.02, 1);
});

it('sets the point from the phone position or from the keyboard', async () => {
  await openForm();
  await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบันของฉัน' }).click();
  await page.getByText('ปักหมุดแล้วที่ 14.73110, 102.03330').waitFor();
  await page.locator('#c-map .map-pin').waitFor();
  await page.getByRole('button', { name: 'ลบหมุด' }).click();
  await page.getByText('ยังไม่ได้ปักหมุด').waitFor();
  expect(await page.locator('#c-map .map-pin').count()).toBe(0);

  // "Remove the pin" hands focus to the map: Enter drops the pin at its centre.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-map');
  await page.keyboard.press('Enter');
  await page.getByText('ปักหมุดแล้วที่ 14.73110, 102.03330').waitFor();
  await page.locator('#c-map .map-pin').waitFor();
});

it('shows each error next to its field, from its own checks and from the server, and stores nothing', async () => {
  const before = await count();
  await openForm();
  await page.getByLabel('ประเภทเรื่อง').selectOption('road');
  await page.getByLabel('เบอร์โทรศัพท์').fill('call me');
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();

  // Checked before sending: the description is missing, the phone is wrong, consent is missing.
  await page.getByRole('alert').getByText('ยังส่งไม่ได้ กรุณาแก้ไข 3 รายการที่ระบุไว้').waitFor();
  expect(await page.locator('#c-description-error').textContent()).toBe('กรุณากรอกรายละเอียด');
  expect(await page.locator('#c-phone-error').textContent()).toBe('เบอร์โทรศัพท์ไม่ถูกต้อง เช่น 0812345678');
  expect(await page.locator('#c-consent-error').isVisible()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-description');
  expect(await page.locator('#c-description').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#c-description').getAttribute('aria-describedby')).toContain('c-description-error');
  expect(await wcagViolations(page)).toEqual([]);

  // Only the server can tell: the category was closed after the form loaded.
  await page.getByLabel('รายละเอียด').fill('ท่อระบายน้ำอุดตัน');
  await page.getByLabel('เบอร์โทรศัพท์').fill('');
  // Editing a field clears its error.
  expect(await page.locator('#c-description-error').isVisible()).toBe(false);
  await setCategoryActive(false);
  try {
    await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await page.locator('#c-category-error').getByText('ไม่พบประเภทเรื่องนี้ กรุณาเลือกใหม่', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('c-category');
  } finally {
    await setCategoryActive(true);
  }
  expect(await count()).toBe(before);
});

it('works in English: labels, errors from the server, the confirmation and the tracking page', async () => {
  await openForm('/en/complaint');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.locator('#c-category option').allTextContents()).toEqual(['— Choose a category —', 'Damaged road', 'Street light out']);
  await page.getByLabel('Category').selectOption('light');
  await page.getByLabel('Description').fill('The street light at the school is out');

  // The language switch is a link: the form in the other language is a new page, and what was typed
  // is not carried over (nothing personal goes into an address or into storage).
  await page.getByRole('link', { name: 'ภาษาไทย (Thai)' }).click();
  await page.waitForURL(`${app.url}/complaint`);
  await page.getByLabel('รายละเอียด').waitFor();
  expect(await page.getByLabel('รายละเอียด').inputValue()).toBe('');
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await page.waitForURL(`${app.url}/en/complaint`);
  await page.locator('#c-submit:enabled').waitFor();
  await page.getByLabel('Description').fill('The street light at the school is out');

  await setCategoryActive(false);
  await page.getByLabel('Category').selectOption('road');
  try {
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#c-category-error').getByText('This category no longer exists: please choose again', { exact: true }).waitFor();
  } finally {
    await setCategoryActive(true);
  }
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your complaint has been sent' }).waitFor();
  const code = (await page.locator('#tracking-code').textContent())!.trim();
  expect(code).toMatch(CODE);
  await page.getByRole('link', { name: 'Track this complaint' }).click();
  await page.waitForURL(`**/en/track?code=${code}`);
  await page.locator('#case-status').getByText('Received', { exact: true }).waitFor();
  expect(await page.locator('.facts').textContent()).toContain(String(new Date().getFullYear()));
});

it('tells a citizen when a code is malformed or unknown', async () => {
  await page.goto(`${app.url}/track`);
  await page.getByLabel('รหัสติดตามเรื่อง').fill('hello');
  await page.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  await page.locator('#track-code-error').getByText(/รหัสนี้ไม่ถูกต้อง/).waitFor();
  await page.getByLabel('รหัสติดตามเรื่อง').fill('nk-2601-zzzzz');
  await page.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  await page.locator('#track-code-error').getByText('ไม่พบเรื่องตามรหัส NK-2601-ZZZZZ กรุณาตรวจสอบรหัสอีกครั้ง').waitFor();
});
