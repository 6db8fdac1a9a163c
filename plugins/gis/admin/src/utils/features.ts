import type { AdminLayer, AttributeDef, GeoFeature, Geometry, LayerKind } from '../types/api';
import { isThai } from './i18n';

/** The geometry types a layer of each kind takes (the server refuses the others). */
const KIND_TYPES: Record<LayerKind, Geometry['type'][]> = {
  point: ['Point', 'MultiPoint'],
  line: ['LineString', 'MultiLineString'],
  polygon: ['Polygon', 'MultiPolygon'],
  mixed: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'],
};

export const kindAllows = (kind: LayerKind, type: Geometry['type']) => KIND_TYPES[kind].includes(type);

export const layerName = (layer: Pick<AdminLayer, 'nameTh' | 'nameEn'>, locale: string) =>
  isThai(locale) ? layer.nameTh : layer.nameEn || layer.nameTh;

export const attributeLabel = (a: AttributeDef, locale: string) => (isThai(locale) ? a.labelTh || a.labelEn : a.labelEn || a.labelTh) || a.name;

/** A property as a table cell or a detail line shows it. */
export function showValue(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The search: a feature matches when any of its attribute values contains the typed text. */
export function matches(feature: GeoFeature, query: string, yes: string, no: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (String(feature.id).toLowerCase() === q) return true;
  return Object.values(feature.properties ?? {}).some((v) => showValue(v, yes, no).toLowerCase().includes(q));
}

/** The attribute form's text values from a feature's properties (inputs hold strings and booleans). */
export function toFormValues(attributes: AttributeDef[], properties: Record<string, unknown> = {}): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const a of attributes) {
    const v = properties[a.name];
    if (a.type === 'boolean') values[a.name] = v === true;
    else values[a.name] = showValue(v, 'true', 'false');
  }
  return values;
}

export type FieldProblem = 'required' | 'number';

/** Typed properties from the form, and the fields that are missing or unreadable before asking the server. */
export function fromFormValues(attributes: AttributeDef[], values: Record<string, string | boolean>) {
  const properties: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const a of attributes) {
    const raw = values[a.name];
    if (a.type === 'boolean') {
      properties[a.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) {
      if (a.required) problems[a.name] = 'required';
      continue;
    }
    if (a.type === 'number') {
      const n = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n)) problems[a.name] = 'number';
      else properties[a.name] = n;
    } else properties[a.name] = text;
  }
  return { properties, problems };
}
