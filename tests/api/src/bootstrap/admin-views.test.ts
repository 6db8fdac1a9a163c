import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../helpers/strapi';

/**
 * What the admin asks the server while an officer works: Thai help and list columns in the
 * Content Manager's view configuration, the AI questions answered (not 404) while AI is off, and a
 * published news item previewed at its website address.
 */
let app: TestApp;
let token: string;
const as = () => ({ Authorization: `Bearer ${token}` });
const NEWS = 'api::news.news-item';

beforeAll(async () => {
  app = await startApp();
  ({ token } = await createAdmin(app));
});

afterAll(async () => {
  await app?.stop();
});

it('writes Thai labels and help into the Content Manager and keeps system fields out of the form', async () => {
  const res = await request(app.url).get(`/content-manager/content-types/${NEWS}/configuration`).set(as()).expect(200);
  const { metadatas, layouts } = res.body.data.contentType as {
    metadatas: Record<string, { edit: { label: string; description: string; visible: boolean }; list: { label: string } }>;
    layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
  };
  expect(metadatas.title.edit.label).toBe('หัวข้อข่าว');
  expect(metadatas.slug.edit.description).toMatch(/ที่อยู่เดิมยังเปิดได้/);
  expect(metadatas.previousSlugs.edit.visible).toBe(false);
  expect(layouts.edit.flat().map((c) => c.name)).not.toContain('previousSlugs');
  // No enumeration as a column: a list cell would show its raw value.
  expect(layouts.list).toEqual(['title', 'publishedDate', 'slug']);
});

it('answers the AI questions of every edit screen while AI is off', async () => {
  const config = await request(app.url).get('/admin/ai-feature-config').set(as()).expect(200);
  expect(config.body.data).toEqual({ isAiI18nConfigured: false, isAiMediaLibraryConfigured: false });
  const job = await request(app.url).get(`/i18n/ai-localization-jobs/collection-types/${NEWS}/abc`).set(as()).expect(200);
  expect(job.body.data).toBeNull();
  await request(app.url).get(`/i18n/ai-localization-jobs/single-types/api::municipality.municipality`).set(as()).expect(200);
  // Still for staff only.
  await request(app.url).get('/admin/ai-feature-config').expect(401);
});

it('previews a published news item at its website address, and a draft not at all', async () => {
  const created = await app.strapi.documents(NEWS).create({
    locale: 'th',
    data: { title: 'ทดสอบดูตัวอย่าง', slug: 'ทดสอบดูตัวอย่าง', publishedDate: '2026-11-30', category: 'announcement' },
  });
  await app.strapi.documents(NEWS).publish({ documentId: created.documentId, locale: 'th' });
  const published = await request(app.url)
    .get(`/content-manager/preview/url/${NEWS}`)
    .query({ documentId: created.documentId, locale: 'th', status: 'published' })
    .set(as())
    .expect(200);
  expect(published.body.data.url).toBe(`/news/${encodeURIComponent('ทดสอบดูตัวอย่าง')}`);
  await request(app.url).get(`/content-manager/preview/url/${NEWS}`).query({ documentId: created.documentId, locale: 'th', status: 'draft' }).set(as()).expect(204);
  // A type with no page of its own has no preview.
  const category = await app.strapi.documents('api::complaint-category.complaint-category').create({ data: { code: 'preview_test', nameTh: 'ทดสอบ', nameEn: 'Test', deadlineDays: 7, active: true, confidential: false } });
  await request(app.url).get('/content-manager/preview/url/api::complaint-category.complaint-category').query({ documentId: category.documentId, status: 'published' }).set(as()).expect(204);
});

it('lays the e-service form out in Thai: service details first, then its fields, each field component labelled', async () => {
  const res = await request(app.url).get('/content-manager/content-types/api::e-form.e-form/configuration').set(as()).expect(200);
  const { contentType, components } = res.body.data as {
    contentType: {
      settings: { mainField: string };
      metadatas: Record<string, { edit: { label: string; description: string } }>;
      layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
    };
    components: Record<string, { settings: { mainField: string }; metadatas: Record<string, { edit: { label: string } }>; layouts: { edit: Array<Array<{ name: string }>> } }>;
  };
  expect(contentType.layouts.edit.map((row) => row.map((c) => c.name))).toEqual([
    ['titleTh', 'titleEn'],
    ['slug'],
    ['descriptionTh', 'descriptionEn'],
    ['department'],
    ['documentsTh', 'documentsEn'],
    ['processingDays', 'fee', 'isOpen'],
    ['workflow', 'paperPages', 'displayOrder'],
    ['fields'],
  ]);
  expect(contentType.layouts.edit.at(-1)).toEqual([{ name: 'fields', size: 12 }]);
  expect(contentType.layouts.list).toEqual(['titleTh', 'isOpen', 'processingDays', 'updatedAt']);
  expect(contentType.settings.mainField).toBe('titleTh');
  expect(contentType.metadatas.processingDays.edit.label).toBe('ระยะเวลาดำเนินการ (วัน)');
  expect(contentType.metadatas.paperPages.edit.description).toMatch(/กระดาษ/);
  const file = components['eform.file'];
  expect(file.metadatas.accept.edit.label).toBe('ชนิดไฟล์ที่รับ');
  expect(file.settings.mainField).toBe('labelTh');
  expect(file.layouts.edit.map((row) => row.map((c) => c.name))).toEqual([['labelTh', 'labelEn'], ['required', 'accept'], ['maxSizeMb', 'maxFiles'], ['helpTh', 'helpEn'], ['name']]);
  expect(Object.keys(components).filter((uid) => uid.startsWith('eform.'))).toHaveLength(13);
});
