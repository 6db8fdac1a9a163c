import type { Core } from '@strapi/strapi';
import { COMPLAINT_STATES as STATES, PUBLIC_STATUS } from '../../complaint/workflow';
import type { CategoryLike, ComplaintLike } from '../domain/georeport';
import { MAX_RESULTS, type RequestsFilter } from '../domain/input';

const CATEGORY = 'api::complaint-category.complaint-category';
const COMPLAINT = 'api::complaint.complaint';
const CATEGORY_FIELDS = ['code', 'nameTh', 'nameEn', 'descriptionTh', 'descriptionEn', 'department', 'deadlineDays'];
// Only what the public view needs is read at all: contact fields never leave the database here.
const REQUEST_QUERY = {
  select: ['trackingCode', 'state', 'lat', 'lng', 'receivedAt', 'createdAt', 'updatedAt', 'dueAt', 'confidential'],
  populate: {
    category: { select: [...CATEGORY_FIELDS, 'confidential'] },
    events: { select: ['id', 'kind', 'message', 'toState', 'isPublic', 'at'], where: { isPublic: true } },
  },
};
// Never a confidential complaint, nor one whose category is (or has since become) confidential.
const PUBLIC_WHERE = { confidential: false, $or: [{ category: { id: { $null: true } } }, { category: { confidential: false } }] };
const isPublic = (c: { confidential?: boolean; category?: { confidential?: boolean } | null }) => !c.confidential && !c.category?.confidential;
const KEY_TOUCH_MS = 3600_000;

/** A complaint as REQUEST_QUERY reads it: the public view's fields and the confidentiality flags. */
interface StoredComplaint extends Omit<ComplaintLike, 'category'> {
  confidential?: boolean;
  category?: (CategoryLike & { confidential?: boolean }) | null;
}

interface MunicipalityContact {
  nameTh?: string | null;
  nameEn?: string | null;
  email?: string | null;
  phone?: string | null;
}

interface ApiTokenService {
  hash(accessKey: string): string;
  getByAccessKey(hash: string): Promise<{ id: number; kind?: string | null; type?: string; expiresAt?: string | null; lastUsedAt?: string | null } | null>;
}

const service = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Active categories that may be shown publicly, in the town's order. */
  async listServices(): Promise<CategoryLike[]> {
    return strapi.db.query(CATEGORY).findMany({
      where: { active: true, confidential: false },
      select: CATEGORY_FIELDS,
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }) as Promise<CategoryLike[]>;
  },

  /** One such category; null for unknown, inactive or confidential codes alike. */
  async findService(code: string): Promise<CategoryLike | null> {
    return strapi.db.query(CATEGORY).findOne({ where: { code, active: true, confidential: false }, select: CATEGORY_FIELDS }) as Promise<CategoryLike | null>;
  },

  async findRequests(filter: RequestsFilter): Promise<ComplaintLike[]> {
    const and: Record<string, unknown>[] = [PUBLIC_WHERE];
    if (filter.ids) and.push({ trackingCode: { $in: filter.ids } });
    else {
      and.push({ receivedAt: { $gte: filter.start, $lte: filter.end } });
      if (filter.serviceCodes) and.push({ category: { code: { $in: filter.serviceCodes } } });
      if (filter.statuses) and.push({ state: { $in: STATES.filter((s) => filter.statuses!.includes(PUBLIC_STATUS[s])) } });
    }
    const found = (await strapi.db.query(COMPLAINT).findMany({ ...REQUEST_QUERY, where: { $and: and }, orderBy: { receivedAt: 'desc' }, limit: MAX_RESULTS })) as StoredComplaint[];
    return found.filter(isPublic);
  },

  async findRequest(trackingCode: string): Promise<ComplaintLike | null> {
    const c = (await strapi.db.query(COMPLAINT).findOne({ ...REQUEST_QUERY, where: { $and: [PUBLIC_WHERE, { trackingCode }] } })) as StoredComplaint | null;
    return c && isPublic(c) ? c : null;
  },

  /**
   * Whether an api_key is a live Strapi content-API token, checked the way Strapi's own
   * content-api-token strategy does (hash, look up, kind, expiry). A read-only token cannot file.
   */
  async isValidApiKey(key: unknown): Promise<boolean> {
    if (typeof key !== 'string' || !key || key.length > 1000) return false;
    const tokens = strapi.service('admin::api-token-content-api') as unknown as ApiTokenService;
    const token = await tokens.getByAccessKey(tokens.hash(key));
    if (!token || (token.kind && token.kind !== 'content-api') || token.type === 'read-only') return false;
    if (token.expiresAt && new Date(token.expiresAt) < new Date()) return false;
    // Like Strapi, note the use at most hourly, so staff see which keys are alive.
    if (!token.lastUsedAt || Date.now() - new Date(token.lastUsedAt).getTime() > KEY_TOUCH_MS) {
      await strapi.db.query('admin::api-token').update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return true;
  },

  /** Who to ask about the API, from the municipality record, in one language. */
  async contact(lang: 'th' | 'en'): Promise<string> {
    const m = (await strapi.db.query('api::municipality.municipality').findOne({ select: ['nameTh', 'nameEn', 'email', 'phone'] })) as MunicipalityContact | null;
    const reach = [m?.email, m?.phone ? `${lang === 'en' ? 'Tel.' : 'โทร'} ${m.phone}` : null].filter(Boolean).join(', ');
    const who = lang === 'en' ? m?.nameEn || m?.nameTh : m?.nameTh || m?.nameEn;
    return [who, reach].filter(Boolean).join(' — ') || (lang === 'en' ? 'The municipality office' : 'สำนักงานเทศบาล');
  },
});

export type Open311Service = ReturnType<typeof service>;
export default service;
