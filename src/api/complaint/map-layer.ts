import type { Core } from '@strapi/strapi';
import type { GeoFeature, LayerProvider } from '../../../plugins/gis/server/src/public';
import { PUBLIC_STATUS, type ComplaintState } from './workflow';

const UID = 'api::complaint.complaint';
const CATEGORY = 'api::complaint-category.complaint-category';

/** The two public meanings of a complaint's state, as citizens read them. */
export const PUBLIC_MEANING_TH: Record<'open' | 'closed', string> = {
  open: 'อยู่ระหว่างดำเนินการ',
  closed: 'ดำเนินการเสร็จแล้ว',
};

// Never a confidential complaint, nor one whose category is confidential (as Open311 decides).
const PUBLIC_WHERE = {
  confidential: false,
  lat: { $notNull: true },
  lng: { $notNull: true },
  $or: [{ category: { id: { $null: true } } }, { category: { confidential: false } }],
};

/** A complaint as this layer reads it: nothing personal is even selected. */
export interface ComplaintPlace {
  id: number;
  lat: number | null;
  lng: number | null;
  state: ComplaintState;
  receivedAt: string | Date | null;
  createdAt: string | Date;
  confidential?: boolean | null;
  category?: { nameTh: string; confidential?: boolean | null } | null;
}

/** About 100 m: a street, not a house. */
const roughly = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A complaint on the public map, from an allow-list: category, public meaning of its state and month
 * received; no name, phone, address, description or tracking code; the place rounded to ~100 m.
 */
export function toPublicComplaintFeature(c: ComplaintPlace, index: number): GeoFeature | null {
  if (c.confidential || c.category?.confidential) return null;
  if (c.lat === null || c.lng === null || c.lat === undefined || c.lng === undefined) return null;
  const received = new Date(c.receivedAt ?? c.createdAt);
  return {
    type: 'Feature',
    // A running number, not the record id or tracking code: nothing to look the case up by.
    id: index + 1,
    geometry: { type: 'Point', coordinates: [roughly(Number(c.lng)), roughly(Number(c.lat))] },
    properties: {
      category: c.category?.nameTh ?? 'อื่น ๆ',
      state: PUBLIC_MEANING_TH[PUBLIC_STATUS[c.state] ?? 'open'],
      month: Number.isNaN(received.getTime()) ? null : received.toISOString().slice(0, 7),
    },
  };
}

/** Where complaints were made, without who made them: a read-only public layer of the town map. */
export function complaintLayer(strapi: Core.Strapi): LayerProvider {
  return {
    slug: 'complaints',
    nameTh: 'เรื่องร้องเรียน',
    nameEn: 'Complaints',
    description: 'ตำแหน่งโดยประมาณ (ราว 100 เมตร) ของเรื่องที่ประชาชนแจ้ง ประเภทเรื่อง สถานะ และเดือนที่รับเรื่อง ไม่มีข้อมูลส่วนบุคคล',
    kind: 'point',
    style: { color: '#b91c1c', lineWidth: 2, fillColor: '#ef4444', fillOpacity: 0.8, icon: 'warning' },
    attributes: [
      { name: 'category', labelTh: 'ประเภทเรื่อง', labelEn: 'Category', type: 'text' },
      { name: 'state', labelTh: 'สถานะ', labelEn: 'Status', type: 'choice', options: Object.values(PUBLIC_MEANING_TH) },
      { name: 'month', labelTh: 'เดือนที่รับเรื่อง', labelEn: 'Month received', type: 'text' },
    ],
    displayOrder: 60,
    isPublic: true,
    async version() {
      const latest = async (uid: typeof UID | typeof CATEGORY) => {
        const rows = (await strapi.db.query(uid).findMany({ select: ['updatedAt'], orderBy: [{ updatedAt: 'desc' }], limit: 1 })) as Array<{ updatedAt: string | Date }>;
        return rows[0] ? new Date(rows[0].updatedAt).getTime() : 0;
      };
      // A category turned confidential changes the layer as much as a complaint does.
      return `${await strapi.db.query(UID).count()}:${await latest(UID)}:${await strapi.db.query(CATEGORY).count()}:${await latest(CATEGORY)}`;
    },
    async features() {
      const rows = (await strapi.db.query(UID).findMany({
        where: PUBLIC_WHERE,
        select: ['id', 'lat', 'lng', 'state', 'receivedAt', 'createdAt', 'confidential'],
        populate: { category: { select: ['nameTh', 'confidential'] } },
        orderBy: [{ id: 'asc' }],
      })) as ComplaintPlace[];
      return rows
        .filter((c) => !c.confidential && !c.category?.confidential)
        .map((c, i) => toPublicComplaintFeature(c, i))
        .filter((f): f is GeoFeature => f !== null);
    },
  };
}
