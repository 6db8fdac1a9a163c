import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { createDataset, dataStoreSettled, uploadFile } from '../../../../helpers/datasets';
import type { CatalogueService } from '../../../../../src/api/dataset/services/catalogue';
import type { DatastoreService } from '../../../../../src/api/dataset/services/datastore';
import iconv from 'iconv-lite';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const catalogue = () => app.strapi.service('api::dataset.catalogue') as CatalogueService;
const datastore = () => app.strapi.service('api::dataset.datastore') as DatastoreService;

const CSV = ['หมู่ที่,ชื่อหมู่บ้าน,ประชากร,วันที่สำรวจ', '1,บ้านนกออก,"1,245",15/03/2567', '2,บ้านหนองบัว,980,1 เม.ย. 2567', '3,บ้านโนนสูง,"2,010",2024-05-02'].join('\r\n');

it('loads an uploaded Windows-874 CSV into a typed table and searches it', async () => {
  const file = await uploadFile(app.strapi, 'population.csv', iconv.encode(CSV, 'win874'));
  const id = await createDataset(app.strapi, { resources: [{ name: 'ประชากรรายหมู่บ้าน', source: 'file', file: file.id }] });
  const [table] = await dataStoreSettled(app.strapi);
  expect(table.state).toBe('ready');
  expect(table.fields).toEqual([
    { id: 'หมู่ที่', type: 'int' },
    { id: 'ชื่อหมู่บ้าน', type: 'text' },
    { id: 'ประชากร', type: 'int' },
    { id: 'วันที่สำรวจ', type: 'date' },
  ]);
  const found = await catalogue().get(id, { kind: 'public' });
  const resource = found!.resources[0];
  expect(resource.key).toMatch(/^[0-9a-f-]{36}$/);
  const t = (await catalogue().tableOf(resource))!;
  const all = await datastore().search(t, { limit: 10, offset: 0, sort: 'ประชากร desc' });
  expect(all.total).toBe(3);
  expect(all.records[0]).toEqual({ _id: 3, หมู่ที่: 3, ชื่อหมู่บ้าน: 'บ้านโนนสูง', ประชากร: 2010, วันที่สำรวจ: '2024-05-02' });
  expect(all.records.map((r) => r['วันที่สำรวจ'])).toEqual(['2024-05-02', '2024-03-15', '2024-04-01']);
  const q = await datastore().search(t, { q: 'หนองบัว', limit: 10, offset: 0 });
  expect(q.records.map((r) => r['หมู่ที่'])).toEqual([2]);
  const filtered = await datastore().search(t, { filters: { หมู่ที่: ['1', 3] }, limit: 1, offset: 1 });
  expect(filtered).toMatchObject({ total: 2, records: [{ หมู่ที่: 3 }] });
});

it('replaces a table in one step: readers keep the published file until the new one is published', async () => {
  const docs = app.strapi.documents('api::dataset.dataset');
  const first = await uploadFile(app.strapi, 'budget.csv', 'ปี,งบประมาณ\n2566,"12,000,000"\n2567,"13,500,000.50"\n');
  const id = await createDataset(app.strapi, { titleEn: 'Annual budget', resources: [{ name: 'งบประมาณรายปี', source: 'file', file: first.id }] });
  await dataStoreSettled(app.strapi, 2);
  const published = await catalogue().get('annual-budget', { kind: 'public' });
  expect(published?.documentId).toBe(id);
  const key = published!.resources[0].key;
  const before = (await catalogue().tableOf(published!.resources[0]))!;
  expect(before.fields).toEqual([{ id: 'ปี', type: 'int' }, { id: 'งบประมาณ', type: 'numeric' }]);

  // A new file in the draft: loaded beside the old table, which readers still get.
  const second = await uploadFile(app.strapi, 'budget-2568.csv', 'ปี,งบประมาณ\n2566,"12,000,000"\n2567,"13,500,000.50"\n2568,"14,100,000"\n');
  const draft = (await docs.findOne({ documentId: id, status: 'draft', populate: { resources: true } })) as unknown as { resources: Array<{ key: string; name: string }> };
  await docs.update({ documentId: id, data: { resources: [{ key: draft.resources[0].key, name: 'งบประมาณรายปี', source: 'file' as const, file: second.id }] } });
  await dataStoreSettled(app.strapi, 3);
  const stillOld = (await catalogue().tableOf((await catalogue().get(id, { kind: 'public' }))!.resources[0]))!;
  expect((await datastore().search(stillOld, { limit: 10, offset: 0 })).total).toBe(2);

  // Staff see the draft's new table before publishing.
  const admin = await createAdmin(app);
  const res = await fetch(`${app.url}/open-data/datasets/${id}/data-store`, { headers: { authorization: `Bearer ${admin.token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: Array<{ key: string; state: string; rowCount: number; records: unknown[]; fields: unknown[] }> };
  expect(body.results).toEqual([expect.objectContaining({ key, state: 'ready', rowCount: 3 })]);
  expect(body.results[0].records).toHaveLength(3);

  await docs.publish({ documentId: id });
  const now = (await catalogue().tableOf((await catalogue().get(id, { kind: 'public' }))!.resources[0]))!;
  expect((await datastore().search(now, { limit: 10, offset: 0 })).total).toBe(3);
  // The old file's table is dropped once no version names it.
  await dataStoreSettled(app.strapi, 1);
  const tables = (await app.strapi.db.query('api::dataset.datastore-table').findMany({ where: { resourceKey: key } })) as Array<{ fileHash: string }>;
  expect(tables.map((t) => t.fileHash)).toEqual([second.hash]);
  expect(await app.strapi.db.connection.schema.hasTable(before.tableName!)).toBe(false);
});

it('answers 401 without a staff login', async () => {
  const id = await createDataset(app.strapi, { titleEn: 'Staff only check' }, { publish: false });
  expect((await fetch(`${app.url}/open-data/datasets/${id}/data-store`)).status).toBe(401);
});

it('records why an unreadable file has no table', async () => {
  const file = await uploadFile(app.strapi, 'old.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
  await createDataset(app.strapi, { titleEn: 'Old excel', resources: [{ name: 'ไฟล์เก่า', source: 'file', file: file.id }] });
  const tables = await dataStoreSettled(app.strapi, 1);
  const failed = tables.find((t) => t.fileHash === file.hash);
  expect(failed).toMatchObject({ state: 'failed' });
  expect(failed?.error).toMatch(/xls/i);
});
