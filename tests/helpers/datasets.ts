import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';
import type { TableRecord } from '../../src/api/dataset/services/datastore';

/** Test datasets: files through Strapi's upload service, datasets through the document service, as the admin does. */

export interface UploadedFile {
  id: number;
  url: string;
  hash: string;
  name: string;
}

/** Uploads bytes as a Media Library file (the local provider writes them under the test's public folder). */
export async function uploadFile(strapi: Core.Strapi, name: string, bytes: Buffer | string, mimetype = 'text/csv'): Promise<UploadedFile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-upload-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, bytes);
  try {
    const [file] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: {}, files: { filepath, originalFilename: name, mimetype, size: fs.statSync(filepath).size } })) as UploadedFile[];
    return file;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The required metadata of the Thai Government Data Catalog schema, so a test names only what it checks. */
export const REQUIRED_METADATA = {
  titleTh: 'ชุดข้อมูลทดสอบ',
  titleEn: 'Test dataset',
  descriptionTh: 'คำอธิบายชุดข้อมูลทดสอบ',
  tags: 'ทดสอบ, test',
  publisherDepartment: 'สำนักปลัดเทศบาล',
  publisherEmail: 'saraban@nokok.go.th',
  dataSource: 'สำนักปลัดเทศบาล',
};

export type DatasetInput = Partial<typeof REQUIRED_METADATA> & Record<string, unknown>;

/** Creates a dataset draft and, unless `publish: false`, publishes it. Answers its documentId. */
export async function createDataset(strapi: Core.Strapi, data: DatasetInput, { publish = true } = {}): Promise<string> {
  const docs = strapi.documents('api::dataset.dataset');
  const created = await docs.create({ data: { ...REQUIRED_METADATA, ...data } as Modules.Documents.Params.Data.Input<'api::dataset.dataset'> });
  if (publish) await docs.publish({ documentId: created.documentId });
  return created.documentId;
}

/** Waits until every data store table is loaded (or failed): loading runs after the save answers. */
export async function dataStoreSettled(strapi: Core.Strapi, expected = 1, timeoutMs = 60_000): Promise<TableRecord[]> {
  const until = Date.now() + timeoutMs;
  await (strapi.service('api::dataset.catalogue') as { idle(): Promise<void> }).idle();
  for (;;) {
    const tables = (await strapi.db.query('api::dataset.datastore-table').findMany({})) as TableRecord[];
    if (tables.length >= expected && tables.every((t) => t.state !== 'loading')) return tables;
    if (Date.now() > until) throw new Error(`data store not settled: ${JSON.stringify(tables.map((t) => [t.fileName, t.state, t.done]))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
