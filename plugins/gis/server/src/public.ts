/**
 * The gis plugin's public types: what the app imports to register its own layers (poles,
 * complaints, datasets) and to read the plugin's answers. No Strapi import, no code.
 */
export type LayerKind = 'point' | 'line' | 'polygon' | 'mixed';

/** minLon, minLat, maxLon, maxLat (WGS84 degrees). */
export type Bbox = [number, number, number, number];

export type Position = number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

export interface LayerStyle {
  color: string;
  lineWidth: number;
  fillColor: string;
  fillOpacity: number;
  icon: string;
}

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';

/** One attribute every feature of a layer carries (its popup row, its form field, its table column). */
export interface AttributeDef {
  name: string;
  labelTh: string;
  labelEn: string;
  type: AttributeType;
  options?: string[];
  required?: boolean;
}

export interface GeoFeature {
  type: 'Feature';
  id: string | number;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** A read-only layer another capability offers (poles, complaints, datasets): the plugin imports no app code. */
export interface LayerProvider {
  slug: string;
  nameTh: string;
  nameEn: string;
  description?: string;
  kind: LayerKind;
  style: LayerStyle;
  attributes: AttributeDef[];
  displayOrder: number;
  isPublic: boolean;
  /** Changes whenever the features change (it goes into the ETag). */
  version(): Promise<string>;
  /** Every feature in WGS84, ids unique within the layer; only what may be public when isPublic. */
  features(): Promise<GeoFeature[]>;
}

/** What the app calls in its register phase: strapi.plugin('gis').service<GisLayersService>('layers'). */
export interface GisLayersService {
  registerProvider(provider: LayerProvider): void;
}

/** The `location` custom field's value: a GeoJSON point, [lng, lat]. */
export interface LocationValue {
  type: 'Point';
  coordinates: [number, number];
}

export const LOCATION_FIELD = 'plugin::gis.location';
