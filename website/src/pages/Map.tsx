import type { JSX } from 'preact';
import { lang, t, tDynamic } from '../i18n';
import type { Api } from './load';

/** A layer as GET /api/gis/layers answers it (the public ones only). */
export interface MapLayer {
  slug: string;
  nameTh: string;
  nameEn: string | null;
  description: string | null;
  kind: 'point' | 'line' | 'polygon' | 'mixed';
  style: { color: string; lineWidth: number; fillColor: string; fillOpacity: number; icon: string };
  featureCount: number;
  bbox: [number, number, number, number] | null;
  attributes: Array<{ name: string; labelTh: string; labelEn: string; type: string; options?: string[] }>;
  editable: boolean;
  updatedAt: string;
}

export interface MapData {
  layers: MapLayer[];
}

/** /map reads the public layer list; the island reads each layer's features. */
export async function loadMap(api: Api): Promise<MapData> {
  const res = await api<{ data: MapLayer[] | null }>('gis/layers', {});
  return { layers: res.data ?? [] };
}

export const layerName = (l: Pick<MapLayer, 'nameTh' | 'nameEn'>): string => (lang === 'en' && l.nameEn ? l.nameEn : l.nameTh);
export const featuresUrl = (slug: string): string => `/api/gis/layers/${encodeURIComponent(slug)}/features`;
const COLOUR = /^#[0-9a-fA-F]{6}$/;
/** Only a colour reaches an attribute: anything else is the site's green. */
export const colour = (c: string | null | undefined): string => (c && COLOUR.test(c) ? c : '#0b5d3b');

/** The layer's look in the legend: a dot, a stroke or a filled square in its own colours. */
export function Swatch({ layer }: { layer: MapLayer }): JSX.Element {
  const { style, kind } = layer;
  return (
    <svg class="swatch" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      {kind === 'point' ? (
        <circle cx="12" cy="12" r="7" fill={colour(style.color)} stroke="#fff" stroke-width="2" />
      ) : kind === 'line' ? (
        <path d="M2 18 L10 8 L15 14 L22 5" fill="none" stroke={colour(style.color)} stroke-width={Math.min(Math.max(style.lineWidth, 2), 6)} stroke-linecap="round" />
      ) : (
        <rect x="3" y="3" width="18" height="18" rx="2" fill={colour(style.fillColor)} fill-opacity={Math.max(style.fillOpacity, 0.25)} stroke={colour(style.color)} stroke-width="2" />
      )}
    </svg>
  );
}

/**
 * /map: every public layer of the town on one map (the gis-map island draws it, with a switcher,
 * search and locate-me), and the same layers as a list with their GeoJSON, which reads without script.
 */
export function MapPage({ data }: { data: MapData }): JSX.Element {
  const { layers } = data;
  return (
    <>
      <h1>{t('map.title')}</h1>
      <p>{t('map.intro')}</p>
      <div id="gis-controls" class="gis-controls"></div>
      <div id="gis-map" class="map map-tall" role="region" aria-label={t('map.mapLabel')}>
        <p class="map-note">{t('complaint.mapLoading')}</p>
        <noscript>
          <p class="map-note">{t('map.noScript')}</p>
        </noscript>
      </div>
      <h2 id="gis-layers-h">{t('map.layers')}</h2>
      {layers.length === 0 ? <p>{t('map.none')}</p> : null}
      <ul class="gis-layers" aria-labelledby="gis-layers-h">
        {layers.map((l) => (
          <li class="gis-layer" data-layer={l.slug}>
            <Swatch layer={l} />
            <div>
              <strong class="gis-layer-name">{layerName(l)}</strong>{' '}
              <span class="meta">
                {tDynamic(`map.kind.${l.kind}`)} · {t('map.features', { n: l.featureCount })}
              </span>
              {l.description ? <p class="gis-layer-desc">{l.description}</p> : null}
              <a href={featuresUrl(l.slug)} type="application/geo+json" aria-label={t('map.geojsonOf', { name: layerName(l) })}>
                {t('map.geojson')}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
