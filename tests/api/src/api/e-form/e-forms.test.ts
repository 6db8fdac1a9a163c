import request from 'supertest';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { seedEForms } from '../../../../../database/seed';
import { countFiles } from '../../../../../src/api/e-form-submission/files';
import { kind, tinyPdf, tinyPng, validAnswers, validFile, wrongAnswer, type DefField, type Definition } from '../../../../helpers/e-form-answers';

/**
 * E-service forms end to end (issue 17): every demo form is read from the public API, filled with
 * answers generated from its field kinds (tests/helpers/e-form-answers.ts), filed with real files and
 * tracked; each field is then broken in turn; forms change under filed requests; and the edges
 * (closed, draft, unknown, wrong media type, too large, rate limit).
 */
let app: TestApp;
let staff: string;
let addressNo = 0;
const FORM = 'api::e-form.e-form';
const SUBMISSION = 'api::e-form-submission.e-form-submission';
const DEMO = ['elderly-allowance', 'disability-allowance', 'waste-collection', 'water-truck', 'official-information', 'building-permit-appointment'];

/** Each request from its own client address (behind the trusted loopback proxy), so the rate limit is tested on its own. */
const nextAddress = () => {
  addressNo += 1;
  return `10.${(addressNo >> 16) & 255}.${(addressNo >> 8) & 255}.${addressNo & 255}`;
};

interface SentFile {
  field: string;
  bytes: Buffer;
  name: string;
  type: string;
}

function submit(slug: string, data: Record<string, unknown>, files: SentFile[] = [], { query = '', headers = {}, from = nextAddress() }: { query?: string; headers?: Record<string, string>; from?: string } = {}) {
  const req = request(app.url).post(`/api/e-forms/${slug}/submissions${query}`).set('X-Forwarded-For', from);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  if (!files.length) return req.send({ data });
  req.field('data', JSON.stringify(data));
  for (const f of files) req.attach(`files.${f.field}`, f.bytes, { filename: f.name, contentType: f.type });
  return req;
}

const definition = async (slug: string): Promise<Definition> => (await request(app.url).get(`/api/e-forms/${slug}`).expect(200)).body.data as Definition;
const filesFor = (def: Definition): SentFile[] => def.fields.filter((f) => kind(f) === 'file').map((f) => ({ field: f.name, ...validFile(f) }));
const counts = async () => ({ rows: await app.strapi.db.query(SUBMISSION).count(), files: await countFiles(app.strapi) });
const staffGet = (path: string) => request(app.url).get(path).set('Authorization', `Bearer ${staff}`);
const errorsOf = (body: { error?: { details?: { errors?: Array<{ path: unknown[]; code: string; message: string }> } } }) => body.error?.details?.errors ?? [];

beforeAll(async () => {
  app = await startApp({ TRUSTED_PROXIES: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '5' });
  expect(await seedEForms(app.strapi)).toBe(DEMO.length);
  expect(await seedEForms(app.strapi)).toBe(0);
  staff = (await createAdmin(app)).token;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('the demo forms', () => {
  it('lists the open forms in display order, each summarised', async () => {
    const res = await request(app.url).get('/api/e-forms').expect(200);
    expect(res.body.data.map((f: { slug: string }) => f.slug)).toEqual(DEMO);
    const elderly = res.body.data[0];
    expect(elderly).toMatchObject({ title: { th: 'ลงทะเบียนขอรับเงินเบี้ยยังชีพผู้สูงอายุ', en: 'Elderly allowance registration' }, processingDays: 30, fee: 0, acceptsFiles: true });
    expect(Object.keys(elderly).sort()).toEqual(['acceptsFiles', 'department', 'description', 'fee', 'fieldCount', 'processingDays', 'slug', 'title', 'updatedAt'].sort());
  });

  it('uses every field kind, with names filled from the English labels, unique within each form', async () => {
    const kinds = new Set<string>();
    for (const slug of DEMO) {
      const def = await definition(slug);
      def.fields.forEach((f) => kinds.add(kind(f)));
      const names = def.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    expect([...kinds].sort()).toEqual(['address', 'choice', 'consent', 'date', 'email', 'file', 'location', 'long-text', 'national-id', 'number', 'phone', 'short-text', 'yes-no']);
    const elderly = await definition('elderly-allowance');
    expect(elderly.fields.map((f) => f.name).slice(0, 3)).toEqual(['national_id_number', 'full_name', 'date_of_birth']);
  });
});

describe('(a) every demo form, filled with generated answers, is filed and tracked', () => {
  it.each(DEMO)('%s', async (slug) => {
    const def = await definition(slug);
    const answers = validAnswers(def);
    const files = filesFor(def);
    const before = await counts();
    const res = await submit(slug, { answers, contact: { email: 'applicant@example.test' }, consent: true }, files).expect(201);
    const code = res.body.data.trackingCode as string;
    expect(code).toMatch(/^ES-/);
    expect(res.body.data).toMatchObject({ status: 'received', title: def.title.th, publicStatus: 'open' });
    expect(await counts()).toEqual({ rows: before.rows + 1, files: before.files + files.length });

    // Tracking: received, due processingDays after receipt, and nothing personal.
    const tracked = (await request(app.url).get(`/api/e-form-submissions/track/${code}`).set('X-Forwarded-For', nextAddress()).expect(200)).body.data;
    expect(tracked.status).toBe('received');
    expect(new Date(tracked.dueAt).getTime() - new Date(tracked.createdAt).getTime()).toBe(def.processingDays * 86400_000);
    const text = JSON.stringify(tracked);
    for (const secret of ['applicant@example.test', '0812345678', 'answers', 'files', 'formSnapshot', 'contact', answers.national_id_number].filter(Boolean)) expect(text).not.toContain(String(secret));

    // The stored request: the form as served, the answers, the files, the paper it saved.
    const row = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode: code }, populate: { form: { select: ['slug'] } } });
    expect(row).toMatchObject({ formSlug: slug, paperPages: def.paperPages, title: def.title.th, consent: true, contactEmail: 'applicant@example.test' });
    expect(row.form?.slug).toBe(slug);
    expect(row.formSnapshot).toEqual(def);
    expect(Object.keys(row.answers).sort()).toEqual(Object.keys(answers).sort());
    expect(row.files).toHaveLength(files.length);
    expect(row.description).toContain(def.fields[0].label.th);

    // Staff read it with the labels of the form and download its files.
    const page = (await staffGet(`/complaint-workflow/cases/${row.id}?type=e-service`).expect(200)).body;
    expect(Object.keys(page.answers)).toEqual(expect.arrayContaining(def.fields.filter((f) => kind(f) !== 'file').map((f) => f.label.th)));
    expect(page.answerRows.map((r: { name: string }) => r.name)).toEqual(def.fields.map((f) => f.name));
    for (const [i, stored] of (row.files as Array<{ key: string; mime: string }>).entries()) {
      const row_ = page.answerRows.find((r: { files?: Array<{ key: string }> }) => r.files?.some((f) => f.key === stored.key));
      const link = row_.files.find((f: { key: string }) => f.key === stored.key).downloadPath as string;
      const got = await staffGet(link).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(got.status).toBe(200);
      expect(got.headers['content-disposition']).toMatch(/^attachment/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-type']).toContain(stored.mime);
      // PDFs are kept as sent.
      if (stored.mime === 'application/pdf') expect((got.body as Buffer).equals(files[i].bytes)).toBe(true);
    }
    // Nobody else downloads it: not anonymously, not by another case's id.
    if (row.files.length) {
      await request(app.url).get(`/complaint-workflow/cases/${row.id}/files/${row.files[0].key}?type=e-service`).expect(401);
      await staffGet(`/complaint-workflow/cases/${row.id + 1000}/files/${row.files[0].key}?type=e-service`).expect(404);
    }
  });
});

describe("a form's workflow", () => {
  const caseOf = async (slug: string) => (await app.strapi.db.query(SUBMISSION).findOne({ where: { formSlug: slug }, select: ['id'] })) as { id: number };
  const act = (id: number, action: string, reason?: string) =>
    request(app.url).post(`/complaint-workflow/cases/${id}/transition?type=e-service`).set('Authorization', `Bearer ${staff}`).send({ action, ...(reason ? { reason } : {}) });

  it('takes the short way (received → checking → done or refused) when the form says short', async () => {
    expect((await definition('waste-collection')).workflow).toBe('short');
    const { id } = await caseOf('waste-collection');
    expect((await staffGet(`/complaint-workflow/cases/${id}?type=e-service`).expect(200)).body.allowedActions).toEqual(['check']);
    expect((await act(id, 'check').expect(200)).body.allowedActions).toEqual(['complete', 'refuse']);
    const done = (await act(id, 'complete').expect(200)).body;
    expect(done).toMatchObject({ state: 'done', allowedActions: [] });
  });

  it('keeps the full way (approval before hand-over) for the other forms', async () => {
    const { id } = await caseOf('elderly-allowance');
    expect((await act(id, 'check').expect(200)).body.allowedActions).toEqual(['request_documents', 'approve', 'refuse']);
    const refused = await act(id, 'complete').expect(400);
    expect(refused.body.error.details.errors[0].code).toBe('invalid_transition');
  });
});

describe('(b) each field broken in turn is named alone, and nothing is stored', () => {
  let before: { rows: number; files: number };
  beforeAll(async () => {
    before = await counts();
  });
  afterAll(async () => {
    expect(await counts()).toEqual(before);
  });

  const expectOnly = (res: request.Response, path: unknown[], code: string) => {
    expect([res.status, errorsOf(res.body).map((e) => ({ path: e.path, code: e.code }))]).toEqual([400, [{ path, code }]]);
    const [e] = errorsOf(res.body);
    expect(e.message).toMatch(/[\u0E00-\u0E7F]/); // Thai by default
  };

  it.each(DEMO)('%s', async (slug) => {
    const def = await definition(slug);
    const answers = validAnswers(def);
    const files = filesFor(def);
    for (const field of def.fields) {
      if (kind(field) === 'file') {
        const others = files.filter((f) => f.field !== field.name);
        const mine = files.filter((f) => f.field === field.name);
        // Not a PDF or an image, whatever its name says.
        expectOnly(await submit(slug, { answers }, [...others, { field: field.name, bytes: Buffer.from('MZ not a document'), name: 'scan.pdf', type: 'application/pdf' }]), ['answers', field.name, 0], 'file_type');
        // A PNG where only PDFs are taken.
        if (field.accept === 'pdf') expectOnly(await submit(slug, { answers }, [...others, { field: field.name, bytes: tinyPng(), name: 'x.png', type: 'image/png' }]), ['answers', field.name, 0], 'file_type');
        const many = Array.from({ length: (field.maxFiles ?? 1) + 1 }, () => mine[0]);
        expectOnly(await submit(slug, { answers }, [...others, ...many]), ['answers', field.name], 'too_many_files');
        if (field.required) expectOnly(await submit(slug, { answers }, others), ['answers', field.name], 'required');
        continue;
      }
      const wrong = wrongAnswer(field);
      if (wrong) {
        const res = await submit(slug, { answers: { ...answers, [field.name]: wrong.value } }, files);
        expectOnly(res, ['answers', field.name, ...(wrong.at === undefined ? [] : [/^\d+$/.test(wrong.at) ? Number(wrong.at) : wrong.at])], wrong.code);
      }
      if (field.required) {
        const { [field.name]: _gone, ...rest } = answers;
        expectOnly(await submit(slug, { answers: rest }, files), ['answers', field.name], 'required');
        // Blank counts as missing.
        expectOnly(await submit(slug, { answers: { ...answers, [field.name]: null } }, files), ['answers', field.name], 'required');
      }
    }
  });

  it('names every wrong field at once, in Thai by default and in English when asked', async () => {
    const def = await definition('elderly-allowance');
    const answers = { ...validAnswers(def), national_id_number: '1234567890123', date_of_birth: '2099-01-01', how_to_receive_the_allowance: 'ทองคำ' };
    const th = await submit('elderly-allowance', { answers }, filesFor(def)).expect(400);
    const codes = errorsOf(th.body).map((e) => `${e.path.join('.')}:${e.code}`);
    expect(codes.sort()).toEqual(['answers.date_of_birth:date_not_past', 'answers.how_to_receive_the_allowance:invalid_choice', 'answers.national_id_number:invalid_national_id']);
    expect(errorsOf(th.body).find((e) => e.code === 'invalid_national_id')?.message).toBe('เลขประจำตัวประชาชนไม่ถูกต้อง (ตรวจสอบทั้ง 13 หลัก)');
    const en = await submit('elderly-allowance', { answers }, filesFor(def), { query: '?locale=en' }).expect(400);
    expect(errorsOf(en.body).find((e) => e.code === 'invalid_national_id')?.message).toBe('The national ID is not valid (check all 13 digits)');
    const header = await submit('elderly-allowance', { answers }, [], { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } }).expect(400);
    expect(errorsOf(header.body).find((e) => e.code === 'required')).toMatchObject({ path: ['answers', 'copies_of_the_id_card_house_registration'], message: 'This field is required' });
  });

  it('words a file too large with the field’s own limit', async () => {
    const def = await definition('waste-collection');
    const field = def.fields.find((f) => kind(f) === 'file') as DefField;
    const big = Buffer.concat([tinyPng(), Buffer.alloc((field.maxSizeMb ?? 5) * 1024 * 1024)]);
    const res = await submit('waste-collection', { answers: validAnswers(def) }, [{ field: field.name, bytes: big, name: 'big.png', type: 'image/png' }], { query: '?locale=en' });
    expect(errorsOf(res.body)).toEqual([{ path: ['answers', field.name, 0], code: 'file_too_large', message: `The file is larger than ${field.maxSizeMb} MB`, name: 'ValidationError' }]);
  });

  it('refuses contact details without consent, and a broken data part', async () => {
    const def = await definition('water-truck');
    const res = await submit('water-truck', { answers: validAnswers(def), contact: { phone: '0812345678' } }).expect(400);
    expect(errorsOf(res.body).map((e) => `${e.path.join('.')}:${e.code}`)).toEqual(['consent:consent_required']);
    const broken = await request(app.url).post('/api/e-forms/water-truck/submissions').set('X-Forwarded-For', nextAddress()).field('data', '{"answers": ').expect(400);
    expect(errorsOf(broken.body).map((e) => e.code)).toEqual(['malformed_body']);
  });
});

describe('(c) changing a form never changes the requests filed through it', () => {
  it('keeps each request’s snapshot, answers, tracking and case page through renames, removals, a new required field and closing', async () => {
    const slug = 'waste-collection';
    const def = await definition(slug);
    const filed = await submit(slug, { answers: validAnswers(def) }, filesFor(def)).expect(201);
    const code = filed.body.data.trackingCode as string;
    const read = async () => {
      const row = await app.strapi.db.query(SUBMISSION).findOne({ where: { trackingCode: code } });
      const tracked = (await request(app.url).get(`/api/e-form-submissions/track/${code}`).set('X-Forwarded-For', nextAddress()).expect(200)).body.data;
      const page = (await staffGet(`/complaint-workflow/cases/${row.id}?type=e-service`).expect(200)).body;
      return { snapshot: row.formSnapshot, answers: row.answers, files: row.files, description: row.description, tracked, pageAnswers: page.answers, rows: page.answerRows };
    };
    const was = await read();

    // Staff rename a label, remove a field, blank a name and add a required field, then publish.
    const docs = app.strapi.documents(FORM);
    const [form] = await docs.findMany({ filters: { slug }, status: 'draft', populate: ['fields'] });
    const fields = (form.fields as Array<Record<string, unknown>>).map((f) => ({ ...f }));
    fields[0].labelTh = 'ชื่อผู้ยื่นคำขอ';
    fields[1].name = ''; // blanked by mistake: the name stays
    const removed = fields.splice(2, 1)[0];
    fields.push({ __component: 'eform.short-text', labelTh: 'ชื่อหมู่บ้าน', labelEn: 'Village name', required: true, maxLength: 100 });
    await docs.update({ documentId: form.documentId, data: { fields } as unknown as Parameters<typeof docs.update>[0]['data'] });
    await docs.publish({ documentId: form.documentId });
    const changed = await definition(slug);
    expect(changed.fields[0].label.th).toBe('ชื่อผู้ยื่นคำขอ');
    expect(changed.fields[1].name).toBe(def.fields[1].name);
    expect(changed.fields.map((f) => f.name)).not.toContain(removed.name);
    expect(changed.fields.at(-1)).toMatchObject({ name: 'village_name', required: true });
    expect(await read()).toEqual(was);

    // A new request follows the new form: the new field is required.
    const missing = await submit(slug, { answers: validAnswers(def) }, filesFor(def)).expect(400);
    expect(errorsOf(missing.body).map((e) => `${e.path.join('.')}:${e.code}`)).toEqual(['answers.village_name:required']);

    // Closed: still shown (isOpen false), no longer filed, and gone from the list.
    await docs.update({ documentId: form.documentId, data: { isOpen: false } });
    await docs.publish({ documentId: form.documentId });
    expect((await definition(slug)).isOpen).toBe(false);
    const closed = await submit(slug, { answers: validAnswers(changed) }, filesFor(changed), { query: '?locale=en' }).expect(409);
    expect(closed.body.error).toMatchObject({ status: 409, message: 'This form no longer takes requests', details: { code: 'form_closed' } });
    expect((await request(app.url).get('/api/e-forms').expect(200)).body.data.map((f: { slug: string }) => f.slug)).not.toContain(slug);
    expect(await read()).toEqual(was);
  });
});

describe('(d) edges', () => {
  it('answers 404 form_not_found for an unknown or draft-only form, for reading and filing', async () => {
    const draft = await app.strapi.documents(FORM).create({ data: { titleTh: 'แบบฟอร์มร่าง', slug: 'draft-only', processingDays: 5, isOpen: true, workflow: 'full', fields: [] } });
    expect(draft.documentId).toBeTruthy();
    for (const slug of ['no-such-form', 'draft-only']) {
      const read = await request(app.url).get(`/api/e-forms/${slug}?status=draft`).expect(404);
      expect(read.body.error.details.code).toBe('form_not_found');
      const filed = await submit(slug, { answers: {} }, [], { query: '?locale=en' }).expect(404);
      expect(filed.body.error).toMatchObject({ message: 'No such e-service form', details: { code: 'form_not_found' } });
    }
    expect((await request(app.url).get('/api/e-forms?status=draft').expect(200)).body.data.map((f: { slug: string }) => f.slug)).not.toContain('draft-only');
  });

  it('answers 415 to a body that is neither JSON nor multipart, and 413 to one too large', async () => {
    const text = await request(app.url).post('/api/e-forms/water-truck/submissions').set('X-Forwarded-For', nextAddress()).set('Content-Type', 'text/plain').send('answers').expect(415);
    expect(text.body.error.details.code).toBe('unsupported_media_type');
    const huge = await submit('water-truck', { answers: { x: 'ก'.repeat(3 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    const file = await submit('building-permit-appointment', { answers: {} }, [{ field: 'plans_or_sketches_pdf', bytes: Buffer.concat([tinyPdf(), Buffer.alloc(10.5 * 1024 * 1024)]), name: 'big.pdf', type: 'application/pdf' }]);
    expect([file.status, file.body?.error?.details?.code]).toEqual([413, 'file_too_large']);
  });

  it('limits filing per client address, shared with the free-form request', async () => {
    const from = '192.0.2.77';
    const def = await definition('water-truck');
    for (let i = 0; i < 4; i++) await submit('water-truck', { answers: {} }, [], { from }).expect(400);
    await request(app.url).post('/api/e-form-submissions').set('X-Forwarded-For', from).send({ data: { title: 'x', description: 'y' } }).expect(201);
    const limited = await submit('water-truck', { answers: validAnswers(def) }, [], { from });
    expect(limited.status).toBe(429);
    expect(limited.body.error.details.code).toBe('rate_limited');
  });

  it('documents each open form’s answers in the OpenAPI document, rebuilt when a form changes', async () => {
    const first = await request(app.url).get('/api/openapi.json').expect(200);
    const op = first.body.paths['/e-forms/{slug}/submissions'].post;
    expect(Object.keys(op['x-e-forms']).sort()).toEqual(DEMO.filter((s) => s !== 'waste-collection').sort());
    const water = first.body.components.schemas['EFormSubmission.water-truck'];
    const answers = water.properties.data.properties.answers;
    const def = await definition('water-truck');
    expect(answers.required.sort()).toEqual(def.fields.filter((f) => f.required).map((f) => f.name).sort());
    const litres = def.fields.find((f) => kind(f) === 'number') as DefField;
    expect(answers.properties[litres.name]).toMatchObject({ type: 'number', minimum: 1000, maximum: 24000 });
    expect(op.requestBody.content['multipart/form-data']).toBeTruthy();
    expect(first.body.paths['/e-forms']).toBeTruthy();
    expect(first.body.paths['/e-forms/{slug}']).toBeTruthy();

    // Renaming a label changes the document.
    const docs = app.strapi.documents(FORM);
    const [form] = await docs.findMany({ filters: { slug: 'water-truck' }, status: 'draft' });
    await docs.update({ documentId: form.documentId, data: { titleEn: 'Water truck (drought relief)' } });
    await docs.publish({ documentId: form.documentId });
    const second = await request(app.url).get('/api/openapi.json').set('If-None-Match', first.headers.etag).expect(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect(second.body.components.schemas['EFormSubmission.water-truck'].description).toContain('Water truck (drought relief)');
  });
});
