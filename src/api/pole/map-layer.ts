import type { Core } from '@strapi/strapi';
import type { GeoFeature, LayerProvider } from '../../../plugins/gis/server/src/public';
import type { PoleStatus } from './domain/report';

const UID = 'api::pole.pole';

/** What a pole's state is called on the public map (Thai, as the Poles page says it). */
export const POLE_STATUS_TH: Record<PoleStatus, string> = {
  working: 'ใช้งานได้',
  reported: 'มีผู้แจ้งเสีย',
  under_repair: 'กำลังซ่อม',
  out_of_service: 'งดใช้งาน',
};

interface PoleRow {
  id: number;
  code: string;
  name: string;
  village: number | null;
  lat: number | null;
  lng: number | null;
  status: PoleStatus;
}

/** A pole on the map: the same allow-list as the public pole page (no notes, no complaints). */
export function poleFeature(p: PoleRow): GeoFeature | null {
  if (p.lat === null || p.lng === null || p.lat === undefined || p.lng === undefined) return null;
  return {
    type: 'Feature',
    id: p.code,
    geometry: { type: 'Point', coordinates: [Number(p.lng), Number(p.lat)] },
    properties: { code: p.code, name: p.name, village: p.village ?? null, status: POLE_STATUS_TH[p.status] ?? p.status },
  };
}

/** The loudspeaker poles as a read-only public layer of the town map. */
export function poleLayer(strapi: Core.Strapi): LayerProvider {
  return {
    slug: 'poles',
    nameTh: 'เสาลำโพงเสียงไร้สาย',
    nameEn: 'Loudspeaker poles',
    description: 'เสาลำโพงเสียงไร้สายของเทศบาลและสถานะล่าสุด แจ้งเสียได้จากคิวอาร์โค้ดบนเสา',
    kind: 'point',
    style: { color: '#c2410c', lineWidth: 2, fillColor: '#f97316', fillOpacity: 0.9, icon: 'speaker' },
    attributes: [
      { name: 'code', labelTh: 'รหัสเสา', labelEn: 'Pole code', type: 'text' },
      { name: 'name', labelTh: 'ตำแหน่ง', labelEn: 'Location', type: 'text' },
      { name: 'village', labelTh: 'หมู่ที่', labelEn: 'Village no.', type: 'number' },
      { name: 'status', labelTh: 'สถานะ', labelEn: 'Status', type: 'choice', options: Object.values(POLE_STATUS_TH) },
    ],
    displayOrder: 50,
    isPublic: true,
    async version() {
      // Any write (a status change after a report) moves updatedAt; a deletion moves the count.
      const rows = (await strapi.db.query(UID).findMany({ select: ['updatedAt'], orderBy: [{ updatedAt: 'desc' }], limit: 1 })) as Array<{ updatedAt: string | Date }>;
      const count = await strapi.db.query(UID).count();
      return `${count}:${rows[0] ? new Date(rows[0].updatedAt).getTime() : 0}`;
    },
    async features() {
      const poles = (await strapi.db.query(UID).findMany({ select: ['id', 'code', 'name', 'village', 'lat', 'lng', 'status'], orderBy: [{ code: 'asc' }] })) as PoleRow[];
      return poles.map(poleFeature).filter((f): f is GeoFeature => f !== null);
    },
  };
}
