import type { Core } from '@strapi/strapi';
import type { AttributeDef, GeoFeature, LayerKind, ResolvedLayer } from '../../../../plugins/gis/server/src/public';
import type { FeaturesService, LayersService } from '../../../../plugins/gis/server/src/services';

/** The plugin's services, as its admin controller reaches them. */
export const gisOf = (strapi: Core.Strapi) => ({
  layers: strapi.plugin('gis').service<LayersService>('layers'),
  features: strapi.plugin('gis').service<FeaturesService>('features'),
});

let n = 0;
/** A stored layer (public unless told), found again through the plugin. */
export async function createLayer(
  strapi: Core.Strapi,
  data: { slug?: string; nameTh?: string; kind?: LayerKind; isPublic?: boolean; attributes?: AttributeDef[]; displayOrder?: number } = {}
): Promise<ResolvedLayer> {
  const slug = data.slug ?? `layer-${Date.now().toString(36)}-${++n}`;
  await strapi.documents('plugin::gis.layer').create({
    data: { nameTh: `ชั้น ${slug}`, nameEn: `Layer ${slug}`, kind: 'mixed', isPublic: true, ...data, attributes: (data.attributes ?? []).map((a) => ({ ...a })), slug },
  });
  return (await gisOf(strapi).layers.find(slug, { publicOnly: false })) as ResolvedLayer;
}

/** Adds features through the service (each write bumps the layer's revision). */
export async function addFeatures(strapi: Core.Strapi, slug: string, list: Array<Pick<GeoFeature, 'geometry'> & { properties?: Record<string, unknown> }>): Promise<GeoFeature[]> {
  const out: GeoFeature[] = [];
  for (const f of list) {
    const layer = (await gisOf(strapi).layers.find(slug, { publicOnly: false })) as ResolvedLayer;
    out.push(await gisOf(strapi).features.create(layer, { geometry: f.geometry, properties: f.properties ?? {} }));
  }
  return out;
}
