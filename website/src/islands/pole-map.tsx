import { render } from 'preact';
import { t } from '../i18n';
import { islandContext, pageData } from '../island';
import { loadMap } from '../load-map';
import type { MapMarker } from '../map-api';
import { poleStatusLabel, poleTone, type Pole, type PolesData } from '../pages/Poles';

/**
 * The loudspeaker poles' maps, drawn in the boxes the server reserved (so nothing moves): on /poles
 * every pole coloured by status, on /p/:code the pole itself. Maps only show: the markers say where,
 * and the page lists the same in text.
 */
const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02 };

function showMap(el: HTMLElement, markers: MapMarker[], zoom: number): void {
  loadMap()
    .then((api) => {
      const m = islandContext.municipality();
      const centre = markers.length === 1 ? markers[0] : m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE;
      el.textContent = '';
      const map = api.create(el, { lat: centre.lat, lng: centre.lng, zoom, tiles: islandContext.mapTiles(), labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') } });
      map.setMarkers(markers, markers.length > 1);
    })
    .catch(() => {
      el.textContent = '';
      render(<p class="map-note">{t('poles.mapFailed')}</p>, el);
    });
}

const data = pageData<PolesData | Pole>();
const all = document.getElementById('poles-map');
const one = document.getElementById('pole-map');
if (data && all && 'poles' in data) {
  const markers = data.poles.flatMap((p) => (p.location ? [{ lat: p.location.lat, lng: p.location.lng, title: `${p.code} ${p.name}: ${poleStatusLabel(p.status)}`, tone: poleTone(p.status) }] : []));
  showMap(all, markers, 14);
} else if (data && one && 'code' in data && data.location) {
  showMap(one, [{ ...data.location, title: `${data.code} ${data.name}`, tone: poleTone(data.status) }], 16);
}
