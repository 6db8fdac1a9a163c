import jsonld from 'jsonld';
import { toDcatCatalog, toJsonLd, toTurtle } from '../../../../../src/api/dataset/domain/dcat';
import type { DatasetLike } from '../../../../../src/api/dataset/domain/ckan';
import { turtleToNTriples } from '../../../../helpers/turtle';

const BASE = 'https://nokok.example';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- expanded JSON-LD read as JSON

/** Nothing is fetched: the document's context is inline. */
const documentLoader = (url: string) => Promise.reject(new Error(`no network in tests: ${url}`));

const population: DatasetLike = {
  documentId: 'abc123',
  slug: 'population-by-village',
  titleTh: 'ประชากร "รายหมู่บ้าน"',
  titleEn: 'Population by village',
  descriptionTh: 'จำนวนประชากร\nแยกตามหมู่บ้าน',
  descriptionEn: null,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-02-02T03:04:05.000Z',
  tags: 'ประชากร, หมู่บ้าน',
  category: 'population',
  publisherDepartment: 'สำนักปลัดเทศบาล',
  publisherEmail: 'saraban@nokok.go.th',
  contactPhone: '044-123 456',
  updateFrequencyUnit: 'yearly',
  license: 'cc_by_4',
  language: 'th_en',
  geoCoverageDetail: 'หมู่ 1-12',
  bboxWest: 102.1,
  bboxSouth: 14.6,
  bboxEast: 102.3,
  bboxNorth: 14.8,
  temporalStart: '2020-01-01',
  firstYear: 2560,
  version: '2',
  resources: [
    { key: 'r1', name: 'ตาราง', source: 'file', file: { name: 'p.csv', url: '/uploads/p.csv', mime: 'text/csv', ext: '.csv', size: 2, updatedAt: '2025-02-01T00:00:00.000Z' } },
    { key: 'r2', name: 'รายงาน', source: 'url', url: 'https://example.org/r.pdf', format: 'PDF' },
    { key: 'r3', name: 'แผนที่', source: 'layer', view: 'poles_map' },
  ],
};
const budget: DatasetLike = { ...population, documentId: 'def456', slug: 'budget', titleTh: 'งบประมาณ', titleEn: null, license: 'open_data_common', bboxWest: null, temporalStart: null, firstYear: null, resources: [] };
const catalog = toDcatCatalog([population, budget], BASE, { nameTh: 'เทศบาลตำบลนกออก', nameEn: 'Nok Ok', email: 'info@nokok.go.th' }, { titleTh: 'ข้อมูลเปิด', titleEn: 'Open data', descriptionTh: 'ก', descriptionEn: 'a' });

describe('the DCAT-AP catalogue', () => {
  it('expands with a JSON-LD processor into a catalog of dcat:Datasets with titles and distributions', async () => {
    // Flattened without a context: every node expanded, in one list.
    const nodes = (await jsonld.flatten(toJsonLd(catalog), undefined, { documentLoader } as jsonld.Options.Flatten)) as unknown as Json[];
    const byType = (t: string) => nodes.filter((n) => (n['@type'] ?? []).includes(t));
    expect(byType(`${DCAT}Catalog`)).toHaveLength(1);
    const datasets = byType(`${DCAT}Dataset`);
    expect(datasets.map((d) => d['@id']).sort()).toEqual([`${BASE}/data/budget#dataset`, `${BASE}/data/population-by-village#dataset`]);
    const p = datasets.find((d) => d['@id'].includes('population'))!;
    expect(p[`${DCT}title`]).toEqual([
      { '@value': 'ประชากร "รายหมู่บ้าน"', '@language': 'th' },
      { '@value': 'Population by village', '@language': 'en' },
    ]);
    expect(p[`${DCAT}distribution`]).toHaveLength(3);
    expect(p[`${DCT}license`]).toEqual([{ '@id': 'https://creativecommons.org/licenses/by/4.0/' }]);
    expect(p[`${DCT}accrualPeriodicity`]).toEqual([{ '@id': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' }]);
    const distributions = byType(`${DCAT}Distribution`);
    expect(distributions).toHaveLength(3);
    const link = distributions.find((d) => d[`${DCT}identifier`][0]['@value'] === 'r2')!;
    expect(link[`${DCAT}accessURL`]).toEqual([{ '@id': `${BASE}/api/open-data/resources/r2/download` }]);
    expect(link[`${DCAT}downloadURL`]).toEqual([{ '@id': 'https://example.org/r.pdf' }]);
    const layer = distributions.find((d) => d[`${DCT}identifier`][0]['@value'] === 'r3')!;
    expect(layer[`${DCAT}mediaType`]).toEqual([{ '@id': 'http://www.iana.org/assignments/media-types/application/geo+json' }]);
    const place = nodes.find((n) => (n['@type'] ?? []).includes(`${DCT}Location`))!;
    expect(place[`${DCAT}bbox`][0]['@value']).toBe('POLYGON((102.1 14.6,102.3 14.6,102.3 14.8,102.1 14.8,102.1 14.6))');
  });

  it('writes the same graph as Turtle', async () => {
    const turtle = toTurtle(catalog);
    expect(turtle).toMatch(/^@prefix dcat: <http:\/\/www\.w3\.org\/ns\/dcat#> \.$/m);
    expect(turtle).toContain('a dcat:Catalog');
    const fromTurtle = turtleToNTriples(turtle);
    const nquads = (await jsonld.toRDF(toJsonLd(catalog), { format: 'application/n-quads', documentLoader } as jsonld.Options.ToRdf)) as unknown as string;
    const blankless = (lines: string[]) => lines.map((l) => l.replace(/_:\w+/g, '_:b')).sort();
    expect(blankless(fromTurtle)).toEqual(blankless(nquads.trim().split('\n')));
    expect(fromTurtle.length).toBeGreaterThan(60);
  });
});
