import { startApp, type TestApp } from '../../../../helpers/strapi';
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
