import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Cross, PinMap } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import type { MapTiles } from '../types/api';
import { useT } from '../utils/i18n';
import { L, pinIcon, TOWN_CENTRE, type GisLayer, type GisMap, type LatLng } from '../utils/leaflet';

/** The `location` custom field's value: a GeoJSON point, [lng, lat], or null. */
type LocationValue = { type: 'Point'; coordinates: [number, number] } | null;

/** What the Content Manager passes a custom field's Input in Strapi 5 (InputRenderer spreads the props and useField). */
export interface LocationInputProps {
  name: string;
  value?: unknown;
  onChange(name: string, value: LocationValue): void;
  attribute?: { options?: Record<string, unknown> };
  disabled?: boolean;
  required?: boolean;
  label?: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
}

const DEFAULT_TILES: MapTiles = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
};

/** A stored value may arrive as an object or, from the JSON column, a string. */
function readPoint(value: unknown): [number, number] | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== 'object') return null;
  const c = (v as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(c) || c.length < 2) return null;
  const [lng, lat] = c.map(Number);
  return Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : null;
}

const round = (n: number) => Math.round(n * 1e7) / 1e7;
const toValue = (lat: number, lng: number): LocationValue => ({ type: 'Point', coordinates: [round(lng), round(lat)] });

/** Chooses a point: click the map or drag the pin, use the device's position, or type the coordinates. */
const LocationInput = React.forwardRef<HTMLDivElement, LocationInputProps>(({ name, value, onChange, disabled, required, label, labelAction, hint, error }, ref) => {
  const t = useT();
  const { get } = useFetchClient();
  const point = readPoint(value);
  const [tiles, setTiles] = React.useState<MapTiles>();
  const [lat, setLat] = React.useState(point ? String(point[1]) : '');
  const [lng, setLng] = React.useState(point ? String(point[0]) : '');
  const [typedError, setTypedError] = React.useState<string>();
  const [locating, setLocating] = React.useState(false);
  const [geoError, setGeoError] = React.useState<string>();
  const box = React.useRef<HTMLDivElement>(null);
  const map = React.useRef<GisMap>();
  const pin = React.useRef<GisLayer>();
  const latest = React.useRef({ onChange, name, disabled });
  latest.current = { onChange, name, disabled };

  const set = React.useCallback((next: LocationValue) => latest.current.onChange(latest.current.name, next), []);

  React.useEffect(() => {
    get<{ data: MapTiles }>('/api/map')
      .then(({ data }) => setTiles(data.data?.tileUrl ? data.data : DEFAULT_TILES))
      .catch(() => setTiles(DEFAULT_TILES));
  }, [get]);

  // The typed boxes follow the value when it changes elsewhere (the map, a reset of the form).
  const key = point ? `${point[0]},${point[1]}` : '';
  React.useEffect(() => {
    setLat(point ? String(point[1]) : '');
    setLng(point ? String(point[0]) : '');
    setTypedError(undefined);
    // `key` stands for the point.
  }, [key]);

  React.useEffect(() => {
    if (!tiles || !box.current) return undefined;
    const m = L.map(box.current, { scrollWheelZoom: false }).setView(TOWN_CENTRE, 14);
    L.tileLayer(tiles.tileUrl, { maxZoom: 19, attribution: tiles.attribution }).addTo(m);
    m.on('click', (e) => {
      if (latest.current.disabled || !e.latlng) return;
      set(toValue(e.latlng.lat, e.latlng.lng));
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = undefined;
      pin.current = undefined;
    };
  }, [tiles, set]);

  // The pin where the value is; draggable unless the field is read-only.
  React.useEffect(() => {
    const m = map.current;
    if (!m) return;
    pin.current?.remove();
    pin.current = undefined;
    if (!point) return;
    const at: [number, number] = [point[1], point[0]];
    const marker = L.marker(at, { draggable: !disabled, icon: pinIcon('#d02b20'), title: t('location.pin'), alt: t('location.pin'), keyboard: false }).addTo(m);
    marker.on('dragend', () => {
      const p: LatLng | undefined = marker.getLatLng?.();
      if (p) set(toValue(p.lat, p.lng));
    });
    pin.current = marker;
    m.setView(at, Math.max(m.getZoom(), 16));
    // `key` stands for the point.
  }, [key, tiles, disabled, set, t]);

  const applyTyped = () => {
    if (!lat.trim() && !lng.trim()) {
      setTypedError(undefined);
      if (point) set(null);
      return;
    }
    // Half typed: wait for the other box.
    if (!lat.trim() || !lng.trim()) return undefined;
    const la = Number(lat.trim());
    const ln = Number(lng.trim());
    if (!Number.isFinite(la) || la < -90 || la > 90) return setTypedError(t('location.badLat'));
    if (!Number.isFinite(ln) || ln < -180 || ln > 180) return setTypedError(t('location.badLng'));
    setTypedError(undefined);
    if (!point || point[0] !== round(ln) || point[1] !== round(la)) set(toValue(la, ln));
    return undefined;
  };

  const locate = () => {
    if (!navigator.geolocation) return setGeoError(t('location.noGeolocation'));
    setLocating(true);
    setGeoError(undefined);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        set(toValue(p.coords.latitude, p.coords.longitude));
      },
      () => {
        setLocating(false);
        setGeoError(t('location.geolocationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000 }
    );
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      applyTyped();
    }
  };

  return (
    <Field.Root name={name} required={required} hint={hint} error={error ?? typedError ?? geoError} ref={ref}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <div
          ref={box}
          role="region"
          aria-label={t('location.map')}
          style={{ height: 240, width: '100%', borderRadius: 4, isolation: 'isolate', opacity: disabled ? 0.7 : 1 }}
        />
        <Typography variant="pi" textColor="neutral600">
          {disabled ? t('location.readOnly') : t('location.help')}
        </Typography>
        <Flex gap={2} wrap="wrap" alignItems="flex-end">
          <Box>
            <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`${name}-lat`}>
              {t('location.lat')}
            </Typography>
            <TextInput
              id={`${name}-lat`}
              name={`${name}-lat`}
              inputMode="decimal"
              value={lat}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setLat(e.target.value)}
              onBlur={applyTyped}
              onKeyDown={onKey}
              aria-label={t('location.lat')}
            />
          </Box>
          <Box>
            <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`${name}-lng`}>
              {t('location.lng')}
            </Typography>
            <TextInput
              id={`${name}-lng`}
              name={`${name}-lng`}
              inputMode="decimal"
              value={lng}
              disabled={disabled}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setLng(e.target.value)}
              onBlur={applyTyped}
              onKeyDown={onKey}
              aria-label={t('location.lng')}
            />
          </Box>
          <Button variant="secondary" startIcon={<PinMap />} onClick={locate} loading={locating} disabled={disabled}>
            {t('location.useMine')}
          </Button>
          <Button variant="tertiary" startIcon={<Cross />} onClick={() => set(null)} disabled={disabled || !point}>
            {t('location.clear')}
          </Button>
        </Flex>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});

export default LocationInput;
