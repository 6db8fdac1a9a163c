import type { Core } from '@strapi/strapi';
import type { Cell, DataField } from './domain/infer';
import type { Geometry, GisFeaturesService, GisLayersService } from '../../../plugins/gis/server/src/public';
import type { StatisticsService } from '../statistics/services/statistics';

/**
 * Resources that stay current by themselves: a live table computed from the suite's own data when it
 * is read (complaint statistics, tax collected), or a map layer served as GeoJSON (the poles). Each
 * is named by the resource's `view` value; only figures and public places leave, never a person.
 */
export interface LiveTable {
  kind: 'table';
  fields: DataField[];
  records: Array<Record<string, Cell>>;
}

export interface LiveLayer {
  kind: 'layer';
  geojson: { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; id?: string | number; geometry: Geometry; properties: Record<string, Cell> }> };
}


const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/**
 * A public GIS layer as a dataset resource (source `layer`, `layerSlug`): always the map's current
 * features; null when no public layer has that slug (an internal layer is never served here).
 */
export async function gisLayerView(strapi: Core.Strapi, slug: string): Promise<LiveLayer | null> {
  const gis = strapi.plugin('gis');
  const layer = await gis.service<GisLayersService>('layers').find(slug, { publicOnly: true });
  if (!layer) return null;
  const { features } = await gis.service<GisFeaturesService>('features').list(layer, {});
  return {
    kind: 'layer',
    geojson: {
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature' as const, id: f.id, geometry: f.geometry, properties: Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, cell(v)])) })),
    },
  };
}

type View = (strapi: Core.Strapi) => Promise<LiveTable | LiveLayer>;

const statistics = (strapi: Core.Strapi) => strapi.service('api::statistics.statistics') as StatisticsService;
const text = (id: string): DataField => ({ id, type: 'text' });
const int = (id: string): DataField => ({ id, type: 'int' });
const numeric = (id: string): DataField => ({ id, type: 'numeric' });
const table = (fields: DataField[], records: Array<Record<string, Cell>>): LiveTable => ({ kind: 'table', fields, records });

const month = (d: string | Date) => new Date(d).toISOString().slice(0, 7);

interface ComplaintRow {
  receivedAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  category: { nameTh: string } | null;
}

async function complaints(strapi: Core.Strapi): Promise<ComplaintRow[]> {
  return (await strapi.db.query('api::complaint.complaint').findMany({
    select: ['receivedAt', 'createdAt', 'resolvedAt'],
    populate: { category: { select: ['nameTh'] } },
  })) as ComplaintRow[];
}

export const VIEWS: Record<string, View> = {
  /** Complaints received and resolved each month. */
  async complaints_by_month(strapi) {
    const counts = new Map<string, { received: number; resolved: number }>();
    const at = (key: string) => counts.get(key) ?? counts.set(key, { received: 0, resolved: 0 }).get(key)!;
    for (const c of await complaints(strapi)) {
      at(month(c.receivedAt ?? c.createdAt)).received++;
      if (c.resolvedAt) at(month(c.resolvedAt)).resolved++;
    }
    return {
      kind: 'table',
      fields: [
        { id: 'month', type: 'text' },
        { id: 'received', type: 'int' },
        { id: 'resolved', type: 'int' },
      ],
      records: [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, v]) => ({ month: m, ...v })),
    };
  },

  /** Complaints by category: how many, and how many resolved. */
  async complaints_by_category(strapi) {
    const counts = new Map<string, { received: number; resolved: number }>();
    for (const c of await complaints(strapi)) {
      const key = c.category?.nameTh ?? '-';
      const v = counts.get(key) ?? counts.set(key, { received: 0, resolved: 0 }).get(key)!;
      v.received++;
      if (c.resolvedAt) v.resolved++;
    }
    return {
      kind: 'table',
      fields: [
        { id: 'category', type: 'text' },
        { id: 'received', type: 'int' },
        { id: 'resolved', type: 'int' },
      ],
      records: [...counts.entries()].sort(([, a], [, b]) => b.received - a.received).map(([category, v]) => ({ category, ...v })),
    };
  },

  /** Land-and-building tax billed and collected, by tax year (Buddhist era). */
  async tax_by_year(strapi) {
    const bills = (await strapi.db.query('api::tax-bill.tax-bill').findMany({ select: ['taxYear', 'taxAmount', 'paidAmount'] })) as Array<{
      taxYear: number;
      taxAmount: string | number;
      paidAmount: string | number | null;
    }>;
    const years = new Map<number, { bills: number; billed: number; collected: number }>();
    for (const b of bills) {
      const y = years.get(b.taxYear) ?? years.set(b.taxYear, { bills: 0, billed: 0, collected: 0 }).get(b.taxYear)!;
      y.bills++;
      y.billed += Number(b.taxAmount) || 0;
      y.collected += Number(b.paidAmount) || 0;
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      kind: 'table',
      fields: [
        { id: 'tax_year', type: 'int' },
        { id: 'bills', type: 'int' },
        { id: 'billed_baht', type: 'numeric' },
        { id: 'collected_baht', type: 'numeric' },
      ],
      records: [...years.entries()].sort(([a], [b]) => a - b).map(([y, v]) => ({ tax_year: y, bills: v.bills, billed_baht: round(v.billed), collected_baht: round(v.collected) })),
    };
  },

  /* The public statistics (GET /api/statistics) as live tables: the same figures, read from the same service. */

  /** Complaints by the state they are in now. */
  async complaints_by_status(strapi) {
    const { byStatus } = await statistics(strapi).area('complaints');
    return table(
      [text('state'), text('state_th'), text('state_en'), text('public_status'), int('complaints')],
      byStatus.map((s) => ({ state: s.state, state_th: s.labelTh, state_en: s.labelEn, public_status: s.publicStatus, complaints: s.count }))
    );
  },

  /** Complaints by village (moo); an empty village: not given. */
  async complaints_by_village(strapi) {
    const { byVillage } = await statistics(strapi).area('complaints');
    return table([int('village'), int('complaints')], byVillage.map((v) => ({ village: v.village, complaints: v.count })));
  },

  /** The ITA/OIT complaints-assessment form of the current fiscal year: by month, quarter and half. */
  async complaints_assessment(strapi) {
    const a = await statistics(strapi).area('complaints-assessment');
    const rows = [...a.byMonth.map((r) => ['month', r] as const), ...a.byQuarter.map((r) => ['quarter', r] as const), ...a.byHalf.map((r) => ['half', r] as const), ['year', a.year] as const];
    return table(
      [int('fiscal_year'), text('period_kind'), text('period'), text('label_th'), int('received'), int('in_progress'), int('completed')],
      rows.map(([kind, r]) => ({ fiscal_year: a.fiscalYear, period_kind: kind, period: r.period, label_th: r.labelTh, received: r.total, in_progress: r.inProgress, completed: r.completed }))
    );
  },

  /** E-service requests by service: how many, open and closed. */
  async e_service_by_service(strapi) {
    const { byService } = await statistics(strapi).area('e-service');
    return table(
      [text('service'), text('title_th'), text('title_en'), int('requests'), int('open'), int('closed')],
      byService.map((s) => ({ service: s.slug, title_th: s.titleTh, title_en: s.titleEn, requests: s.count, open: s.open, closed: s.closed }))
    );
  },

  /** Case ratings (1–5): averages overall, by case type and by channel. */
  async satisfaction_ratings(strapi) {
    const s = await statistics(strapi).area('satisfaction');
    const rows = [
      { group: 'all', value: 'all', ...s.overall },
      ...s.byCaseType.map(({ caseType, ...a }) => ({ group: 'case_type', value: caseType, ...a })),
      ...s.byChannel.map(({ channel, ...a }) => ({ group: 'channel', value: channel, ...a })),
    ];
    return table(
      [text('group'), text('value'), int('answers'), numeric('speed'), numeric('staff'), numeric('result'), numeric('overall')],
      rows.map((r) => ({ group: r.group, value: r.value, answers: r.count, speed: r.speed, staff: r.staff, result: r.result, overall: r.overall }))
    );
  },

  /** The loudspeaker poles with their status: a point layer. */
  async poles_map(strapi) {
    const poles = (await strapi.db.query('api::pole.pole').findMany({ select: ['code', 'name', 'village', 'lat', 'lng', 'status'], orderBy: [{ code: 'asc' }] })) as Array<{
      code: string;
      name: string;
      village: number | null;
      lat: number | null;
      lng: number | null;
      status: string;
    }>;
    return {
      kind: 'layer',
      geojson: {
        type: 'FeatureCollection',
        features: poles
          .filter((p) => p.lat !== null && p.lng !== null)
          .map((p) => ({
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: [Number(p.lng), Number(p.lat)] as [number, number] },
            properties: { code: p.code, name: p.name, village: p.village, status: p.status },
          })),
      },
    };
  },
};

/** Live tables are read as tables; a layer's features become rows (longitude, latitude, properties). */
export function asTable(view: LiveTable | LiveLayer): LiveTable {
  if (view.kind === 'table') return view;
  const keys = [...new Set(view.geojson.features.flatMap((f) => Object.keys(f.properties)))];
  return {
    kind: 'table',
    fields: [{ id: 'longitude', type: 'numeric' }, { id: 'latitude', type: 'numeric' }, ...keys.map((id) => ({ id, type: 'text' as const }))],
    // A point's own coordinates; a line or an area has no single one.
    records: view.geojson.features.map((f) => ({
      longitude: f.geometry.type === 'Point' ? (f.geometry.coordinates[0] ?? null) : null,
      latitude: f.geometry.type === 'Point' ? (f.geometry.coordinates[1] ?? null) : null,
      ...Object.fromEntries(keys.map((k) => [k, f.properties[k] === null || f.properties[k] === undefined ? null : String(f.properties[k])])),
    })),
  };
}
