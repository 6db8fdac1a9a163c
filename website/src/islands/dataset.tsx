import { hydrate, render } from 'preact';
import { api } from '../api';
import { t } from '../i18n';
import { islandContext, pageData } from '../island';
import { loadMap } from '../load-map';
import { TablePreview, type ReadPage } from '../components/TablePreview';
import type { CkanAnswer, DatastorePage } from '../open-data';
import type { DatasetData } from '../pages/Dataset';

/**
 * The dataset page's island: each table preview reads its other pages and orders in place
 * (datastore_search), each GeoJSON resource is drawn on a map in the box the server reserved, and the
 * integrator's calls get a copy button. Without it the page still reads, sorts and pages by links.
 */
const data = pageData<DatasetData>();
const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02 };

const read: ReadPage = (params) => api<CkanAnswer<DatastorePage>>('3/action/datastore_search', params);

if (data) {
  const path = `/data/${encodeURIComponent(data.dataset.name)}`;
  for (const r of data.dataset.resources ?? []) {
    const box = document.querySelector<HTMLElement>(`[data-preview="${CSS.escape(r.id)}"]`);
    const initial = data.previews[r.id];
    if (box && initial) hydrate(<TablePreview resourceId={r.id} name={r.name || r.format || t('data.resource')} datasetPath={path} initial={initial} read={read} />, box);
  }
}

// Maps: the layer's GeoJSON (same site) on the town's tiles.
for (const box of document.querySelectorAll<HTMLElement>('[data-geo]')) {
  const url = box.dataset.geo ?? '';
  const failed = () => {
    box.textContent = '';
    render(<p class="map-note">{t('data.map.failed')}</p>, box);
  };
  Promise.all([loadMap(), fetch(url, { headers: { Accept: 'application/geo+json, application/json' } }).then((res) => (res.ok ? (res.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${res.status}`))))])
    .then(([mapApi, geojson]) => {
      const m = islandContext.municipality();
      const centre = m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE;
      box.textContent = '';
      const map = mapApi.create(box, { ...centre, zoom: 14, tiles: islandContext.mapTiles(), labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') } });
      const drawn = map.showGeoJson(geojson, 'data');
      box.dataset.features = String(drawn);
    })
    .catch(failed);
}

// Copy buttons: the call's text to the clipboard, and a word in the status line.
const status = document.getElementById('copy-status');
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', () => {
    const text = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
    navigator.clipboard
      .writeText(text)
      .then(() => status && (status.textContent = t('data.api.copied')))
      .catch(() => status && (status.textContent = t('data.api.copyFailed')));
  });
}
