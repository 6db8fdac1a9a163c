import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';
import { parseCsv, writeXlsx } from '../../plugins/spreadsheet-import/server/src/public';

/**
 * The demo town's open data (database/seed/datasets.json and the files in datasets/): population,
 * budget, procurement, live complaint and tax figures, the poles as a live layer, facilities and
 * flood-prone areas from the town map's layers, and one dataset restricted to a partner agency. Looked up by slug:
 * created once, never overwritten.
 */
interface ResourceSeed {
  name: string;
  description?: string;
  source: 'file' | 'url' | 'layer' | 'live';
  file?: string;
  /** Load the CSV as an .xlsx, the way the finance office sends its budget. */
  asXlsx?: boolean;
  url?: string;
  view?: string;
  /** A `layer` resource's GIS layer (database/seed/gis). */
  layerSlug?: string;
  format?: string;
}
interface DatasetSeed {
  slug: string;
  partners?: string[];
  resources: ResourceSeed[];
  [field: string]: unknown;
}
interface SeedFile {
  partners: Array<{ name: string; nameEn?: string; contactName?: string; contactEmail?: string }>;
  datasets: DatasetSeed[];
}

/** The part of Strapi's upload service used here (typed `any` by Strapi). */
interface UploadService {
  upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<Array<{ id: number }>>;
}

const MIME: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.geojson': 'application/geo+json',
};

async function upload(strapi: Core.Strapi, dir: string, r: ResourceSeed): Promise<number> {
  let name = r.file as string;
  let bytes: Buffer = fs.readFileSync(path.join(dir, name));
  if (r.asXlsx) {
    bytes = await writeXlsx(parseCsv(bytes));
    name = name.replace(/\.csv$/, '.xlsx');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-seed-'));
  const filepath = path.join(tmp, name);
  fs.writeFileSync(filepath, bytes);
  try {
    const [file] = (await strapi
      .plugin('upload')
      .service<UploadService>('upload')
      .upload({ data: {}, files: { filepath, originalFilename: name, mimetype: MIME[path.extname(name)] ?? 'application/octet-stream', size: bytes.length } })) as Array<{ id: number }>;
    return file.id;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function seedDatasets(strapi: Core.Strapi, seedDir: string): Promise<number> {
  const { partners, datasets } = JSON.parse(fs.readFileSync(path.join(seedDir, 'datasets.json'), 'utf8')) as SeedFile;
  let created = 0;
  const agencyIds = new Map<string, number>();
  for (const p of partners) {
    const found = (await strapi.db.query('api::dataset.partner-agency').findOne({ where: { name: p.name }, select: ['id'] })) as { id: number } | null;
    if (found) agencyIds.set(p.name, found.id);
    else {
      const made = (await strapi.db.query('api::dataset.partner-agency').create({ data: { ...p, active: true } })) as { id: number };
      agencyIds.set(p.name, made.id);
      created += 1;
    }
  }
  const docs = strapi.documents('api::dataset.dataset');
  for (const { partners: sharedWith, resources, ...fields } of datasets) {
    if (await strapi.db.query('api::dataset.dataset').findOne({ where: { slug: fields.slug }, select: ['id'] })) continue;
    const resourceData = [];
    for (const r of resources) {
      const { file, asXlsx: _asXlsx, ...rest } = r;
      resourceData.push({ ...rest, ...(file ? { file: await upload(strapi, path.join(seedDir, 'datasets'), r) } : {}) });
    }
    const doc = await docs.create({
      data: { ...fields, resources: resourceData, partners: (sharedWith ?? []).map((name) => agencyIds.get(name)).filter(Boolean) } as Modules.Documents.Params.Data.Input<'api::dataset.dataset'>,
    });
    await docs.publish({ documentId: doc.documentId });
    created += 1;
  }
  return created;
}
