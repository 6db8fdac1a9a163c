import {
  CkanSearchError,
  groupsOf,
  organizationName,
  organizationsOf,
  parseClauses,
  searchPackages,
  tagNames,
  tagsOf,
  toCkanPackage,
  toGdcDataset,
  type DatasetLike,
} from '../../../../../src/api/dataset/domain/ckan';
import { GDC_FIELDS, toGdcFields } from '../../../../../src/api/dataset/domain/gdc';
import { csvCell, csvHeader, csvRows, jsonHead, jsonRecords, jsonTail } from '../../../../../src/api/dataset/domain/tabular';

const BASE = 'https://nokok.example';

let n = 0;
/** A published dataset as the catalogue reads it; each call a new one, later ones changed later. */
function dataset(over: Partial<DatasetLike> = {}): DatasetLike {
  n++;
  return {
    documentId: `doc${n}`,
    slug: `dataset-${n}`,
    titleTh: `ชุดข้อมูล ${n}`,
    titleEn: `Dataset ${n}`,
    descriptionTh: 'คำอธิบาย',
    descriptionEn: null,
    createdAt: `2025-01-${String(n).padStart(2, '0')}T03:00:00.000Z`,
    updatedAt: `2025-02-${String(n).padStart(2, '0')}T03:00:00.000Z`,
    publishedAt: `2025-02-${String(n).padStart(2, '0')}T03:00:00.000Z`,
    dataType: 'record',
    category: 'administration',
    tags: 'ทดสอบ, test',
    publisherDepartment: 'สำนักปลัดเทศบาล',
    publisherEmail: 'saraban@nokok.go.th',
    objective: 'agency_mission',
    updateFrequencyUnit: 'yearly',
    updateFrequencyInterval: 1,
    geoCoverage: 'municipality',
    dataSource: 'สำนักปลัดเทศบาล',
    dataFormat: 'spreadsheet',
    dataCategory: 'public',
    license: 'open_data_common',
    language: 'th',
    highValue: false,
    resources: [],
    ...over,
  };
}

const csvFile = (key: string, name = 'data.csv') => ({
  key,
  name: `ตาราง ${key}`,
  description: null,
  format: null,
  source: 'file' as const,
  file: { name, url: `/uploads/${name}`, mime: 'text/csv', ext: '.csv', size: 1.5, updatedAt: '2025-03-01T00:00:00.000Z' },
  url: null,
  view: null,
  restricted: false,
});

describe('a dataset as a CKAN package', () => {
  it('names, titles, organization, groups, tags, licence and dates as CKAN does', () => {
    const d = dataset({ slug: 'population', titleTh: 'ประชากร', titleEn: 'Population', descriptionEn: 'People by village', category: 'population', tags: 'ประชากร, หมู่บ้าน，ประชากร', version: '2568.1' });
    const p = toCkanPackage(d, BASE);
    expect(p).toMatchObject({
      id: d.documentId,
      name: 'population',
      title: 'ประชากร',
      notes: 'คำอธิบาย',
      title_en: 'Population',
      notes_en: 'People by village',
      type: 'dataset',
      state: 'active',
      private: false,
      url: `${BASE}/data/population`,
      version: '2568.1',
      license_id: 'Open Data Common',
      license_title: 'Open Data Common',
      maintainer_email: 'saraban@nokok.go.th',
      metadata_created: d.createdAt.replace(/Z$/, ''),
      metadata_modified: d.updatedAt.replace(/Z$/, ''),
      organization: { title: 'สำนักปลัดเทศบาล', type: 'organization', is_organization: true },
      groups: [{ name: 'population', title: 'ประชากร' }],
      tags: [{ name: 'ประชากร' }, { name: 'หมู่บ้าน' }],
      num_tags: 2,
      num_resources: 0,
      extras: [
        { key: 'title_en', value: 'Population' },
        { key: 'notes_en', value: 'People by village' },
      ],
    });
    expect(p.owner_org).toBe(p.organization.name);
    expect(p.organization.name).toMatch(/^org-[0-9a-f]{10}$/);
  });

  it('marks a restricted dataset (seen only by partner agencies) private and not for data.go.th to harvest', () => {
    expect(toCkanPackage(dataset(), BASE)).toMatchObject({ private: false, allow_harvest: 'True' });
    expect(toCkanPackage(dataset({ accessLevel: 'restricted' }), BASE, { open: false })).toMatchObject({ private: true, allow_harvest: 'False' });
  });

  it('gives each department one stable CKAN name: its Latin letters, or a digest of a Thai name', () => {
    expect(organizationName('Division of Engineering')).toBe('division-of-engineering');
    expect(organizationName('กองช่าง')).toBe(organizationName(' กองช่าง '));
    expect(organizationName('กองช่าง')).not.toBe(organizationName('กองคลัง'));
  });

  it('splits tags on commas (Thai and full-width too), each once', () => {
    expect(tagsOf('ประชากร, หมู่บ้าน，ประชากร\nน้ำ')).toEqual(['ประชากร', 'หมู่บ้าน', 'น้ำ']);
    expect(tagsOf(null)).toEqual([]);
  });

  it('shapes each kind of resource with a download URL, its media type, size in bytes and datastore state', () => {
    const d = dataset({
      resources: [
        csvFile('r1'),
        { key: 'r2', name: 'ลิงก์', source: 'url', url: 'https://example.org/a.pdf', format: 'PDF', file: null },
        { key: 'r3', name: 'เสา', source: 'layer', view: 'poles_map', file: null },
        { key: 'r4', name: 'สถิติ', source: 'live', view: 'complaints_by_month', file: null },
      ],
    });
    const p = toCkanPackage(d, BASE, { datastoreActive: new Set(['r1', 'r4']) });
    expect(p.num_resources).toBe(4);
    expect(p.resources.map((r) => [r.id, r.format, r.mimetype, r.datastore_active, r.position])).toEqual([
      ['r1', 'CSV', 'text/csv', true, 0],
      ['r2', 'PDF', 'application/pdf', false, 1],
      ['r3', 'GeoJSON', 'application/geo+json', false, 2],
      ['r4', 'CSV', 'text/csv', true, 3],
    ]);
    expect(p.resources[0]).toMatchObject({ package_id: d.documentId, url: `${BASE}/api/open-data/resources/r1/download`, url_type: 'upload', size: 1536, last_modified: '2025-03-01T00:00:00.000' });
    expect(p.resources[0].datastore_csv_url).toBe(`${BASE}/api/open-data/resources/r1/data.csv`);
    expect(p.resources[1]).toMatchObject({ url: `${BASE}/api/open-data/resources/r2/download`, url_type: null, size: null });
    expect(p.resources[1]).not.toHaveProperty('datastore_csv_url');
  });
});

describe('the Thai Government Data Catalog fields', () => {
  it('writes the schema’s Thai choices, and words outside them in the _other field', () => {
    const f = toGdcFields(
      dataset({ objective: 'local_development_plan', updateFrequencyUnit: 'irregular', geoCoverage: 'village', geoCoverageDetail: 'หมู่ 1-12', language: 'th_en', highValue: true, dataFormat: 'database' }),
      true
    );
    expect(f).toMatchObject({
      data_type: 'ข้อมูลระเบียน',
      allow_harvest: 'True',
      objective: ['อื่นๆ'],
      objective_other: 'แผนพัฒนาท้องถิ่น',
      update_frequency_unit: 'อื่นๆ',
      update_frequency_unit_other: 'ไม่สม่ำเสมอ',
      update_frequency_interval: '1',
      geo_coverage: 'หมู่บ้าน',
      geo_coverage_other: 'หมู่ 1-12',
      data_category: 'ข้อมูลสาธารณะ',
      data_language: ['ไทย', 'อังกฤษ'],
      data_format: ['Database'],
      high_value_dataset: 'True',
      license_id_other: '',
      created_date: '2025-01-' + String(n).padStart(2, '0'),
    });
    expect(Object.keys(f).sort()).toEqual([...GDC_FIELDS].sort());
  });

  it('fills statistical and geospatial fields only for those data types', () => {
    const stats = toGdcFields(dataset({ dataType: 'statistical', firstYear: 2560, lastYear: 2567, disaggregation: 'เพศ, หมู่บ้าน', unitOfMeasure: 'คน', unitMultiplier: 'พัน', statisticalMethod: 'นับ', bboxWest: 102 }), true);
    expect(stats).toMatchObject({ data_type: 'ข้อมูลสถิติ', first_year_of_data: '2560', last_year_of_data: '2567', disaggregate: ['เพศ', 'อื่นๆ'], disaggregate_other: 'หมู่บ้าน', unit_of_measure: 'คน', unit_of_multiplier: 'พัน', calculation_method: 'นับ', west_bound_longitude: '' });
    const geo = toGdcFields(dataset({ dataType: 'geospatial', bboxWest: 102.1, bboxEast: 102.3, bboxNorth: 14.8, bboxSouth: 14.6, equivalentScale: '1:4,000', geoDatasetKind: 'ชั้นข้อมูลแหล่งน้ำ', firstYear: 2560 }), true);
    expect(geo).toMatchObject({ west_bound_longitude: '102.1', north_bound_longitude: '14.8', equivalent_scale: '1:4,000', geographic_data_set: 'ชั้นข้อมูลแหล่งน้ำ', first_year_of_data: '' });
  });

  it('lists the formats of the resources as the schema’s data_format choices', () => {
    const f = toGdcFields(dataset({ resources: [csvFile('a'), { ...csvFile('b', 'b.xlsx'), format: 'XLSX' }, { key: 'c', name: 'c', source: 'layer', view: 'poles_map' }] }), true);
    expect(f.data_format).toEqual(['CSV', 'XLS', 'อื่นๆ']);
    expect(f.data_format_other).toBe('GeoJSON');
  });

  it('names a licence the schema lacks in license_id_other', () => {
    const p = toCkanPackage(dataset({ license: 'cc_zero' }), BASE);
    expect(p).toMatchObject({ license_id: 'อื่นๆ', license_id_other: 'Creative Commons CCZero', license_url: 'https://creativecommons.org/publicdomain/zero/1.0/', isopen: true });
    const gdc = toGdcDataset(p);
    expect(gdc).toMatchObject({ name: p.name, title: p.title, license_id: 'อื่นๆ', license_id_other: 'Creative Commons CCZero', owner_org: p.owner_org });
    expect(Object.keys(gdc)).toEqual(expect.arrayContaining([...GDC_FIELDS]));
  });
});

describe('package_search in memory', () => {
  const all = [
    dataset({ slug: 'population', titleTh: 'ประชากรรายหมู่บ้าน', tags: 'ประชากร, หมู่บ้าน', category: 'population', resources: [csvFile('p1')] }),
    dataset({ slug: 'budget', titleTh: 'งบประมาณรายจ่าย', tags: 'งบประมาณ', category: 'budget_finance', publisherDepartment: 'กองคลัง', resources: [{ ...csvFile('b1', 'b.xlsx'), format: 'XLSX' }] }),
    dataset({ slug: 'poles', titleTh: 'เสาลำโพง', tags: 'แผนที่, ประชากร', category: 'infrastructure', publisherDepartment: 'กองช่าง', resources: [{ key: 'l1', name: 'แผนที่', source: 'layer', view: 'poles_map' }] }),
    dataset({ slug: 'complaints', titleTh: 'สถิติเรื่องร้องเรียน', descriptionTh: 'จำนวนเรื่องร้องเรียนของประชากรรายเดือน', tags: 'ร้องเรียน', resources: [{ key: 'c1', name: 'รายเดือน', source: 'live', view: 'complaints_by_month' }] }),
  ].map((d) => toCkanPackage(d, BASE));
  const names = (r: { results: Array<{ name: string }> }) => r.results.map((p) => p.name);

  it('finds words in titles, tags and descriptions, without case, title matches first', () => {
    const r = searchPackages(all, { q: 'ประชากร', rows: 10, start: 0 });
    expect(r.count).toBe(3);
    expect(names(r)[0]).toBe('population');
    expect(names(r).sort()).toEqual(['complaints', 'poles', 'population']);
    expect(names(searchPackages(all, { q: 'DATASET', rows: 10, start: 0 })).length).toBe(4);
    expect(searchPackages(all, { q: 'ประชากร งบประมาณ', rows: 10, start: 0 }).count).toBe(0);
    expect(searchPackages(all, { q: '*:*', rows: 10, start: 0 }).count).toBe(4);
  });

  it('filters with fq: tags, organization, res_format, quoted values, OR, negation, a date range', () => {
    const org = all[1].organization.name;
    expect(names(searchPackages(all, { fq: 'tags:ประชากร', rows: 10, start: 0, sort: 'name asc' }))).toEqual(['poles', 'population']);
    expect(names(searchPackages(all, { fq: `+organization:${org}`, rows: 10, start: 0 }))).toEqual(['budget']);
    expect(names(searchPackages(all, { fq: 'res_format:"xlsx"', rows: 10, start: 0 }))).toEqual(['budget']);
    expect(names(searchPackages(all, { fq: 'res_format:(CSV OR GeoJSON)', rows: 10, start: 0, sort: 'name asc' }))).toEqual(['complaints', 'poles', 'population']);
    expect(names(searchPackages(all, { fq: 'tags:ประชากร -groups:infrastructure', rows: 10, start: 0 }))).toEqual(['population']);
    expect(names(searchPackages(all, { fq: 'data_category:ข้อมูลสาธารณะ dataset_type:dataset', rows: 10, start: 0 })).length).toBe(4);
    const since = all[2].metadata_modified;
    expect(names(searchPackages(all, { fq: `metadata_modified:[${since}Z TO *]`, rows: 10, start: 0, sort: 'name asc' }))).toEqual(['complaints', 'poles']);
    expect(names(searchPackages(all, { q: 'tags:งบประมาณ', rows: 10, start: 0 }))).toEqual(['budget']);
  });

  it('sorts by metadata_modified, title_string (Thai order) and name', () => {
    expect(names(searchPackages(all, { rows: 10, start: 0, sort: 'metadata_modified desc' }))).toEqual(['complaints', 'poles', 'budget', 'population']);
    expect(names(searchPackages(all, { rows: 10, start: 0 }))).toEqual(['complaints', 'poles', 'budget', 'population']);
    expect(names(searchPackages(all, { rows: 10, start: 0, sort: 'title_string asc' }))).toEqual(['budget', 'population', 'complaints', 'poles']);
    expect(names(searchPackages(all, { rows: 10, start: 0, sort: 'name desc' }))).toEqual(['population', 'poles', 'complaints', 'budget']);
  });

  it('pages with rows and start over the whole match, count unchanged', () => {
    const seen: string[] = [];
    for (let start = 0; ; start += 3) {
      const r = searchPackages(all, { rows: 3, start, sort: 'name asc' });
      expect(r.count).toBe(4);
      if (!r.results.length) break;
      seen.push(...names(r));
    }
    expect(seen).toEqual(['budget', 'complaints', 'poles', 'population']);
  });

  it('counts facets in CKAN’s two shapes, over the whole match', () => {
    const r = searchPackages(all, { fq: 'tags:ประชากร', rows: 1, start: 0, facetFields: ['tags', 'organization', 'res_format', 'groups'] });
    expect(r.facets.tags).toEqual({ ประชากร: 2, หมู่บ้าน: 1, แผนที่: 1 });
    expect(r.facets.res_format).toEqual({ CSV: 1, GeoJSON: 1 });
    expect(r.search_facets.organization.items).toEqual(
      expect.arrayContaining([{ name: all[2].organization.name, display_name: 'กองช่าง', count: 1 }, { name: all[0].organization.name, display_name: 'สำนักปลัดเทศบาล', count: 1 }])
    );
    expect(r.search_facets.groups.items).toContainEqual({ name: 'population', display_name: 'ประชากร', count: 1 });
    expect(r.search_facets.tags.title).toBe('tags');
    expect(searchPackages(all, { rows: 0, start: 0, facetFields: ['tags'], facetLimit: 1 }).facets.tags).toEqual({ ประชากร: 2 });
  });

  it('refuses fields, sorts and syntax it cannot read, naming the parameter', () => {
    const refusal = (p: Partial<Parameters<typeof searchPackages>[1]>) => {
      try {
        searchPackages(all, { rows: 10, start: 0, ...p });
      } catch (e) {
        return e instanceof CkanSearchError ? [e.param, e.code, e.value] : e;
      }
      return null;
    };
    expect(refusal({ fq: 'colour:red' })).toEqual(['fq', 'unknown_field', 'colour']);
    expect(refusal({ fq: 'ประชากร' })).toEqual(['fq', 'bad_syntax', 'ประชากร']);
    expect(refusal({ q: 'nope:1' })).toEqual(['q', 'unknown_field', 'nope']);
    expect(refusal({ sort: 'size desc' })).toEqual(['sort', 'bad_sort', 'size desc']);
    expect(refusal({ facetFields: ['colour'] })).toEqual(['facet.field', 'unknown_field', 'colour']);
    expect(refusal({ fq: 'metadata_modified:[yesterday TO *]' })).toEqual(['fq', 'bad_syntax', 'metadata_modified:[yesterday TO *]']);
    expect(parseClauses('a b', 'q').rest).toEqual(['a', 'b']);
  });

  it('lists organizations, every category as a group, and tags', () => {
    expect(organizationsOf(all).map((o) => [o.title, o.package_count]).sort()).toEqual([
      ['กองคลัง', 1],
      ['กองช่าง', 1],
      ['สำนักปลัดเทศบาล', 2],
    ]);
    const groups = groupsOf(all);
    expect(groups).toHaveLength(12);
    expect(groups.find((g) => g.name === 'population')).toMatchObject({ title: 'ประชากร', package_count: 1 });
    expect(tagNames(all)).toEqual(expect.arrayContaining(['ประชากร', 'งบประมาณ', 'ร้องเรียน']));
    expect(tagNames(all, 'ประชา')).toEqual(['ประชากร']);
  });
});

describe('table downloads', () => {
  const fields = [
    { id: 'หมู่', type: 'int' as const },
    { id: 'ชื่อ', type: 'text' as const },
  ];

  it('writes CSV with a BOM, CRLF lines and RFC 4180 quoting', () => {
    expect(csvHeader(fields)).toBe('\ufeffหมู่,ชื่อ\r\n');
    expect(csvRows(fields, [{ หมู่: 1, ชื่อ: 'บ้าน "นก", ออก' }, { หมู่: null, ชื่อ: 'a\nb' }])).toBe('1,"บ้าน ""นก"", ออก"\r\n,"a\nb"\r\n');
    expect(csvCell(' x')).toBe('" x"');
  });

  it('writes the JSON download in pieces that join into one document', () => {
    const text = jsonHead(fields) + jsonRecords(fields, [{ หมู่: 1, ชื่อ: 'ก' }], true) + jsonRecords(fields, [{ หมู่: 2, ชื่อ: null }], false) + jsonTail(2);
    expect(JSON.parse(text)).toEqual({ fields, records: [{ หมู่: 1, ชื่อ: 'ก' }, { หมู่: 2, ชื่อ: null }], total: 2 });
  });
});
