import request from 'supertest';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { createDataset, dataStoreSettled, uploadFile } from '../../../../helpers/datasets';
import { readSpreadsheet, writeXlsx } from '../../../../../plugins/spreadsheet-import/server/src/public';

/**
 * A CKAN harvester against the real app: it reads the site, lists, shows and searches packages
 * (paging until it has seen them all), follows every resource URL, pages through datastore_search,
 * and meets CKAN's error envelope. Links are built from PUBLIC_URL; the harvester reaches them here.
 */
const PUBLIC = 'https://nokok.example';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CKAN answers read as JSON

let app: TestApp;
const ids: Record<string, string> = {};
const keys: Record<string, string> = {};

/** A URL the app built (under PUBLIC_URL) or a path, fetched from the test server; redirects are not followed. */
const get = (url: string, init: RequestInit = {}) => fetch(app.url + url.replace(PUBLIC, ''), { redirect: 'manual', ...init });
async function ckan(action: string, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await get(`/api/3/action/${action}?${qs.toString()}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}
async function post(action: string, body: unknown) {
  const res = await get(`/api/3/action/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
}

const VILLAGES = 250;
const CSV = ['หมู่ที่,ชื่อหมู่บ้าน,ประชากร,วันที่สำรวจ', ...Array.from({ length: VILLAGES }, (_, i) => `${i + 1},บ้าน${i % 2 ? 'นกออก' : 'หนองบัว'} ${i + 1},"${(1000 + i * 7).toLocaleString('en')}",15/03/2567`)].join('\r\n');
const PUBLISHED = ['budget-2568', 'complaints-by-month', 'loudspeaker-poles', 'population-by-village', 'water-sources'];

beforeAll(async () => {
  app = await startApp({ PUBLIC_URL: PUBLIC });
  const s = app.strapi;
  await s.documents('api::municipality.municipality').create({ data: { nameTh: 'เทศบาลตำบลนกออก', nameEn: 'Nok Ok Subdistrict Municipality' } });
  await s.db.query('api::pole.pole').create({ data: { code: 'NOK-P01', name: 'เสาหน้าวัด', village: 1, lat: 14.71, lng: 102.02, status: 'working' } });

  const population = await uploadFile(s, 'population.csv', CSV);
  const budget = await uploadFile(s, 'budget.xlsx', await writeXlsx([['รายการ', 'จำนวนเงิน'], ['เงินเดือน', '1,200,000'], ['ค่าไฟฟ้า', '85,000.50']]), XLSX);
  const water = await uploadFile(s, 'water.csv', 'แหล่งน้ำ,หมู่ที่\nหนองใหญ่,3\nสระวัด,1\n');
  ids.population = await createDataset(s, {
    titleTh: 'ประชากรรายหมู่บ้าน',
    titleEn: 'Population by village',
    descriptionTh: 'จำนวนประชากรของแต่ละหมู่บ้านในเขตเทศบาล',
    tags: 'ประชากร, หมู่บ้าน',
    category: 'population',
    dataType: 'statistical',
    firstYear: 2560,
    lastYear: 2567,
    version: '1',
    resources: [
      { name: 'ประชากรรายหมู่บ้าน (CSV)', source: 'file', file: population.id },
      { name: 'รายงานฉบับเต็ม', source: 'url', url: 'https://example.org/population-report.pdf', format: 'PDF' },
      { name: 'รายชื่อผู้สูงอายุ', source: 'url', url: 'https://example.org/elderly.csv', restricted: true },
    ],
  });
  ids.budget = await createDataset(s, {
    titleTh: 'งบประมาณรายจ่าย 2568',
    titleEn: 'Budget 2568',
    tags: 'งบประมาณ',
    category: 'budget_finance',
    publisherDepartment: 'กองคลัง',
    license: 'cc_by_4',
    resources: [{ name: 'งบประมาณ', source: 'file', file: budget.id }],
  });
  ids.poles = await createDataset(s, {
    titleTh: 'เสาลำโพงเสียงไร้สาย',
    titleEn: 'Loudspeaker poles',
    tags: 'แผนที่, ประชากร',
    category: 'infrastructure',
    dataType: 'geospatial',
    publisherDepartment: 'กองช่าง',
    resources: [{ name: 'แผนที่เสาลำโพง', source: 'layer', view: 'poles_map' }],
  });
  ids.complaints = await createDataset(s, {
    titleTh: 'สถิติเรื่องร้องเรียนรายเดือน',
    titleEn: 'Complaints by month',
    tags: 'ร้องเรียน',
    category: 'public_services',
    resources: [{ name: 'เรื่องร้องเรียนรายเดือน', source: 'live', view: 'complaints_by_month' }],
  });
  ids.water = await createDataset(s, { titleTh: 'แหล่งน้ำ', titleEn: 'Water sources', tags: 'น้ำ', category: 'environment', resources: [{ name: 'แหล่งน้ำ', source: 'file', file: water.id }] });
  ids.draft = await createDataset(s, { titleTh: 'แผนที่ยังไม่เผยแพร่', titleEn: 'Draft plan', resources: [{ name: 'ลิงก์', source: 'url', url: 'https://example.org/draft' }] }, { publish: false });
  ids.restricted = await createDataset(s, {
    titleTh: 'ข้อมูลเฉพาะหน่วยงาน',
    titleEn: 'Restricted staff data',
    accessLevel: 'restricted',
    resources: [{ name: 'ลิงก์', source: 'url', url: 'https://example.org/restricted' }],
  });
  ids.personal = await createDataset(s, { titleTh: 'ผู้รับเบี้ยยังชีพ', titleEn: 'Personal welfare', dataCategory: 'personal', resources: [{ name: 'ลิงก์', source: 'url', url: 'https://example.org/personal' }] });

  // A second release of the population dataset: a new version with its note.
  await s.documents('api::dataset.dataset').update({ documentId: ids.population, data: { version: '2', changeNote: 'เพิ่มข้อมูลปี 2567' } });
  await s.documents('api::dataset.dataset').publish({ documentId: ids.population });
  await dataStoreSettled(s, 3);

  for (const [name, documentId] of Object.entries(ids)) {
    const d = (await s.documents('api::dataset.dataset').findOne({ documentId, populate: ['resources'] })) as unknown as { resources: Array<{ key: string }> };
    d.resources.forEach((r, i) => (keys[`${name}.${i}`] = r.key));
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('a CKAN harvester', () => {
  it('reads the site status in CKAN’s envelope, with help linking under PUBLIC_URL', async () => {
    const { status, body } = await ckan('status_show');
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, help: `${PUBLIC}/api/3/action/help_show?name=status_show`, result: { site_url: PUBLIC, locale_default: 'th' } });
    expect(body.result.ckan_version).toMatch(/^2\.\d+/);
    expect(body.result.site_title).toContain('เทศบาลตำบลนกออก');
    const help = await ckan('help_show', { name: 'package_search' });
    expect(help.body.result).toMatch(/package_search/);
    expect(help.body.result).toMatch(/:param fq:/);
  });

  it('lists only the published public datasets, by name', async () => {
    const { body } = await ckan('package_list');
    expect(body.result).toEqual(PUBLISHED);
    expect((await ckan('package_list', { limit: 2, offset: 1 })).body.result).toEqual(PUBLISHED.slice(1, 3));
  });

  it('shows a package by name and by id: resources, organization, groups, tags and the GD Catalog fields', async () => {
    const byName = await ckan('package_show', { id: 'population-by-village' });
    const byId = await ckan('package_show', { id: ids.population });
    expect(byName.status).toBe(200);
    expect(byId.body.result).toEqual(byName.body.result);
    // As ckanapi asks: POSTed JSON.
    expect((await post('package_show', { id: 'population-by-village' })).body.result).toEqual(byName.body.result);
    expect(await post('package_show', { id: 'nope' })).toMatchObject({ status: 404, body: { success: false, error: { __type: 'Not Found Error' } } });
    const p = byName.body.result;
    expect(p).toMatchObject({
      id: ids.population,
      name: 'population-by-village',
      title: 'ประชากรรายหมู่บ้าน',
      title_en: 'Population by village',
      version: '2',
      state: 'active',
      private: false,
      url: `${PUBLIC}/data/population-by-village`,
      organization: { title: 'สำนักปลัดเทศบาล' },
      groups: [{ name: 'population', title: 'ประชากร' }],
      tags: [{ name: 'ประชากร' }, { name: 'หมู่บ้าน' }],
      num_tags: 2,
      data_type: 'ข้อมูลสถิติ',
      data_category: 'ข้อมูลสาธารณะ',
      first_year_of_data: '2560',
      allow_harvest: 'True',
      license_id: 'Open Data Common',
    });
    // The restricted resource is not there: two of three.
    expect(p.num_resources).toBe(2);
    expect(p.resources.map((r: Json) => r.id)).toEqual([keys['population.0'], keys['population.1']]);
    expect(p.resources[0]).toMatchObject({ format: 'CSV', mimetype: 'text/csv', datastore_active: true, url: `${PUBLIC}/api/open-data/resources/${keys['population.0']}/download` });
    expect(p.resources[0].size).toBeGreaterThan(1000);
    expect(p.resources[1]).toMatchObject({ format: 'PDF', datastore_active: false });
  });

  it('pages through package_search with rows and start until it has seen every package', async () => {
    const seen: string[] = [];
    let count = -1;
    for (let start = 0; start < 100; start += 2) {
      const { body } = await ckan('package_search', { rows: 2, start, sort: 'name asc' });
      expect(body.success).toBe(true);
      count = body.result.count;
      if (!body.result.results.length) break;
      seen.push(...body.result.results.map((p: Json) => p.name));
    }
    expect(count).toBe(PUBLISHED.length);
    expect(seen).toEqual(PUBLISHED);
    const found = await ckan('package_search', { q: 'ประชากร' });
    expect(found.body.result.results.map((p: Json) => p.name).sort()).toEqual(['loudspeaker-poles', 'population-by-village']);
    expect(found.body.result.results[0].name).toBe('population-by-village');
  });

  it('filters with fq and counts facets, by GET and by POST', async () => {
    const { body } = await ckan('package_search', { fq: 'tags:"ประชากร" res_format:CSV', 'facet.field': '["tags","organization","res_format","groups"]', 'facet.limit': -1 });
    expect(body.result.results.map((p: Json) => p.name)).toEqual(['population-by-village']);
    expect(body.result.facets.tags).toEqual({ ประชากร: 1, หมู่บ้าน: 1 });
    const all = await post('package_search', { rows: 0, 'facet.field': ['res_format', 'organization'] });
    expect(all.status).toBe(200);
    expect(all.body.result).toMatchObject({ count: 5, results: [] });
    expect(all.body.result.facets.res_format).toEqual({ CSV: 3, XLSX: 1, PDF: 1, GeoJSON: 1 });
    const kong = all.body.result.search_facets.organization.items.find((i: Json) => i.display_name === 'กองคลัง');
    expect(kong.count).toBe(1);
    const byOrg = await ckan('package_search', { fq: `organization:${kong.name}` });
    expect(byOrg.body.result.results.map((p: Json) => p.name)).toEqual(['budget-2568']);
  });

  it('lists organizations, groups and tags, and shows an organization', async () => {
    const orgs = await ckan('organization_list', { all_fields: 'true' });
    expect(orgs.body.result.map((o: Json) => [o.title, o.package_count]).sort()).toEqual([
      ['กองคลัง', 1],
      ['กองช่าง', 1],
      ['สำนักปลัดเทศบาล', 3],
    ]);
    const names = (await ckan('organization_list')).body.result as string[];
    const palad = orgs.body.result.find((o: Json) => o.title === 'สำนักปลัดเทศบาล');
    expect(names).toContain(palad.name);
    const shown = await ckan('organization_show', { id: palad.name, include_datasets: 'true' });
    expect(shown.body.result).toMatchObject({ title: 'สำนักปลัดเทศบาล', package_count: 3 });
    expect(shown.body.result.packages.map((p: Json) => p.name).sort()).toEqual(['complaints-by-month', 'population-by-village', 'water-sources']);
    const groups = await ckan('group_list', { all_fields: 'true' });
    expect(groups.body.result.find((g: Json) => g.name === 'population')).toMatchObject({ title: 'ประชากร', package_count: 1 });
    expect((await ckan('group_list')).body.result).toContain('budget_finance');
    const tags = (await ckan('tag_list')).body.result as string[];
    expect(tags).toEqual(expect.arrayContaining(['ประชากร', 'หมู่บ้าน', 'งบประมาณ', 'แผนที่', 'ร้องเรียน', 'น้ำ']));
    expect(tags).not.toContain('ทดสอบ, test');
    expect((await ckan('tag_list', { query: 'ประชา' })).body.result).toEqual(['ประชากร']);
  });

  it('shows a resource', async () => {
    const { status, body } = await ckan('resource_show', { id: keys['budget.0'] });
    expect(status).toBe(200);
    expect(body.result).toMatchObject({ id: keys['budget.0'], package_id: ids.budget, format: 'XLSX', mimetype: XLSX, datastore_active: true, position: 0 });
  });

  it('follows every resource url: the right status and content type for each kind', async () => {
    const { body } = await ckan('package_search', { rows: 100 });
    const resources = body.result.results.flatMap((p: Json) => p.resources as Json[]);
    expect(resources).toHaveLength(6);
    const types: Record<string, string> = {};
    for (const r of resources) {
      const res = await get(r.url);
      if (r.resource_type === 'url') {
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe('https://example.org/population-report.pdf');
        continue;
      }
      expect({ name: r.name, status: res.status }).toEqual({ name: r.name, status: 200 });
      types[r.resource_type === 'file' ? r.format : r.resource_type] = String(res.headers.get('content-type'));
      if (r.resource_type === 'layer') {
        const geo = (await res.json()) as Json;
        expect(geo).toMatchObject({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [102.02, 14.71] }, properties: { code: 'NOK-P01' } }] });
      } else await res.arrayBuffer();
      expect(res.headers.get('content-type')).toContain(r.mimetype);
    }
    expect(types.CSV).toMatch(/^text\/csv/);
    expect(types.XLSX).toBe(XLSX);
    expect(types.layer).toMatch(/^application\/geo\+json/);
    expect(types.live).toMatch(/^text\/csv/);
    const file = await get(resources.find((r: Json) => r.format === 'CSV' && r.resource_type === 'file').url);
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="population.csv"/);
    expect(await file.text()).toBe(CSV);
  });

  it('pages through datastore_search until total is reached, and filters, searches and sorts', async () => {
    const id = keys['population.0'];
    const records: Json[] = [];
    let total = -1;
    for (let offset = 0; offset < 1000; offset += 100) {
      const { body } = await ckan('datastore_search', { resource_id: id, limit: 100, offset });
      expect(body.success).toBe(true);
      total = body.result.total;
      records.push(...body.result.records);
      expect(body.result._links.next).toContain(`offset=${offset + 100}`);
      if (records.length >= total) break;
    }
    expect(total).toBe(VILLAGES);
    expect(records.map((r) => r._id)).toEqual(Array.from({ length: VILLAGES }, (_, i) => i + 1));
    const first = await ckan('datastore_search', { resource_id: id, limit: 1 });
    expect(first.body.result.fields).toEqual([
      { id: '_id', type: 'int' },
      { id: 'หมู่ที่', type: 'int' },
      { id: 'ชื่อหมู่บ้าน', type: 'text' },
      { id: 'ประชากร', type: 'int' },
      { id: 'วันที่สำรวจ', type: 'date' },
    ]);
    expect(first.body.result.records[0]).toEqual({ _id: 1, หมู่ที่: 1, ชื่อหมู่บ้าน: 'บ้านหนองบัว 1', ประชากร: 1000, วันที่สำรวจ: '2024-03-15' });
    const filtered = await ckan('datastore_search', { resource_id: id, filters: JSON.stringify({ หมู่ที่: [3, 5] }), sort: 'ประชากร desc' });
    expect(filtered.body.result.records.map((r: Json) => r['หมู่ที่'])).toEqual([5, 3]);
    const q = await ckan('datastore_search', { resource_id: id, q: 'นกออก 2', limit: 5 });
    const expected = Array.from({ length: VILLAGES }, (_, i) => `บ้าน${i % 2 ? 'นกออก' : 'หนองบัว'} ${i + 1}`).filter((n) => n.includes('นกออก 2')).length;
    expect(q.body.result.total).toBe(expected);
    expect(q.body.result.records.every((r: Json) => String(r['ชื่อหมู่บ้าน']).includes('นกออก 2'))).toBe(true);
    const posted = await post('datastore_search', { resource_id: id, filters: { หมู่ที่: 10 }, limit: 5 });
    expect(posted.body.result.records).toEqual([expect.objectContaining({ หมู่ที่: 10 })]);
    // A live table searches by the same rules.
    const live = await ckan('datastore_search', { resource_id: keys['complaints.0'] });
    expect(live.body.result).toMatchObject({ total: 0, fields: [{ id: '_id' }, { id: 'month' }, { id: 'received' }, { id: 'resolved' }] });
    const layer = await ckan('datastore_search', { resource_id: keys['poles.0'], filters: '{"code":"NOK-P01"}' });
    expect(layer.body.result.records).toEqual([expect.objectContaining({ longitude: 102.02, latitude: 14.71, code: 'NOK-P01' })]);
  });

  it('answers CKAN’s error envelope: 404 for an unknown id, 409 naming each bad parameter', async () => {
    for (const [action, params] of [
      ['package_show', { id: 'no-such-dataset' }],
      ['package_show', { id: 'draft-plan' }],
      ['package_show', { id: ids.draft }],
      ['package_show', { id: ids.restricted }],
      ['package_show', { id: ids.personal }],
      ['resource_show', { id: keys['population.2'] }],
      ['resource_show', { id: keys['restricted.0'] }],
      ['organization_show', { id: 'nobody' }],
      ['datastore_search', { resource_id: '00000000-0000-0000-0000-000000000000' }],
    ] as const) {
      const res = await ckan(action, params, { 'Accept-Language': 'en' });
      expect({ action, params, status: res.status, body: res.body }).toEqual({
        action,
        params,
        status: 404,
        body: { help: `${PUBLIC}/api/3/action/help_show?name=${action}`, success: false, error: { __type: 'Not Found Error', message: 'Not found' } },
      });
    }
    expect((await ckan('package_show', { id: 'nope' })).body.error.message).toBe('ไม่พบข้อมูล');
    // A resource with no table: not found in the data store.
    expect((await ckan('datastore_search', { resource_id: keys['population.1'] })).status).toBe(404);

    const missing = await ckan('package_show', {}, { 'Accept-Language': 'en' });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Validation Error', id: ['This field is required'] } });
    const bad = await ckan('package_search', { rows: 'many', start: -1 });
    expect(bad.status).toBe(409);
    expect(Object.keys(bad.body.error).sort()).toEqual(['__type', 'message', 'rows', 'start']);
    expect((await ckan('package_search', { rows: 5000 })).status).toBe(409);
    const fq = await ckan('package_search', { fq: 'colour:red' }, { 'Accept-Language': 'en' });
    expect(fq.body.error).toMatchObject({ __type: 'Validation Error', fq: ['Cannot search or facet on the field "colour"'] });
    const sort = await ckan('datastore_search', { resource_id: keys['population.0'], sort: 'nope desc' }, { 'Accept-Language': 'en' });
    expect(sort.status).toBe(409);
    expect(sort.body.error).toMatchObject({ __type: 'Validation Error', sort: ['Cannot sort by "nope"'] });
    const filters = await ckan('datastore_search', { resource_id: keys['population.0'], filters: '{"nope":1}' });
    expect(filters.status).toBe(409);
    expect(filters.body.error.filters[0]).toContain('nope');
    expect((await ckan('datastore_search', { resource_id: keys['population.0'], filters: 'not json' })).status).toBe(409);
    expect((await ckan('datastore_search', { resource_id: keys['population.0'], limit: 32001 })).status).toBe(409);
  });

  it('caches public answers with an ETag', async () => {
    const first = await ckan('package_list');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/public/);
    // supertest: fetch turns a conditional request into Cache-Control: no-cache, which is never fresh.
    await request(app.url).get('/api/3/action/package_list').set('If-None-Match', etag!).expect(304);
  });
});

describe('table downloads', () => {
  it('gives any table resource as CSV with a BOM, as JSON and as XLSX', async () => {
    const id = keys['population.0'];
    const csv = await get(`/api/open-data/resources/${id}/data.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('หมู่ที่,ชื่อหมู่บ้าน,ประชากร,วันที่สำรวจ');
    expect(lines[1]).toBe('1,บ้านหนองบัว 1,1000,2024-03-15');
    expect(lines.filter(Boolean)).toHaveLength(VILLAGES + 1);

    const json = (await (await get(`/api/open-data/resources/${id}/data.json`)).json()) as Json;
    expect(json.total).toBe(VILLAGES);
    expect(json.records).toHaveLength(VILLAGES);
    expect(json.fields[0]).toEqual({ id: 'หมู่ที่', type: 'int' });

    const xlsx = await get(`/api/open-data/resources/${keys['budget.0']}/data.xlsx`);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const rows = await readSpreadsheet(Buffer.from(await xlsx.arrayBuffer()), 'budget.xlsx');
    expect(rows).toEqual([
      ['รายการ', 'จำนวนเงิน'],
      ['เงินเดือน', '1200000'],
      ['ค่าไฟฟ้า', '85000.5'],
    ]);
    const live = await get(`/api/open-data/resources/${keys['poles.0']}/data.csv`);
    expect((await live.text()).split('\r\n')[1]).toBe('102.02,14.71,NOK-P01,เสาหน้าวัด,1,working');
  });

  it('refuses resources that are not tables, unknown ones and restricted ones', async () => {
    const notTable = await get(`/api/open-data/resources/${keys['population.1']}/data.csv?locale=en`);
    expect(notTable.status).toBe(404);
    expect(((await notTable.json()) as Json).error).toMatchObject({ status: 404, details: { code: 'not_tabular' } });
    for (const key of [keys['population.2'], keys['restricted.0'], keys['draft.0'], '00000000-0000-0000-0000-000000000000']) {
      expect((await get(`/api/open-data/resources/${key}/download`)).status).toBe(404);
      expect((await get(`/api/open-data/resources/${key}/data.json`)).status).toBe(404);
    }
    expect((await get('/api/open-data/resources/not a key!/download')).status).toBe(400);
  });

  it('says when a file’s table is still loading (409) or could not be loaded (404)', async () => {
    const tables = app.strapi.db.query('api::dataset.datastore-table');
    const water = (await tables.findOne({ where: { resourceKey: keys['water.0'] } })) as { id: number };
    const ask = async (path: string) => {
      const res = await get(path, { headers: { 'Accept-Language': 'en' } });
      return { status: res.status, retry: res.headers.get('retry-after'), body: (await res.json()) as Json };
    };
    try {
      await tables.update({ where: { id: water.id }, data: { state: 'loading', done: 1 } });
      const loading = await ask(`/api/open-data/resources/${keys['water.0']}/data.csv`);
      expect(loading).toMatchObject({ status: 409, retry: '5', body: { error: { details: { code: 'table_loading' }, message: expect.stringContaining('1 of 2 rows') } } });
      const search = await ask(`/api/3/action/datastore_search?resource_id=${keys['water.0']}`);
      expect(search).toMatchObject({ status: 409, body: { error: { __type: 'Validation Error', resource_id: [expect.stringContaining('still loading')] } } });
      expect((await ckan('resource_show', { id: keys['water.0'] })).body.result.datastore_active).toBe(false);
      await tables.update({ where: { id: water.id }, data: { state: 'failed' } });
      const failed = await ask(`/api/open-data/resources/${keys['water.0']}/data.xlsx`);
      expect(failed).toMatchObject({ status: 404, body: { error: { details: { code: 'table_failed' }, message: expect.stringContaining(`${PUBLIC}/api/open-data/resources/${keys['water.0']}/download`) } } });
      expect((await ask(`/api/3/action/datastore_search?resource_id=${keys['water.0']}`)).status).toBe(404);
      // The file itself still downloads.
      expect((await get(`/api/open-data/resources/${keys['water.0']}/download`)).status).toBe(200);
    } finally {
      await tables.update({ where: { id: water.id }, data: { state: 'ready', done: 2 } });
    }
  });
});

describe('versions and the GD Catalog export', () => {
  it('lists a dataset’s versions by name or id, newest first', async () => {
    const res = await get('/api/open-data/datasets/population-by-village/versions');
    const body = (await res.json()) as Json;
    expect(body.data.map((v: Json) => [v.number, v.versionLabel, v.changeNote])).toEqual([
      [2, '2', 'เพิ่มข้อมูลปี 2567'],
      [1, '1', null],
    ]);
    expect(((await (await get(`/api/open-data/datasets/${ids.population}/versions`)).json()) as Json).data).toHaveLength(2);
    expect((await get(`/api/open-data/datasets/${ids.restricted}/versions`)).status).toBe(404);
  });

  it('exports every public dataset in the GD Catalog’s field names', async () => {
    const body = (await (await get('/api/open-data/gdc.json')).json()) as Json;
    expect(body.count).toBe(5);
    const budget = body.datasets.find((d: Json) => d.name === 'budget-2568');
    expect(budget).toMatchObject({ title: 'งบประมาณรายจ่าย 2568', license_id: 'Creative Commons Attributions', data_type: 'ข้อมูลระเบียน', objective: ['พันธกิจหน่วยงาน'], update_frequency_unit: 'ปี', data_format: ['XLS'], allow_harvest: 'True' });
    expect(budget.resources).toEqual([{ name: 'งบประมาณ', description: '', url: `${PUBLIC}/api/open-data/resources/${keys['budget.0']}/download`, format: 'XLSX' }]);
  });
});
