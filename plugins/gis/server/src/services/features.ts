import type { Core } from '@strapi/strapi';
import type { Bbox, FeaturePage, GeoFeature, Geometry, GisFeaturesService, ResolvedLayer } from '../public';
import { checkProperties } from '../attributes';
import { bboxOf, boxContains, boxesIntersect, geometryFitsKind, intersectsBbox } from '../geo/bbox';
import { normalizeGeometry } from '../io';
import { GisError, invalidFields, type FieldRefusal } from '../messages';
import { FEATURE_UID, featureColumns } from './columns';
import layersService, { LAYER_UID } from './layers';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 5000;
/** Rows per insert of an import, and per `IN (...)` list (well under SQLite's bound variables). */
const BATCH = 400;

interface TransactionArgs {
  trx: Core.Strapi['db']['connection'];
}

/** A JSON column: text on SQLite, already parsed on PostgreSQL. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Waits a turn of the event loop: better-sqlite3 is synchronous, other requests get to run. */
const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const chunks = <T>(list: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** A feature for the store: its geometry normalized and of the layer's kind, its properties checked against the schema. */
export function checkFeature(
  layer: Pick<ResolvedLayer['summary'], 'kind' | 'attributes'>,
  input: { geometry?: unknown; properties?: unknown },
  options: { dropUnknown?: boolean; partial?: boolean } = {}
): { geometry?: Geometry; properties?: Record<string, unknown>; errors: FieldRefusal[] } {
  const errors: FieldRefusal[] = [];
  let geometry: Geometry | undefined;
  if (input.geometry !== undefined || !options.partial) {
    const g = normalizeGeometry(input.geometry);
    if ('error' in g) errors.push({ path: ['geometry'], code: input.geometry == null ? 'required' : g.error });
    else if (!geometryFitsKind(g, layer.kind)) errors.push({ path: ['geometry'], code: 'wrong_geometry_kind' });
    else geometry = g;
  }
  let properties: Record<string, unknown> | undefined;
  if (input.properties !== undefined || !options.partial) {
    const p = checkProperties(input.properties, layer.attributes, { dropUnknown: options.dropUnknown });
    errors.push(...p.errors);
    properties = p.properties;
  }
  return { geometry, properties, errors };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const layers = () => strapi.plugin('gis').service<ReturnType<typeof layersService>>('layers');

  const rowToFeature = (c: ReturnType<typeof featureColumns>, row: Record<string, unknown>): GeoFeature => ({
    type: 'Feature',
    id: Number(row.id),
    geometry: json<Geometry>(row[c.geometry]),
    properties: json<Record<string, unknown> | null>(row[c.properties]) ?? {},
  });

  /** The stored box columns of a geometry. */
  const boxColumns = (g: Geometry) => {
    const b = bboxOf(g) as Bbox;
    return { minLon: b[0], minLat: b[1], maxLon: b[2], maxLat: b[3] };
  };

  /** Marks the layer changed, in the caller's transaction: its revision (the ETag) and updatedAt (Last-Modified). */
  async function bump(trx: TransactionArgs['trx'], layerId: number) {
    const meta = strapi.db.metadata.get(LAYER_UID) as { tableName: string; attributes: Record<string, { columnName?: string }> };
    const revision = meta.attributes.revision?.columnName ?? 'revision';
    // An atomic increment: two concurrent edits never share a revision.
    await trx(meta.tableName)
      .where('id', layerId)
      .update({ [revision]: trx.raw('COALESCE(??, 0) + 1', [revision]) });
    await strapi.db.query(LAYER_UID).update({ where: { id: layerId }, data: { updatedAt: new Date() } });
  }

  const editable = (layer: ResolvedLayer): number => {
    if (layer.storedId === undefined) throw new GisError(400, 'layer_read_only');
    return layer.storedId;
  };

  const service = {
    /** Without `limit`: every feature (the admin's editor and export). */
    async list(layer: ResolvedLayer, { bbox, limit, offset = 0 }: { bbox?: Bbox; limit?: number; offset?: number }): Promise<FeaturePage> {
      if (layer.provider) {
        const all = await layers().providerFeatures(layer.provider);
        const matched = bbox ? all.filter((f) => f.geometry && intersectsBbox(f.geometry, bbox)) : all;
        const features = matched.slice(offset, limit === undefined ? undefined : offset + limit);
        return { type: 'FeatureCollection', features, numberMatched: matched.length, numberReturned: features.length };
      }
      const c = featureColumns(strapi);
      const db = strapi.db.connection;
      const layerId = layer.storedId as number;
      if (!bbox) {
        const [{ n }] = await db(c.table).where(c.layerId, layerId).count<Array<{ n: number | string }>>({ n: '*' });
        const q = db(c.table).select('id', c.geometry, c.properties).where(c.layerId, layerId).orderBy('id').offset(offset);
        const rows = (await (limit === undefined ? q : q.limit(limit))) as Array<Record<string, unknown>>;
        const features = rows.map((r) => rowToFeature(c, r));
        return { type: 'FeatureCollection', features, numberMatched: Number(n), numberReturned: features.length };
      }
      // The index narrows to stored boxes touching the query box; a box wholly inside it is a match
      // without reading the geometry, the others get the exact test.
      const candidates = (await db(c.table)
        .select('id', c.minLon, c.minLat, c.maxLon, c.maxLat)
        .where(c.layerId, layerId)
        .andWhere(c.minLon, '<=', bbox[2])
        .andWhere(c.maxLon, '>=', bbox[0])
        .andWhere(c.minLat, '<=', bbox[3])
        .andWhere(c.maxLat, '>=', bbox[1])
        .orderBy('id')) as Array<Record<string, unknown>>;
      const sure = new Set<number>();
      const unsure: number[] = [];
      for (const r of candidates) {
        const own: Bbox = [Number(r[c.minLon]), Number(r[c.minLat]), Number(r[c.maxLon]), Number(r[c.maxLat])];
        if (boxContains(bbox, own)) sure.add(Number(r.id));
        else if (boxesIntersect(bbox, own)) unsure.push(Number(r.id));
      }
      const geometries = new Map<number, Record<string, unknown>>();
      for (const ids of chunks(unsure, BATCH)) {
        const rows = (await db(c.table).select('id', c.geometry, c.properties).whereIn('id', ids)) as Array<Record<string, unknown>>;
        for (const r of rows) if (intersectsBbox(json<Geometry>(r[c.geometry]), bbox)) geometries.set(Number(r.id), r);
      }
      const matched = candidates.map((r) => Number(r.id)).filter((id) => sure.has(id) || geometries.has(id));
      const page = matched.slice(offset, limit === undefined ? undefined : offset + limit);
      const need = page.filter((id) => !geometries.has(id));
      for (const ids of chunks(need, BATCH)) {
        const rows = (await db(c.table).select('id', c.geometry, c.properties).whereIn('id', ids)) as Array<Record<string, unknown>>;
        for (const r of rows) geometries.set(Number(r.id), r);
      }
      const features = page.map((id) => rowToFeature(c, geometries.get(id) as Record<string, unknown>));
      return { type: 'FeatureCollection', features, numberMatched: matched.length, numberReturned: features.length };
    },

    async findOne(layer: ResolvedLayer, id: number): Promise<GeoFeature> {
      const c = featureColumns(strapi);
      const row = (await strapi.db.connection(c.table).select('id', c.geometry, c.properties).where({ id, [c.layerId]: layer.storedId ?? -1 }).first()) as Record<string, unknown> | undefined;
      if (!row) throw new GisError(404, 'feature_not_found');
      return rowToFeature(c, row);
    },

    async create(layer: ResolvedLayer, input: { geometry?: unknown; properties?: unknown }): Promise<GeoFeature> {
      const layerId = editable(layer);
      const { geometry, properties, errors } = checkFeature(layer.summary, input);
      if (errors.length || !geometry) throw invalidFields(errors);
      return strapi.db.transaction(async ({ trx }: TransactionArgs) => {
        const row = (await strapi.db.query(FEATURE_UID).create({ data: { layerId, geometry, properties, ...boxColumns(geometry) } })) as { id: number };
        await bump(trx, layerId);
        return { type: 'Feature', id: row.id, geometry, properties: properties ?? {} } satisfies GeoFeature;
      });
    },

    async update(layer: ResolvedLayer, id: number, input: { geometry?: unknown; properties?: unknown }): Promise<GeoFeature> {
      const layerId = editable(layer);
      const before = await service.findOne(layer, id);
      const { geometry, properties, errors } = checkFeature(layer.summary, input, { partial: true });
      if (errors.length) throw invalidFields(errors);
      const data: Record<string, unknown> = {};
      if (geometry) Object.assign(data, { geometry }, boxColumns(geometry));
      if (properties) data.properties = properties;
      return strapi.db.transaction(async ({ trx }: TransactionArgs) => {
        if (Object.keys(data).length) await strapi.db.query(FEATURE_UID).update({ where: { id }, data });
        await bump(trx, layerId);
        return { type: 'Feature', id, geometry: geometry ?? before.geometry, properties: properties ?? before.properties } satisfies GeoFeature;
      });
    },

    async remove(layer: ResolvedLayer, id: number): Promise<GeoFeature> {
      const layerId = editable(layer);
      const before = await service.findOne(layer, id);
      await strapi.db.transaction(async ({ trx }: TransactionArgs) => {
        await strapi.db.query(FEATURE_UID).delete({ where: { id } });
        await bump(trx, layerId);
      });
      return before;
    },

    /** Stores checked features all or nothing: one transaction, inserted in batches with a pause between them. */
    async insertMany(layer: ResolvedLayer, features: Array<{ geometry: Geometry; properties: Record<string, unknown> }>): Promise<number> {
      const layerId = editable(layer);
      if (!features.length) return 0;
      await strapi.db.transaction(async ({ trx }: TransactionArgs) => {
        for (const batch of chunks(features, BATCH)) {
          await strapi.db.query(FEATURE_UID).createMany({ data: batch.map((f) => ({ layerId, geometry: f.geometry, properties: f.properties, ...boxColumns(f.geometry) })) });
          await yieldLoop();
        }
        await bump(trx, layerId);
      });
      return features.length;
    },
  };
  return service satisfies GisFeaturesService;
};
