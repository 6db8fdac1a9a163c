import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { startSmtp, type SmtpCapture } from '../helpers/smtp';
import { uploadAfterPhotoOnCasePage } from '../helpers/after-photo';

/**
 * The whole channel, as people use it: a citizen files on the phone with a photo and a map point,
 * an officer works the case in the Thai admin, and the citizen's tracking page and mailbox follow.
 */
const CITIZEN_EMAIL = 'somying.journey@example.test';
const REPLY = 'กองช่างรับทราบ จะเข้าซ่อมในวันพฤหัสบดีนี้';
const REASON = 'ซ่อมผิวถนนและตีเส้นใหม่เรียบร้อยแล้ว';

let app: TestApp;
let smtp: SmtpCapture;
let browser: Browser;
let phone: BrowserContext;
let desk: BrowserContext;
let citizen: Page;
let officer: Page;
let staff: { email: string; password: string };

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: 'https://nokok.example' });
  await app.strapi.documents('api::municipality.municipality').create({
    data: { nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Municipality', mapCenterLat: 14.72, mapCenterLng: 102.02, mapZoom: 15 },
  });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', department: 'กองช่าง', deadlineDays: 15, sortOrder: 1, confidential: false, active: true },
  });
  staff = await createAdmin(app, { email: 'journey-officer@nokok.test', password: 'Officer12345' });
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'prasit@nokok.test', firstname: 'ประสิทธิ์', lastname: 'ช่างซ่อม', password: 'Prasit12345', isActive: true, roles: [superAdmin.id],
  });

  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  // No network on this machine: map tiles are refused at once; the maps work without them.
  for (const c of [phone, desk]) await c.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  citizen = await phone.newPage();
  officer = await desk.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

/** The citizen reloads the tracking page and reads the status and the timeline (newest first). */
async function citizenSees(code: string, status: string): Promise<string[]> {
  await citizen.goto(`${app.url}/track?code=${code}`);
  await citizen.locator('#case-status').getByText(status, { exact: true }).waitFor();
  return citizen.locator('.timeline li').allTextContents();
}

it('files on the website, is worked in the admin, and the citizen follows every step', async () => {
  // 1. The citizen files with a photo, a tapped point and an e-mail address.
  await citizen.goto(`${app.url}/complaint`);
  await citizen.locator('#c-category option[value="road"]').waitFor({ state: 'attached' });
  await citizen.locator('#c-map.leaflet-container').waitFor();
  await citizen.getByLabel('ประเภทเรื่อง').selectOption('road');
  await citizen.getByLabel('รายละเอียด').fill('ถนนหน้าโรงเรียนทรุดเป็นแอ่ง น้ำขังทุกครั้งที่ฝนตก');
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#6b4f2a' } }).jpeg().toBuffer();
  await citizen.locator('#c-photos').setInputFiles({ name: 'road.jpg', mimeType: 'image/jpeg', buffer: photo });
  await citizen.getByRole('img', { name: 'รูปที่ 1: road.jpg' }).waitFor();
  await citizen.locator('#c-map').tap({ position: { x: 150, y: 120 } });
  await citizen.locator('#c-map .map-pin').waitFor();
  await citizen.getByLabel('อีเมล').fill(CITIZEN_EMAIL);
  await citizen.getByLabel(/^ข้าพเจ้ายินยอม/).check();
  await citizen.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await citizen.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
  const code = (await citizen.locator('#tracking-code').textContent())!.trim();
  expect(code).toMatch(/^NK-\d{4}-[2-9A-Z]{5}$/);
  // The confirmation replaced the form in place, at its own address: a reload is rendered by the server.
  expect(citizen.url()).toBe(`${app.url}/complaint?filed=${code}`);
  await citizen.reload();
  expect(await citizen.locator('#tracking-code').textContent()).toBe(code);

  const stored = await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: code }, populate: ['photos'] });
  expect(stored.photos).toHaveLength(1);
  expect(Number(stored.lat)).toBeCloseTo(14.72, 1);
  expect(Number(stored.lng)).toBeCloseTo(102.02, 1);

  const ack = await smtp.waitFor((m) => m.to.includes(CITIZEN_EMAIL) && m.subject.includes(code));
  expect(ack.subject).toContain('ได้รับเรื่องร้องเรียนแล้ว');
  expect(ack.text).toContain(`https://nokok.example/track?code=${code}`);
  expect(await citizenSees(code, 'รับเรื่องแล้ว')).toEqual([expect.stringContaining('รับเรื่องเข้าระบบ')]);

  // 2. The officer logs into the Thai admin and opens the case from the inbox.
  await adminLogin(officer, app.url, staff);
  // The main menu's item (the home page's staff-guide widget also links to the complaint officer's section).
  await officer.getByRole('navigation').getByRole('link', { name: 'เรื่องร้องเรียน' }).click();
  await officer.getByRole('link', { name: code }).click();
  await officer.getByRole('heading', { level: 1, name: code }).waitFor();
  await officer.getByRole('img', { name: `รูปที่ 1 ของเรื่อง ${code}` }).waitFor();
  await officer.getByRole('region', { name: 'แผนที่ตำแหน่งที่แจ้ง' }).locator('.leaflet-marker-icon').waitFor();

  // 3. Accept: the citizen sees it.
  await officer.getByRole('button', { name: 'รับเรื่อง', exact: true }).click();
  await officer.getByText('รับเรื่องไว้พิจารณา', { exact: true }).waitFor();
  expect((await citizenSees(code, 'รับเรื่องไว้พิจารณาแล้ว'))[0]).toContain('รับเรื่องไว้พิจารณาแล้ว');

  // 4. Assign to a colleague: staff business, not shown to the citizen; the colleague is e-mailed.
  await officer.getByRole('combobox', { name: 'ผู้รับผิดชอบ' }).click();
  await officer.getByRole('option', { name: /ประสิทธิ์ ช่างซ่อม/ }).click();
  await officer.getByText('มอบหมายให้ ประสิทธิ์ ช่างซ่อม').waitFor();
  await smtp.waitFor((m) => m.to.includes('prasit@nokok.test') && m.subject.includes(code));
  expect(await citizenSees(code, 'รับเรื่องไว้พิจารณาแล้ว')).toHaveLength(2);

  // 5. A public reply: on the tracking page and in the citizen's mailbox.
  await officer.getByRole('textbox', { name: 'ข้อความถึงผู้ร้อง' }).fill(REPLY);
  await officer.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await officer.getByRole('list', { name: 'ประวัติการดำเนินการ' }).getByText(REPLY).waitFor();
  expect((await citizenSees(code, 'รับเรื่องไว้พิจารณาแล้ว'))[0]).toContain(REPLY);
  const reply = await smtp.waitFor((m) => m.to.includes(CITIZEN_EMAIL) && m.text.includes(REPLY));
  expect(reply.subject).toContain(code);

  // 6. Resolve with a photo of the fix and a reason: the citizen sees the new status and why.
  await uploadAfterPhotoOnCasePage(officer, code);
  await officer.getByRole('button', { name: 'ดำเนินการเสร็จ', exact: true }).click();
  const dialog = officer.getByRole('dialog', { name: 'ดำเนินการเสร็จ' });
  await dialog.getByRole('textbox', { name: /เหตุผล/ }).fill(REASON);
  await dialog.getByRole('button', { name: 'ยืนยัน' }).click();
  await officer.getByText('ดำเนินการแล้วเสร็จ', { exact: true }).waitFor();
  const steps = await citizenSees(code, 'ดำเนินการแล้วเสร็จ');
  expect(steps).toHaveLength(4);
  expect(steps[0]).toContain(REASON);
  expect(steps[1]).toContain(REPLY);
  expect(steps.join(' ')).not.toMatch(/ประสิทธิ์|prasit|journey-officer/);
  await smtp.waitFor((m) => m.to.includes(CITIZEN_EMAIL) && m.subject.includes('ดำเนินการแล้วเสร็จ'));
});
