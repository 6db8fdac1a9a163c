import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { startSmtp, type ReceivedMail, type SmtpCapture } from '../helpers/smtp';
import { wcagViolations } from '../helpers/axe';

/**
 * The citizen's account, as a person uses it on the phone: sign up, confirm the e-mail from the local
 * SMTP server, file a complaint signed in and find it on My page, prove a demo tax bill and see its
 * amount and QR, then receive the notice staff publish for their village, on My page and by e-mail.
 * Then the session: it outlives a browser restart, and "sign out everywhere" ends it on another device.
 */
const PUBLIC = 'https://nokok.example';
const EMAIL = 'somsri.account@example.test';
const PASSWORD = 'Somsri-2569!';
// The demo town's first bill (database/seed/tax-bills.csv) and its owner's national ID.
const BILL = 'DEMO-2569-0001';
const NATIONAL_ID = '3109900123453';
const NOTICE = 'ประกาศหมู่ 2: งดจ่ายน้ำประปาวันเสาร์นี้';

let app: TestApp;
let smtp: SmtpCapture;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
const errors: string[] = [];

/** A phone, whose requests to the public address (the bills' QR images) reach the test's server. */
async function newPhone(storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok', storageState });
  await context.route(/^https:\/\/nokok\.example\//, (route) => route.fulfill({ status: 302, headers: { location: route.request().url().replace(PUBLIC, app.url) } }));
  // No network on this machine: map tiles are refused at once; the maps work without them.
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  return context;
}

const noSideScroll = async (p: Page) => expect({ url: p.url(), width: await p.evaluate(() => document.scrollingElement!.scrollWidth) }).toEqual({ url: p.url(), width: 360 });

async function signIn(p: Page): Promise<void> {
  await p.goto(`${app.url}/account/sign-in`);
  await p.locator('#si-submit:enabled').waitFor();
  await p.getByLabel('อีเมล', { exact: true }).first().fill(EMAIL);
  await p.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await p.waitForURL(`${app.url}/account`);
  await p.locator('#my-email').getByText(EMAIL).waitFor();
}

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL: PUBLIC });
  browser = await launchBrowser();
  phone = await newPhone();
  page = await phone.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

it('signs up, confirms the e-mail from the mailbox and signs in', async () => {
  await page.goto(`${app.url}/`);
  await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: 'บัญชีของฉัน' }).waitFor();
  // Signed out, My page is the sign-in forms; sign-up is a link away.
  await page.locator('#si-submit:enabled').waitFor();
  await page.getByRole('link', { name: 'สมัครบัญชี' }).click();
  await page.getByRole('heading', { level: 1, name: 'สมัครบัญชีประชาชน' }).waitFor();
  await page.locator('#su-submit:enabled').waitFor();
  await noSideScroll(page);
  expect(await wcagViolations(page)).toEqual([]);

  // Refusals appear under their fields.
  await page.getByLabel('อีเมล', { exact: true }).fill(EMAIL);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill('abc');
  await page.getByRole('button', { name: 'สมัครบัญชี' }).click();
  await page.locator('#su-password-error').getByText('รหัสผ่านต้องมีอย่างน้อย 6 ตัวอักษร').waitFor();
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
  await page.getByLabel('ยืนยันรหัสผ่านอีกครั้ง').fill(`${PASSWORD}x`);
  await page.getByRole('button', { name: 'สมัครบัญชี' }).click();
  await page.locator('#su-confirm-error').getByText('รหัสผ่านทั้งสองช่องไม่ตรงกัน').waitFor();
  await page.getByLabel('ยืนยันรหัสผ่านอีกครั้ง').fill(PASSWORD);
  await page.getByRole('button', { name: 'สมัครบัญชี' }).click();
  await page.getByRole('heading', { name: 'กรุณายืนยันอีเมลของคุณ' }).waitFor();

  // Signing in before confirming says why it cannot.
  await page.goto(`${app.url}/account/sign-in`);
  await page.locator('#si-submit:enabled').waitFor();
  await page.getByLabel('อีเมล', { exact: true }).first().fill(EMAIL);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await page.locator('#si-alert').getByText('ยังไม่ได้ยืนยันอีเมล', { exact: false }).waitFor();

  const mail: ReceivedMail = await smtp.waitFor((m) => m.to.includes(EMAIL), 20_000);
  const link = /https?:\/\/[^\s"'<>]*email-confirmation\?confirmation=[\w.-]+/.exec(`${mail.html} ${mail.text}`.replace(/&amp;/g, '&'))?.[0];
  expect(link).toBeTruthy();
  // The link confirms and leads to the site's page at its public address (a browser cannot follow a
  // redirect to this test's made-up host: the page is opened at the server's own).
  const confirmed = await page.request.get(link!.replace(/^https?:\/\/[^/]+/, app.url), { maxRedirects: 0 });
  expect(confirmed.status()).toBe(302);
  expect(confirmed.headers().location).toBe(`${PUBLIC}/account/confirmed`);
  await page.goto(`${app.url}/account/confirmed`);
  await page.getByRole('heading', { level: 1, name: 'ยืนยันอีเมลเรียบร้อยแล้ว' }).waitFor();

  await signIn(page);
  await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'บัญชีของฉัน' }).waitFor();
  await noSideScroll(page);
  expect(await wcagViolations(page)).toEqual([]);
});

it('keeps personal data out of the HTML the server sends for account pages', async () => {
  for (const path of ['/account', '/account/profile', '/account/tax', '/en/account']) {
    const res = await page.request.get(`${app.url}${path}`);
    expect(res.status()).toBe(200);
    expect((await res.text()).includes(EMAIL)).toBe(false);
  }
  // So they are kept and served to everyone like any page; the reset link's page (its code in the address) never is.
  expect((await page.request.get(`${app.url}/account`)).headers()['x-cache']).toBe('HIT');
  expect((await page.request.get(`${app.url}/account/reset?code=0123abcd`)).headers()['x-cache']).toBe('BYPASS');
});

it('saves the village in the profile', async () => {
  await page.goto(`${app.url}/account/profile`);
  await page.locator('#pf-submit').waitFor();
  await page.getByLabel('ชื่อ-นามสกุล').fill('สมศรี ทดสอบ');
  await page.getByLabel('หมู่บ้าน').selectOption('2');
  await page.getByLabel('ผู้สูงอายุ').check();
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await page.locator('#pf-progress').getByText('บันทึกแล้ว').waitFor();
  await noSideScroll(page);
  expect(await wcagViolations(page)).toEqual([]);
  await page.goto(`${app.url}/account`);
  await page.locator('#my-name').getByText('สมศรี ทดสอบ').waitFor();
});

it('files a complaint signed in and finds it on My page', async () => {
  await page.goto(`${app.url}/complaint`);
  await page.locator('#c-category option[value="road"]').waitFor({ state: 'attached' });
  await page.locator('#c-map.leaflet-container').waitFor();
  await page.getByLabel('ประเภทเรื่อง').selectOption('road');
  await page.getByLabel('รายละเอียด').fill('ไฟส่องสว่างหน้าบ้านดับมาสามคืนแล้ว');
  await page.locator('#c-map').tap({ position: { x: 150, y: 120 } });
  await page.locator('#c-map .map-pin').waitFor();
  await page.getByRole('button', { name: 'ส่งเรื่อง' }).click();
  await page.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
  const code = (await page.locator('#tracking-code').textContent())!.trim();

  await page.goto(`${app.url}/account`);
  await page.locator('#my-complaints-list').getByRole('link', { name: code }).waitFor();
  await noSideScroll(page);
});

it('links the demo tax bill once and shows its amount due and payment QR', async () => {
  await page.goto(`${app.url}/account`);
  await page.getByRole('link', { name: 'เพิ่มใบแจ้งภาษี' }).click();
  await page.getByRole('heading', { level: 1, name: 'ใบแจ้งภาษีที่ดินของฉัน' }).waitFor();
  await page.locator('#tb-submit').waitFor();
  // A wrong ID is the same as an unknown bill: nothing tells which.
  await page.getByLabel('เลขที่ใบแจ้งประเมิน').fill(BILL);
  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill('1101700230708');
  await page.getByRole('button', { name: 'เพิ่มใบแจ้งภาษี' }).click();
  await page.locator('#tb-alert').getByText('ไม่พบใบแจ้งที่ตรงกับเลขที่และเลขประจำตัวประชาชนนี้').waitFor();
  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill(NATIONAL_ID);
  await page.getByRole('button', { name: 'เพิ่มใบแจ้งภาษี' }).click();
  await page.locator(`#my-bills-list [data-bill="${BILL}"]`).waitFor();
  await noSideScroll(page);
  expect(await wcagViolations(page)).toEqual([]);

  await page.goto(`${app.url}/account`);
  const card = page.locator(`#my-bills-list [data-bill="${BILL}"]`);
  await card.locator('.bill-amount').getByText('7,350.00').waitFor();
  const qr = card.getByRole('img', { name: `คิวอาร์โค้ดชำระภาษีใบแจ้ง ${BILL} จำนวน 7,350.00 บาท` });
  await qr.waitFor();
  await page.waitForFunction((sel) => (document.querySelector<HTMLImageElement>(sel)?.naturalWidth ?? 0) > 0, `#my-bills-list [data-bill="${BILL}"] img`);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

it('gets the notice staff publish for the village, on My page and by e-mail', async () => {
  // Staff publish through the content manager; its document service is what the admin calls.
  const notice = await app.strapi.documents('api::announcement.announcement').create({
    data: { titleTh: NOTICE, titleEn: 'Village 2: no tap water this Saturday', bodyTh: 'การประปาจะซ่อมท่อเมนหลักตั้งแต่ 08:00 ถึง 16:00 น.', bodyEn: 'The waterworks mend the main pipe from 08:00 to 16:00.', audience: 'village', village: 2, public: false, sendByChannel: true },
  });
  await app.strapi.documents('api::announcement.announcement').publish({ documentId: notice.documentId });

  const mail = await smtp.waitFor((m) => m.to.includes(EMAIL) && `${m.subject} ${m.text}`.includes(NOTICE), 20_000);
  expect(mail.text).toContain('08:00');
  await page.goto(`${app.url}/account`);
  await page.locator('#my-notices-list').getByText(NOTICE).waitFor();
  await noSideScroll(page);
  // Not public: the website's notices page does not show it.
  await page.goto(`${app.url}/notices`);
  await page.getByRole('heading', { level: 1, name: 'ประกาศถึงประชาชน' }).waitFor();
  expect(await page.getByText(NOTICE).count()).toBe(0);
  expect(errors).toEqual([]);
});

it('adds a complaint filed before signing in, by its code and the e-mail given', async () => {
  const stranger = await newPhone();
  let code: string;
  try {
    // Filed signed out, with an e-mail to be reached at.
    const anon = await stranger.newPage();
    await anon.goto(`${app.url}/complaint`);
    await anon.locator('#c-category option[value="road"]').waitFor({ state: 'attached' });
    await anon.locator('#c-map.leaflet-container').waitFor();
    await anon.getByLabel('ประเภทเรื่อง').selectOption('road');
    await anon.getByLabel('รายละเอียด').fill('ท่อระบายน้ำอุดตันหน้าตลาด');
    await anon.locator('#c-map').tap({ position: { x: 150, y: 120 } });
    await anon.locator('#c-map .map-pin').waitFor();
    await anon.getByLabel('อีเมล').fill('Somsri.Account@example.test');
    await anon.getByLabel(/^ข้าพเจ้ายินยอม/).check();
    await anon.getByRole('button', { name: 'ส่งเรื่อง' }).click();
    await anon.getByRole('heading', { level: 1, name: 'ส่งเรื่องเรียบร้อยแล้ว' }).waitFor();
    code = (await anon.locator('#tracking-code').textContent())!.trim();
  } finally {
    await stranger.close();
  }
  await page.goto(`${app.url}/account`);
  await page.getByRole('link', { name: 'เพิ่มเรื่องที่แจ้งไว้ก่อนหน้านี้' }).click();
  await page.getByRole('heading', { level: 1, name: 'เพิ่มเรื่องที่แจ้งไว้ก่อนเข้าสู่ระบบ' }).waitFor();
  await page.locator('#cl-submit').waitFor();
  // A contact that is not the one given: one answer, whatever the reason.
  await page.getByLabel('รหัสติดตามเรื่อง').fill(code.toLowerCase());
  await page.getByLabel('อีเมลหรือเบอร์โทรศัพท์ที่ให้ไว้ตอนแจ้ง').fill('someone.else@example.test');
  await page.getByRole('button', { name: 'เพิ่มในบัญชีของฉัน' }).click();
  await page.locator('#cl-alert').getByText('ไม่พบเรื่องที่ตรงกับรหัสและข้อมูลติดต่อนี้').waitFor();
  await page.getByLabel('อีเมลหรือเบอร์โทรศัพท์ที่ให้ไว้ตอนแจ้ง').fill('somsri.account@example.test');
  await page.getByRole('button', { name: 'เพิ่มในบัญชีของฉัน' }).click();
  await page.locator('#cl-done').getByText(`เพิ่มเรื่อง ${code} ในบัญชีของคุณแล้ว`).waitFor();
  await noSideScroll(page);
  expect(await wcagViolations(page)).toEqual([]);
  await page.goto(`${app.url}/account`);
  await page.locator('#my-complaints-list').getByRole('link', { name: code }).waitFor();
  expect(await page.locator('#my-complaints-list li').count()).toBe(2);
});

it('shows My page in English under /en', async () => {
  await page.goto(`${app.url}/en/account`);
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Notices for me' }).waitFor();
  await page.locator('#my-notices-list').getByText('Village 2: no tap water this Saturday').waitFor();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My account' }).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
});

it('keeps the person signed in after the browser is closed and opened again', async () => {
  const { cookies } = await phone.storageState();
  expect(cookies.find((c) => c.name === 'nokok_session')?.httpOnly).toBe(true);
  await phone.close();
  // Only what a browser keeps across a restart: its cookies (the access token was in memory only).
  phone = await newPhone({ cookies, origins: [] });
  page = await phone.newPage();
  await page.goto(`${app.url}/account`);
  await page.locator('#my-email').getByText(EMAIL).waitFor();
});

it('signs out everywhere from another device, and this one is signed out at once', async () => {
  const other = await newPhone();
  try {
    // This phone has its profile open, with an access token in memory.
    await page.goto(`${app.url}/account/profile`);
    await page.locator('#pf-submit').waitFor();
    // The other device signs in without a password: a one-time code from the mailbox.
    const second = await other.newPage();
    await second.goto(`${app.url}/account/sign-in`);
    await second.locator('#sc-submit:enabled').waitFor();
    const before = new Set(smtp.mails);
    await second.locator('#sc-email').fill(EMAIL);
    await second.getByRole('button', { name: 'ส่งรหัสให้ฉัน' }).click();
    await second.getByLabel('รหัส 6 หลักจากอีเมล').waitFor();
    const mail = await smtp.waitFor((m) => !before.has(m) && m.to.includes(EMAIL) && /\b\d{6}\b/.test(m.text), 20_000);
    const code = /\b\d{6}\b/.exec(mail.text)?.[0];
    expect(code).toBeTruthy();
    await second.getByLabel('รหัส 6 หลักจากอีเมล').fill('000000' === code ? '111111' : '000000');
    await second.getByRole('button', { name: 'ยืนยันรหัส' }).click();
    await second.locator('#sc-code-error').getByText('รหัสไม่ถูกต้องหรือหมดอายุ').waitFor();
    await second.getByLabel('รหัส 6 หลักจากอีเมล').fill(code!);
    await second.getByRole('button', { name: 'ยืนยันรหัส' }).click();
    await second.waitForURL(`${app.url}/account`);
    await second.locator('#my-email').getByText(EMAIL).waitFor();
    await second.goto(`${app.url}/account/profile`);
    await second.getByRole('button', { name: 'ออกจากระบบทุกอุปกรณ์' }).click();
    await second.locator('#si-submit:enabled').waitFor();

    // Its next request with that token is refused at once, and the refresh cookie is no use either.
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.locator('#account-root #si-submit:enabled').waitFor();
    await page.goto(`${app.url}/account`);
    await page.locator('#account-root #si-submit:enabled').waitFor();
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'เข้าสู่ระบบ' }).waitFor();
  } finally {
    await other.close();
  }
});

it('downloads everything held about the person, gives a LINE link code, and deletes the account', async () => {
  await signIn(page);
  await page.goto(`${app.url}/account/profile`);
  await page.getByRole('button', { name: 'ขอรหัสเชื่อมต่อ LINE' }).click();
  expect((await page.locator('#line-code').textContent())?.trim()).toMatch(/^NOKOK-\d{6}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลดข้อมูล' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^nokok-account-\d+\.json$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { account: { email: string } } & Record<string, unknown>;
  expect(exported.account.email).toBe(EMAIL);
  expect(JSON.stringify(exported)).toContain(BILL);
  expect(JSON.stringify(exported)).toContain(NOTICE);

  // A wrong password deletes nothing; the box must be ticked too.
  await page.getByLabel('รหัสผ่านของคุณ').fill('not-the-password');
  await page.getByRole('button', { name: 'ลบบัญชีของฉัน' }).click();
  await page.locator('#dl-sure-error').getByText('กรุณาทำเครื่องหมายยืนยันก่อนลบบัญชี').waitFor();
  await page.getByLabel('ฉันเข้าใจว่าการลบบัญชีไม่สามารถย้อนกลับได้').check();
  await page.getByRole('button', { name: 'ลบบัญชีของฉัน' }).click();
  await page.locator('#dl').getByText('รหัสผ่านไม่ถูกต้อง').waitFor();
  await page.getByLabel('รหัสผ่านของคุณ').fill(PASSWORD);
  await page.getByRole('button', { name: 'ลบบัญชีของฉัน' }).click();
  await page.getByRole('heading', { name: 'ลบบัญชีของคุณแล้ว' }).waitFor();

  await page.goto(`${app.url}/account/sign-in`);
  await page.locator('#si-submit:enabled').waitFor();
  await page.getByLabel('อีเมล', { exact: true }).first().fill(EMAIL);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  await page.locator('#si-alert').getByText('อีเมลหรือรหัสผ่านไม่ถูกต้อง').waitFor();
  expect(errors).toEqual([]);
});
