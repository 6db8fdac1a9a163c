import { dateOnly, licenseOf, textOf } from './gdc';
import { mediaTypeOf, tagsOf, urls, type DatasetLike } from './ckan';

/**
 * The catalogue as DCAT-AP (https://semiceu.github.io/DCAT-AP/): one graph of plain objects, written
 * as JSON-LD with prefixed names (the inline @context declares only prefixes, so a processor needs
 * no remote context) and as Turtle from the very same objects. Pure.
 */

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  owl: 'http://www.w3.org/2002/07/owl#',
  adms: 'http://www.w3.org/ns/adms#',
  locn: 'http://www.w3.org/ns/locn#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
} as const;

/** A literal: text in a language, or a value of an XSD type. */
export interface Literal {
  '@value': string;
  '@language'?: string;
  '@type'?: string;
}
/** A reference to a resource named by an IRI. */
export interface Ref {
  '@id': string;
}
/** A node: with `@id` a named resource, without one a blank node written inside its parent. */
export interface GraphNode {
  '@id'?: string;
  '@type': string;
  [property: string]: Value | Value[] | string | undefined;
}
export type Value = Literal | Ref | GraphNode;

/** The town that publishes the catalogue (the municipality single type). */
export interface Town {
  nameTh: string;
  nameEn?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export interface CatalogText {
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
}

const EU = 'http://publications.europa.eu/resource/authority';
/** Our categories as the EU data themes DCAT-AP expects. */
const THEME: Record<string, string> = {
  administration: 'GOVE',
  budget_finance: 'ECON',
  population: 'SOCI',
  public_services: 'GOVE',
  infrastructure: 'REGI',
  environment: 'ENVI',
  health: 'HEAL',
  education: 'EDUC',
  economy: 'ECON',
  agriculture: 'AGRI',
  public_safety: 'JUST',
  transport: 'TRAN',
};
const FREQUENCY: Record<string, string> = {
  realtime: 'UPDATE_CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  half_yearly: 'ANNUAL_2',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
  no_update: 'NEVER',
};
const LANGUAGES: Record<string, string[]> = { th: ['THA'], en: ['ENG'], th_en: ['THA', 'ENG'] };
/** Formats the EU file-type vocabulary names; others are written as text. */
const FILE_TYPES = new Set(['CSV', 'XLSX', 'XLS', 'JSON', 'GEOJSON', 'PDF', 'XML', 'HTML', 'ZIP', 'TXT', 'DOCX', 'ODS', 'SHP', 'KML', 'RDF_TURTLE', 'JPEG', 'PNG', 'TIFF']);

const text = (value: string, lang?: string): Literal => (lang ? { '@value': value, '@language': lang } : { '@value': value });
const typed = (value: string, type: string): Literal => ({ '@value': value, '@type': type });
const ref = (iri: string): Ref => ({ '@id': iri });
const when = <T>(cond: unknown, v: T): T | undefined => (cond ? v : undefined);
const dateTime = (v: unknown) => {
  const d = new Date(textOf(v));
  return Number.isNaN(d.getTime()) ? undefined : typed(d.toISOString(), 'xsd:dateTime');
};

/** Title or description in Thai, and in English when there is one. */
const both = (th: string, en: unknown): Literal[] => [text(th, 'th'), ...(textOf(en) ? [text(textOf(en), 'en')] : [])];

function licenseNode(code: unknown): Ref | GraphNode {
  const l = licenseOf(code);
  return l.url ? ref(l.url) : { '@type': 'dct:LicenseDocument', 'dct:title': text(l.title) };
}

/** The dataset's place: the coverage in words, and its bounding box when staff drew one. */
function spatial(d: DatasetLike, town: Town): GraphNode {
  const [w, s, e, n] = [d.bboxWest, d.bboxSouth, d.bboxEast, d.bboxNorth].map((v) => textOf(v));
  const box = w && s && e && n ? `POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))` : '';
  return {
    '@type': 'dct:Location',
    'skos:prefLabel': text(textOf(d.geoCoverageDetail) || town.nameTh, 'th'),
    'dcat:bbox': when(box, typed(box, 'gsp:wktLiteral')),
  };
}

/** The period the data covers: the dates staff gave, else the statistics' first and last year. */
function temporal(d: DatasetLike): GraphNode | undefined {
  const start = dateOnly(d.temporalStart) || (textOf(d.firstYear) ? `${textOf(d.firstYear)}-01-01` : '');
  const end = dateOnly(d.temporalEnd) || (textOf(d.lastYear) ? `${textOf(d.lastYear)}-12-31` : '');
  if (!start && !end) return undefined;
  return { '@type': 'dct:PeriodOfTime', 'dcat:startDate': when(start, typed(start, 'xsd:date')), 'dcat:endDate': when(end, typed(end, 'xsd:date')) };
}

function distribution(d: DatasetLike, r: DatasetLike['resources'][number], base: string): GraphNode {
  const at = urls(base);
  const format = (textOf(r.format) || (r.source === 'layer' ? 'GEOJSON' : r.source === 'live' ? 'CSV' : /\.([^.]+)$/.exec(r.file?.name ?? '')?.[1] ?? '')).toUpperCase();
  const media = mediaTypeOf(r);
  const download = at.download(r.key);
  const external = r.source === 'url' && textOf(r.url) ? textOf(r.url) : '';
  return {
    '@id': `${at.page(d.slug)}#resource-${r.key}`,
    '@type': 'dcat:Distribution',
    'dct:identifier': text(r.key),
    'dct:title': text(r.name, 'th'),
    'dct:description': when(textOf(r.description), text(textOf(r.description), 'th')),
    'dcat:accessURL': ref(download),
    'dcat:downloadURL': ref(external || download),
    'dct:format': format ? (FILE_TYPES.has(format) ? ref(`${EU}/file-type/${format}`) : text(format)) : undefined,
    'dcat:mediaType': when(media, ref(`http://www.iana.org/assignments/media-types/${media}`)),
    'dcat:byteSize': when(r.source === 'file' && r.file, typed(String(Math.round(Number(r.file?.size ?? 0) * 1024)), 'xsd:nonNegativeInteger')),
    'dct:modified': r.source === 'file' ? dateTime(r.file?.updatedAt) : undefined,
    'dct:license': licenseNode(d.license),
  };
}

/** One dataset of the catalogue, public and published: its restricted resources already left out by the caller. */
export function toDcatDataset(d: DatasetLike, base: string, town: Town): GraphNode {
  const page = urls(base).page(d.slug);
  const category = textOf(d.category);
  const frequency = FREQUENCY[textOf(d.updateFrequencyUnit)];
  const contactName = textOf(d.contactName) || textOf(d.publisherDepartment);
  return {
    '@id': `${page}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': text(d.documentId),
    'dct:title': both(d.titleTh, d.titleEn),
    'dct:description': both(d.descriptionTh, d.descriptionEn),
    'dcat:keyword': tagsOf(d.tags).map((t) => text(t, 'th')),
    'dcat:theme': THEME[category] ? ref(`${EU}/data-theme/${THEME[category]}`) : undefined,
    // The department that keeps the data (the catalogue's publisher is the town).
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': text(textOf(d.publisherDepartment), 'th') },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': text(contactName, 'th'),
      'vcard:hasEmail': when(textOf(d.publisherEmail), ref(`mailto:${textOf(d.publisherEmail)}`)),
      'vcard:hasTelephone': when(textOf(d.contactPhone), ref(`tel:${textOf(d.contactPhone).replace(/[^\d+]/g, '')}`)),
    },
    'dct:license': licenseNode(d.license),
    'dct:issued': dateTime(d.createdDate ?? d.createdAt) ?? dateTime(d.createdAt),
    'dct:modified': dateTime(d.updatedAt),
    'dct:spatial': spatial(d, town),
    'dct:temporal': temporal(d),
    'dct:accrualPeriodicity': when(frequency, ref(`${EU}/frequency/${frequency}`)),
    'dct:language': (LANGUAGES[textOf(d.language)] ?? LANGUAGES.th).map((l) => ref(`${EU}/language/${l}`)),
    'dcat:landingPage': ref(page),
    'owl:versionInfo': when(textOf(d.version), text(textOf(d.version))),
    'adms:versionNotes': when(textOf(d.changeNote), text(textOf(d.changeNote), 'th')),
    'dcat:distribution': d.resources.map((r) => distribution(d, r, base)),
  };
}

/** The whole catalogue: the town as publisher, and every dataset given. */
export function toDcatCatalog(datasets: DatasetLike[], base: string, town: Town, words: CatalogText): GraphNode {
  const modified = datasets.map((d) => d.updatedAt).sort().pop();
  return {
    '@id': `${base}/api/open-data/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': [text(words.titleTh, 'th'), text(words.titleEn, 'en')],
    'dct:description': [text(words.descriptionTh, 'th'), text(words.descriptionEn, 'en')],
    'dct:publisher': {
      '@type': 'foaf:Organization',
      'foaf:name': [text(town.nameTh, 'th'), ...(textOf(town.nameEn) ? [text(textOf(town.nameEn), 'en')] : [])],
      'foaf:mbox': when(textOf(town.email), ref(`mailto:${textOf(town.email)}`)),
      'foaf:homepage': ref(textOf(town.website) || base),
    },
    'foaf:homepage': ref(base),
    'dct:language': [ref(`${EU}/language/THA`), ref(`${EU}/language/ENG`)],
    'dct:modified': when(modified, dateTime(modified)),
    'dcat:dataset': datasets.map((d) => toDcatDataset(d, base, town)),
  };
}

/** Drops properties without a value, so neither serialization writes an empty one. */
function clean(node: GraphNode): GraphNode {
  const out: GraphNode = { '@type': node['@type'] };
  if (node['@id']) out['@id'] = node['@id'];
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@') || v === undefined) continue;
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is Value => x !== undefined && typeof x !== 'string').map((x) => ('@type' in x && !('@value' in x) ? clean(x) : x));
    if (list.length) out[k] = list.length === 1 ? list[0] : list;
  }
  return out;
}

/** JSON-LD: the graph with an inline context of prefixes only. */
export const toJsonLd = (catalog: GraphNode): Record<string, unknown> => ({ '@context': { ...PREFIXES }, ...clean(catalog) });

/* ------------------------------------------------------------------------------------------------
 * Turtle
 * ---------------------------------------------------------------------------------------------- */

const IRI_UNSAFE = /[\p{Cc}\s<>"{}|^`\\]/gu;
const iri = (s: string) => `<${s.replace(IRI_UNSAFE, (c) => encodeURIComponent(c))}>`;
const str = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
/** A prefixed name (dcat:Dataset) as it is; anything else as a full IRI. */
const name = (s: string) => (/^[a-z]+:[A-Za-z_][\w-]*$/.test(s) && s.split(':')[0] in PREFIXES ? s : iri(s));

function term(v: Value, indent: string, later: GraphNode[]): string {
  if ('@value' in v) {
    const lit = v as Literal;
    return str(lit['@value']) + (lit['@language'] ? `@${lit['@language']}` : lit['@type'] ? `^^${name(lit['@type'])}` : '');
  }
  if ('@type' in v) {
    const node = v;
    // A named node is written as a subject of its own; here only its name.
    if (node['@id']) {
      later.push(node);
      return iri(node['@id']);
    }
    return `[\n${body(node, `${indent}    `, later)}\n${indent}]`;
  }
  return iri(v['@id']);
}

function body(node: GraphNode, indent: string, later: GraphNode[]): string {
  const lines = [`${indent}a ${name(node['@type'])}`];
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@')) continue;
    const values = (Array.isArray(v) ? v : [v]) as Value[];
    lines.push(`${indent}${name(k)} ${values.map((x) => term(x, indent, later)).join(', ')}`);
  }
  return lines.join(' ;\n');
}

/** Turtle of the same graph: prefixes, then each named node as a subject. */
export function toTurtle(catalog: GraphNode): string {
  const out = [...Object.entries(PREFIXES).map(([p, ns]) => `@prefix ${p}: <${ns}> .`), ''];
  const queue: GraphNode[] = [clean(catalog)];
  const seen = new Set<string>();
  while (queue.length) {
    const node = queue.shift()!;
    const id = node['@id'] ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    const later: GraphNode[] = [];
    out.push(`${iri(id)}\n${body(node, '    ', later)} .`, '');
    queue.push(...later);
  }
  return out.join('\n');
}
