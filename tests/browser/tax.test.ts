import type { Browser } from 'playwright-core';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

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

it('looks up the demo bill on a phone and shows the amount and a QR a banking app can read', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const urls: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: /^ภาษีที่ดินและสิ่งปลูกสร้าง/ }).click();
  await page.getByRole('heading', { level: 1, name: 'ภาษีที่ดินและสิ่งปลูกสร้าง' }).waitFor();

  // A mistyped ID is caught on the page; a wrong one gets the same answer as an unknown bill.
  await page.getByLabel('เลขที่ใบแจ้งประเมิน').fill('DEMO-2569-0001');
  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill('31099');
  await page.getByRole('button', { name: 'ค้นหาใบแจ้ง' }).tap();
  await page.getByText('กรุณากรอกเลขประจำตัวประชาชน 13 หลัก').waitFor();
  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill('3109900123454');
  await page.getByRole('button', { name: 'ค้นหาใบแจ้ง' }).tap();
  await page.getByText('เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบทั้ง 13 หลัก)').waitFor();
  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill('1101700230708');
  await page.getByRole('button', { name: 'ค้นหาใบแจ้ง' }).tap();
  await page.getByText('ไม่พบใบแจ้งภาษีที่ตรงกับเลขที่และเลขประจำตัวนี้ กรุณาตรวจสอบอีกครั้ง').waitFor();

  await page.getByLabel('เลขประจำตัวประชาชนของเจ้าของทรัพย์สิน').fill('3-1099-00123-45-3');
  await page.getByRole('button', { name: 'ค้นหาใบแจ้ง' }).tap();
  await page.getByRole('heading', { name: 'ใบแจ้งเลขที่ DEMO-2569-0001 ปีภาษี 2569' }).waitFor();
  expect(await page.locator('#amount-due').textContent()).toBe('7,350.00');
  await page.getByText('นาย ส**** ใ****').waitFor();
  expect(await page.content()).not.toContain('3109900123453');
  expect(urls.filter((u) => /3109900123453|3-1099-00123-45-3/.test(decodeURIComponent(u)))).toEqual([]); // the ID goes in the POST body only

  // On a 360 px screen the bill number, the amounts and the installments' headings each stay on one line.
  const lines = await page.locator('#bill-number, #amount-due, #bill table th.nowrap, #bill table td.num, #bill .amount').evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // Text boxes on one line overlap vertically (fallback fonts may shift them a little); a new line starts below.
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
      let count = rects.length ? 1 : 0;
      let bottom = rects[0]?.bottom ?? 0;
      for (const r of rects.slice(1)) {
        if (r.top >= bottom - 2) count++;
        bottom = count > 1 && r.top >= bottom - 2 ? r.bottom : Math.max(bottom, r.bottom);
      }
      return `${el.textContent?.trim()}: ${count}`;
    }),
  );
  expect(lines).toContain('DEMO-2569-0001: 1');
  expect(lines).toContain('งวดที่: 1');
  expect(lines.filter((l) => /[\d,]+\.\d\d/.test(l)).length).toBeGreaterThanOrEqual(3);
  expect(lines.filter((l) => !l.endsWith(': 1'))).toEqual([]);
  // ...and the installments table still fits the phone, without a scroll of its own.
  expect(await page.locator('#bill .table-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.locator('#bill').screenshot({ path: '/tmp/tax-bill-360.png' });

  // The QR: loaded, at least 280 px wide on a 360 px screen, and it decodes to the bill's payload.
  const qr = page.getByRole('img', { name: 'คิวอาร์โค้ดชำระภาษีใบแจ้ง DEMO-2569-0001 จำนวน 7,350.00 บาท' });
  await qr.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('#tax-qr');
    return Boolean(img && img.complete && img.naturalWidth > 0);
  });
  const box = (await qr.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(280);
  const shot = await qr.screenshot();
  const { data, info } = await sharp(shot).extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
  expect(decoded).toMatch(/^000201010212.*530376454077350\.005802TH.*6304[0-9A-F]{4}$/);
  expect(decoded).toContain('0212DEMO25690001'); // reference 1: the bill number as banks keep it
  await page.getByText('เปิดแอปธนาคารบนโทรศัพท์ แล้วเลือกสแกนจ่าย').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/tax-bill.png', fullPage: true });

  // The estimate, from the rates published as data.
  await page.getByLabel('ประเภทการใช้ประโยชน์').selectOption('other');
  await page.getByLabel('มูลค่าที่ดินและสิ่งปลูกสร้าง (บาท)').fill('2,450,000');
  await page.getByRole('button', { name: 'คำนวณ' }).tap();
  await page.getByText('ภาษีโดยประมาณ 7,350.00 บาทต่อปี').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

it('speaks one calendar on each page: the Christian era all through /en/tax, the Buddhist era on /tax', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  try {
    const page = await context.newPage();
    const lookUp = async (path: string, bill: RegExp) => {
      await page.goto(`${app.url}${path}`);
      await page.locator('#t-bill').fill('DEMO-2569-0001');
      await page.locator('#t-id').fill('3109900123453');
      await page.locator('#tax-form button[type=submit]').click();
      await page.getByRole('heading', { level: 2, name: bill }).waitFor();
      // Every year the page shows, the rates' text included; the bill number is an identifier, not a date.
      const text = (
        await page.locator('main').evaluate((main) => {
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          const parts: string[] = [];
          while (walker.nextNode()) parts.push(walker.currentNode.nodeValue ?? '');
          return parts.join(' ');
        })
      ).replaceAll('DEMO-2569-0001', '');
      return [...text.matchAll(/(?<![\d,.])(19|20|25)\d\d(?![\d,.])/g)].map((m) => m[0]);
    };
    const english = await lookUp('/en/tax', /^Bill DEMO-2569-0001, tax year 2026$/);
    expect(await page.locator('#bill table td').nth(1).textContent()).toBe('30 December 2026');
    expect(english.length).toBeGreaterThanOrEqual(3);
    expect(english.filter((y) => y.startsWith('25'))).toEqual([]);
    const thai = await lookUp('/tax', /^ใบแจ้งเลขที่ DEMO-2569-0001 ปีภาษี 2569$/);
    expect(await page.locator('#bill table td').nth(1).textContent()).toBe('30 ธันวาคม 2569');
    expect(thai.length).toBeGreaterThanOrEqual(3);
    expect(thai.filter((y) => !y.startsWith('25'))).toEqual([]);
  } finally {
    await context.close();
  }
});

it('shows the page with JavaScript turned off: the form, what else the taxpayer can do, and the rates', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'th-TH' });
  try {
    const page = await context.newPage();
    const res = await page.goto(`${app.url}/tax`);
    expect(res?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'ภาษีที่ดินและสิ่งปลูกสร้าง' }).waitFor();
    // The notice sits at the top of the form: the lookup is a JSON POST, so it needs script.
    const notice = page.locator('#tax-form > noscript:first-child > #tax-noscript');
    await notice.getByText('การค้นหาใบแจ้งภาษีบนหน้านี้ต้องเปิดใช้ JavaScript', { exact: false }).waitFor();
    expect(await notice.getByRole('link').getAttribute('href')).toBe('/contact');
    await page.getByLabel('เลขที่ใบแจ้งประเมิน').waitFor();
    // The rates are content: in the server's HTML, band by band.
    await page.getByText('ภาษีคำนวณแบบขั้นบันได', { exact: false }).waitFor();
    await page.getByText('อัตราภาษีที่ใช้คำนวณ').click();
    await page.getByRole('table', { name: 'บุคคลธรรมดา (ได้รับยกเว้นมูลค่า 50 ล้านบาทแรก)' }).getByRole('cell', { name: '0 ถึง 50,000,000' }).waitFor();
    expect(await page.locator('#e-variant option').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.goto(`${app.url}/en/tax`);
    await page.getByRole('heading', { level: 1, name: 'Land and building tax' }).waitFor();
    // Playwright's text search leaves <noscript> out: search from inside the notice.
    await page.locator('#tax-noscript').getByText('Finding a tax bill on this page needs JavaScript', { exact: false }).waitFor();
    expect(await page.locator('#tax-noscript a').getAttribute('href')).toBe('/en/contact');
  } finally {
    await context.close();
  }
});

it('lets revenue staff import a spreadsheet in the admin: mapping, per-row report in Thai, progress, result', async () => {
  const officer = await createAdmin(app, { email: 'revenue-ui@nokok.test', password: 'Revenue12345' });
  const header = 'เลขที่ใบแจ้งประเมิน,ปีภาษี,เลขประจำตัวประชาชน,ชื่อผู้เสียภาษี,ประเภทการใช้ประโยชน์,ค่าภาษี,หมายเหตุของงานคลัง';
  const rows = Array.from({ length: 3000 }, (_, i) => `UI-2569-${String(i + 1).padStart(5, '0')},2569,1101700230708,นางทดสอบ นำเข้า,เกษตรกรรม,${(10 + i).toFixed(2)},-`);
  rows[41] = 'UI-2569-BAD,2569,1101700230708,นางทดสอบ นำเข้า,โรงงาน,10.00,-';
  const file = Buffer.from(`\ufeff${header}\n${rows.join('\n')}\n`);

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH' });
  const page = await context.newPage();
  await adminLogin(page, app.url, officer);
  // The plugin's page lists the targets this officer may use, by the targets' own labels.
  await page.getByRole('link', { name: 'นำเข้าข้อมูลจากไฟล์' }).click();
  await page.getByRole('heading', { level: 1, name: 'นำเข้าข้อมูลจากไฟล์' }).waitFor();
  await page.getByRole('link', { name: 'รายงานการรับชำระภาษีจากธนาคาร' }).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/import-targets.png' });
  await page.getByRole('link', { name: 'ใบแจ้งประเมินภาษีที่ดินและสิ่งปลูกสร้าง' }).click();
  await page.getByRole('heading', { level: 1, name: 'ใบแจ้งประเมินภาษีที่ดินและสิ่งปลูกสร้าง' }).waitFor();
  // A file that is no text is refused in the officer's language alone.
  const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256));
  await page.getByLabel('ไฟล์ CSV หรือ XLSX').setInputFiles({ name: 'scan.csv', mimeType: 'text/csv', buffer: garbage });
  await page.getByRole('button', { name: 'อ่านไฟล์' }).click();
  await page.getByText('ไฟล์นี้ไม่ใช่ข้อความ CSV ที่อ่านได้', { exact: false }).waitFor();
  expect(await page.getByText('The file is not CSV text', { exact: false }).count()).toBe(0);
  await page.getByLabel('ไฟล์ CSV หรือ XLSX').setInputFiles({ name: 'bills-2569.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'อ่านไฟล์' }).click();
  await page.getByText('อ่านไฟล์ bills-2569.csv แล้ว มีข้อมูล 3000 แถว').waitFor();
  // Columns are matched by their Thai names; the unknown one is left unused.
  expect(await page.getByRole('combobox', { name: 'ค่าภาษี (บาท)' }).textContent()).toContain('ค่าภาษี');
  expect(await page.getByRole('combobox', { name: 'ที่อยู่ผู้เสียภาษี' }).textContent()).toContain('ไม่ใช้');
  await page.getByText('UI-2569-00001', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'ตรวจสอบข้อมูล' }).click();
  await page.getByText('ถูกต้อง 2999 แถว').waitFor();
  await page.getByText('ผิดพลาด 1 แถว').waitFor();
  const issue = page.locator('tr[data-row="43"]');
  await issue.getByText('ประเภทการใช้ประโยชน์ต้องเป็น เกษตรกรรม อยู่อาศัย อื่น ๆ หรือ รกร้างว่างเปล่า').first().waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/tax-import-check.png', fullPage: true });

  await page.getByRole('button', { name: 'นำเข้า 2999 รายการ' }).click();
  await page.getByRole('progressbar').waitFor();
  await page.getByText('เสร็จแล้ว: เพิ่มใหม่ 2999 แก้ไข 0 ไม่เปลี่ยนแปลง 0 ไม่นำเข้า 1 รายการ').waitFor({ timeout: 60_000 });
  expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  expect(await app.strapi.db.query('api::tax-bill.tax-bill').count({ where: { billNumber: { $startsWith: 'UI-2569-' } } })).toBe(2999);
  await page.screenshot({ path: '/tmp/tax-import-done.png', fullPage: true });

  // The bank's report, without a header row: one exact payment, one short of its installment, one twice.
  await page.getByRole('link', { name: 'กลับ' }).click();
  await page.getByRole('link', { name: 'รายงานการรับชำระภาษีจากธนาคาร' }).click();
  await page.getByRole('heading', { level: 1, name: 'รายงานการรับชำระภาษีจากธนาคาร' }).waitFor();
  // Dates as a Thai clerk writes them (today, in three forms), and one whose year is far off (3112 for 2569).
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = today.split('-').map(Number);
  const month = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'][m - 1];
  const far = `${y + 1086}-${today.slice(5)}`;
  const bank = [`${d}/${m}/${y + 543},UI-2569-00001,256901,10.00,KTB-1`, `${d} ${month} ${String(y + 543).slice(2)},UI-2569-00002,256901,5.00,KTB-2`, `${today},UI-2569-00001,256901,10.00,KTB-1`, `${far},NO-BILL,256901,5.00,KTB-4`].join('\n');
  await page.getByLabel('ไฟล์ CSV หรือ XLSX').setInputFiles({ name: 'ktb.csv', mimeType: 'text/csv', buffer: Buffer.from(bank) });
  await page.getByRole('button', { name: 'อ่านไฟล์' }).click();
  await page.getByText('อ่านไฟล์ ktb.csv แล้ว มีข้อมูล 4 แถว (ไม่มีแถวหัวตาราง คอลัมน์เรียงตามลำดับมาตรฐาน)').waitFor();
  expect(await page.getByRole('combobox', { name: 'จำนวนเงิน' }).textContent()).toContain('คอลัมน์ที่ 4');
  // The preview says how each date was read, Buddhist era in Thai.
  expect(await page.getByText(`อ่านได้เป็น ${d} ${month} ${y + 543}`, { exact: true }).count()).toBe(3);
  await page.getByText(`อ่านได้เป็น ${d} ${month} ${y + 1086}`, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'ตรวจสอบข้อมูล' }).click();
  await page.getByText('ถูกต้อง 3 แถว').waitFor();
  await page.getByText('วันที่ห่างจากวันนี้เกิน 1 ปี 1 แถว').waitFor();
  await page.locator('tr[data-row="4"]').getByText('แถวที่ 4: วันที่ชำระ', { exact: false }).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/tax-import-far-dates.png', fullPage: true });
  await page.getByRole('button', { name: 'นำเข้า 3 รายการ' }).waitFor();
  await page.getByRole('checkbox', { name: 'ยืนยันว่าวันที่ของ 1 แถวนี้ถูกต้อง และให้นำเข้าด้วย' }).click();
  await page.getByRole('button', { name: 'นำเข้า 4 รายการ' }).click();
  await page.getByText('4 รายการ: ตัดยอดแล้ว 1 รอตรวจสอบ 2 ซ้ำ (ข้าม) 1 ผิดพลาด 0').waitFor();

  // Payments the reconciliation flagged: the tax feature's own staff screen.
  await page.getByRole('link', { name: 'ตรวจสอบการชำระภาษี' }).click();
  await page.getByRole('heading', { level: 1, name: 'การชำระภาษีที่ต้องตรวจสอบ' }).waitFor();
  await page.locator('tr[data-bank-ref="KTB-2"]').getByText('ชำระไม่ครบงวด').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/tax-review.png' });
  await context.close();
});
