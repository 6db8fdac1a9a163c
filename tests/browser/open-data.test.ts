import fs from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';
import { createDataset, dataStoreSettled, uploadFile } from '../helpers/datasets';

/**
 * The open-data pages as a citizen and an integrator meet them: search in Thai, a dataset with a
 * table preview that sorts and pages, its CSV download, a map of a layer, the versions, the calls an
 * integrator would make, and the request form; without script the same reading works by links.
 */
let app: TestApp;
let browser: Browser;
let phone: BrowserContext;

const TITLE = 'จำนวนประชากรรายหมู่บ้าน';
const SLUG = 'population-by-village';
const RESOURCE = 'ประชากรรายหมู่บ้าน ปี 2568';
/** 25 villages: three pages of ten in the preview. */
const VILLAGES = Array.from({ length: 25 }, (_, i) => {
  const n = i + 1;
  const male = 300 + ((n * 37) % 200) + n; // every total differs: the order is the same on every database
  const female = 310 + ((n * 53) % 190);
  return { n, name: `บ้านหมู่${n}`, male, female, total: male + female };
});
// A long last column: the table is wider than a phone and scrolls in its own box.
const NOTE = 'สำรวจโดยอาสาสมัครสาธารณสุขประจำหมู่บ้านร่วมกับงานทะเบียนราษฎร';
const CSV = ['หมู่ที่,ชื่อหมู่บ้าน,ชาย,หญิง,รวม,หมายเหตุ', ...VILLAGES.map((v) => `${v.n},${v.name},${v.male},${v.female},${v.total},${NOTE}`)].join('\r\n');
const LARGEST = [...VILLAGES].sort((a, b) => b.total - a.total)[0];
const SMALLEST = [...VILLAGES].sort((a, b) => a.total - b.total)[0];
const LIGHTS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [102.021, 14.721] }, properties: { code: 'L-01', name: 'หน้าวัด' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [102.025, 14.718] }, properties: { code: 'L-02', name: 'หน้าโรงเรียน' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[102.02, 14.72], [102.03, 14.725]] }, properties: { code: 'R-01', name: 'ถนนสายหลัก' } },
  ],
};

let populationId: string;

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  const csv = await uploadFile(app.strapi, 'population-2568.csv', CSV);
  populationId = await createDataset(app.strapi, {
    titleTh: TITLE,
    titleEn: 'Population by village',
    descriptionTh: 'จำนวนประชากรชายและหญิงของแต่ละหมู่บ้านในตำบลนกออก จากทะเบียนราษฎร',
    descriptionEn: 'Men and women living in each village of Nok Ok, from the civil registration.',
    category: 'population',
    tags: 'ประชากร, หมู่บ้าน',
    publisherDepartment: 'สำนักปลัดเทศบาล',
    version: '2568',
    resources: [{ name: RESOURCE, description: 'นับ ณ วันที่ 31 ธันวาคม 2568', source: 'file', file: csv.id }],
  });
  // A second publish: the dataset has two versions.
  await app.strapi.documents('api::dataset.dataset').update({ documentId: populationId, data: { changeNote: 'เพิ่มหมู่ที่ 25' } });
  await app.strapi.documents('api::dataset.dataset').publish({ documentId: populationId });

  const geo = await uploadFile(app.strapi, 'street-lights.geojson', JSON.stringify(LIGHTS), 'application/geo+json');
  await createDataset(app.strapi, {
    titleTh: 'จุดติดตั้งไฟฟ้าส่องสว่างสาธารณะ',
    titleEn: 'Street lights',
    descriptionTh: 'ตำแหน่งเสาไฟฟ้าส่องสว่างและถนนที่ติดตั้งไฟ',
    category: 'infrastructure',
    dataType: 'geospatial',
    tags: 'ไฟฟ้า, แผนที่',
    publisherDepartment: 'กองช่าง',
    resources: [{ name: 'ตำแหน่งไฟส่องสว่าง', source: 'file', file: geo.id, format: 'GeoJSON' }],
  });
  await createDataset(app.strapi, {
    titleTh: 'งบประมาณรายจ่ายประจำปี 2568',
    titleEn: 'Annual budget 2568',
    descriptionTh: 'งบประมาณรายจ่ายตามแผนงาน',
    category: 'budget_finance',
    publisherDepartment: 'กองคลัง',
    resources: [{ name: 'เทศบัญญัติงบประมาณ', source: 'url', url: 'https://example.org/budget-2568.pdf', format: 'PDF' }],
  });
  // Shared with partner agencies only, and a draft: neither is anyone else's to find.
  await createDataset(app.strapi, {
    titleTh: 'รายชื่อประชากรผู้รับเบี้ยยังชีพ',
    titleEn: 'Allowance recipients',
    descriptionTh: 'ข้อมูลส่วนบุคคล',
    accessLevel: 'restricted',
    dataCategory: 'personal',
    category: 'population',
  });
  await createDataset(app.strapi, { titleTh: 'ประชากรแฝง (ร่าง)', titleEn: 'Draft population', category: 'population' }, { publish: false });
  await dataStoreSettled(app.strapi, 1);

  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'th-TH', timezoneId: 'Asia/Bangkok', acceptDownloads: true });
  await phone.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const previewRows = (page: Page) => page.locator('.data-table tbody tr');
const firstCells = (page: Page) => page.locator('.data-table tbody tr td:first-child').allTextContents();

it('finds a dataset by searching in Thai, sorts and pages its table preview, and downloads its rows as CSV', async () => {
  const page = await phone.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // From the home page's service tile to the catalogue.
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: /^ข้อมูลเปิดและแผนที่/ }).click();
  await page.getByRole('heading', { level: 1, name: 'ข้อมูลเปิด' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'ชุดข้อมูลทั้งหมด 3 ชุด' }).waitFor();
  await fitsPhone(page);
  expect(await wcagViolations(page)).toEqual([]);

  // A Thai word: the public dataset is found, the restricted one that has the word too is not.
  await page.getByRole('searchbox', { name: 'ค้นหาชุดข้อมูล' }).fill('ประชากร');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).tap();
  await page.getByRole('heading', { level: 2, name: 'พบ 1 ชุดข้อมูลสำหรับ “ประชากร”' }).waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('ประชากร');
  const card = page.locator(`[data-dataset="${SLUG}"]`);
  await card.getByText('สำนักปลัดเทศบาล').waitFor();
  await card.getByText('CSV', { exact: true }).waitFor();
  expect(await page.content()).not.toContain('ผู้รับเบี้ยยังชีพ');
  await page.screenshot({ path: '/tmp/open-data-search.png', fullPage: true });
  await page.getByRole('link', { name: TITLE }).tap();

  // The dataset page: metadata, the first ten rows, the versions, the calls for integrators.
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByText('นับ ณ วันที่ 31 ธันวาคม 2568').waitFor();
  // The GD Catalog's fields, in its own words.
  const facts = page.locator('dl.facts');
  await facts.getByText('ทุก 1 ปี', { exact: true }).waitFor();
  await facts.getByText('เทศบาล/อบต.', { exact: true }).waitFor();
  const caption = page.locator('.preview-caption');
  await caption.getByText('แถวที่ 1–10 จาก 25').waitFor();
  expect(await previewRows(page).count()).toBe(10);
  expect(await firstCells(page)).toEqual(VILLAGES.slice(0, 10).map((v) => String(v.n)));
  await page.getByRole('heading', { level: 2, name: 'ประวัติรุ่นของชุดข้อมูล' }).waitFor();
  await page.getByText('รุ่นที่ 2 (2568)').waitFor();
  await page.getByText('เพิ่มหมู่ที่ 25').waitFor();
  expect(await page.locator('#api-package').textContent()).toMatch(new RegExp(`/api/3/action/package_show\\?id=${SLUG}$`));
  expect(await page.locator('#api-curl').textContent()).toMatch(/^curl '.*\/api\/3\/action\/datastore_search\?resource_id=[0-9a-f-]{36}&limit=5'$/);
  // The table is wider than the phone: it scrolls in its own box, the page does not.
  expect(await page.locator('.table-scroll').evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
  await fitsPhone(page);
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/open-data-dataset.png', fullPage: true });

  // Sort by the total, twice (ascending, then descending), in place; the address follows.
  const total = page.getByRole('link', { name: /^รวม/ });
  await total.tap();
  await page.locator('th[aria-sort="ascending"]').getByText('รวม').waitFor();
  await page.waitForFunction((n) => document.querySelector('.data-table tbody td')?.textContent === n, String(SMALLEST.n));
  await total.tap();
  await page.locator('th[aria-sort="descending"]').getByText('รวม').waitFor();
  await page.waitForFunction((n) => document.querySelector('.data-table tbody td')?.textContent === n, String(LARGEST.n));
  await page.getByRole('status').getByText('เรียงตาม รวม จากมากไปน้อย').waitFor();
  expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
  const byTotal = [...VILLAGES].sort((a, b) => b.total - a.total || a.n - b.n);
  await page.getByRole('link', { name: 'แถวถัดไป' }).tap();
  await caption.getByText('แถวที่ 11–20 จาก 25').waitFor();
  expect((await page.locator('.data-table tbody tr td:nth-child(5)').allTextContents()).map(Number)).toEqual(byTotal.slice(10, 20).map((v) => v.total));
  expect(new URL(page.url()).searchParams.get('page')).toBe('2');
  // A reload shows the same page and order, rendered by the server.
  await page.reload();
  await caption.getByText('แถวที่ 11–20 จาก 25').waitFor();
  expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('รวม');

  // The rows as CSV: every village, the header first, Thai intact.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `ดาวน์โหลด ${RESOURCE} เป็น CSV` }).tap()]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('หมู่ที่,ชื่อหมู่บ้าน,ชาย,หญิง,รวม,หมายเหตุ');
  expect(lines).toHaveLength(26);
  expect(lines).toContain(`${LARGEST.n},${LARGEST.name},${LARGEST.male},${LARGEST.female},${LARGEST.total},${NOTE}`);
  // And the file as uploaded.
  const [original] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ดาวน์โหลดไฟล์ต้นฉบับ (CSV)' }).tap()]);
  expect(fs.readFileSync(await original.path(), 'utf8').replace(/^\ufeff/, '').trim()).toBe(CSV);
  expect(errors).toEqual([]);
});

it('draws a GeoJSON layer on a map and reads the English page', async () => {
  const page = await phone.newPage();
  await page.goto(`${app.url}/data`);
  await page.getByRole('checkbox', { name: /^GeoJSON/ }).check();
  await page.getByRole('button', { name: 'กรองผลลัพธ์' }).tap();
  await page.getByRole('heading', { level: 2, name: 'ชุดข้อมูลทั้งหมด 1 ชุด' }).waitFor();
  await page.getByRole('link', { name: 'เอาตัวกรอง GeoJSON ออก' }).waitFor();
  await page.getByRole('link', { name: 'จุดติดตั้งไฟฟ้าส่องสว่างสาธารณะ' }).tap();
  const map = page.locator('[data-geo]');
  await map.locator('.leaflet-marker-icon').nth(1).waitFor();
  expect(await map.getAttribute('data-features')).toBe('3');
  expect(await map.locator('path.leaflet-interactive, path').count()).toBeGreaterThanOrEqual(1);
  await page.getByRole('link', { name: 'ดาวน์โหลดไฟล์ต้นฉบับ (GeoJSON)' }).waitFor();
  await page.screenshot({ path: '/tmp/open-data-map.png', fullPage: true });
  await fitsPhone(page);
  expect(await wcagViolations(page)).toEqual([]);

  // An outside link is opened (through its download address, which redirects), not saved.
  await page.goto(`${app.url}/data/annual-budget-2568`);
  const link = page.getByRole('link', { name: 'เปิดลิงก์ข้อมูล' });
  expect(await link.getAttribute('href')).toMatch(/^\/api\/open-data\/resources\/[0-9a-f-]{36}\/download$/);
  expect(await link.getAttribute('download')).toBeNull();
  expect((await fetch(`${app.url}${await link.getAttribute('href')}`, { redirect: 'manual' })).headers.get('location')).toBe('https://example.org/budget-2568.pdf');

  await page.goto(`${app.url}/en/data/${SLUG}`);
  await page.getByRole('heading', { level: 1, name: 'Population by village' }).waitFor();
  await page.getByText('Men and women living in each village of Nok Ok, from the civil registration.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Files and data (1)' }).waitFor();
  await page.locator('.preview-caption').getByText('rows 1–10 of 25').waitFor();
  await page.getByText('Population', { exact: true }).waitFor();
  await page.locator('dl.facts').getByText('every 1 year(s)', { exact: true }).waitFor();
  expect(await wcagViolations(page)).toEqual([]);
});

it('takes a request for data and answers with its reference, nothing personal shown', async () => {
  const page = await phone.newPage();
  await page.goto(`${app.url}/data/${SLUG}`);
  await page.getByRole('link', { name: 'ขอให้เทศบาลเปิดเผยข้อมูล' }).tap();
  await page.getByRole('heading', { level: 1, name: 'ขอให้เทศบาลเปิดเผยข้อมูล' }).waitFor();
  await fitsPhone(page);
  expect(await wcagViolations(page)).toEqual([]);
  const submit = page.getByRole('button', { name: 'ส่งคำขอ' });
  await page.waitForFunction(() => !(document.getElementById('request-submit') as HTMLButtonElement).disabled);
  await submit.tap();
  await page.locator('#r-title-error').getByText('กรุณากรอกข้อมูลนี้').waitFor();
  await page.locator('#r-description-error').getByText('กรุณากรอกรายละเอียด').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-title');

  await page.getByRole('textbox', { name: /^ข้อมูลที่ต้องการ/ }).fill('จำนวนผู้สูงอายุรายหมู่บ้าน');
  await page.getByRole('textbox', { name: /^รายละเอียด/ }).fill('แยกตามช่วงอายุ ปี 2565–2568');
  await page.getByRole('textbox', { name: 'อีเมล' }).fill('somsri@');
  await submit.tap();
  await page.locator('#r-email-error').getByText('อีเมลไม่ถูกต้อง').waitFor();
  await page.getByRole('textbox', { name: 'อีเมล' }).fill('somsri@example.org');
  await page.getByRole('textbox', { name: 'ชื่อ', exact: true }).fill('สมศรี ใจงาม');
  await submit.tap();
  await page.getByRole('heading', { level: 1, name: 'ได้รับคำขอของคุณแล้ว' }).waitFor();
  const reference = (await page.locator('#request-reference').textContent())!.trim();
  expect(reference).toMatch(/^DR-\d{4}-0001$/);
  await page.screenshot({ path: '/tmp/open-data-request-done.png', fullPage: true });
  expect(await page.content()).not.toContain('somsri@example.org');
  const stored = (await app.strapi.db.query('api::dataset.dataset-request').findOne({ where: { referenceCode: reference } })) as Record<string, unknown>;
  expect(stored).toMatchObject({ title: 'จำนวนผู้สูงอายุรายหมู่บ้าน', requesterEmail: 'somsri@example.org', requesterName: 'สมศรี ใจงาม', state: 'received' });
  expect(await wcagViolations(page)).toEqual([]);
});

it('searches, filters, sorts and pages without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'th-TH' });
  try {
    const page = await context.newPage();
    await page.goto(`${app.url}/data`);
    await page.getByRole('checkbox', { name: /^ประชากร/ }).check();
    await page.getByRole('button', { name: 'กรองผลลัพธ์' }).click();
    await page.getByRole('heading', { level: 2, name: 'ชุดข้อมูลทั้งหมด 1 ชุด' }).waitFor();
    expect(new URL(page.url()).searchParams.getAll('group')).toEqual(['population']);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The copy buttons need script: hidden; the calls are still there to select.
    expect(await page.getByRole('button', { name: 'คัดลอก' }).count()).toBe(0);
    await page.locator('#api-package').waitFor();
    await page.getByRole('link', { name: /^หญิง/ }).click();
    await page.locator('th[aria-sort="ascending"]').getByText('หญิง').waitFor();
    const byFemale = [...VILLAGES].sort((a, b) => a.female - b.female || a.n - b.n);
    expect((await page.locator('.data-table tbody tr td:nth-child(4)').allTextContents()).map(Number)).toEqual(byFemale.slice(0, 10).map((v) => v.female));
    await page.getByRole('link', { name: 'แถวถัดไป' }).click();
    await page.getByRole('link', { name: 'แถวถัดไป' }).click();
    await page.locator('.preview-caption').getByText('แถวที่ 21–25 จาก 25').waitFor();
    expect(await previewRows(page).count()).toBe(5);
    expect(await page.getByRole('link', { name: 'แถวถัดไป' }).count()).toBe(0);
    // The request form says how else to ask.
    await page.goto(`${app.url}/data/request`);
    // Playwright's text search leaves <noscript> out: search from inside the notice.
    await page.locator('#request-noscript').getByText('การส่งแบบฟอร์มนี้ต้องเปิดใช้ JavaScript', { exact: false }).waitFor();
    expect(await page.locator('#request-noscript a').getAttribute('href')).toBe('/contact');
    expect(await page.getByRole('button', { name: 'ส่งคำขอ' }).isDisabled()).toBe(true);
  } finally {
    await context.close();
  }
});

it('lists /data and each public dataset in the sitemap, never a restricted or draft one', async () => {
  const sitemap = await (await fetch(`${app.url}/sitemap.xml`)).text();
  const locs = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1]);
  for (const path of ['/data', '/en/data', '/data/request', `/data/${SLUG}`, `/en/data/${SLUG}`, '/data/street-lights', '/data/annual-budget-2568']) expect(locs).toContain(path);
  expect(sitemap).not.toContain('allowance-recipients');
  expect(sitemap).not.toContain('draft-population');
  // Their pages are not found either.
  expect((await fetch(`${app.url}/data/allowance-recipients`)).status).toBe(404);
  expect((await fetch(`${app.url}/data/draft-population`)).status).toBe(404);
});
