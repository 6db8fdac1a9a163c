import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { DEMO_STAFF_PASSWORDS, demoStaffEnv } from '../helpers/demo-staff';
import { GUIDE_SECTIONS } from '../../src/admin/staff-guide/sections';

/**
 * The staff guide's screenshots (docs/staff-guide.md): each demo officer logs in and walks the
 * screens of their daily work; every screen is checked (a Thai heading or button the guide names
 * is there) before it is shot. Shots go to .tmp/staff-guide/; with UPDATE_STAFF_GUIDE=1 they replace
 * the committed ones in docs/staff-guide/ (and images the guide no longer shows are removed there).
 * It also follows the home page widget's links to the guide the app serves at /staff-guide.
 */
const UPDATE = process.env.UPDATE_STAFF_GUIDE === '1';
const OUT = UPDATE ? path.join(ROOT, 'docs', 'staff-guide') : path.join(ROOT, '.tmp', 'staff-guide');
const GUIDE = path.join(ROOT, 'docs', 'staff-guide.md');
const PASSWORDS = DEMO_STAFF_PASSWORDS;

/** Every screenshot the guide shows, in the order they are taken. */
const SHOTS = [
  'login', 'home', 'profile',
  'editor-news-list', 'editor-news-edit', 'editor-media',
  'complaints-inbox', 'complaints-case', 'complaints-case-reply', 'complaints-poles',
  'finance-import', 'finance-reconcile', 'finance-review',
  'executive-inbox', 'auditor-case',
  'admin-users',
];

let app: TestApp;
let browser: Browser;
const shots: string[] = [];

/** The guide's pictures do not depend on the database: CI's PostgreSQL half, run beside the SQLite one, skips them. */
const shoot = (process.env.DATABASE_CLIENT || 'sqlite') !== 'postgres' ? it : it.skip;

beforeAll(async () => {
  if (shoot === it.skip) return;
  fs.mkdirSync(OUT, { recursive: true });
  app = await startApp({
    SEED_DEMO: 'true',
    RATE_LIMIT_PER_MINUTE: '1000',
    ...demoStaffEnv(),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A fresh browser as a clerk's: Thai, Bangkok time, the size the guide's images are; map tiles refused (no network here). */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  return context;
}

async function loginAs(who: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext();
  const page = await context.newPage();
  await adminLogin(page, app.url, { email: `${who}@nokok.demo`, password: PASSWORDS[who] });
  return { context, page };
}

/** Waits until the admin has drawn the screen: requests settled, no loader left, images decoded. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], [role="progressbar"]'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete), undefined, { timeout: 10_000 }).catch(() => undefined);
  // No tooltip, hover or focus ring in the picture.
  await page.mouse.move(0, 799);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(300);
}

/** Shoots the screen as the guide shows it, once `ready` has found what the guide says is there. */
async function shot(page: Page, name: string, ready: () => Promise<unknown>) {
  await ready();
  await settle(page);
  await page.screenshot({ path: path.join(OUT, `${name}.jpg`), type: 'jpeg', quality: 70, animations: 'disabled', caret: 'hide' });
  shots.push(name);
}

/** Scrolls the admin's content so that `text` is at the top of the picture. */
const scrollToTop = (page: Page, text: string) => page.getByText(text, { exact: true }).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name }).first().waitFor();
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().waitFor();

shoot('signs in: the login page, the home page with the guide widget, and the profile page (language, password)', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${app.url}/admin/auth/login`);
  await shot(page, 'login', async () => {
    await page.getByText('ระบบเทศบาลดิจิทัล นกออก').waitFor();
    await button(page, 'เข้าสู่ระบบ');
  });
  await adminLogin(page, app.url, { email: 'editor@nokok.demo', password: PASSWORDS.editor });

  // The widget lists every section; the officer's own role is marked.
  const widget = page.locator('section').filter({ has: page.getByRole('heading', { name: 'คู่มือเจ้าหน้าที่' }) });
  await shot(page, 'home', async () => {
    await heading(page, /^สวัสดี คุณมาลี/);
    await widget.waitFor();
    for (const key of ['เข้าสู่ระบบ ภาษา และรหัสผ่าน', 'ผู้ดูแลเนื้อหาเว็บไซต์', 'ถ้าเกิดปัญหา']) await widget.getByRole('link', { name: key, exact: true }).waitFor();
    await widget.getByRole('listitem').filter({ hasText: 'ผู้ดูแลเนื้อหาเว็บไซต์' }).getByText('บทบาทของคุณ').waitFor();
    expect(await widget.getByText('บทบาทของคุณ').count()).toBe(1);
  });

  // The initials at the bottom left open the profile and the way out.
  await page.getByRole('button', { name: /มาลี ผู้ดูแลเนื้อหา/ }).click();
  await page.getByRole('menuitem', { name: 'โปรไฟล์' }).waitFor();
  await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'ตั้งค่าโปรไฟล์' }).click();
  await shot(page, 'profile', async () => {
    await heading(page, 'เปลี่ยนรหัสผ่าน');
    await heading(page, 'การแสดงผล');
    await page.getByText('ภาษาของหน้าจอ', { exact: true }).waitFor();
    await page.getByLabel('รหัสผ่านปัจจุบัน').waitFor();
    await button(page, 'บันทึก');
  });
  await context.close();
});

shoot('content editor: the news list, a news item being edited, the Media Library', async () => {
  const { context, page } = await loginAs('editor');
  await page.goto(`${app.url}/admin/content-manager/collection-types/api::news.news-item`);
  await shot(page, 'editor-news-list', async () => {
    await heading(page, 'ข่าวและประกาศ');
    await page.getByRole('link', { name: /เพิ่มรายการใหม่/ }).first().waitFor();
    await page.getByText('เผยแพร่แล้ว').first().waitFor();
  });
  await page.locator('tbody tr').first().locator('td').nth(1).click();
  await shot(page, 'editor-news-edit', async () => {
    await page.getByText('หัวข้อข่าว', { exact: false }).first().waitFor();
    await page.getByText('ภาพปก', { exact: false }).first().waitFor();
    await button(page, 'บันทึก');
    await button(page, 'เผยแพร่');
  });
  await page.goto(`${app.url}/admin/plugins/upload`);
  await shot(page, 'editor-media', async () => {
    await heading(page, 'คลังสื่อ');
    // The Media Library draws its "new" menu after its folder and permission reads, which a loaded
    // CI machine (two databases tested side by side) has taken over 30 s to answer.
    await page.getByRole('button', { name: /ใหม่/ }).first().waitFor({ timeout: 90_000 });
    await page.getByText('news-loy-krathong-2569.jpg').first().waitFor();
  });
  await page.getByRole('button', { name: /ใหม่/ }).first().click();
  await page.getByRole('menuitem', { name: 'อัปโหลดไฟล์', exact: true }).waitFor();
  await page.keyboard.press('Escape');
  await context.close();
}, 240_000);

shoot('complaint officer: the inbox, a new complaint, the loudspeaker poles', async () => {
  const { context, page } = await loginAs('complaints');
  await page.getByRole('link', { name: 'เรื่องร้องเรียนและคำขอ' }).click();
  await shot(page, 'complaints-inbox', async () => {
    await page.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียน' }).waitFor();
    await button(page, 'รีเฟรช');
    await page.getByRole('tab', { name: /^ทั้งหมด/ }).waitFor();
    await page.getByText('เฉพาะเรื่องที่เกินกำหนด', { exact: false }).waitFor();
  });
  // A complaint just received: the actions an officer takes first.
  await page.getByRole('tab', { name: /^รับเรื่องแล้ว/ }).click();
  await page.waitForURL(/state=received/);
  await page.locator('tbody tr').first().getByRole('link').first().click();
  await shot(page, 'complaints-case', async () => {
    await page.getByRole('heading', { level: 1, name: /^NK-/ }).waitFor();
    await button(page, 'รับเรื่อง');
    await button(page, 'ไม่รับเรื่อง');
    await page.getByRole('heading', { name: 'ประวัติการดำเนินการ' }).waitFor();
  });
  await scrollToTop(page, 'ตอบกลับผู้ร้อง');
  await shot(page, 'complaints-case-reply', async () => {
    await page.getByRole('textbox', { name: 'ข้อความถึงผู้ร้อง' }).waitFor();
    await button(page, 'ส่งคำตอบ');
    await page.getByRole('textbox', { name: 'บันทึกสำหรับเจ้าหน้าที่' }).waitFor();
  });
  await page.getByRole('link', { name: 'เสาลำโพงเสียงไร้สาย' }).first().click();
  await shot(page, 'complaints-poles', async () => {
    await page.getByRole('heading', { level: 1, name: 'เสาลำโพงเสียงไร้สาย' }).waitFor();
    await page.getByRole('link', { name: 'พิมพ์ป้าย QR ทุกเสา' }).waitFor();
  });
  await context.close();
});

shoot("finance officer: the import page, the bank's report checked and imported, the payments to review", async () => {
  const { context, page } = await loginAs('finance');
  await page.getByRole('link', { name: 'นำเข้าข้อมูลจากไฟล์' }).first().click();
  await shot(page, 'finance-import', async () => {
    await page.getByRole('heading', { level: 1, name: 'นำเข้าข้อมูลจากไฟล์' }).waitFor();
    await page.getByRole('link', { name: 'ใบแจ้งประเมินภาษีที่ดินและสิ่งปลูกสร้าง' }).waitFor();
    await page.getByRole('link', { name: 'รายงานการรับชำระภาษีจากธนาคาร' }).waitFor();
  });

  // Today's bank report, as a bank sends it (no header row): one exact payment, one short, one for no bill.
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = today.split('-').map(Number);
  const thaiDate = `${d}/${m}/${y + 543}`;
  const report = [`${thaiDate},DEMO-2569-0002,256901,124.00,KTB-880001`, `${thaiDate},DEMO-2569-0003,256901,100.00,KTB-880002`, `${thaiDate},DEMO-2569-9999,256901,350.00,KTB-880003`].join('\n');
  await page.getByRole('link', { name: 'รายงานการรับชำระภาษีจากธนาคาร' }).click();
  await page.getByRole('heading', { level: 1, name: 'รายงานการรับชำระภาษีจากธนาคาร' }).waitFor();
  await page.getByLabel('ไฟล์ CSV หรือ XLSX').setInputFiles({ name: 'ktb-report.csv', mimeType: 'text/csv', buffer: Buffer.from(report) });
  await page.getByRole('button', { name: 'อ่านไฟล์' }).click();
  await page.getByText('อ่านไฟล์ ktb-report.csv แล้ว มีข้อมูล 3 แถว', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูล' }).click();
  await page.getByText('ถูกต้อง 3 แถว').waitFor();
  await scrollToTop(page, 'จับคู่คอลัมน์');
  await shot(page, 'finance-reconcile', async () => {
    await page.getByText('ถูกต้อง 3 แถว').waitFor();
    await page.getByText('จับคู่คอลัมน์', { exact: true }).waitFor();
    await button(page, 'นำเข้า 3 รายการ');
  });
  await page.getByRole('button', { name: 'นำเข้า 3 รายการ' }).click();
  await page.getByText(/^3 รายการ: ตัดยอดแล้ว \d+ รอตรวจสอบ [1-9]/).waitFor({ timeout: 60_000 });

  await page.getByRole('link', { name: 'ตรวจสอบการชำระภาษี' }).first().click();
  await shot(page, 'finance-review', async () => {
    await page.getByRole('heading', { level: 1, name: 'การชำระภาษีที่ต้องตรวจสอบ' }).waitFor();
    await page.locator('tr[data-bank-ref="KTB-880002"]').getByText('ชำระไม่ครบงวด').waitFor();
    await page.locator('tr[data-bank-ref="KTB-880003"]').getByText('ไม่พบใบแจ้ง').waitFor();
  });
  await context.close();
});

shoot('executive and auditor: the inbox and a case, read only', async () => {
  {
    const { context, page } = await loginAs('executive');
    await page.getByRole('link', { name: 'เรื่องร้องเรียนและคำขอ' }).click();
    await page.getByRole('heading', { level: 1, name: 'เรื่องร้องเรียน' }).waitFor();
    await page.getByText('เฉพาะเรื่องที่เกินกำหนด', { exact: false }).click();
    await page.waitForURL(/overdue=true/);
    await shot(page, 'executive-inbox', async () => {
      await page.getByRole('tab', { name: /^ทั้งหมด [1-9]/ }).waitFor();
      await page.getByText('เกินกำหนด', { exact: true }).first().waitFor();
    });
    await context.close();
  }
  const { context, page } = await loginAs('auditor');
  await page.getByRole('link', { name: 'เรื่องร้องเรียนและคำขอ' }).click();
  await page.getByRole('tab', { name: /^ดำเนินการแล้วเสร็จ/ }).click();
  await page.waitForURL(/state=resolved/);
  await page.locator('tbody tr').first().getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /^NK-/ }).waitFor();
  await page.getByRole('heading', { name: 'ประวัติการดำเนินการ' }).waitFor();
  await scrollToTop(page, 'ประวัติการดำเนินการ');
  await shot(page, 'auditor-case', async () => {
    await page.getByText('ผู้ร้องเห็น', { exact: true }).first().waitFor();
    // Read only: no action, no reply box, no note box.
    await page.getByText('ดำเนินการแล้วเสร็จ', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: /^(ปิดเรื่อง|เปิดเรื่องใหม่|ส่งคำตอบ)$/ }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'ข้อความถึงผู้ร้อง' }).count()).toBe(0);
  });
  await context.close();
});

shoot('super admin: the staff accounts', async () => {
  const { context, page } = await loginAs('admin');
  await page.goto(`${app.url}/admin/settings/users`);
  await shot(page, 'admin-users', async () => {
    await heading(page, 'ผู้ใช้');
    await button(page, 'สร้างผู้ใช้ใหม่');
    await page.getByText('complaints@nokok.demo').waitFor();
  });
  await context.close();
});

shoot("follows the home page widget to the guide the app serves, with every section and every image there", async () => {
  const { context, page } = await loginAs('complaints');
  const widget = page.locator('section').filter({ has: page.getByRole('heading', { name: 'คู่มือเจ้าหน้าที่' }) });
  await widget.getByRole('listitem').filter({ hasText: 'เจ้าหน้าที่รับเรื่องร้องเรียน' }).getByText('บทบาทของคุณ').waitFor();
  const [guide] = await Promise.all([context.waitForEvent('page'), widget.getByRole('link', { name: 'เจ้าหน้าที่รับเรื่องร้องเรียน', exact: true }).click()]);
  await guide.waitForLoadState();
  expect(decodeURIComponent(new URL(guide.url()).hash)).toBe('#เจ้าหน้าที่รับเรื่องร้องเรียน');
  await guide.getByRole('heading', { level: 1, name: /^คู่มือเจ้าหน้าที่/ }).waitFor();
  // The section the link named is on the page, as is every other the widget lists.
  for (const s of GUIDE_SECTIONS) expect(await guide.locator(`[id="${s.anchor}"]`).count()).toBe(1);
  await guide.getByRole('heading', { level: 2, name: 'เจ้าหน้าที่รับเรื่องร้องเรียน' }).waitFor();
  // Every screenshot loads (lazy images are scrolled into view first).
  for (const img of await guide.locator('main img').all()) await img.scrollIntoViewIfNeeded();
  await guide.waitForFunction(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 15_000 });
  expect(await guide.locator('main img').count()).toBeGreaterThanOrEqual(8);
  await context.close();
});

shoot('has shot every image the guide shows, and the guide shows every shot', () => {
  expect([...shots].sort()).toEqual([...SHOTS].sort());
  const guide = fs.readFileSync(GUIDE, 'utf8');
  const shown = [...guide.matchAll(/\(staff-guide\/([\w-]+)\.jpg\)/g)].map((m) => m[1]);
  expect([...new Set(shown)].sort()).toEqual([...SHOTS].sort());
  // Refreshing the committed images: one the guide no longer shows goes too.
  if (UPDATE) for (const file of fs.readdirSync(OUT)) if (!SHOTS.includes(path.basename(file, '.jpg'))) fs.rmSync(path.join(OUT, file));
});
