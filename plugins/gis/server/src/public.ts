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

/** One layer as GET /api/gis/layers lists it. */
export interface LayerSummary {
  slug: string;
  nameTh: string;
  nameEn: string;
  description: string | null;
  kind: LayerKind;
  style: LayerStyle;
  featureCount: number;
  bbox: Bbox | null;
  attributes: AttributeDef[];
  /** False for providers' layers: they are edited where they come from. */
  editable: boolean;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** What the admin's layer list adds to a summary. */
export interface AdminLayerSummary extends LayerSummary {
  /** The stored layer's id; 0 for a provider's layer. */
  id: number;
  documentId: string | null;
  isPublic: boolean;
  displayOrder: number;
}

/** A page of a layer's features (RFC 7946 allows the two counts as foreign members). */
export interface FeaturePage extends FeatureCollection {
  numberMatched: number;
  numberReturned: number;
}

/** A layer found by its slug: stored (editable) or offered by a provider. */
export interface ResolvedLayer {
  summary: AdminLayerSummary;
  /** Changes whenever a feature changes: the stored layer's id and revision, or the provider's version. */
  version: string;
  /** When it last changed. */
  modifiedAt: Date;
  /** The stored layer's id (providers: undefined). */
  storedId?: number;
  provider?: LayerProvider;
}

/** What the app calls in its register phase: strapi.plugin('gis').service<GisLayersService>('layers'). */
export interface GisLayersService {
  registerProvider(provider: LayerProvider): void;
  /** Layers sorted by displayOrder then nameTh; `publicOnly` leaves out internal ones. */
  summaries(options: { publicOnly: boolean }): Promise<AdminLayerSummary[]>;
  /** A layer by slug; with `publicOnly`, internal layers are not found; `stats: false` skips its featureCount and bbox (left 0 and null). */
  find(slug: string, options: { publicOnly: boolean; stats?: boolean }): Promise<ResolvedLayer | null>;
}

/** Reading a layer's features: strapi.plugin('gis').service<GisFeaturesService>('features'). */
export interface GisFeaturesService {
  /** Features intersecting `bbox` (all without it), ordered by id, a page of them. */
  list(layer: ResolvedLayer, query: { bbox?: Bbox; limit?: number; offset?: number }): Promise<FeaturePage>;
}

/** The `location` custom field's value: a GeoJSON point, [lng, lat]. */
export interface LocationValue {
  type: 'Point';
  coordinates: [number, number];
}

export const LOCATION_FIELD = 'plugin::gis.location';
