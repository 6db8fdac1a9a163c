import type { Core } from '@strapi/strapi';
import type { AdminLayerSummary, Bbox, GeoFeature, GisLayersService, LayerKind, LayerProvider, ResolvedLayer } from '../public';
import { attributeDefs } from '../attributes';
import { bboxOf, unionBbox } from '../geo/bbox';
import { featureColumns } from './columns';

export const LAYER_UID = 'plugin::gis.layer';

/** A stored layer row, as the query engine returns it. */
export interface LayerRow {
  id: number;
  documentId: string | null;
  slug: string;
  nameTh: string;
  nameEn: string | null;
  description: string | null;
  kind: LayerKind;
  color: string | null;
  lineWidth: number | null;
  fillColor: string | null;
  fillOpacity: number | string | null;
  icon: string | null;
  isPublic: boolean | number | null;
  displayOrder: number | null;
  attributes: unknown;
  revision: number | null;
  updatedAt: string | number | Date | null;
}

const toDate = (v: LayerRow['updatedAt']): Date => {
  const d = v == null ? new Date(0) : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
};

/** A provider's features and what is derived from them, kept while its version stays the same. */
interface ProviderCache {
  version: string;
  features: GeoFeature[];
  bbox: Bbox | null;
  at: Date;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const providers = new Map<string, LayerProvider>();
  const cache = new Map<string, ProviderCache>();

  /** A provider's current features (fetched again only when its version changed). */
  async function providerState(p: LayerProvider): Promise<ProviderCache> {
    const version = await p.version();
    const hit = cache.get(p.slug);
    if (hit && hit.version === version) return hit;
    const features = await p.features();
    const bbox = features.reduce<Bbox | null>((acc, f) => unionBbox(acc, f.geometry ? bboxOf(f.geometry) : null), null);
    const state = { version, features, bbox, at: new Date() };
    cache.set(p.slug, state);
    return state;
  }

  /** featureCount and bbox of every stored layer, in one grouped query on the stored boxes. */
  async function storedStats(layerId?: number): Promise<Map<number, { count: number; bbox: Bbox | null }>> {
    const c = featureColumns(strapi);
    const rows: Array<Record<string, unknown>> = await strapi.db
      .connection(c.table)
      .modify((q) => {
        if (layerId !== undefined) void q.where(c.layerId, layerId);
      })
      .select(c.layerId)
      .count({ n: '*' })
      .min({ a: c.minLon })
      .min({ b: c.minLat })
      .max({ x: c.maxLon })
      .max({ y: c.maxLat })
      .groupBy(c.layerId);
    return new Map(
      rows.map((r) => {
        const box = [r.a, r.b, r.x, r.y].map((v) => (v == null ? NaN : Number(v))) as Bbox;
        return [Number(r[c.layerId]), { count: Number(r.n), bbox: box.every(Number.isFinite) ? box : null }];
      })
    );
  }

  const storedSummary = (row: LayerRow, stats?: { count: number; bbox: Bbox | null }): AdminLayerSummary => ({
    id: row.id,
    documentId: row.documentId ?? null,
    slug: row.slug,
    nameTh: row.nameTh,
    nameEn: row.nameEn ?? '',
    description: row.description || null,
    kind: row.kind ?? 'mixed',
    style: {
      color: row.color ?? '#0b5d3b',
      lineWidth: Number(row.lineWidth ?? 3),
      fillColor: row.fillColor ?? '#0b5d3b',
      fillOpacity: Number(row.fillOpacity ?? 0.2),
      icon: row.icon ?? 'dot',
    },
    featureCount: stats?.count ?? 0,
    bbox: stats?.bbox ?? null,
    attributes: attributeDefs(row.attributes),
    editable: true,
    updatedAt: toDate(row.updatedAt).toISOString(),
    isPublic: Boolean(row.isPublic),
    displayOrder: Number(row.displayOrder ?? 0),
  });

  const providerSummary = (p: LayerProvider, state: ProviderCache): AdminLayerSummary => ({
    id: 0,
    documentId: null,
    slug: p.slug,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    description: p.description ?? null,
    kind: p.kind,
    style: { ...p.style },
    featureCount: state.features.length,
    bbox: state.bbox,
    attributes: p.attributes,
    editable: false,
    updatedAt: state.at.toISOString(),
    isPublic: p.isPublic,
    displayOrder: p.displayOrder,
  });

  const byOrder = (a: AdminLayerSummary, b: AdminLayerSummary) => a.displayOrder - b.displayOrder || a.nameTh.localeCompare(b.nameTh, 'th');

  const service = {
    /** The app offers a read-only layer (poles, complaints, datasets); slugs are unique across stored layers and providers. */
    registerProvider(p: LayerProvider) {
      if (providers.has(p.slug)) throw new Error(`gis: a layer provider named ${p.slug} is already registered`);
      providers.set(p.slug, p);
    },

    providers: (): LayerProvider[] => [...providers.values()],

    async storedRows(where: Record<string, unknown> = {}): Promise<LayerRow[]> {
      return (await strapi.db.query(LAYER_UID).findMany({ where, orderBy: { id: 'asc' } })) as LayerRow[];
    },

    async summaries({ publicOnly }: { publicOnly: boolean }): Promise<AdminLayerSummary[]> {
      const [rows, stats] = await Promise.all([service.storedRows(publicOnly ? { isPublic: true } : {}), storedStats()]);
      // A stored layer wins over a provider of the same slug: providers never shadow staff data.
      const stored = new Set(rows.map((r) => r.slug));
      const offered = await Promise.all(
        service
          .providers()
          .filter((p) => !stored.has(p.slug) && (!publicOnly || p.isPublic))
          .map(async (p) => providerSummary(p, await providerState(p)))
      );
      return [...rows.map((r) => storedSummary(r, stats.get(r.id))), ...offered].sort(byOrder);
    },

    async find(slug: string, { publicOnly, stats: withStats = true }: { publicOnly: boolean; stats?: boolean }): Promise<ResolvedLayer | null> {
      const [row] = await service.storedRows({ slug });
      if (row) {
        if (publicOnly && !row.isPublic) return null;
        // Counting and boxing the layer reads all of its rows: only when the caller shows them.
        const stats = withStats ? (await storedStats(row.id)).get(row.id) : undefined;
        return { summary: storedSummary(row, stats), version: `${row.id}.${row.revision ?? 0}`, modifiedAt: toDate(row.updatedAt), storedId: row.id };
      }
      const p = providers.get(slug);
      if (!p || (publicOnly && !p.isPublic)) return null;
      const state = await providerState(p);
      return { summary: providerSummary(p, state), version: `p.${state.version}`, modifiedAt: state.at, provider: p };
    },

    /** A provider's features (cached by version). */
    async providerFeatures(p: LayerProvider): Promise<GeoFeature[]> {
      return (await providerState(p)).features;
    },
  };
  return service satisfies GisLayersService;
};
