/** The shapes of the gis plugin's Admin API answers (see the plugin README / gis-spec). */
export type LayerKind = 'point' | 'line' | 'polygon' | 'mixed';
export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'choice';

export interface AttributeDef {
  name: string;
  labelTh: string;
  labelEn: string;
  type: AttributeType;
  options?: string[];
  required?: boolean;
}

export interface LayerStyle {
  color: string;
  lineWidth: number;
  fillColor: string;
  fillOpacity: number;
  icon: string;
}

export type Position = number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

export type FeatureId = string | number;

export interface GeoFeature {
  type: 'Feature';
  id: FeatureId;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export interface AdminLayer {
  id?: number;
  documentId?: string | null;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  description: string | null;
  kind: LayerKind;
  style: LayerStyle;
  featureCount: number;
  bbox: [number, number, number, number] | null;
  attributes: AttributeDef[];
  editable: boolean;
  isPublic: boolean;
  displayOrder: number;
  updatedAt: string;
}

export interface Rejected {
  index: number;
  name?: string;
  code: string;
  message: string;
}

export interface ImportResult {
  format: string;
  crs: string;
  featureCount: number;
  preview: FeatureCollection;
  rejected: Rejected[];
  imported: number;
}

export interface MapTiles {
  tileUrl: string;
  attribution: string;
}
