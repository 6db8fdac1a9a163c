/** The shapes of the gis plugin's Admin API answers (see the plugin README / gis-spec). */
// The shapes the server publishes for the app: one definition, taken as types only (nothing of the server is bundled).
import type { AttributeDef, FeatureCollection, LayerKind, LayerStyle } from '../../../server/src/public';

export type { AttributeDef, AttributeType, FeatureCollection, GeoFeature, Geometry, LayerKind, LayerStyle, Position } from '../../../server/src/public';
export type FeatureId = string | number;

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
