import jsonld from 'jsonld';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { createDataset, dataStoreSettled, uploadFile } from '../../../../helpers/datasets';
import { turtleToNTriples } from '../../../../helpers/turtle';

/**
 * The catalogue as DCAT-AP for harvesters: JSON-LD that a processor expands (with no network: the
 * context is inline) into dcat:Datasets with titles and distributions, and the same graph as Turtle.
 * Only public, published datasets and their unrestricted resources are in it, whoever asks.
 */
const PUBLIC = 'https://nokok.example';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- expanded JSON-LD read as JSON

let app: TestApp;
const documentLoader = (url: string) => Promise.reject(new Error(`a harvester here fetches no remote context: ${url}`));

beforeAll(async () => {
  app = await startApp({ PUBLIC_URL: PUBLIC });
  const s = app.strapi;
  await s.documents('api::municipality.municipality').create({ data: { nameTh: 'เทศบาลตำบลนกออก', nameEn: 'Nok Ok Subdistrict Municipality', email: 'info@nokok.go.th' } });
  const file = await uploadFile(s, 'population.csv', 'หมู่ที่,ประชากร\n1,100\n2,200\n');
  await createDataset(s, {
    titleTh: 'ประชากรรายหมู่บ้าน',
    titleEn: 'Population by village',
    tags: 'ประชากร, หมู่บ้าน',
    category: 'population',
    resources: [
      { name: 'ตารางประชากร', source: 'file', file: file.id },
      { name: 'รายงาน', source: 'url', url: 'https://example.org/report.pdf', format: 'PDF' },
      { name: 'รายชื่อลับ', source: 'url', url: 'https://example.org/secret.csv', restricted: true },
    ],
  });
  await createDataset(s, { titleTh: 'เรื่องร้องเรียนรายเดือน', titleEn: 'Complaints by month', resources: [{ name: 'รายเดือน', source: 'live', view: 'complaints_by_month' }] });
  await createDataset(s, { titleTh: 'ร่างแผน', titleEn: 'Draft plan' }, { publish: false });
  await createDataset(s, { titleTh: 'ข้อมูลจำกัด', titleEn: 'Restricted data', accessLevel: 'restricted' });
  await createDataset(s, { titleTh: 'ข้อมูลส่วนบุคคล', titleEn: 'Personal data', dataCategory: 'personal' });
  await dataStoreSettled(s, 1);
});

afterAll(async () => {
  await app?.stop();
});

it('serves the catalogue as JSON-LD that expands into dcat:Datasets with titles and distributions', async () => {
  const res = await fetch(`${app.url}/api/open-data/catalog.jsonld`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
  const doc = (await res.json()) as Json;
  const nodes = (await jsonld.flatten(doc, undefined, { documentLoader } as jsonld.Options.Flatten)) as unknown as Json[];
  const ofType = (t: string) => nodes.filter((n) => (n['@type'] ?? []).includes(t));

  const [catalog] = ofType(`${DCAT}Catalog`);
  expect(catalog[`${DCT}title`]).toContainEqual({ '@value': 'ข้อมูลเปิด เทศบาลตำบลนกออก', '@language': 'th' });
  expect(catalog[`${FOAF}homepage`]).toEqual([{ '@id': PUBLIC }]);
  const publisher = nodes.find((n) => n['@id'] === catalog[`${DCT}publisher`][0]['@id'])!;
  expect(publisher[`${FOAF}name`]).toContainEqual({ '@value': 'เทศบาลตำบลนกออก', '@language': 'th' });

  const datasets = ofType(`${DCAT}Dataset`);
  const titles = datasets.map((d) => (d[`${DCT}title`] as Json[]).map((t) => `${t['@language']}:${t['@value']}`).sort().join(' | ')).sort();
  expect(titles).toEqual(['en:Complaints by month | th:เรื่องร้องเรียนรายเดือน', 'en:Population by village | th:ประชากรรายหมู่บ้าน']);
  expect(catalog[`${DCAT}dataset`].map((d: Json) => d['@id']).sort()).toEqual(datasets.map((d) => d['@id']).sort());

  const population = datasets.find((d) => d[`${DCT}title`].some((t: Json) => t['@value'] === 'ประชากรรายหมู่บ้าน'))!;
  expect(population[`${DCAT}keyword`]).toEqual(expect.arrayContaining([{ '@value': 'ประชากร', '@language': 'th' }]));
  expect(population[`${DCAT}landingPage`]).toEqual([{ '@id': `${PUBLIC}/data/population-by-village` }]);
  const distributions = (population[`${DCAT}distribution`] as Json[]).map((ref) => nodes.find((n) => n['@id'] === ref['@id'])!);
  // The restricted resource is not in the public catalogue.
  expect(distributions.map((d) => d[`${DCT}title`][0]['@value']).sort()).toEqual(['ตารางประชากร', 'รายงาน']);
  for (const d of distributions) {
    expect(d['@type']).toEqual([`${DCAT}Distribution`]);
    const url = String(d[`${DCAT}accessURL`][0]['@id']);
    expect(url.startsWith(`${PUBLIC}/api/open-data/resources/`)).toBe(true);
    // Every access URL answers (a file, or the redirect of an external link).
    const answer = await fetch(app.url + url.slice(PUBLIC.length), { redirect: 'manual' });
    expect([200, 302]).toContain(answer.status);
    await answer.arrayBuffer();
  }
  const table = distributions.find((d) => d[`${DCT}title`][0]['@value'] === 'ตารางประชากร')!;
  expect(table[`${DCAT}mediaType`]).toEqual([{ '@id': 'http://www.iana.org/assignments/media-types/text/csv' }]);
  expect(table[`${DCT}format`]).toEqual([{ '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' }]);

  const text = JSON.stringify(doc);
  for (const hidden of ['ร่างแผน', 'ข้อมูลจำกัด', 'ข้อมูลส่วนบุคคล', 'รายชื่อลับ', 'secret.csv']) expect(text).not.toContain(hidden);
});

it('serves the same graph as Turtle', async () => {
  const res = await fetch(`${app.url}/api/open-data/catalog.ttl`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/turtle/);
  const turtle = await res.text();
  const doc = (await (await fetch(`${app.url}/api/open-data/catalog.jsonld`)).json()) as jsonld.JsonLdDocument;
  const nquads = (await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader } as jsonld.Options.ToRdf)) as unknown as string;
  const blankless = (lines: string[]) => lines.map((l) => l.replace(/_:\w+/g, '_:b')).sort();
  expect(blankless(turtleToNTriples(turtle))).toEqual(blankless(nquads.trim().split('\n')));
  expect(turtle).not.toContain('ร่างแผน');
});
