/**
 * The Thai Government Data Catalog (data.go.th, GD Catalog) metadata of a dataset, named and valued as
 * the CKAN scheming schema of ckanext-thai_gdc names them (`ckan_dataset.json`): its choice fields
 * hold the Thai words of the schema's choices, a value outside them is `อื่นๆ` with the words in the
 * field's `_other`, multiple-choice fields are lists, and every other value is text, as CKAN keeps
 * extras. Pure: package_show, package_search and the GD Catalog export all use it.
 */

export type GdcValue = string | string[];
export type GdcFields = Record<string, GdcValue>;

/** The schema's "other" choice. */
export const OTHER = 'อื่นๆ';

const DATA_TYPE: Record<string, string> = {
  record: 'ข้อมูลระเบียน',
  statistical: 'ข้อมูลสถิติ',
  geospatial: 'ข้อมูลภูมิสารสนเทศเชิงพื้นที่',
  multiple: 'ข้อมูลหลากหลายประเภท',
  other: 'ข้อมูลประเภทอื่นๆ',
};

/** Objectives the schema has a choice for; ours without one (a local development plan) go to `objective_other`. */
const OBJECTIVE: Record<string, string> = {
  national_strategy: 'ยุทธศาสตร์ชาติ',
  national_plan: 'แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ',
  government_policy: 'นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี',
  agency_mission: 'พันธกิจหน่วยงาน',
  law: 'กฎหมายที่เกี่ยวข้อง',
};
const OBJECTIVE_OTHER: Record<string, string> = { local_development_plan: 'แผนพัฒนาท้องถิ่น' };

const FREQUENCY: Record<string, string> = {
  realtime: 'ตามเวลาจริง',
  daily: 'วัน',
  weekly: 'สัปดาห์',
  monthly: 'เดือน',
  quarterly: 'ไตรมาส',
  half_yearly: 'ครึ่งปี',
  yearly: 'ปี',
  no_update: 'ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล',
};
const FREQUENCY_OTHER: Record<string, string> = { irregular: 'ไม่สม่ำเสมอ' };

const GEO_COVERAGE: Record<string, string> = {
  country: 'ประเทศ',
  region: 'ภาค',
  province: 'จังหวัด',
  district: 'อำเภอ',
  subdistrict: 'ตำบล',
  village: 'หมู่บ้าน',
  municipality: 'เทศบาล/อบต.',
  coordinates: 'พิกัด',
};

/** The schema's four categories; `internal` has none (only partner agencies ever see such a dataset). */
const DATA_CATEGORY: Record<string, string> = {
  public: 'ข้อมูลสาธารณะ',
  personal: 'ข้อมูลส่วนบุคคล',
  security: 'ข้อมูลความมั่นคง',
  secret: 'ข้อมูลความลับทางราชการ',
  internal: 'ข้อมูลใช้ภายใน',
};

/** `data_format` choices, by the formats of our resources (upper case) and our storage kinds. */
const FORMAT_CHOICES = ['Database', 'CSV', 'XML', 'Image', 'Video', 'Audio', 'Text', 'JSON', 'HTML', 'XLS', 'PDF', 'RDF', 'NoSQL', 'Arc/Info Coverage', 'Shapefile', 'GeoTiff', 'GML'];
const FORMAT_OF: Record<string, string> = {
  CSV: 'CSV',
  TSV: 'CSV',
  XLS: 'XLS',
  XLSX: 'XLS',
  ODS: 'XLS',
  JSON: 'JSON',
  XML: 'XML',
  HTML: 'HTML',
  PDF: 'PDF',
  DOC: 'Text',
  DOCX: 'Text',
  TXT: 'Text',
  RDF: 'RDF',
  TTL: 'RDF',
  JPG: 'Image',
  JPEG: 'Image',
  PNG: 'Image',
  GIF: 'Image',
  TIF: 'GeoTiff',
  TIFF: 'GeoTiff',
  GEOTIFF: 'GeoTiff',
  SHP: 'Shapefile',
  GML: 'GML',
  MP4: 'Video',
  MP3: 'Audio',
};
const STORAGE_FORMAT: Record<string, string> = { database: 'Database', document: 'Text', api: 'JSON', image: 'Image' };

/** The schema's licence choices (`license_id`); ours without one go to `license_id_other`. */
export const LICENSES: Record<string, { id: string; title: string; url: string | null }> = {
  open_data_common: { id: 'Open Data Common', title: 'Open Data Common', url: null },
  cc_by_4: { id: 'Creative Commons Attributions', title: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  cc_by_sa_4: { id: 'Creative Commons Attribution Share-Alike', title: 'Creative Commons Attribution-ShareAlike 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  cc_zero: { id: OTHER, title: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  odc_odbl: { id: OTHER, title: 'Open Data Commons Open Database License (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
  other_license: { id: OTHER, title: 'License not specified', url: null },
};
export const licenseOf = (code: unknown) => LICENSES[String(code)] ?? LICENSES.other_license;

const LANGUAGE: Record<string, string[]> = { th: ['ไทย'], en: ['อังกฤษ'], th_en: ['ไทย', 'อังกฤษ'] };

const DISAGGREGATE = ['ไม่มี', 'เพศ', 'อายุ/กลุ่มอายุ', 'สถานภาพสมรส', 'ศาสนา', 'ระดับการศึกษา', 'อาชีพ', 'สถานภาพการทำงาน', 'อุตสาหกรรม/ประเภทกิจการ', 'รายได้', 'ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่', 'ผลิตภัณฑ์', 'ไม่ทราบ'];
const MULTIPLIER = ['หน่วย', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน', 'ล้าน', 'สิบล้าน', 'ร้อยล้าน', 'พันล้าน', 'หมื่นล้าน', 'แสนล้าน', 'ล้านล้าน', 'ไม่ทราบ'];
const GEO_DATASET = [
  'ชั้นข้อมูลแปลงที่ดิน',
  'ชั้นข้อมูลขอบเขตการปกครอง',
  'ชั้นข้อมูลเส้นทางคมนาคม',
  'ชั้นข้อมูลชุมนุม/อาคาร',
  'ชั้นข้อมูลป่าไม้',
  'ชั้นข้อมูลการใช้ประโยชน์ที่ดิน',
  'ชั้นข้อมูลแหล่งน้ำ',
  'ชั้นข้อมูลอุทกศาสตร์',
  'ชั้นข้อมูลหมุดหลักฐานแผนที่',
  'ชั้นข้อมูลความสูงภูมิประเทศเชิงตัวเลข',
  'ชั้นข้อมูลภาพแผนที่ภูมิประเทศ',
  'ชั้นข้อมูลแผนที่ภาพถ่ายทางอากาศ',
  'ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้',
];
const SCALES = ['1:4,000', '1:10,000', '1:25,000', '1:50,000', '1:250,000'];

/**
 * Every field of the schema this export fills, in the schema's order (its `_other` companions
 * right after their field). Core CKAN fields the schema also lists (title, name, notes, owner_org,
 * maintainer, maintainer_email, tag_string, url, license_id) are filled by the package itself.
 */
export const GDC_FIELDS = [
  'data_type',
  'data_type_other',
  'allow_harvest',
  'objective',
  'objective_other',
  'update_frequency_unit',
  'update_frequency_unit_other',
  'update_frequency_interval',
  'geo_coverage',
  'geo_coverage_other',
  'data_source',
  'data_format',
  'data_format_other',
  'data_category',
  'license_id_other',
  'accessible_condition',
  'data_support',
  'data_support_other',
  'data_collect',
  'data_collect_other',
  'data_language',
  'data_language_other',
  'created_date',
  'last_updated_date',
  'data_release_calendar',
  'first_year_of_data',
  'last_year_of_data',
  'disaggregate',
  'disaggregate_other',
  'unit_of_measure',
  'unit_of_multiplier',
  'unit_of_multiplier_other',
  'calculation_method',
  'standard',
  'geographic_data_set',
  'equivalent_scale',
  'equivalent_scale_other',
  // The schema's own names: it calls the north and south bounds (latitudes) "longitude" too.
  'west_bound_longitude',
  'east_bound_longitude',
  'north_bound_longitude',
  'south_bound_longitude',
  'positional_accuracy',
  'reference_period',
  'data_release_date',
  'high_value_dataset',
  'reference_data',
  'official_statistics',
] as const;

/** The choice fields a package_search may filter and facet on. */
export const GDC_CHOICE_FIELDS = ['data_type', 'objective', 'update_frequency_unit', 'geo_coverage', 'data_format', 'data_category', 'data_language', 'high_value_dataset'];

/** What the GD Catalog export reads of a dataset: its stored fields (null when empty). */
export interface GdcSource {
  [field: string]: unknown;
  resources?: Array<{ format?: string | null; source?: string; file?: { ext?: string | null; name?: string } | null }>;
}

/** Text of a stored value: '' for null or undefined (CKAN keeps an empty extra as ''). */
export const textOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** A date-only value (YYYY-MM-DD) of a date or date-time, or ''. */
export const dateOnly = (v: unknown): string => {
  const s = textOf(v);
  if (!s) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
};

/** One value as one of the schema's choices, or `อื่นๆ` with the words kept for `_other`. */
function single(value: string, choices: readonly string[]): [string, string] {
  if (!value) return ['', ''];
  const known = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  return known ? [known, ''] : [OTHER, value];
}

/** Values written "a, b" as the schema's choices; the words of those outside them joined in `_other`. */
function multiple(value: string, choices: readonly string[]): [string[], string] {
  const parts = value
    .split(/[,\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const known: string[] = [];
  const other: string[] = [];
  for (const p of parts) {
    const c = choices.find((x) => x.toLowerCase() === p.toLowerCase());
    if (c) known.push(c);
    else other.push(p);
  }
  if (other.length) known.push(OTHER);
  return [[...new Set(known)], other.join(', ')];
}

/** The format of a resource as its file or staff name it, upper case ('' when unknown). */
export const resourceFormat = (r: { format?: string | null; source?: string; file?: { ext?: string | null; name?: string } | null }): string => {
  const own = textOf(r.format).replace(/^\./, '').toUpperCase();
  if (own) return own;
  if (r.source === 'layer') return 'GEOJSON';
  if (r.source === 'live') return 'CSV';
  const ext = textOf(r.file?.ext) || /\.[^.]+$/.exec(r.file?.name ?? '')?.[0] || '';
  return ext.replace(/^\./, '').toUpperCase();
};

/** `data_format`: the kinds of the dataset's resources as the schema's choices, and its storage kind. */
function dataFormats(d: GdcSource): [string[], string] {
  const found = new Set<string>();
  const other = new Set<string>();
  const storage = STORAGE_FORMAT[textOf(d.dataFormat)];
  if (storage) found.add(storage);
  for (const r of d.resources ?? []) {
    const f = resourceFormat(r);
    if (!f) continue;
    const choice = FORMAT_OF[f] ?? FORMAT_CHOICES.find((c) => c.toUpperCase() === f);
    if (choice) found.add(choice);
    else other.add(f === 'GEOJSON' ? 'GeoJSON' : f);
  }
  if (!found.size && !other.size && textOf(d.dataFormat) === 'spreadsheet') found.add('XLS');
  if (other.size || (!found.size && textOf(d.dataFormat) === 'other')) found.add(OTHER);
  return [[...found], [...other].join(', ')];
}

const bool = (v: unknown) => (v === true ? 'True' : 'False');
const isStatistical = (d: GdcSource) => ['statistical', 'multiple'].includes(textOf(d.dataType));
const isGeospatial = (d: GdcSource) => ['geospatial', 'multiple'].includes(textOf(d.dataType));
/** A field the form shows only for some data types: kept only when it applies (staff may have left an old value). */
const when = (applies: boolean, v: unknown) => (applies ? textOf(v) : '');

/**
 * The GD Catalog fields of a dataset. `open` says whether the public may read it: only then may
 * data.go.th harvest it (`allow_harvest`).
 */
export function toGdcFields(d: GdcSource, open: boolean): GdcFields {
  const objective = textOf(d.objective);
  const frequency = textOf(d.updateFrequencyUnit);
  const geo = textOf(d.geoCoverage);
  const [formats, formatOther] = dataFormats(d);
  const stats = isStatistical(d);
  const geoData = isGeospatial(d);
  const [disaggregate, disaggregateOther] = stats ? multiple(textOf(d.disaggregation), DISAGGREGATE) : [[], ''];
  const [multiplier, multiplierOther] = stats ? single(textOf(d.unitMultiplier), MULTIPLIER) : ['', ''];
  const [geoDataset] = geoData ? single(textOf(d.geoDatasetKind), GEO_DATASET) : [''];
  const [scale, scaleOther] = geoData ? single(textOf(d.equivalentScale), SCALES) : ['', ''];
  const license = licenseOf(d.license);
  return {
    data_type: DATA_TYPE[textOf(d.dataType)] ?? DATA_TYPE.other,
    data_type_other: '',
    allow_harvest: open ? 'True' : 'False',
    objective: [OBJECTIVE[objective] ?? OTHER],
    objective_other: OBJECTIVE[objective] ? '' : objective === 'other' ? textOf(d.objectiveDetail) : (OBJECTIVE_OTHER[objective] ?? ''),
    update_frequency_unit: FREQUENCY[frequency] ?? OTHER,
    update_frequency_unit_other: FREQUENCY[frequency] ? '' : (FREQUENCY_OTHER[frequency] ?? ''),
    update_frequency_interval: textOf(d.updateFrequencyInterval),
    geo_coverage: GEO_COVERAGE[geo] ?? OTHER,
    // The detail says which place (บ้านนกออก หมู่ 1-12): kept for every coverage, as the schema's free text.
    geo_coverage_other: textOf(d.geoCoverageDetail),
    data_source: textOf(d.dataSource),
    data_format: formats,
    data_format_other: formatOther,
    data_category: DATA_CATEGORY[textOf(d.dataCategory)] ?? DATA_CATEGORY.public,
    license_id_other: license.id === OTHER ? license.title : '',
    accessible_condition: '',
    data_support: '',
    data_support_other: '',
    data_collect: '',
    data_collect_other: '',
    data_language: LANGUAGE[textOf(d.language)] ?? LANGUAGE.th,
    data_language_other: '',
    created_date: dateOnly(d.createdDate) || dateOnly(d.createdAt),
    last_updated_date: dateOnly(d.lastUpdatedDate) || dateOnly(d.updatedAt),
    data_release_calendar: '',
    first_year_of_data: when(stats, d.firstYear),
    last_year_of_data: when(stats, d.lastYear),
    disaggregate,
    disaggregate_other: disaggregateOther,
    unit_of_measure: when(stats, d.unitOfMeasure),
    unit_of_multiplier: multiplier,
    unit_of_multiplier_other: multiplierOther,
    calculation_method: when(stats, d.statisticalMethod),
    standard: '',
    geographic_data_set: geoDataset,
    equivalent_scale: scale,
    equivalent_scale_other: scaleOther,
    west_bound_longitude: when(geoData, d.bboxWest),
    east_bound_longitude: when(geoData, d.bboxEast),
    north_bound_longitude: when(geoData, d.bboxNorth),
    south_bound_longitude: when(geoData, d.bboxSouth),
    positional_accuracy: when(geoData, d.positionalAccuracy),
    reference_period: when(geoData, d.referencePeriod),
    data_release_date: '',
    high_value_dataset: bool(d.highValue),
    reference_data: '',
    official_statistics: '',
  };
}
