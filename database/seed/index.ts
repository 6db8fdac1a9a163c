import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core, Modules, UID } from '@strapi/strapi';
import { linesToBlocks } from './blocks';
import * as z from 'zod/mini';
import { complaintInput } from '../../src/shared/complaint-input';
import type { ComplaintService } from '../../src/api/complaint/services/complaint';
import { caseEngine } from '../../plugins/complaint-workflow/server/src/public';
import { encodeImage, savePhotos } from '../../src/api/complaint/photos';
import { parseCsv } from '../../plugins/spreadsheet-import/server/src/public';
import { autoMapping } from '../../src/api/tax-bill/domain/import-rows';
import type { TaxBillService } from '../../src/api/tax-bill/services/tax-bill';
import { seedDatasets } from './datasets';
import { bangkokToday } from '../../src/shared/thai-date';
import type { EFormService } from '../../src/api/e-form/services/e-form';
import { fileFormSubmission } from '../../src/api/e-form-submission/form-submission';
import { fillLocations, seedGisLayers } from './gis';
import { seedTransparency } from './transparency';
import { seedSurveys } from './surveys';
import { seedAnnouncements } from './announcements';

/**
 * The demo town, loaded from the data files beside this loader (JSON and images). Idempotent:
 * each record is looked up by its natural key (the single type, a slug) and only created when
 * missing, so a second start adds nothing and staff edits are never overwritten.
 */
type Localized = { title: string; summary?: string; body: string[] };
type NewsSeed = { slug: string; publishedDate: string; category: DocInput<'api::news.news-item'>['category']; cover: string; th: Localized; en: Localized };
type PageSeed = { slug: string; menuOrder: number; showInMenu: boolean; th: Localized; en: Localized };

/** What the document service takes to create a document of a content type (the generated types). */
type DocInput<U extends UID.ContentType> = Modules.Documents.Params.Data.Input<U>;
/** A seed file's record, where the loader fills in the fields `K` when the file leaves them out. */
type WithDefaults<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** The part of Strapi's upload service used here (typed `any` by Strapi). */
interface UploadService {
  upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<Array<{ id: number }>>;
}

export interface SeedSummary {
  created: number;
}

const seedDir = (strapi: Core.Strapi) => path.join(strapi.dirs.app.root, 'database', 'seed');

const readJson = <T>(strapi: Core.Strapi, name: string): T =>
  JSON.parse(fs.readFileSync(path.join(seedDir(strapi), name), 'utf8')) as T;

/** A plain geometric cover in the item's colour; no text, so no font is needed to render it. */
const coverSvg = (color: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
  <rect width="1200" height="630" fill="${color}"/>
  <circle cx="1010" cy="120" r="260" fill="#ffffff" fill-opacity="0.12"/>
  <circle cx="180" cy="560" r="200" fill="#ffffff" fill-opacity="0.10"/>
  <rect x="120" y="250" width="560" height="26" rx="13" fill="#ffffff" fill-opacity="0.55"/>
  <rect x="120" y="310" width="420" height="26" rx="13" fill="#ffffff" fill-opacity="0.35"/>
</svg>`;

async function uploadImage(strapi: Core.Strapi, image: Buffer, name: string, alt: string, format: 'png' | 'jpeg') {
  const tmp = path.join(os.tmpdir(), `nokok-seed-${process.pid}-${Date.now()}-${name}`);
  const pipeline = sharp(image);
  await (format === 'png' ? pipeline.png() : pipeline.jpeg({ quality: 78 })).toFile(tmp);
  try {
    const [file] = await strapi
      .plugin('upload')
      .service<UploadService>('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: alt } },
        files: { filepath: tmp, originalFilename: name, mimetype: `image/${format}`, size: fs.statSync(tmp).size },
      });
    return file;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

async function seedMunicipality(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::municipality.municipality';
  if ((await strapi.db.query(uid).count()) > 0) return 0;
  const { logo, ...data } = readJson<Omit<DocInput<typeof uid>, 'logo'> & { logo: { file: string; name: string; alt: string } }>(
    strapi,
    'municipality.json'
  );
  const svg = fs.readFileSync(path.join(seedDir(strapi), logo.file));
  const file = await uploadImage(strapi, svg, logo.name, logo.alt, 'png');
  await strapi.documents(uid).create({ data: { ...data, logo: file.id } });
  return 1;
}

type LocalizedUid = 'api::news.news-item' | 'api::page.page';
/** What both languages of a document share: all but the slug and the translated fields. */
type SharedFields<U extends LocalizedUid> = Omit<DocInput<U>, 'slug' | 'title' | 'summary' | 'body'>;

async function seedLocalized<T extends { slug: string; th: Localized; en: Localized }>(
  strapi: Core.Strapi,
  uid: LocalizedUid,
  items: T[],
  shared: (item: T) => Promise<SharedFields<'api::news.news-item'> | SharedFields<'api::page.page'>>
): Promise<number> {
  let created = 0;
  for (const item of items) {
    if (await strapi.db.query(uid).findOne({ where: { slug: item.slug } })) continue;
    const common = { slug: item.slug, ...(await shared(item)) };
    const localized = (l: Localized) => ({
      title: l.title,
      ...(l.summary !== undefined ? { summary: l.summary } : {}),
      body: linesToBlocks(l.body),
    });
    const docs = strapi.documents(uid);
    const doc = await docs.create({ locale: 'th', data: { ...common, ...localized(item.th) } });
    await docs.update({ documentId: doc.documentId, locale: 'en', data: { ...common, ...localized(item.en) } });
    await docs.publish({ documentId: doc.documentId, locale: '*' });
    created += 1;
  }
  return created;
}

/** Complaint categories of a Thai tambon, by code (the Open311 service_code). */
async function seedComplaintCategories(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::complaint-category.complaint-category';
  let created = 0;
  for (const c of readJson<Array<WithDefaults<DocInput<typeof uid>, 'confidential' | 'active'>>>(strapi, 'complaint-categories.json')) {
    if (await strapi.db.query(uid).findOne({ where: { code: c.code } })) continue;
    await strapi.documents(uid).create({ data: { confidential: false, active: true, ...c } });
    created += 1;
  }
  return created;
}

interface ComplaintSeed {
  category: string;
  title: string;
  description: string;
  village: number;
  lat: number;
  lng: number;
  address?: string;
  ageDays: number;
  steps: Array<{ action?: string; reason?: string; reply?: string }>;
}

/** A drawn "after the fix" picture for the demo: a lit street under a clear sky. */
const demoAfterPhoto = () =>
  sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#9fd3f0"/><rect y="380" width="800" height="220" fill="#6b6f73"/>' +
        '<rect y="470" width="800" height="12" fill="#f2f2f2"/><rect x="560" y="140" width="14" height="250" fill="#3a3f44"/><rect x="500" y="140" width="74" height="12" fill="#3a3f44"/>' +
        '<circle cx="505" cy="165" r="22" fill="#ffe066"/><rect y="340" width="800" height="40" fill="#5c9e4b"/></svg>'
    )
  )
    .jpeg()
    .toBuffer();

/** A few complaints in different states, so the demo inbox and tracking page show real work. */
async function seedComplaints(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::complaint.complaint';
  if ((await strapi.db.query(uid).count()) > 0) return 0;
  const engine = caseEngine(strapi);
  const complaints = strapi.service(uid) as ComplaintService;
  const staff = { type: 'staff' as const, user: null };
  let created = 0;
  for (const c of readJson<ComplaintSeed[]>(strapi, 'complaints.json')) {
    const parsed = z.safeParse(complaintInput, { category: c.category, title: c.title, description: c.description, village: c.village, address: c.address, location: { lat: c.lat, lng: c.lng } });
    if (!parsed.success) throw new Error(`demo complaint "${c.title}" is invalid: ${JSON.stringify(parsed.error.issues)}`);
    const { trackingCode } = await complaints.createFromCitizen(parsed.data, 'web');
    const record = (await strapi.db.query(uid).findOne({ where: { trackingCode }, populate: { category: true } })) as { id: number; category: { deadlineDays: number } } | null;
    if (!record) throw new Error(`demo complaint "${c.title}" was not stored`);
    // Back-date receipt (and so the deadline), so some cases are old and one is overdue.
    const receivedAt = new Date(Date.now() - c.ageDays * 86400_000);
    await strapi.db.query(uid).update({ where: { id: record.id }, data: { receivedAt, dueAt: new Date(receivedAt.getTime() + record.category.deadlineDays * 86400_000) } });
    const events = strapi.db.query('api::complaint-event.complaint-event');
    const stored = (await events.findMany({ where: { complaint: { id: record.id } }, select: ['id'] })) as Array<{ id: number }>;
    for (const e of stored) await events.update({ where: { id: e.id }, data: { at: receivedAt } });
    for (const step of c.steps) {
      // A complaint with a place is resolved with a photo of the fix (issue 18): a drawn demo one.
      if (step.action === 'resolve') await savePhotos(strapi, [await encodeImage(await demoAfterPhoto())], record.id, 'after');
      if (step.reply) await engine.reply('complaint', record.id, staff, step.reply);
      else if (step.action) await engine.transition('complaint', record.id, step.action, staff, { reason: step.reason });
      else throw new Error(`demo complaint "${c.title}": a step needs an action or a reply`);
    }
    created += 1;
  }
  return created;
}

/** A free-form request (title, description, answers), or one filed through a demo form (`form`, `data`). */
interface EServiceSeed {
  title?: string;
  description?: string;
  answers?: Record<string, string | number>;
  form?: string;
  data?: { answers: Record<string, unknown> };
  ageDays: number;
  steps: Array<{ action: string; reason?: string }>;
}

/** `today+3` in a seed answer is the Bangkok day three days from now, so a "future" date stays in the future. */
const relativeDays = (value: unknown): unknown => {
  if (typeof value === 'string') {
    const m = /^today([+-]\d+)$/.exec(value);
    return m ? bangkokToday(new Date(Date.now() + Number(m[1]) * 86400_000)) : value;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativeDays(v)]));
  return value;
};

/**
 * The e-service forms of a Thai tambon (elderly and disability allowances, waste bins, the water
 * truck, official information, building permits), each created and published when no form has its
 * slug yet: a form staff changed is never overwritten. Field names are left to the server (src/api/e-form/field-names.ts).
 */
export async function seedEForms(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::e-form.e-form';
  let created = 0;
  for (const form of readJson<Array<DocInput<typeof uid>>>(strapi, 'e-forms.json')) {
    if ((await strapi.db.query(uid).count({ where: { slug: form.slug } })) > 0) continue;
    const doc = await strapi.documents(uid).create({ data: form });
    await strapi.documents(uid).publish({ documentId: doc.documentId });
    created += 1;
  }
  return created;
}

/** A few e-service requests in different states, so the demo inbox shows the second case type at work. */
async function seedEServiceRequests(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::e-form-submission.e-form-submission';
  if ((await strapi.db.query(uid).count()) > 0) return 0;
  const engine = caseEngine(strapi);
  const staff = { type: 'staff' as const, user: null };
  let created = 0;
  for (const r of readJson<EServiceSeed[]>(strapi, 'e-service-requests.json')) {
    const receivedAt = new Date(Date.now() - r.ageDays * 86400_000);
    const form = r.form ? await (strapi.service('api::e-form.e-form') as EFormService).findPublished(r.form) : null;
    if (r.form && !form) continue; // staff removed or unpublished that demo form
    const record = form
      ? await fileFormSubmission(strapi, form, { data: relativeDays(r.data), uploads: [] }, 'th', receivedAt)
      : await engine.create('e-service', { title: r.title, description: r.description, answers: r.answers, channel: 'web', language: 'th' }, { type: 'citizen' }, receivedAt);
    for (const step of r.steps) await engine.transition('e-service', record.id, step.action, staff, { reason: step.reason });
    created += 1;
  }
  return created;
}

/** The town's 20 loudspeaker poles, by code (printed on the pole, so never changed by the seed). */
async function seedPoles(strapi: Core.Strapi): Promise<number> {
  const uid = 'api::pole.pole';
  const poles = readJson<Array<WithDefaults<DocInput<typeof uid>, 'status'>>>(strapi, 'poles.json');
  // One query at every start, not one per pole.
  const present = new Set((await strapi.db.query(uid).findMany({ where: { code: { $in: poles.map((p) => p.code) } }, select: ['code'] })).map((p: { code: string }) => p.code));
  let created = 0;
  for (const p of poles) {
    if (present.has(p.code)) continue;
    await strapi.documents(uid).create({ data: { status: 'working', ...p } });
    created += 1;
  }
  return created;
}

/** 50 land-and-building tax bills of the demo town, through the same import as the tax office's files. */
async function seedTaxBills(strapi: Core.Strapi): Promise<number> {
  const rows = parseCsv(fs.readFileSync(path.join(seedDir(strapi), 'tax-bills.csv')));
  // The demo's due dates are fixed: confirmed, so the demo still loads when they are years past.
  const report = await (strapi.service('api::tax-bill.tax-bill') as TaxBillService).importRows(rows.slice(1), autoMapping(rows[0]), undefined, 2, { confirmFarDates: true });
  if (report.failed.length) throw new Error(`demo tax bills: row ${report.failed[0].row} is invalid`);
  return report.created;
}

export async function seedDemo(strapi: Core.Strapi): Promise<SeedSummary> {
  let created = await seedMunicipality(strapi);
  created += await seedComplaintCategories(strapi);
  created += await seedLocalized(strapi, 'api::news.news-item', readJson<NewsSeed[]>(strapi, 'news.json'), async (n) => {
    const cover = await uploadImage(strapi, Buffer.from(coverSvg(n.cover)), `news-${n.slug}.jpg`, n.th.title, 'jpeg');
    return { publishedDate: n.publishedDate, category: n.category, cover: cover.id };
  });
  created += await seedLocalized(strapi, 'api::page.page', readJson<PageSeed[]>(strapi, 'pages.json'), (p) =>
    Promise.resolve({ menuOrder: p.menuOrder, showInMenu: p.showInMenu })
  );
  created += await seedComplaints(strapi);
  created += await seedEForms(strapi);
  created += await seedEServiceRequests(strapi);
  // After the cases: the demo's finished ones get their citizens' ratings.
  created += await seedSurveys(strapi, seedDir(strapi));
  created += await seedAnnouncements(strapi, seedDir(strapi));
  created += await seedPoles(strapi);
  created += await seedTaxBills(strapi);
  created += await seedDatasets(strapi, seedDir(strapi));
  created += await seedGisLayers(strapi, seedDir(strapi));
  // After the pages and datasets it links to.
  created += await seedTransparency(strapi, seedDir(strapi));
  await fillLocations(strapi);
  return { created };
}
