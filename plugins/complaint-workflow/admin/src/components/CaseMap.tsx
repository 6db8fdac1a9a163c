import * as React from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapTiles } from '../types/api';

export interface CaseMapProps {
  lat: number;
  lng: number;
  label: string;
  markerTitle: string;
  /** The configured tile source (from the plugin's /meta). */
  tiles: MapTiles;
}

// A CSS pin instead of Leaflet's marker PNGs: nothing to resolve at build time, nothing to fetch.
const PIN_HTML =
  '<span style="display:block;width:22px;height:22px;border-radius:50% 50% 50% 0;background:#d02b20;border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5);transform:rotate(-45deg)"></span>';

/** A small map of where the complaint is. Without tiles (offline, blocked) the pin still shows. */
const CaseMap = ({ lat, lng, label, markerTitle, tiles }: CaseMapProps) => {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!ref.current) return undefined;
    const map = L.map(ref.current, { scrollWheelZoom: false }).setView([lat, lng], 16);
    L.tileLayer(tiles.tileUrl, { maxZoom: 19, attribution: tiles.attribution }).addTo(map);
    L.marker([lat, lng], {
      title: markerTitle,
      alt: markerTitle,
      icon: L.divIcon({ className: 'complaint-workflow-pin', html: PIN_HTML, iconSize: [22, 22], iconAnchor: [11, 22] }),
    }).addTo(map);
    return () => map.remove();
  }, [lat, lng, markerTitle, tiles]);
  return <div ref={ref} role="region" aria-label={label} style={{ height: 260, width: '100%', borderRadius: 4, isolation: 'isolate' }} />;
};

export default CaseMap;
