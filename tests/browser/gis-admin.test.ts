import type { Browser, Page } from 'playwright-core';
import { createAdmin, startApp, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';

/**
 * The map editor as a municipal officer uses it: draws a flood-prone area on the map with geoman,
 * fills its attributes in Thai, saves, and the public GeoJSON and the website's /map have it; a
 * deleted area comes back with "เลิกทำ" (undo).
 */
let app: TestApp;
let browser: Browser;
let page: Page;

const SLUG = 'flood-test';
const LAYER = 'พื้นที่เสี่ยงน้ำท่วม (ทดสอบ)';
// Plain JSON, as the layer's `attributes` column stores it.
const ATTRIBUTES: Array<Record<string, string | boolean | string[]>> = [
  { name: 'name', labelTh: 'ชื่อพื้นที่', labelEn: 'Name', type: 'text', required: true },
  { name: 'area_rai', labelTh: 'เนื้อที่ (ไร่)', labelEn: 'Area (rai)', type: 'number' },
  { name: 'risk', labelTh: 'ระดับความเสี่ยง', labelEn: 'Risk', type: 'choice', options: ['ต่ำ', 'ปานกลาง', 'สูง'], required: true },
  { name: 'surveyed', labelTh: 'สำรวจแล้ว', labelEn: 'Surveyed', type: 'boolean' },
];
const AREA = { name: 'ทุ่งนาหลังวัดนกออก', area_rai: 12.5, risk: 'สูง', surveyed: true };

interface PublicFeature {
  id: number | string;
  geometry: { type: string; coordinates: number[][][] };
  properties: Record<string, unknown>;
}

const publicFeatures = async (): Promise<PublicFeature[]> => {
  const res = await fetch(`${app.url}/api/gis/layers/${SLUG}/features`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { features: PublicFeature[] }).features;
};

/** Waits until the public answer satisfies `check` (the admin saves in the background of the page). */
async function publicUntil(check: (features: PublicFeature[]) => boolean, timeoutMs = 15_000): Promise<PublicFeature[]> {
  const end = Date.now() + timeoutMs;
  let last: PublicFeature[] = [];
  while (Date.now() < end) {
    last = await publicFeatures();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`public features never matched: ${JSON.stringify(last)}`);
}

/** A failing step leaves a picture of the page behind (.tmp/gis-admin-*.png). */
async function withScreenshot(name: string, run: () => Promise<void>) {
  try {
    await run();
  } catch (err) {
    await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/gis-admin-${name}.png`, fullPage: true }).catch(() => undefined);
    throw err;
  }
}

beforeAll(async () => {
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000' });
  await app.strapi.documents('plugin::gis.layer').create({
    data: {
      slug: SLUG,
      nameTh: LAYER,
      nameEn: 'Flood-prone areas (test)',
      kind: 'polygon',
      color: '#1d4ed8',
      fillColor: '#60a5fa',
      isPublic: true,
      displayOrder: -100,
      attributes: ATTRIBUTES,
    },
  });
  browser = await launchBrowser();
  // A staff laptop; tiles are not reachable here and not needed.
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH' });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  page = await context.newPage();
  await adminLogin(page, app.url, await createAdmin(app));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens the editor with the test layer as the edited one. */
async function openEditor() {
  await page.goto(`${app.url}/admin/plugins/gis`);
  await page.getByRole('heading', { name: 'แผนที่ (GIS)', level: 1 }).waitFor();
  await page.getByRole('combobox', { name: 'ชั้นข้อมูลที่กำลังแก้ไข' }).click();
  await page.getByRole('option', { name: LAYER }).click();
  await page.getByText(`ตารางข้อมูลของ "${LAYER}"`).waitFor();
  await page.locator('[data-testid="gis-map"] .leaflet-pm-toolbar').first().waitFor();
}

it('draws a polygon with its attributes, saves it, and the public GeoJSON of the layer has it', async () => {
  await withScreenshot('draw', async () => {
    await openEditor();
    // A polygon layer offers polygon tools only.
    const map = page.getByRole('region', { name: 'แผนที่สำหรับแก้ไขชั้นข้อมูล' });
    expect(await map.getByRole('button', { name: 'วาดจุด' }).count()).toBe(0);
    expect(await map.getByRole('button', { name: 'วาดเส้น' }).count()).toBe(0);

    await map.getByRole('button', { name: 'วาดพื้นที่ (รูปหลายเหลี่ยม)' }).click();
    const box = (await map.boundingBox())!;
    const corners = [
      [box.x + box.width * 0.4, box.y + box.height * 0.35],
      [box.x + box.width * 0.65, box.y + box.height * 0.35],
      [box.x + box.width * 0.65, box.y + box.height * 0.65],
      [box.x + box.width * 0.4, box.y + box.height * 0.65],
    ];
    for (const [x, y] of corners) await page.mouse.click(x, y);
    // Clicking the first corner again closes the ring.
    await page.mouse.click(corners[0][0], corners[0][1]);

    const form = page.getByRole('dialog', { name: `ข้อมูลของรายการใหม่ในชั้น "${LAYER}"` });
    await form.waitFor();
    // Required fields are checked before anything is sent.
    await form.getByRole('button', { name: 'บันทึก' }).click();
    await form.getByText('กรุณากรอกช่องนี้').first().waitFor();
    await form.getByLabel('ชื่อพื้นที่').fill(AREA.name);
    await form.getByLabel('เนื้อที่ (ไร่)').fill('12.5');
    await form.getByRole('combobox', { name: 'ระดับความเสี่ยง' }).click();
    await page.getByRole('option', { name: 'สูง' }).click();
    await form.getByRole('checkbox', { name: 'สำรวจแล้ว' }).click();
    await form.getByRole('button', { name: 'บันทึก' }).click();
    await form.waitFor({ state: 'detached' });

    // The attribute table has the new row, selected.
    const row = page.locator('tr[data-feature-id]', { hasText: AREA.name });
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.getByText(`ตารางข้อมูลของ "${LAYER}" (1 รายการ)`).waitFor();

    const [feature] = await publicUntil((f) => f.length === 1);
    expect(feature.properties).toEqual(AREA);
    expect(feature.geometry.type).toBe('Polygon');
    const ring = feature.geometry.coordinates[0];
    // Four corners and the closing position, around the town the map opened on.
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    for (const [lon, lat] of ring) {
      expect(Math.abs(lon - 102.02)).toBeLessThan(0.05);
      expect(Math.abs(lat - 14.72)).toBeLessThan(0.05);
    }
    // The citizen's map has it, with its attributes by their Thai labels.
    const site = await page.context().newPage();
    try {
      await site.goto(`${app.url}/map`);
      await site.locator('#gis-map[data-ready="true"]').waitFor();
      await site.locator('#gis-map path.leaflet-interactive[fill="#60a5fa"]').first().waitFor();
      await site.getByRole('searchbox', { name: 'ค้นหาบนแผนที่' }).fill('หลังวัด');
      await site.getByRole('button', { name: 'ค้นหา', exact: true }).click();
      await site.getByRole('status').getByText('พบ 1 รายการ').waitFor();
      const popup = site.locator('.leaflet-popup-content');
      await popup.getByText(AREA.name).waitFor();
      await popup.getByText('ระดับความเสี่ยง').waitFor();
    } finally {
      await site.close();
    }

    // The search filters the table by attribute text.
    await page.getByRole('searchbox', { name: 'ค้นหาตามข้อมูล' }).fill('ไม่มีชื่อนี้');
    await page.getByText('ไม่พบรายการที่ตรงกับคำค้น').waitFor();
    await page.getByRole('searchbox', { name: 'ค้นหาตามข้อมูล' }).fill('หลังวัด');
    await row.waitFor();
  });
});

it('deletes a feature after a confirmation and brings it back with undo', async () => {
  await withScreenshot('undo', async () => {
    await openEditor();
    const row = page.locator('tr[data-feature-id]', { hasText: AREA.name });
    await row.click();
    await page.getByRole('button', { name: 'ลบ', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('ยืนยันการลบ').waitFor();
    await confirm.getByRole('button', { name: 'ลบ', exact: true }).click();
    await page.getByText(`ตารางข้อมูลของ "${LAYER}" (0 รายการ)`).waitFor();
    await publicUntil((f) => f.length === 0);

    await page.getByRole('button', { name: 'เลิกทำ' }).click();
    await row.waitFor();
    const [back] = await publicUntil((f) => f.length === 1);
    expect(back.properties).toEqual(AREA);
    expect(back.geometry.coordinates[0]).toHaveLength(5);
  });
});

it("edits the layer's attribute schema as rows of a form in the Content Manager, and the editor's form follows", async () => {
  await withScreenshot('schema', async () => {
    const layer = await app.strapi.documents('plugin::gis.layer').findFirst({ filters: { slug: SLUG } });
    await page.goto(`${app.url}/admin/content-manager/collection-types/plugin::gis.layer/${layer!.documentId}`);
    const rows = page.locator('[data-schema-row]');
    // The stored schema shows as one row per attribute, not as JSON.
    await rows.nth(ATTRIBUTES.length - 1).waitFor();
    expect(await rows.count()).toBe(ATTRIBUTES.length);
    expect(await page.getByText('"labelTh"').count()).toBe(0);

    await page.getByRole('button', { name: 'เพิ่มรายการข้อมูล' }).click();
    const row = rows.nth(ATTRIBUTES.length);
    await row.getByLabel('ชื่อที่แสดง (ภาษาไทย)').fill('ความลึกน้ำ (ซม.)');
    await row.getByLabel('ชื่อที่แสดง (ภาษาอังกฤษ)').fill('Water depth (cm)');
    await row.getByLabel('รหัสช่อง').fill('depth_cm');
    await row.getByRole('combobox').click();
    await page.getByRole('option', { name: 'ตัวเลข' }).click();
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();

    const names = async () => ((await app.strapi.documents('plugin::gis.layer').findFirst({ filters: { slug: SLUG } }))?.attributes as Array<{ name: string }> | undefined)?.map((a) => a.name) ?? [];
    const end = Date.now() + 15_000;
    while (!(await names()).includes('depth_cm') && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(await names()).toEqual([...ATTRIBUTES.map((a) => a.name), 'depth_cm']);
    const saved = await app.strapi.documents('plugin::gis.layer').findFirst({ filters: { slug: SLUG } });
    expect((saved?.attributes as Array<Record<string, unknown>>)[ATTRIBUTES.length]).toEqual({ name: 'depth_cm', labelTh: 'ความลึกน้ำ (ซม.)', labelEn: 'Water depth (cm)', type: 'number' });

    // The public layer list carries the new attribute, so the map editor's form and the website's popups have it.
    const res = await fetch(`${app.url}/api/gis/layers`);
    const layers = ((await res.json()) as { data: Array<{ slug: string; attributes: Array<{ name: string }> }> }).data;
    expect(layers.find((l) => l.slug === SLUG)?.attributes.map((a) => a.name)).toContain('depth_cm');
  });
});
