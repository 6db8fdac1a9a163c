import { render } from 'preact';
import { useState } from 'preact/hooks';
import { lang, t } from '../i18n';
import { islandContext, pageData } from '../island';
import { loadMap } from '../load-map';
import type { GeoLayerHandle, MapHandle } from '../map-api';
import { Swatch, colour, featuresUrl, layerName, type MapData, type MapLayer } from '../pages/Map';

/**
 * The town map (/map): every public layer drawn from GET /api/gis/layers/:slug/features, with a
 * switcher (checkboxes that are also the legend), popups listing each feature's attributes by their
 * labels, "my location", and a search over the features' names and attributes that zooms to a hit.
 * The page already lists the layers and their GeoJSON for readers without script.
 */
const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02 };
const MAX_RESULTS = 20;

interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: unknown;
  properties?: Record<string, unknown> | null;
}

interface Loaded {
  layer: MapLayer;
  handle: GeoLayerHandle;
  features: Array<Feature & { id: string | number }>;
}

interface Hit {
  slug: string;
  id: string | number;
  label: string;
  layerName: string;
}

const attrLabel = (a: MapLayer['attributes'][number]) => (lang === 'en' && a.labelEn ? a.labelEn : a.labelTh || a.name);

function valueText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? t('map.yes') : t('map.no');
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return null;
}

/** A feature's popup as DOM (text nodes only: whatever a staffer typed is shown, never run). */
function popupOf(layer: MapLayer, feature: { properties?: Record<string, unknown> | null }): HTMLElement {
  const box = document.createElement('div');
  box.className = 'gis-popup';
  const title = document.createElement('strong');
  title.textContent = layerName(layer);
  box.append(title);
  const list = document.createElement('dl');
  const props = feature.properties ?? {};
  const known = new Set(layer.attributes.map((a) => a.name));
  const rows: Array<[string, string]> = [];
  for (const a of layer.attributes) {
    const text = valueText(props[a.name]);
    if (text !== null) rows.push([attrLabel(a), text]);
  }
  // A property the schema does not name (a dataset's file) still shows, under its own name.
  for (const [k, v] of Object.entries(props)) {
    const text = known.has(k) ? null : valueText(v);
    if (text !== null) rows.push([k, text]);
  }
  for (const [label, text] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = text;
    list.append(dt, dd);
  }
  box.append(list);
  return box;
}

/** What names a feature in search results: its `name` (or first text attribute), else the layer's name. */
function featureLabel(layer: MapLayer, f: Feature): string {
  const props = f.properties ?? {};
  const first = ['name', 'code', ...layer.attributes.map((a) => a.name)].map((k) => valueText(props[k])).find((v) => v !== null);
  return first ?? layerName(layer);
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('th');

function search(loaded: Loaded[], query: string): Hit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: Hit[] = [];
  for (const { layer, features } of loaded) {
    for (const f of features) {
      const texts = Object.values(f.properties ?? {})
        .map(valueText)
        .filter((v): v is string => v !== null);
      if (texts.some((v) => fold(v).includes(q))) hits.push({ slug: layer.slug, id: f.id, label: featureLabel(layer, f), layerName: layerName(layer) });
      if (hits.length >= MAX_RESULTS) return hits;
    }
  }
  return hits;
}

function Controls({ layers, map, loaded }: { layers: MapLayer[]; map: MapHandle; loaded: Map<string, Loaded> }) {
  const [shown, setShown] = useState<Record<string, boolean>>(() => Object.fromEntries(layers.map((l) => [l.slug, true])));
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [status, setStatus] = useState('');

  const toggle = (slug: string, on: boolean) => {
    loaded.get(slug)?.handle.setVisible(on);
    setShown({ ...shown, [slug]: on });
  };
  const focus = (hit: Hit) => {
    if (loaded.get(hit.slug)?.handle.focus(hit.id)) setShown((s) => ({ ...s, [hit.slug]: true }));
  };
  const onSearch = (e: Event) => {
    e.preventDefault();
    const found = search([...loaded.values()], query);
    setHits(found);
    setStatus(found.length ? t('map.results', { n: found.length }) : t('map.noResults', { q: query.trim() }));
    if (found.length) focus(found[0]);
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return setStatus(t('map.locateUnsupported'));
    setStatus(t('map.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        map.showLocation(pos.coords.latitude, pos.coords.longitude, pos.coords.accuracy, t('map.youAreHere'));
        setStatus(t('map.youAreHere'));
      },
      () => setStatus(t('map.locateFailed')),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  };

  return (
    <>
      <form class="gis-search" role="search" onSubmit={onSearch}>
        <label for="gis-q">{t('map.search')}</label>
        <div class="gis-search-row">
          <input id="gis-q" type="search" value={query} placeholder={t('map.searchHint')} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} maxLength={100} />
          <button type="submit" class="primary">
            {t('map.searchButton')}
          </button>
        </div>
      </form>
      {hits && hits.length > 0 ? (
        <ul class="gis-hits">
          {hits.map((h) => (
            <li>
              <button type="button" class="gis-hit" onClick={() => focus(h)}>
                {h.label}
              </button>{' '}
              <span class="meta">{h.layerName}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset class="gis-switcher">
        <legend>{t('map.switcher')}</legend>
        {layers.map((l) => (
          <label class="gis-toggle">
            <input type="checkbox" name="layer" value={l.slug} checked={shown[l.slug]} onChange={(e) => toggle(l.slug, (e.target as HTMLInputElement).checked)} />
            <Swatch layer={l} />
            <span>{layerName(l)}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" class="secondary gis-locate" onClick={locate}>
        {t('map.locate')}
      </button>
      <p class="gis-status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}

async function features(slug: string): Promise<Feature[]> {
  const res = await fetch(`${featuresUrl(slug)}?limit=5000`, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { features?: Feature[] };
  return body.features ?? [];
}

const data = pageData<MapData>();
const el = document.getElementById('gis-map');
const controls = document.getElementById('gis-controls');
if (data && el && controls) {
  loadMap()
    .then(async (api) => {
      const m = islandContext.municipality();
      const centre = m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE;
      el.textContent = '';
      const map = api.create(el, { lat: centre.lat, lng: centre.lng, zoom: 14, tiles: islandContext.mapTiles(), labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') } });
      const loaded = new Map<string, Loaded>();
      const failed: string[] = [];
      // All layers at once; drawn in the list's order, so the first layers lie underneath.
      const collections = await Promise.all(data.layers.map((l) => features(l.slug).catch(() => null)));
      data.layers.forEach((layer, i) => {
        const list = collections[i];
        if (!list) return void failed.push(layerName(layer));
        const withIds = list.map((f, n) => ({ ...f, id: f.id ?? `n${n}` }));
        const style = { color: colour(layer.style.color), lineWidth: layer.style.lineWidth, fillColor: colour(layer.style.fillColor), fillOpacity: layer.style.fillOpacity };
        const handle = map.addGeoLayer({ geojson: { type: 'FeatureCollection', features: withIds }, style, popup: (f) => popupOf(layer, f) });
        loaded.set(layer.slug, { layer, handle, features: withIds });
      });
      map.fitAll();
      render(<Controls layers={data.layers.filter((l) => loaded.has(l.slug))} map={map} loaded={loaded} />, controls);
      el.dataset.ready = 'true';
      if (failed.length) {
        const note = document.createElement('p');
        note.className = 'map-note';
        note.textContent = failed.map((name) => t('map.loadFailed', { name })).join(' · ');
        controls.append(note);
      }
    })
    .catch(() => {
      el.textContent = '';
      render(<p class="map-note">{t('map.mapFailed')}</p>, el);
    });
}
