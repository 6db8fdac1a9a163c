import type { Browser, BrowserContext } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { wcagViolations } from '../helpers/axe';

/**
 * The public town map on a cheap phone: two layers seeded through the gis plugin's services, a layer
 * switched off and on, a popup with the attributes by their labels (a staffer's markup shown as
 * text), a search that zooms to its hit, "my location"; without script the page lists the layers.
 */
let app: TestApp;
let browser: Browser;
let phone: BrowserContext;

const FACILITIES = { slug: 'test-facilities', nameTh: 'สถานที่ทดสอบ', color: '#aa1111' };
const FLOOD = { slug: 'test-flood', nameTh: 'พื้นที่น้ำท่วมทดสอบ', color: '#1111aa', fillColor: '#3355cc' };

interface Layers {
  find(slug: string, options: { publicOnly: boolean }): Promise<object | null>;
}
interface Features {
  create(layer: object, input: { geometry: unknown; properties: Record<string, unknown> }): Promise<unknown>;
}

async function seedLayer(fields: Record<string, unknown>, features: Array<{ geometry: unknown; properties: Record<string, unknown> }>) {
  await app.strapi.db.query('plugin::gis.layer').create({ data: { isPublic: true, ...fields } });
  const gis = app.strapi.plugin('gis');
  const layer = await gis.service<Layers>('layers').find(fields.slug as string, { publicOnly: false });
  for (const f of features) await gis.service<Features>('features').create(layer!, f);
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await seedLayer(
    {
      ...FACILITIES,
      nameEn: 'Test facilities',
      kind: 'point',
      description: 'จุดบริการสาธารณะสำหรับทดสอบ',
      displayOrder: 1,
      attributes: [
        { name: 'name', labelTh: 'ชื่อสถานที่', labelEn: 'Name', type: 'text', required: true },
        { name: 'phone', labelTh: 'เบอร์ติดต่อ', labelEn: 'Phone', type: 'text' },
      ],
    },
    [
      { geometry: { type: 'Point', coordinates: [102.0259, 14.7214] }, properties: { name: 'โรงเรียนบ้านนกออก', phone: '<b>044-000111</b>' } },
      { geometry: { type: 'Point', coordinates: [102.0281, 14.7195] }, properties: { name: 'สำนักงานเทศบาล' } },
    ]
  );
  await seedLayer(
    {
      ...FLOOD,
      nameEn: 'Test flood areas',
      kind: 'polygon',
      fillOpacity: 0.4,
      displayOrder: 2,
      attributes: [
        { name: 'name', labelTh: 'พื้นที่', labelEn: 'Area', type: 'text', required: true },
        { name: 'risk', labelTh: 'ระดับความเสี่ยง', labelEn: 'Risk', type: 'choice', options: ['สูง', 'ต่ำ'] },
      ],
    },
    [
      {
        geometry: { type: 'Polygon', coordinates: [[[102.015, 14.72], [102.02, 14.72], [102.02, 14.725], [102.015, 14.725], [102.015, 14.72]]] },
        properties: { name: 'ทุ่งนาริมห้วย', risk: 'สูง' },
      },
    ]
  );
  await seedLayer({ slug: 'test-internal', nameTh: 'ชั้นข้อมูลภายใน', kind: 'point', isPublic: false, attributes: [] }, [
    { geometry: { type: 'Point', coordinates: [102.02, 14.72] }, properties: {} },
  ]);
  browser = await launchBrowser();
  phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    geolocation: { latitude: 14.7205, longitude: 102.0222, accuracy: 30 },
    permissions: ['geolocation'],
  });
  await phone.route(/tile\.openstreetmap\.org/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('draws the public layers on a phone: switcher, popup, search and my location', async () => {
  const page = await phone.newPage();
  await page.goto(`${app.url}/map`);
  await page.getByRole('heading', { level: 1, name: 'แผนที่ตำบลนกออก' }).waitFor();
  await page.locator('#gis-map[data-ready="true"]').waitFor();
  const points = page.locator(`#gis-map path.leaflet-interactive[fill="${FACILITIES.color}"]`);
  const areas = page.locator(`#gis-map path.leaflet-interactive[fill="${FLOOD.fillColor}"]`);
  await points.nth(1).waitFor();
  expect(await points.count()).toBe(2);
  expect(await areas.count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The switcher: the flood layer off, then on again.
  const floodBox = page.getByRole('checkbox', { name: FLOOD.nameTh });
  await floodBox.uncheck();
  await areas.first().waitFor({ state: 'detached' });
  expect(await points.count()).toBe(2);
  await floodBox.check();
  await areas.first().waitFor();

  // A popup: the attributes by their Thai labels; a staffer's markup stays text.
  await areas.first().tap();
  const popup = page.locator('.leaflet-popup-content');
  await popup.getByText('ระดับความเสี่ยง').waitFor();
  await popup.getByText('ทุ่งนาริมห้วย').waitFor();
  await page.locator('.leaflet-popup-close-button').click();
  await popup.waitFor({ state: 'detached' });

  // Search: the hit is zoomed to and its popup opened.
  await page.getByRole('searchbox', { name: 'ค้นหาบนแผนที่' }).fill('โรงเรียน');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).tap();
  await page.getByRole('status').getByText('พบ 1 รายการ').waitFor();
  await popup.getByText('ชื่อสถานที่').waitFor();
  await popup.getByText('โรงเรียนบ้านนกออก').waitFor();
  await popup.getByText('<b>044-000111</b>').waitFor();
  expect(await popup.locator('b').count()).toBe(0);
  await page.getByRole('searchbox', { name: 'ค้นหาบนแผนที่' }).fill('ไม่มีที่นี่');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).tap();
  await page.getByRole('status').getByText('ไม่พบ "ไม่มีที่นี่"').waitFor();

  // My location.
  await page.getByRole('button', { name: 'ตำแหน่งของฉัน' }).tap();
  await page.getByRole('status').getByText('คุณอยู่ที่นี่').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/gis-map.png', fullPage: true });
});

it('lists every public layer with its GeoJSON without script, in Thai and English', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await plain.newPage();
  await page.goto(`${app.url}/map`);
  const facilities = page.locator(`.gis-layer[data-layer="${FACILITIES.slug}"]`);
  await facilities.getByText(FACILITIES.nameTh).waitFor();
  await facilities.getByText('จุด · 2 รายการ').waitFor();
  await facilities.getByText('จุดบริการสาธารณะสำหรับทดสอบ').waitFor();
  expect(await facilities.getByRole('link').getAttribute('href')).toBe(`/api/gis/layers/${FACILITIES.slug}/features`);
  await page.locator(`.gis-layer[data-layer="${FLOOD.slug}"]`).getByText('พื้นที่ · 1 รายการ').waitFor();
  // The app's own layers are listed too; an internal layer never is.
  await page.locator('.gis-layer[data-layer="poles"]').waitFor();
  expect(await page.locator('.gis-layer[data-layer="test-internal"]').count()).toBe(0);
  expect(await page.getByText('ชั้นข้อมูลภายใน').count()).toBe(0);
  expect(await page.locator('#nav a[href="/map"]').count()).toBe(1);
  await page.goto(`${app.url}/en/map`);
  await page.getByRole('heading', { level: 1, name: 'Map of Nok Ok' }).waitFor();
  await page.locator(`.gis-layer[data-layer="${FACILITIES.slug}"]`).getByText('Test facilities').waitFor();
  await plain.close();
});
