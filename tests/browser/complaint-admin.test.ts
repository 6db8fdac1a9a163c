import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { startApp, createAdmin, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { uploadAfterPhotoOnCasePage } from '../helpers/after-photo';

let app: TestApp;
let browser: Browser;
let page: Page;
let officer: { email: string; password: string; token: string };

const SHOTS = '/tmp';
const NOTE = 'ZZNOTE ใช้ยางมะตอยจากคลังพัสดุ';
const REPLY = 'กองช่างจะเข้าซ่อมถนนภายในสัปดาห์นี้';
const REASON = 'ซ่อมหลุมถนนเรียบร้อยแล้ว';

async function fileComplaint(data: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${app.url}/api/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { category: 'road', contact: { email: 'citizen-admin@example.test' }, consent: true, ...data } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { trackingCode: string } }).data.trackingCode;
}

/** What anyone sees on the public tracking page. */
async function track(code: string) {
  const res = await fetch(`${app.url}/api/complaints/track/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { data: { status: string; history: Array<{ kind: string; status: string | null; message: string | null }> } };
}

/** A citizen's photo, through the public photo endpoint (re-encoded to JPEG), large enough for a thumbnail. */
async function uploadPhoto(): Promise<{ id: number; token: string }> {
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#8a5a2b' } }).png().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'pothole.png');
  const res = await fetch(`${app.url}/api/complaints/photos`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  // The id with its upload token: only the client that uploaded a photo can attach it.
  const { id, token } = ((await res.json()) as { data: Array<{ id: number; token: string }> }).data[0];
  return { id, token };
}

const history = () => page.getByRole('list', { name: 'ประวัติการดำเนินการ' }).getByRole('listitem');
const lastEvent = (): Locator => history().last();

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  officer = await createAdmin(app, { email: 'officer-cw@nokok.test', password: 'Officer12345' });
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'somsri@nokok.test',
    firstname: 'สมศรี',
    lastname: 'ใจดี',
    password: 'Somsri12345',
    isActive: true,
    roles: [superAdmin.id],
  });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', department: 'กองช่าง', deadlineDays: 15, confidential: false, active: true },
  });

  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  // The machine has no network: map tiles are refused at once instead of timing out.
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  page = await context.newPage();
  // A controllable clock, so the inbox's 30-second refresh can be tested without waiting 30 seconds.
  await page.clock.install();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('lets an officer work a complaint from the inbox to resolved, in Thai, with the public view following', async () => {
  const photo = await uploadPhoto();
  const codeA = await fileComplaint({
    description: 'ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย',
    village: 4,
    location: { lat: 16.0512, lng: 103.6521 },
    photos: [photo],
  });
  const codeB = await fileComplaint({ description: 'ท่อระบายน้ำอุดตันหน้าตลาดสด', village: 7, location: { lat: 16.0601, lng: 103.6455 } });

  // Log in; the admin is Thai for a browser that never chose a language.
  await adminLogin(page, app.url, officer);
  const photoRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/uploads\/|\/photos\//.test(r.url())) photoRequests.push(r.url());
  });

  // The inbox, from the main menu: both complaints, counted by state.
  // The main menu's item (the home page's staff-guide widget also links to the complaint officer's section).
  await page.getByRole('navigation').getByRole('link', { name: 'เรื่องร้องเรียน' }).click();
  await page.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียน' }).waitFor();
  await page.getByRole('link', { name: codeA }).waitFor();
  await page.getByRole('link', { name: codeB }).waitFor();
  await page.getByRole('tab', { name: 'ทั้งหมด 2' }).waitFor();
  await page.getByRole('tab', { name: 'รับเรื่องแล้ว 2' }).waitFor();
  const rowA = page.getByRole('row').filter({ has: page.getByRole('link', { name: codeA }) });
  await rowA.getByText('ถนนชำรุด').waitFor();
  await rowA.getByText('เว็บไซต์').waitFor();
  await rowA.getByText('ยังไม่มอบหมาย').waitFor();
  await page.screenshot({ path: `${SHOTS}/complaint-inbox.png`, fullPage: true });

  // Filter by village: only complaint A is left, and the counts follow.
  await page.getByLabel('หมู่ที่').fill('4');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
  await page.getByRole('tab', { name: 'ทั้งหมด 1' }).waitFor();
  await page.getByRole('link', { name: codeB }).waitFor({ state: 'detached' });
  expect(page.url()).toContain('village=4');

  // The case page: details, private contact, photo, map, history.
  await rowA.click();
  await page.getByRole('heading', { level: 1, name: codeA }).waitFor();
  await page.getByText('รับเรื่องแล้ว', { exact: true }).waitFor();
  await page.getByText('กองช่าง', { exact: true }).waitFor();
  await page.getByText('ถนนหน้าวัดเป็นหลุมลึก รถจักรยานยนต์ล้มบ่อย').waitFor();
  await page.getByRole('heading', { name: 'ข้อมูลผู้ร้อง (เฉพาะเจ้าหน้าที่)' }).waitFor();
  await page.getByRole('link', { name: 'citizen-admin@example.test' }).waitFor();
  // Photos are private: fetched with the officer's token and shown from memory (blob:), never from a
  // public URL; the thumbnail is the small copy (400 × 300 shown at 320 × 240).
  const thumbnail = page.getByRole('img', { name: `รูปที่ 1 ของเรื่อง ${codeA}` });
  await thumbnail.waitFor();
  const loaded = (width: number) =>
    page.waitForFunction(
      ([code, w]) => Array.from(document.querySelectorAll<HTMLImageElement>(`img[alt="รูปที่ 1 ของเรื่อง ${code}"]`)).some((img) => img.complete && img.naturalWidth === w),
      [codeA, width] as const
    );
  await loaded(320);
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
  expect(photoRequests.filter((u) => /\/uploads\//.test(u))).toEqual([]);
  expect(photoRequests.some((u) => /\/complaint-workflow\/cases\/\d+\/photos\/\d+\?type=complaint&size=thumb$/.test(u))).toBe(true);
  // The whole photo opens in a dialog, and closes again.
  await thumbnail.click();
  const viewer = page.getByRole('dialog', { name: `รูปที่ 1 จาก 1 · ${codeA}` });
  await viewer.getByRole('img', { name: `รูปที่ 1 ของเรื่อง ${codeA}` }).waitFor();
  await loaded(400);
  await viewer.getByRole('link', { name: /เปิดในแท็บใหม่/ }).waitFor();
  await page.screenshot({ path: `${SHOTS}/complaint-photo.png`, animations: 'disabled' });
  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'detached' });
  const map = page.getByRole('region', { name: 'แผนที่ตำแหน่งที่แจ้ง' });
  await map.locator('.leaflet-marker-icon').waitFor();
  await expectCount(history(), 1);
  await lastEvent().getByText('ได้รับเรื่อง').waitFor();

  // Accept.
  await page.getByRole('button', { name: 'รับเรื่อง', exact: true }).click();
  await page.getByText('รับเรื่องไว้พิจารณา', { exact: true }).waitFor();
  await expectCount(history(), 2);
  await lastEvent().getByText('รับเรื่อง: รับเรื่องแล้ว → รับเรื่องไว้พิจารณา').waitFor();
  await lastEvent().getByText('เจ้าหน้าที่ ทดสอบ').waitFor();
  expect((await track(codeA)).data.status).toBe('accepted');

  // Assign to a colleague.
  await page.getByRole('combobox', { name: 'ผู้รับผิดชอบ' }).click();
  await page.getByRole('option', { name: /สมศรี ใจดี/ }).click();
  await lastEvent().getByText('มอบหมายให้ สมศรี ใจดี').waitFor();
  await expectCount(history(), 3);
  await lastEvent().getByText('เฉพาะเจ้าหน้าที่').waitFor();

  // A public reply: shown publicly.
  await page.getByRole('textbox', { name: 'ข้อความถึงผู้ร้อง' }).fill(REPLY);
  await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await lastEvent().getByText(REPLY).waitFor();
  await lastEvent().getByText('ผู้ร้องเห็น').waitFor();
  expect(await page.getByRole('textbox', { name: 'ข้อความถึงผู้ร้อง' }).inputValue()).toBe('');
  expect((await track(codeA)).data.history.some((h) => h.kind === 'public_reply' && h.message === REPLY)).toBe(true);

  // An internal note: in the history for staff, never public.
  await page.getByRole('textbox', { name: 'บันทึกสำหรับเจ้าหน้าที่' }).fill(NOTE);
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await lastEvent().getByText(NOTE).waitFor();
  await lastEvent().getByText('เฉพาะเจ้าหน้าที่').waitFor();
  await expectCount(history(), 5);
  expect(JSON.stringify(await track(codeA))).not.toContain('ZZNOTE');

  // A complaint with a photo and a place is resolved only with a photo of the fix (issue 18): the
  // refusal shows in the dialog; the photo is attached on the page, then it goes through.
  await page.getByRole('button', { name: 'ดำเนินการเสร็จ', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'ดำเนินการเสร็จ' });
  await dialog.getByRole('textbox', { name: /เหตุผล/ }).fill(REASON);
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await dialog.getByText(/กรุณาแนบภาพหลังแก้ไข/).waitFor();
  await dialog.getByRole('button', { name: 'ยกเลิก', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await uploadAfterPhotoOnCasePage(page, codeA);
  await lastEvent().getByText('แนบภาพหลังแก้ไข 1 ภาพ').waitFor();
  await expectCount(history(), 6);

  // Resolve: the reason is required; the server's refusal shows in the dialog, in Thai only.
  await page.getByRole('button', { name: 'ดำเนินการเสร็จ', exact: true }).click();
  await dialog.getByRole('textbox', { name: /เหตุผล/ }).fill('');
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await dialog.getByText('กรุณาระบุเหตุผล', { exact: true }).waitFor();
  expect(await dialog.textContent()).not.toContain('A reason is required');
  expect(await dialog.getByRole('button', { name: 'ยืนยัน' }).isEnabled()).toBe(true);
  await page.screenshot({ path: `${SHOTS}/complaint-reason-dialog.png`, animations: 'disabled' });
  await dialog.getByRole('textbox', { name: /เหตุผล/ }).fill(REASON);
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('ดำเนินการแล้วเสร็จ', { exact: true }).waitFor();
  await lastEvent().getByText(REASON).waitFor();
  await page.getByRole('button', { name: 'ปิดเรื่อง', exact: true }).waitFor();
  await page.getByRole('button', { name: 'เปิดเรื่องใหม่', exact: true }).waitFor();
  await expectCount(page.getByRole('button', { name: 'รับเรื่อง', exact: true }), 0);
  await expectCount(history(), 7);
  const pub = await track(codeA);
  expect(pub.data.status).toBe('resolved');
  expect(pub.data.history.map((h) => h.status)).toEqual(['received', 'accepted', null, 'resolved']);
  expect(JSON.stringify(pub)).not.toMatch(/ZZNOTE|somsri@nokok\.test|สมศรี/);
  await page.screenshot({ path: `${SHOTS}/complaint-case.png` });
  await history().last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/complaint-case-history.png` });
  const caseUrl = page.url();

  // Back to the inbox with the village filter kept; a new complaint appears at the next refresh.
  await page.getByRole('link', { name: 'กลับไปหน้ารายการ' }).click();
  await page.getByRole('tab', { name: 'ดำเนินการแล้วเสร็จ 1' }).waitFor();
  expect(await page.getByLabel('หมู่ที่').inputValue()).toBe('4');
  const codeC = await fileComplaint({ description: 'ไฟส่องสว่างซอย 3 ดับ', village: 4 });
  await page.clock.fastForward('00:31');
  await page.getByRole('link', { name: codeC }).waitFor();
  await page.getByRole('tab', { name: 'ทั้งหมด 2' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/complaint-inbox-filtered.png` });

  // The same case for an officer who reads the admin in English: labels and the server's message follow.
  const me = await fetch(`${app.url}/admin/users/me`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${officer.token}` },
    body: JSON.stringify({ preferedLanguage: 'en' }),
  });
  expect(me.status).toBe(200);
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
  await page.goto(caseUrl);
  await page.getByRole('heading', { level: 1, name: codeA }).waitFor();
  await page.getByText('Resolved', { exact: true }).waitFor();
  await page.getByRole('heading', { name: "Citizen's contact (staff only)" }).waitFor();
  await page.getByRole('button', { name: 'Reopen', exact: true }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen' });
  await reopen.getByRole('button', { name: 'Confirm' }).click();
  await reopen.getByText('A reason is required', { exact: true }).waitFor();
  expect(await reopen.textContent()).not.toContain('กรุณาระบุเหตุผล');
  await reopen.getByRole('button', { name: 'Cancel', exact: true }).click();
  await reopen.waitFor({ state: 'detached' });
  expect((await track(codeA)).data.status).toBe('resolved');
});

/** Waits until the locator matches exactly `n` elements (no fixed sleeps). */
async function expectCount(locator: Locator, n: number) {
  if (n > 0) await locator.nth(n - 1).waitFor({ state: 'attached' });
  await locator.nth(n).waitFor({ state: 'detached' });
}

it('shows the chat channels with their webhook URLs, and says which are not configured', async () => {
  // Its own officer and browser: Thai, whatever the journey above left behind.
  const clerk = await createAdmin(app, { email: 'clerk-channels@nokok.test', password: 'Clerk12345' });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH' });
  const page = await context.newPage();
  await adminLogin(page, app.url, clerk);
  await page.goto(`${app.url}/admin/plugins/complaint-workflow`);
  await page.getByRole('link', { name: 'ช่องทางรับเรื่อง' }).click();
  await page.getByRole('heading', { level: 1, name: 'ช่องทางรับเรื่องทางแชต' }).waitFor();
  const line = page.getByRole('region', { name: 'LINE Official Account' });
  await line.getByText('ยังไม่ได้ตั้งค่า', { exact: true }).waitFor();
  await line.getByText(/\/api\/channels\/line\/webhook$/).waitFor();
  await line.getByText(/LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN/).waitFor();
  const facebook = page.getByRole('region', { name: 'เพจ Facebook (Messenger)' });
  await facebook.getByText(/\/api\/channels\/facebook\/webhook$/).waitFor();

  // Staff reword a bot text without code: a value the text cannot fill is refused on the field.
  const added = page.getByRole('textbox', { name: 'เพิ่มข้อมูลในเรื่องเดิม' });
  await added.fill('รับข้อมูลเพิ่มของเรื่อง {name} แล้วครับ');
  await page.getByRole('button', { name: 'บันทึกข้อความ' }).click();
  await page.getByText(/ใช้ \{name\} ในข้อความนี้ไม่ได้/).waitFor();
  await added.fill('รับข้อมูลเพิ่มของเรื่อง {code} แล้วครับ');
  await page.getByRole('button', { name: 'บันทึกข้อความ' }).click();
  await page.getByText('บันทึกข้อความแล้ว').first().waitFor();
  const channels = app.strapi.plugin('complaint-workflow').service('channels');
  /**
   * A saved text is in use once the save has answered; the "saved" notice of an earlier save may still
   * be on screen then, so the text is awaited, not the notice (up to 5 s).
   */
  const rendersAs = async (expected: string, language?: 'en') => {
    const now = () => channels.render('added', { code: 'NK-6911-AAAAA' }, language);
    for (let i = 0; i < 50 && now() !== expected; i++) await new Promise((r) => setTimeout(r, 100));
    expect(now()).toBe(expected);
  };
  await rendersAs('รับข้อมูลเพิ่มของเรื่อง NK-6911-AAAAA แล้วครับ');
  await page.screenshot({ path: '/tmp/complaint-channels.png', fullPage: true });

  // The English texts (for cases filed in English) are reworded apart: the Thai wording stays.
  await page.getByRole('radio', { name: /ภาษาอังกฤษ/ }).click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll('textarea')).some((t) => t.value === 'Added to case {code}.'));
  await added.fill('More details added to {code}, thank you');
  await page.getByRole('button', { name: 'บันทึกข้อความ' }).click();
  await page.getByText('บันทึกข้อความแล้ว').first().waitFor();
  await rendersAs('More details added to NK-6911-AAAAA, thank you', 'en');
  expect(channels.render('added', { code: 'NK-6911-AAAAA' })).toBe('รับข้อมูลเพิ่มของเรื่อง NK-6911-AAAAA แล้วครับ');
  await page.getByRole('radio', { name: 'ภาษาไทย' }).click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll('textarea')).some((t) => t.value === 'รับข้อมูลเพิ่มของเรื่อง {code} แล้วครับ'));

  // Each message about a case shows on its page with how it went (no SMTP here: not sent).
  const code = await fileComplaint({ description: 'ท่อระบายน้ำอุดตันหน้าโรงเรียน' });
  const record = await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: code } });
  await app.strapi.plugin('complaint-workflow').service('outbox').idle();
  await page.goto(`${app.url}/admin/plugins/complaint-workflow/cases/${record.id}`);
  const deliveries = page.getByRole('region', { name: 'การส่งข้อความแจ้งผู้เกี่ยวข้อง' });
  await deliveries.getByText('อีเมล', { exact: true }).waitFor();
  await deliveries.getByText('ไม่ได้ส่ง (ยังไม่ได้ตั้งค่าช่องทางนี้)').waitFor();
  await context.close();
});
