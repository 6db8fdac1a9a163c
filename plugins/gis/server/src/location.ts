import type { Core } from '@strapi/strapi';
import { LOCATION_FIELD, type LocationValue } from './public';

/**
 * The `location` custom field: a GeoJSON point. When its options name float fields (`latField`,
 * `lngField`), a document-service middleware keeps them and the point equal on create and update,
 * so code and screens that read lat/lng keep working. Location wins when both are given.
 */
export interface LocationSync {
  attribute: string;
  latField: string;
  lngField: string;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A usable point value, or null. */
export function asPoint(v: unknown): LocationValue | null {
  if (!v || typeof v !== 'object') return null;
  const { type, coordinates } = v as { type?: unknown; coordinates?: unknown };
  if (type !== 'Point' || !Array.isArray(coordinates) || coordinates.length < 2) return null;
  const [lng, lat] = coordinates as unknown[];
  if (!finite(lng) || !finite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) return null;
  return { type: 'Point', coordinates: [lng, lat] };
}

/** The location attributes of a model whose options name both float fields. */
export function locationSyncs(attributes: Record<string, { type?: string; customField?: string; options?: Record<string, unknown> }>): LocationSync[] {
  return Object.entries(attributes).flatMap(([attribute, a]) => {
    if (a.customField !== LOCATION_FIELD) return [];
    const latField = a.options?.latField;
    const lngField = a.options?.lngField;
    return typeof latField === 'string' && typeof lngField === 'string' && latField in attributes && lngField in attributes ? [{ attribute, latField, lngField }] : [];
  });
}

/** The data to write with the point and the float fields made equal (a new object; the input is not changed). */
export function syncLocation<T extends Record<string, unknown>>(data: T, syncs: LocationSync[]): T {
  let out: Record<string, unknown> = data;
  for (const { attribute, latField, lngField } of syncs) {
    if (data[attribute] !== undefined) {
      const point = asPoint(data[attribute]);
      out = { ...out, [attribute]: point, [latField]: point ? point.coordinates[1] : null, [lngField]: point ? point.coordinates[0] : null };
    } else if (data[latField] !== undefined && data[lngField] !== undefined) {
      const lat = data[latField];
      const lng = data[lngField];
      const point = asPoint({ type: 'Point', coordinates: [lng, lat] });
      // Clearing either float clears the point; an impossible pair leaves the point as it was.
      if (point) out = { ...out, [attribute]: point };
      else if (lat === null || lng === null) out = { ...out, [attribute]: null };
    }
  }
  return out as T;
}

interface DocumentContext {
  uid: string;
  action: string;
  params: { data?: Record<string, unknown> };
}

/** Registers the document-service middleware (register phase). */
export function registerLocationSync(strapi: Core.Strapi) {
  const cache = new Map<string, LocationSync[]>();
  const syncsOf = (uid: string) => {
    let found = cache.get(uid);
    if (!found) {
      const model: unknown = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]);
      const attributes = (model as { attributes?: Parameters<typeof locationSyncs>[0] } | undefined)?.attributes;
      found = attributes ? locationSyncs(attributes) : [];
      cache.set(uid, found);
    }
    return found;
  };
  strapi.documents.use(async (context, next) => {
    const ctx = context as unknown as DocumentContext;
    if ((ctx.action === 'create' || ctx.action === 'update') && ctx.params?.data && typeof ctx.params.data === 'object') {
      const syncs = syncsOf(ctx.uid);
      if (syncs.length) ctx.params.data = syncLocation(ctx.params.data, syncs);
    }
    return next();
  });
}
