import * as React from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapTiles } from '../../../shared/map-tiles';
import { TONES, type Pole } from './api';

/** Every pole as a dot coloured by status (on the configured tiles); the table beside it says the same in words. */
const PoleMap = ({ poles, tiles, label, statusLabel }: { poles: Pole[]; tiles: MapTiles | null; label: string; statusLabel: (s: Pole['status']) => string }) => {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const placed = poles.filter((p) => p.location);
    if (!ref.current || !placed.length) return undefined;
    const map = L.map(ref.current, { scrollWheelZoom: false });
    if (tiles) L.tileLayer(tiles.tileUrl, { maxZoom: 19, attribution: tiles.attribution }).addTo(map);
    for (const p of placed) {
      const dot = `<span style="display:block;width:18px;height:18px;border-radius:50%;background:${TONES[p.status]};border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.55)"></span>`;
      L.marker([p.location!.lat, p.location!.lng], {
        title: `${p.code} ${p.name}: ${statusLabel(p.status)}`,
        alt: p.code,
        icon: L.divIcon({ className: 'nokok-pole-dot', html: dot, iconSize: [24, 24], iconAnchor: [12, 12] }),
      }).addTo(map);
    }
    map.fitBounds(L.latLngBounds(placed.map((p) => [p.location!.lat, p.location!.lng] as [number, number])), { padding: [24, 24] });
    return () => {
      map.remove();
    };
  }, [poles, tiles, statusLabel]);
  return <div ref={ref} role="region" aria-label={label} style={{ height: 420, width: '100%', borderRadius: 4, isolation: 'isolate' }} />;
};

export default PoleMap;
