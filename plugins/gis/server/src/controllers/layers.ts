import fs from 'fs/promises';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { GeoFeature, ResolvedLayer } from '../public';
import type { GisConfig } from '../config';
import type { exportQuery, featureBody, featurePatch, importBody, listQuery } from '../inputs';
import { routeInput } from '../inputs';
import { FormatError, formatMessage, parseGeoFile, toCsv, toKml, type Rejected } from '../io';
import { GisError, officerLanguage, toStrapiError, words, WORDS, type Language } from '../messages';
import { checkFeature } from '../services/features';
import { gis } from '../services';

/** A file of a multipart request, as Strapi's body parser (formidable) hands it over. */
interface UploadedFile {
  size: number;
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
}

/** How many features an import preview shows on the map (the whole file is still checked). */
const PREVIEW_MAX = 2000;

/** Runs a handler; the plugin's refusals answer in the officer's language. */
const handle =
  (fn: (ctx: Context, lang: Language) => Promise<void>) =>
  async (ctx: Context): Promise<void> => {
    const lang = officerLanguage(ctx);
    try {
      await fn(ctx, lang);
    } catch (e) {
      if (e instanceof GisError) throw toStrapiError(e, lang);
      if (e instanceof FormatError) throw toStrapiError(new GisError(400, 'invalid_request', [{ path: ['file'], code: e.code }]), lang, formatMessage(e.code, lang));
      throw e;
    }
  };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { layers, features } = gis(strapi);

  const layerOf = async (ctx: Context): Promise<ResolvedLayer> => {
    const { params } = routeInput(ctx);
    const layer = await layers().find(params.slug, { publicOnly: false });
    if (!layer) throw new GisError(404, 'layer_not_found');
    return layer;
  };

  return {
    /** GET /gis/settings: the map tiles (the same as every other map of the app). */
    settings(ctx: Context) {
      ctx.body = { data: strapi.plugin('gis').config<GisConfig['map'] | undefined>('map') ?? null };
    },

    layers: handle(async (ctx) => {
      ctx.body = { data: await layers().summaries({ publicOnly: false }) };
    }),

    features: handle(async (ctx) => {
      const layer = await layerOf(ctx);
      const { query } = routeInput<undefined, z.output<typeof listQuery>>(ctx);
      const page = await features().list(layer, { limit: query.limit });
      ctx.body = page;
    }),

    create: handle(async (ctx) => {
      const layer = await layerOf(ctx);
      const { body } = routeInput<z.output<typeof featureBody>>(ctx);
      ctx.status = 201;
      ctx.body = { data: await features().create(layer, body) };
    }),

    update: handle(async (ctx) => {
      const layer = await layerOf(ctx);
      const { params, body } = routeInput<z.output<typeof featurePatch>>(ctx);
      ctx.body = { data: await features().update(layer, params.id as number, body) };
    }),

    remove: handle(async (ctx) => {
      const layer = await layerOf(ctx);
      const { params } = routeInput(ctx);
      ctx.body = { data: await features().remove(layer, params.id as number) };
    }),

    /** POST /gis/layers/:slug/import (multipart `file`, `crs`, `commit`): a preview, or with commit=true every accepted feature stored at once. */
    import: handle(async (ctx, lang) => {
      const layer = await layerOf(ctx);
      if (!layer.summary.editable) throw new GisError(400, 'layer_read_only');
      const { body } = routeInput<z.output<typeof importBody>>(ctx);
      const raw = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[] | undefined> }).files?.file;
      const files = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean);
      if (files.length !== 1) throw new GisError(400, 'invalid_request', [{ path: ['file'], code: files.length ? 'too_many' : 'required' }]);
      const file = files[0];
      const bytes = await fs.readFile((file.filepath ?? file.path) as string);
      const parsed = parseGeoFile(bytes, file.originalFilename ?? file.name ?? 'upload', body.crs);
      const rejected: Array<Rejected & { message: string }> = parsed.rejected.map((r) => ({ ...r, message: formatMessage(r.code, lang) }));
      const accepted: Array<{ geometry: GeoFeature['geometry']; properties: Record<string, unknown> }> = [];
      // The file's own numbering: the parser's rejects keep theirs, the features it passed fill the gaps in order.
      const parserRejected = new Set(parsed.rejected.map((r) => r.index));
      let next = 0;
      const fileIndex = parsed.features.map(() => {
        while (parserRejected.has(next)) next++;
        return next++;
      });
      parsed.features.forEach((f, i) => {
        const index = fileIndex[i];
        // A file's extra columns are dropped; what the schema asks for must fit it.
        const checked = checkFeature(layer.summary, f, { dropUnknown: true });
        if (checked.errors.length || !checked.geometry) {
          const code = checked.errors.find((e) => e.path[0] === 'geometry')?.code ?? 'invalid_attribute';
          const name = typeof f.properties?.name === 'string' ? f.properties.name : undefined;
          rejected.push({ index, ...(name ? { name } : {}), code, message: code in WORDS ? words(code)[lang] : formatMessage(code, lang) });
        } else accepted.push({ geometry: checked.geometry, properties: checked.properties ?? {} });
      });
      rejected.sort((a, b) => a.index - b.index);
      const imported = body.commit ? await features().insertMany(layer, accepted) : 0;
      ctx.body = {
        data: {
          format: parsed.format,
          crs: parsed.crs,
          featureCount: accepted.length,
          preview: {
            type: 'FeatureCollection',
            features: accepted.slice(0, PREVIEW_MAX).map((f, i) => ({ type: 'Feature', id: i + 1, geometry: f.geometry, properties: f.properties })),
          },
          rejected,
          imported,
        },
      };
    }),

    /** GET /gis/layers/:slug/export?format=geojson|kml|csv: the whole layer as a file. */
    export: handle(async (ctx) => {
      const layer = await layerOf(ctx);
      const { query } = routeInput<undefined, z.output<typeof exportQuery>>(ctx);
      const page = await features().list(layer, {});
      const name = layer.summary.slug;
      if (query.format === 'kml') {
        ctx.body = toKml(layer.summary.nameTh, page.features);
        ctx.type = 'application/vnd.google-earth.kml+xml; charset=utf-8';
      } else if (query.format === 'csv') {
        ctx.body = toCsv(page.features, layer.summary.attributes);
        ctx.type = 'text/csv; charset=utf-8';
      } else {
        ctx.body = JSON.stringify({ type: 'FeatureCollection', features: page.features });
        ctx.type = 'application/geo+json; charset=utf-8';
      }
      ctx.attachment(`${name}.${query.format === 'geojson' ? 'geojson' : query.format}`);
    }),
  };
};
