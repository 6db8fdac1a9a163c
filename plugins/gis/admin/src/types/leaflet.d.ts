// Leaflet ships no types and @types/leaflet is not installed; the gis plugin types the calls it makes in utils/leaflet.ts.
declare module 'leaflet';
