/**
 * The complaint form's map, built as its own bundle (see website/build.js) so that only pages with
 * a map download Leaflet. Works without tiles (no network, blocked tiles): a click still sets the pin.
 */
import L, { type LatLng, type Layer } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { GeoLayerSpec, MapApi, MapMarker, MapOptions } from './map-api';

// A CSS pin instead of Leaflet's image icon: nothing to download, and no icon path to resolve.
const pinIcon = L.divIcon({ className: 'map-pin', html: '', iconSize: [30, 34], iconAnchor: [15, 32] });

function create(el: HTMLElement, o: MapOptions) {
  const map = L.map(el, { zoomControl: false, keyboard: true }).setView([o.lat, o.lng], o.zoom);
  L.control.zoom({ zoomInTitle: o.labels.zoomIn, zoomOutTitle: o.labels.zoomOut }).addTo(map);
  L.tileLayer(o.tiles.tileUrl, { maxZoom: 19, attribution: o.tiles.attribution }).addTo(map);

  let pin: ReturnType<typeof L.marker> | null = null;
  const geoLayers: Array<ReturnType<typeof L.geoJSON>> = [];
  let here: ReturnType<typeof L.circleMarker> | null = null;
  let hereRing: ReturnType<typeof L.circle> | null = null;
  const markers = L.layerGroup().addTo(map);
  const pick = o.onPick;
  if (pick) {
    map.on('click', (e) => {
      const p = e.latlng.wrap();
      pick(p.lat, p.lng);
    });
    // Keyboard users pan with the arrow keys (Leaflet's own) and drop the pin at the centre with Enter.
    el.addEventListener('keydown', (e) => {
      if (e.target !== el || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      const c = map.getCenter().wrap();
      pick(c.lat, c.lng);
    });
  }

  return {
    setMarkers(list: MapMarker[], fit = false) {
      markers.clearLayers();
      for (const m of list) {
        // Decoration only: the page lists the same points as text, with links, for every reader.
        const icon = L.divIcon({ className: `map-dot map-dot--${m.tone}`, html: '', iconSize: [22, 22], iconAnchor: [11, 11] });
        L.marker([m.lat, m.lng], { icon, title: m.title, keyboard: false }).addTo(markers);
      }
      if (fit && list.length) map.fitBounds(L.latLngBounds(list.map((m) => [m.lat, m.lng] as [number, number])), { padding: [24, 24], maxZoom: 17 });
    },
    showGeoJson(geojson: unknown, tone: string) {
      const layer = L.geoJSON(geojson as object, {
        // The same dots as the pole map: decoration, the page offers the data as text and files.
        pointToLayer: (_feature: unknown, at: LatLng) =>
          L.marker(at, { icon: L.divIcon({ className: `map-dot map-dot--${tone}`, html: '', iconSize: [18, 18], iconAnchor: [9, 9] }), keyboard: false, interactive: false }),
        style: () => ({ color: '#0b5d3b', weight: 3, opacity: 0.9, fillOpacity: 0.15 }),
        interactive: false,
      }).addTo(markers);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
      return layer.getLayers().length;
    },
    setPin(point: { lat: number; lng: number } | null) {
      if (!point) {
        pin?.remove();
        pin = null;
      } else if (pin) pin.setLatLng([point.lat, point.lng]);
      // Not interactive: the map itself takes the clicks and the keyboard, the pin only shows the point.
      else pin = L.marker([point.lat, point.lng], { icon: pinIcon, interactive: false, keyboard: false }).addTo(map);
    },
    moveTo(lat: number, lng: number, zoom?: number) {
      map.setView([lat, lng], zoom ?? map.getZoom());
    },
    addGeoLayer(spec: GeoLayerSpec) {
      const { style } = spec;
      const byId = new Map<string, Layer>();
      const layer = L.geoJSON(spec.geojson as object, {
        // Points as circles in the layer's colour: SVG, so nothing to download and any colour works.
        pointToLayer: (_feature: unknown, at: LatLng) => L.circleMarker(at, { radius: 8 }),
        // Leaflet styles points too: a point is a dot in the layer's colour with a white ring.
        style: (feature) =>
          /Point/.test(feature?.geometry?.type ?? '')
            ? { color: '#ffffff', weight: 2, opacity: 1, fillColor: style.color, fillOpacity: 0.95 }
            : { color: style.color, weight: style.lineWidth, opacity: 0.9, fillColor: style.fillColor, fillOpacity: style.fillOpacity },
        onEachFeature: (feature, l) => {
          if (feature.id !== undefined) byId.set(String(feature.id), l);
          l.bindPopup(() => spec.popup(feature), { maxWidth: 280 });
        },
      }).addTo(map);
      geoLayers.push(layer);
      return {
        count: layer.getLayers().length,
        setVisible(visible: boolean) {
          if (visible && !map.hasLayer(layer)) map.addLayer(layer);
          if (!visible && map.hasLayer(layer)) map.removeLayer(layer);
        },
        focus(featureId: string | number) {
          const target = byId.get(String(featureId));
          if (!target) return false;
          if (!map.hasLayer(layer)) map.addLayer(layer);
          const bounds = target.getBounds?.();
          const at = target.getLatLng?.();
          if (bounds?.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
          else if (at) map.setView([at.lat, at.lng], Math.max(map.getZoom(), 17));
          target.openPopup();
          return true;
        },
      };
    },
    fitAll() {
      let all: ReturnType<typeof L.latLngBounds> | null = null;
      for (const l of geoLayers) {
        if (!map.hasLayer(l)) continue;
        const b = l.getBounds();
        if (!b.isValid()) continue;
        all = all ? all.extend(b) : L.latLngBounds([]).extend(b);
      }
      if (all?.isValid()) map.fitBounds(all, { padding: [16, 16], maxZoom: 17 });
    },
    showLocation(lat: number, lng: number, accuracyMetres: number, title: string) {
      here?.remove();
      hereRing?.remove();
      hereRing = L.circle([lat, lng], { radius: Math.max(accuracyMetres, 5), color: '#1c5fb8', weight: 1, fillOpacity: 0.12, interactive: false }).addTo(map);
      here = L.circleMarker([lat, lng], { radius: 7, color: '#ffffff', weight: 3, fillColor: '#1c5fb8', fillOpacity: 1, title }).addTo(map);
      map.setView([lat, lng], Math.max(map.getZoom(), 16));
    },
    destroy() {
      map.remove();
    },
  };
}

const api: MapApi = { create };
window.nokokMap = api;
