import type { JSX } from 'preact';
import { href, t } from '../i18n';
import { POLE_STATUSES } from '../pole-rules';
import type { Api } from './load';

/** A pole as GET /api/poles and GET /api/poles/{code} answer it (the latter with its open report). */
export interface Pole {
  code: string;
  name: string;
  village: number | null;
  location: { lat: number; lng: number } | null;
  status: string;
  report?: { trackingCode: string; status: string; reportCount: number; dueAt?: string | null } | null;
}

export interface PolesData {
  poles: Pole[];
}

/** /poles reads the public list; the page is kept until a pole or a complaint changes. */
export async function loadPoles(api: Api): Promise<PolesData> {
  const res = await api<{ data: Pole[] | null }>('poles', {});
  return { poles: res.data ?? [] };
}

type PoleStatus = (typeof POLE_STATUSES)[number];
const isPoleStatus = (s: string): s is PoleStatus => (POLE_STATUSES as readonly string[]).includes(s);
// A status added on the server later still shows, as its code, until it is translated.
export const poleStatusLabel = (s: string): string => (isPoleStatus(s) ? t(`poles.status.${s}`) : s);
/** The colour of a status (a CSS modifier); an unknown status looks like a working pole. */
export const poleTone = (s: string): PoleStatus => (isPoleStatus(s) ? s : 'working');
export const villageText = (v: number | null): string => (v ? t('poles.village', { n: v }) : '');

export function PoleBadge({ status, id }: { status: string; id?: string }): JSX.Element {
  return (
    <span class={`badge pole-${poleTone(status)}`} id={id}>
      {poleStatusLabel(status)}
    </span>
  );
}

/** The "map loading" note the map box holds until the pole-map island draws the map in its place. */
export const MapLoading = (): JSX.Element => <p class="map-note">{t('complaint.mapLoading')}</p>;

/**
 * /poles: every pole on a map coloured by status (the pole-map island draws it), and the same as a
 * list with counts, which reads without script.
 */
export function Poles({ data }: { data: PolesData }): JSX.Element {
  const { poles } = data;
  return (
    <>
      <h1>{t('poles.title')}</h1>
      <p>{t('poles.intro')}</p>
      <ul class="legend" aria-label={t('poles.legend')}>
        {POLE_STATUSES.map((s) => (
          <li>
            <span class={`dot pole-dot-${s}`} aria-hidden="true"></span>
            {poleStatusLabel(s)}: {poles.filter((p) => p.status === s).length}
          </li>
        ))}
      </ul>
      <div id="poles-map" class="map" role="region" aria-label={t('poles.mapLabel')}>
        <MapLoading />
      </div>
      <h2 id="poles-list-h">{t('poles.list')}</h2>
      <ul class="pole-list" aria-labelledby="poles-list-h">
        {poles.map((p) => (
          <li data-pole={p.code}>
            <a href={href(`/p/${encodeURIComponent(p.code)}`)}>
              <strong>{p.code}</strong> {p.name}
            </a>{' '}
            <span class="meta">{villageText(p.village)}</span> <PoleBadge status={p.status} />
          </li>
        ))}
      </ul>
    </>
  );
}
