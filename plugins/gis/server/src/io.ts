import type { AttributeDef, GeoFeature, Geometry } from './public';
import { normalizeGeometry } from './geo/normalize';

/**
 * The formats the plugin reads and writes (formats/**, written beside this): until it lands this
 * reads GeoJSON only and writes no KML or CSV. Every caller goes through here, so wiring the real
 * module is this file alone.
 */
export { normalizeGeometry };
export type SourceCrs = 'auto' | 'EPSG:4326' | 'EPSG:32647' | 'EPSG:32648' | 'EPSG:24047' | 'EPSG:24048' | 'EPSG:4240';
export interface Rejected {
  index: number;
  name?: string;
  code: string;
}
export interface ParsedFile {
  format: 'geojson' | 'kml' | 'gpx' | 'shapefile';
  crs: string;
  features: Array<{ geometry: Geometry; properties: Record<string, unknown> }>;
  rejected: Rejected[];
}
export class FormatError extends Error {
  constructor(public readonly code: 'unsupported_format' | 'unreadable_file' | 'missing_part' | 'unknown_crs') {
    super(code);
  }
}

export function parseGeoFile(file: Buffer, fileName: string, _crs: SourceCrs = 'auto'): ParsedFile {
  if (!/\.(geo)?json$/i.test(fileName)) throw new FormatError('unsupported_format');
  let doc: { type?: string; features?: Array<{ geometry?: unknown; properties?: Record<string, unknown> | null }> };
  try {
    doc = JSON.parse(file.toString('utf8')) as typeof doc;
  } catch {
    throw new FormatError('unreadable_file');
  }
  const list = doc.type === 'FeatureCollection' ? (doc.features ?? []) : doc.type === 'Feature' ? [doc as { geometry?: unknown }] : [{ geometry: doc }];
  const out: ParsedFile = { format: 'geojson', crs: 'EPSG:4326', features: [], rejected: [] };
  list.forEach((f, index) => {
    const g = normalizeGeometry(f?.geometry);
    if ('error' in g) out.rejected.push({ index, code: g.error });
    else out.features.push({ geometry: g, properties: (f as { properties?: Record<string, unknown> | null }).properties ?? {} });
  });
  return out;
}

export function toKml(_layerName: string, _features: GeoFeature[]): string {
  throw new FormatError('unsupported_format');
}

export function toCsv(_features: GeoFeature[], _attributes: AttributeDef[]): string {
  throw new FormatError('unsupported_format');
}
