import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { AttributeDef, Geometry, GeoFeature, GisLayersService, LayerKind, LayerProvider } from '../../../plugins/gis/server/src/public';
import { PUBLIC_VIEWER, type CatalogueService, type DatasetRecord, type ResourceRecord } from './services/catalogue';

const UID = 'api::dataset.dataset';
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** A GeoJSON file resource: by its file's extension or type, or the format staff gave it. */
export const isGeoJsonResource = (r: ResourceRecord) =>
  r.source === 'file' && Boolean(r.file) && (/\.geojson$/i.test(r.file!.ext ?? r.file!.name) || /geo\+json/i.test(r.file!.mime) || (r.format ?? '').toUpperCase() === 'GEOJSON');

/** The layer slug of a dataset (`dataset-<slug>`), within the plugin's 60 characters. */
export const datasetLayerSlug = (datasetSlug: string) => `dataset-${datasetSlug}`.slice(0, 60).replace(/-+$/, '');

function kindOf(features: GeoFeature[]): LayerKind {
  const kinds = new Set(features.map((f) => (/Point/.test(f.geometry.type) ? 'point' : /LineString/.test(f.geometry.type) ? 'line' : /Polygon/.test(f.geometry.type) ? 'polygon' : 'mixed')));
  return kinds.size === 1 ? ([...kinds][0]) : 'mixed';
}

/** The features of a dataset's public GeoJSON files; anything that is not a geometry is left out. */
async function readFeatures(catalogue: CatalogueService, dataset: DatasetRecord): Promise<GeoFeature[]> {
  const out: GeoFeature[] = [];
  for (const r of dataset.resources.filter(isGeoJsonResource)) {
    const file = catalogue.filePath(r.file!);
    if (!file) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.promises.readFile(file, 'utf8'));
    } catch {
      continue;
    }
    const list = (parsed as { type?: string; features?: unknown[] })?.type === 'FeatureCollection' ? ((parsed as { features?: unknown[] }).features ?? []) : [parsed];
    list.forEach((f, i) => {
      const feature = f as { type?: string; geometry?: { type?: string } | null; properties?: Record<string, unknown> | null };
      if (feature?.type !== 'Feature' || !feature.geometry || !GEOMETRY_TYPES.has(feature.geometry.type ?? '')) return;
      // Only flat values: a file's nested objects are not attributes a popup can show.
      const properties = Object.fromEntries(
        Object.entries(feature.properties ?? {}).filter(([k, v]) => /^[a-z][a-z0-9_]{0,39}$/i.test(k) && (v === null || ['string', 'number', 'boolean'].includes(typeof v)))
      );
      out.push({ type: 'Feature', id: `${r.key}-${i + 1}`, geometry: feature.geometry as Geometry, properties });
    });
  }
  return out;
}

/**
 * One read-only layer per published public dataset with a GeoJSON file resource (not restricted):
 * the catalogue decides what is public, so a dataset turned internal leaves the map at once.
 */
export function datasetLayers(strapi: Core.Strapi) {
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  const registered = new Map<string, string>(); // layer slug → dataset slug

  const current = async (datasetSlug: string): Promise<DatasetRecord | null> => {
    const d = await catalogue().get(datasetSlug, PUBLIC_VIEWER);
    return d && d.resources.some(isGeoJsonResource) ? d : null;
  };

  const provider = (d: DatasetRecord, features: GeoFeature[]): LayerProvider => {
    let live = true;
    const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
    const attributes: AttributeDef[] = keys.map((name) => ({ name: name.toLowerCase(), labelTh: name, labelEn: name, type: 'text' }));
    return {
      slug: datasetLayerSlug(d.slug),
      nameTh: d.titleTh,
      nameEn: d.titleEn ?? d.titleTh,
      description: d.descriptionTh.slice(0, 2000),
      kind: kindOf(features),
      style: { color: '#7c3aed', lineWidth: 2, fillColor: '#a78bfa', fillOpacity: 0.3, icon: 'dot' },
      attributes,
      displayOrder: 100,
      // A dataset unpublished or made internal since: the layer is no longer public.
      get isPublic() {
        return live;
      },
      async version() {
        const found = await current(d.slug);
        live = Boolean(found);
        return found ? `${new Date(found.updatedAt).getTime()}:${found.resources.filter(isGeoJsonResource).map((r) => r.file!.hash).join(',')}` : 'gone';
      },
      async features() {
        const found = await current(d.slug);
        live = Boolean(found);
        return found ? readFeatures(catalogue(), found) : [];
      },
    };
  };

  return {
    /** Registers a layer for every public GeoJSON dataset not registered yet; marks gone ones internal. */
    async refresh(): Promise<number> {
      const gis = strapi.plugin('gis')?.service<GisLayersService>('layers');
      if (!gis || typeof gis.registerProvider !== 'function') return 0;
      let added = 0;
      for (const d of await catalogue().list(PUBLIC_VIEWER)) {
        if (!d.resources.some(isGeoJsonResource)) continue;
        const slug = datasetLayerSlug(d.slug);
        if (registered.has(slug)) continue;
        registered.set(slug, d.slug);
        gis.registerProvider(provider(d, await readFeatures(catalogue(), d)));
        added += 1;
      }
      return added;
    },
  };
}

/** Keeps the dataset layers in step with the catalogue: once at start, then after every publish. */
export function registerDatasetLayers(strapi: Core.Strapi): { refresh(): Promise<number> } {
  const layers = datasetLayers(strapi);
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (ctx.uid === UID && ['publish', 'update', 'create'].includes(ctx.action)) {
      layers.refresh().catch((e: Error) => strapi.log.error(`[gis] dataset layers: ${e.message}`));
    }
    return result;
  });
  return layers;
}
