import request from 'supertest';
import sharp from 'sharp';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { surveyToken } from '../../../../../src/api/survey/domain/token';
import { createDataset, dataStoreSettled, uploadFile } from '../../../../helpers/datasets';
import { hashCode } from '../../../../../src/api/account/domain/sign-in-code';

/**
 * The OpenAPI document is the API: it validates as OpenAPI 3.1, every documented operation answers
 * a request generated from its own schema with a documented status and a body its schema accepts,
 * and breaking one field at a time gets a 400 naming that field with one of its documented codes.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a generated JSON document

let app: TestApp;
let doc: Json;
const DOC_ID = 'https://nokok.example/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  // The demo town: categories, poles and bills the documented examples name.
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '100000', READ_LIMIT_PER_MINUTE: '100000' });
  doc = (await request(app.url).get('/api/openapi.json').expect(200)).body as Json;
  ajv.addSchema({ $id: DOC_ID, components: doc.components });
  await openDataset();
  await resolvedDemoComplaint();
  await signedInCitizen();
  await citizenRecords();
  await citizenNotice();
});

/** A confirmed citizen: the signed-in routes are called as them, and their sign-in code verifies. */
let citizenId: number;
async function signedInCitizen() {
  const email = 'conformance-citizen@example.test';
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await app.strapi.plugin('users-permissions').service('user').add({ username: email, email, password: 'Conformance-2569', provider: 'local', confirmed: true, blocked: false, role: role.id });
  citizenId = user.id;
  const code = '246810';
  const secret = String(app.strapi.config.get('plugin::users-permissions.jwtSecret'));
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { signInCodeHash: hashCode(code, user.id, secret), signInCodeExpiresAt: new Date(Date.now() + 3600_000), signInCodeTries: 0 } });
  Object.assign(learnt, { 'verifySignInCode.email': email, 'verifySignInCode.code': code });
}

/** A notice for everyone published after the citizen signed up: theirs to list and mark read. */
async function citizenNotice() {
  await app.strapi.documents('api::announcement.announcement').create({ data: { titleTh: 'ประกาศทดสอบ', bodyTh: 'ทุกคน', audience: 'everyone', public: false, sendByChannel: false }, status: 'published' });
  await app.strapi.service('api::announcement.notices').idle();
  const [delivery] = await app.strapi.db.query('api::announcement.notice-delivery').findMany({ where: { user: { id: citizenId } }, select: ['id'] });
  learnt['readMyNotice.id'] = delivery.id;
}

/** The citizen's own complaint and request (filed signed in), and one filed signed out for them to claim. */
async function citizenRecords() {
  const engine = app.strapi.plugin('complaint-workflow').service('engine');
  const category = await app.strapi.db.query('api::complaint-category.complaint-category').findOne({ select: ['id'] });
  const own = await engine.create('complaint', { category: category.id, description: 'conformance', channel: 'web', language: 'th', owner: citizenId }, { type: 'citizen' });
  const request = await engine.create('e-service', { title: 'conformance', description: 'conformance', answers: {}, channel: 'web', language: 'th', owner: citizenId }, { type: 'citizen' });
  const unclaimed = await engine.create('complaint', { category: category.id, description: 'conformance', channel: 'web', language: 'th', contactEmail: 'claim-me@example.test', consent: true }, { type: 'citizen' });
  Object.assign(learnt, {
    'getAccountComplaint.trackingCode': own.trackingCode,
    'getAccountRequest.trackingCode': request.trackingCode,
    'claimAccountRecord.data': { trackingCode: unclaimed.trackingCode, contact: 'claim-me@example.test' },
  });
}

/** A fresh access token of the citizen (10 minutes each: this file runs longer). */
async function citizenToken(): Promise<string> {
  const sessions = app.strapi.sessionManager('users-permissions');
  const refresh = await sessions.generateRefreshToken(String(citizenId), undefined, { type: 'refresh' });
  const access = await sessions.generateAccessToken(refresh.token);
  if ('error' in access) throw new Error(`no access token: ${access.error}`);
  return access.token;
}

/** A demo complaint resolved with its photo of the fix (the seed attaches one): its photo route and "not fixed" name it. */
async function resolvedDemoComplaint() {
  const photo = (await app.strapi.db.query('api::complaint-photo.complaint-photo').findOne({ where: { kind: 'after', complaint: { state: 'resolved' } }, populate: { complaint: { select: ['trackingCode'] } } })) as { id: number; complaint: { trackingCode: string } };
  Object.assign(learnt, { 'trackComplaintPhoto.trackingCode': photo.complaint.trackingCode, 'trackComplaintPhoto.id': String(photo.id), 'notFixedComplaint.trackingCode': photo.complaint.trackingCode });
}

/** A published dataset with a table file: the open-data routes name it, its resource and its department. */
async function openDataset() {
  const file = await uploadFile(app.strapi, 'table.csv', 'a,b\n1,x\n2,y\n');
  await createDataset(app.strapi, { titleEn: 'Conformance table', resources: [{ name: 'table', source: 'file', file: file.id }] });
  await dataStoreSettled(app.strapi, 1);
  const pkg = (await request(app.url).get('/api/3/action/package_show?id=conformance-table').expect(200)).body.result as Json;
  const resource = String(pkg.resources[0].id);
  const named = { 'ckanPackageShow.id': pkg.name, 'ckanOrganizationShow.id': pkg.organization.name, 'ckanResourceShow.id': resource, 'ckanDatastoreSearch.resource_id': resource };
  // Each CKAN action by GET (query) and by POST (the same parameters as JSON).
  for (const [key, value] of Object.entries(named)) learnt[key] = learnt[key.replace('.', 'Post.')] = String(value);
  Object.assign(learnt, { 'datasetVersions.id': pkg.name, resourceId: resource });
}

afterAll(async () => {
  await app?.stop();
});

/** A schema whose `#/components/…` references resolve in the document. */
const compile = (schema: Json) => ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${DOC_ID}#/components/`)) as Json);

/** A value the schema accepts: its first example, else something of its type within its limits. */
function sample(schema: Json | undefined, all = false): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sample(doc.components.schemas[String(schema.$ref).split('/').pop()!] as Json, all);
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null);
  if (schema.anyOf || schema.oneOf) return sample((schema.anyOf ?? schema.oneOf)[0] as Json, all);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
        // Required fields always; optional ones when documented with an example (all = every field).
        const example = 'examples' in prop || ((prop.anyOf ?? []) as Json[]).some((p) => 'examples' in p);
        if ((schema.required ?? []).includes(name) || (all && example)) out[name] = sample(prop, all);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items as Json, all));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'someone@example.com';
      if (schema.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return undefined;
  }
}

interface Call {
  path: string;
  method: 'get' | 'post' | 'put';
  op: Json;
}

// DELETE operations are left out: deleting the citizen's account would end the signed-in calls after it.
const operations = (): Call[] =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) => (['post', 'put', 'get'] as const).filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Json })));

/** Values of path parameters (and body fields) that name real records, learnt from earlier answers. */
const learnt: Record<string, string | Json> = {};
const bodyMedia = (op: Json) => Object.keys(op.requestBody?.content ?? {})[0];

async function send(call: Call, params: Json, query: Json, body: unknown) {
  const url = '/api' + call.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  let req = request(app.url)[call.method](url).query(query as Record<string, string>).set('Accept-Language', 'en');
  // A signed-in route is called as the citizen (its 401 is the answer to anyone else).
  if (call.op.security) req = req.set('Authorization', `Bearer ${await citizenToken()}`);
  const media = bodyMedia(call.op);
  if (media === 'multipart/form-data') {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).png().toBuffer();
    req = req.attach('files', png, 'photo.png');
  } else if (body !== undefined) req = req.type(media === 'application/x-www-form-urlencoded' ? 'form' : 'json').send(body as object);
  return req;
}

function request0(call: Call) {
  const params: Json = {};
  const query: Json = {};
  for (const p of (call.op.parameters ?? []) as Json[]) {
    if (p.in === 'path') params[p.name] = learnt[`${call.op.operationId}.${p.name}`] ?? learnt[p.name] ?? sample(p.schema as Json);
    else if (p.required) query[p.name] = learnt[`${call.op.operationId}.${p.name}`] ?? sample(p.schema as Json);
  }
  const schema = call.op.requestBody?.content?.[bodyMedia(call.op)]?.schema as Json | undefined;
  const body = schema && bodyMedia(call.op) !== 'multipart/form-data' ? sample(schema, true) : undefined;
  // A body field naming a record takes a value learnt for it, like a path or query parameter.
  if (body && typeof body === 'object') for (const key of Object.keys(body)) if (learnt[`${call.op.operationId}.${key}`]) (body as Json)[key] = learnt[`${call.op.operationId}.${key}`];
  return { params, query, body };
}

/** Checks the answer against the document: a documented status, and a body its schema accepts. */
function conforms(call: Call, res: request.Response) {
  const documented = call.op.responses[String(res.status)] as Json | undefined;
  if (!documented) throw new Error(`${call.op.operationId}: status ${res.status} is not documented (${JSON.stringify(res.body).slice(0, 300)})`);
  const schema = documented.content?.['application/json']?.schema as Json | undefined;
  if (schema && /json/.test(String(res.headers['content-type']))) {
    const validate = compile(schema);
    if (!validate(res.body)) throw new Error(`${call.op.operationId} ${res.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`);
  }
}

// In an order where each answer supplies the records later calls name.
const ORDER = ['createComplaint', 'createEServiceRequest', 'lookupTaxBill', 'open311CreateRequest', 'listSurveys', 'getSurvey'];
const byOrder = (a: Call, b: Call) => {
  const rank = (c: Call) => (ORDER.includes(c.op.operationId as string) ? ORDER.indexOf(c.op.operationId as string) : ORDER.length);
  return rank(a) - rank(b);
};

function learn(call: Call, body: Json) {
  const data = body?.data as Json | Json[] | undefined;
  const id = call.op.operationId as string;
  if (id === 'createComplaint') learnt['trackComplaint.trackingCode'] = (data as Json).trackingCode;
  if (id === 'createEServiceRequest') learnt['trackEServiceRequest.trackingCode'] = (data as Json).trackingCode;
  if (id === 'lookupTaxBill') learnt['getTaxBillQr.token'] = /\/qr\/([^/]+)\.png$/.exec(String((data as Json).qrImageUrl))![1];
  if (id === 'open311CreateRequest') learnt['open311Request.service_request_id'] = (body as unknown as Json[])[0].service_request_id;
  // The demo's open survey, and answers its questions accept.
  if (id === 'listSurveys') for (const op of ['getSurvey', 'answerSurvey', 'getSurveyResults']) learnt[`${op}.slug`] = (data as Json[])[0].slug;
  if (id === 'getSurvey') {
    const answer = (q: Json) =>
      q.__component === 'survey.choice' ? (q.multiple ? [q.options[0].value] : q.options[0].value) : ({ 'survey.rating': 5, 'survey.yes-no': true, 'survey.text': 'x' } as Json)[q.__component as string];
    learnt['answerSurvey.data'] = { answers: Object.fromEntries(((data as Json).questions as Json[]).map((q) => [q.name, answer(q)])) };
  }
  // The demo's public notices.
  if (id === 'listNotices') learnt['getNotice.id'] = (data as Json[])[0].id;
  if (Array.isArray(data) && data[0]?.documentId) learnt[`${id.replace(/^list/, 'get')}.documentId`] = data[0].documentId;
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    // The validator is an ES module, which this jest setup cannot load: it runs in its own node.
    const file = path.join(os.tmpdir(), `openapi-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(doc));
    const script = `import { Validator } from '@seriousme/openapi-schema-validator';
      const validator = new Validator();
      const result = await validator.validate(JSON.parse((await import('fs')).readFileSync(process.argv[1], 'utf8')));
      console.log(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? [] }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: path.resolve(__dirname, '../../../../..'), encoding: 'utf8' });
    fs.rmSync(file, { force: true });
    const result = JSON.parse(out) as { valid: boolean; version: string; errors: unknown[] };
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ valid: true, version: '3.1' });
  });

  it('answers every documented operation as documented, from requests generated from its schemas', async () => {
    // A fixed complaint to rate, its one-time link's token signed as its notices sign it.
    const engine = app.strapi.plugin('complaint-workflow').service('engine');
    const category = await app.strapi.db.query('api::complaint-category.complaint-category').findOne({ select: ['id'] });
    const fixed = await engine.create('complaint', { category: category.id, description: 'conformance', channel: 'web', language: 'th' }, { type: 'citizen' });
    await engine.transition('complaint', fixed.id, 'accept', { type: 'staff' });
    await engine.transition('complaint', fixed.id, 'resolve', { type: 'staff' }, { reason: 'done' });
    learnt.token = surveyToken(process.env.SURVEY_SECRET!, 'complaint', fixed.id);
    const answered: string[] = [];
    for (const call of operations().sort(byOrder)) {
      const { params, query, body } = request0(call);
      const res = await send(call, params, query, body);
      conforms(call, res);
      if (res.status < 300) learn(call, res.body as Json);
      answered.push(`${call.op.operationId} ${res.status}`);
    }
    // Every operation was reached with a request it accepts, not only answered with some error.
    expect(answered.filter((a) => !/ 20[0-4]$/.test(a))).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(25);
  });
});

/** One field of a body, query or path, and ways to make it wrong. */
function breakings(schema: Json, required: boolean, inUrl: boolean): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  if (required) out.push(['missing', undefined]);
  if (Array.isArray(schema.enum)) out.push(['not a choice', 'not-a-choice']);
  // Thai text where a body carries it; ASCII in a URL, where each Thai letter would take nine bytes.
  if (type === 'string' && schema.maxLength) out.push(['too long', (inUrl ? 'a' : 'ก').repeat(Number(schema.maxLength) + 1)]);
  if (type === 'string') out.push(['not text', 12345]);
  if (type === 'integer' || type === 'number') out.push(['not a number', 'abc']);
  if (type === 'boolean') out.push(['not a boolean', 'yes']);
  if (type === 'object' || type === 'array') out.push(['not an object', 'x']);
  return out;
}

describe('a request with one field broken', () => {
  it('is refused with 400 naming that field and a documented code', async () => {
    const tried: string[] = [];
    for (const call of operations().filter((c) => c.op.responses['400'])) {
      const base = request0(call);
      const refusal = (call.op.responses['400'] as Json).content?.['application/json']?.schema as Json;
      const documentedCodes = refusal?.properties?.error?.properties?.details?.properties?.errors?.items?.properties?.code?.enum as string[] | undefined;
      // The routes this project declares (Strapi's envelope with codes, or Open311's error list);
      // the core content-type routes' query language is Strapi's own.
      if (!documentedCodes && refusal?.type !== 'array') continue;
      const targets: Array<{ where: 'body' | 'query' | 'params'; path: string[]; schema: Json; required: boolean }> = [];

      const media = bodyMedia(call.op);
      const bodySchema = call.op.requestBody?.content?.[media]?.schema as Json | undefined;
      if (bodySchema && media !== 'multipart/form-data') {
        // The fields of the body, or of its `data` envelope.
        const fields = (bodySchema.properties?.data ?? bodySchema) as Json;
        const prefix = bodySchema.properties?.data ? ['data'] : [];
        for (const [name, prop] of Object.entries((fields.properties ?? {}) as Record<string, Json>)) {
          targets.push({ where: 'body', path: [...prefix, name], schema: prop, required: (fields.required ?? []).includes(name) });
        }
      }
      for (const p of (call.op.parameters ?? []) as Json[]) {
        // Headers (Idempotency-Key) are checked before any route: tests/api/src/middlewares/idempotency.test.ts.
        if (p.in === 'header') continue;
        // A path value outside its pattern (json|xml) matches no route at all: only lengths are breakable there.
        if (p.in === 'path' && !p.schema.maxLength) continue;
        targets.push({ where: p.in === 'path' ? 'params' : 'query', path: [p.name], schema: p.schema as Json, required: false });
      }

      for (const target of targets) {
        const types = Array.isArray(target.schema.type) ? target.schema.type : [target.schema.type];
        for (const [how, value] of breakings(target.schema, target.required, target.where !== 'body')) {
          // Query and path values are text, and an Open311 form field may be a number or a numeric text.
          if (target.where !== 'body' && how === 'not text') continue;
          if (how === 'not text' && target.schema.anyOf) continue;
          if (media === 'application/x-www-form-urlencoded' && (how === 'not text' || how === 'not a number')) continue;
          if (types.includes('string') && how === 'not a number') continue;
          const params = { ...base.params };
          const query = { ...base.query };
          let body = structuredClone(base.body) as Json;
          if (target.where === 'params') params[target.path[0]] = value;
          else if (target.where === 'query') query[target.path[0]] = value;
          else {
            body ??= {};
            const holder = target.path.length > 1 ? ((body[target.path[0]] ??= {}) as Json) : body;
            const key = target.path[target.path.length - 1];
            if (value === undefined) delete holder[key];
            else holder[key] = value;
          }
          const label = `${call.op.operationId} ${target.where}.${target.path.join('.')} ${how}`;
          const res = await send(call, params, query, body);
          conforms(call, res);
          expect({ label, status: res.status }).toEqual({ label, status: 400 });
          const field = target.path[target.path.length - 1];
          if (documentedCodes) {
            const named = ((res.body as Json).error.details.errors as Json[]).filter((e) => (e.path as unknown[]).map(String).includes(field));
            expect({ label, named: named.length > 0 }).toEqual({ label, named: true });
            for (const e of named) expect({ label, code: documentedCodes.includes(e.code as string) }).toEqual({ label, code: true });
          } else {
            // Open311's own error list: the field as the client sent it, and a stable reason.
            const named = (res.body as Json[]).filter((e) => String(e.field).split('/').includes(field));
            expect({ label, named: named.length > 0 }).toEqual({ label, named: true });
          }
          tried.push(label);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(40);
  });
});

describe('a CKAN action with one parameter broken', () => {
  it("is refused with CKAN's 409 Validation Error naming that parameter", async () => {
    const tried: string[] = [];
    for (const call of operations().filter((c) => c.path.startsWith('/3/action/') && c.op.responses['409'])) {
      const base = request0(call);
      const bodySchema = call.op.requestBody?.content?.['application/json']?.schema as Json | undefined;
      const targets: Array<{ where: 'body' | 'query'; name: string; schema: Json; required: boolean }> = [
        ...Object.entries((bodySchema?.properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({ where: 'body' as const, name, schema, required: ((bodySchema?.required ?? []) as string[]).includes(name) })),
        ...((call.op.parameters ?? []) as Json[]).filter((p) => p.in !== 'header').map((p) => ({ where: 'query' as const, name: String(p.name), schema: p.schema as Json, required: Boolean(p.required) })),
      ];
      for (const target of targets) {
        const types = Array.isArray(target.schema.type) ? target.schema.type : [target.schema.type];
        for (const [how, value] of breakings(target.schema, target.required, target.where === 'query')) {
          if (target.where === 'query' && how === 'not text') continue;
          if (types.includes('string') && how === 'not a number') continue;
          const query = { ...base.query };
          const body = structuredClone(base.body ?? {}) as Json;
          const holder = target.where === 'query' ? query : body;
          if (value === undefined) delete holder[target.name];
          else holder[target.name] = value;
          const label = `${call.op.operationId} ${target.where}.${target.name} ${how}`;
          const res = await send(call, base.params, query, call.method === 'post' ? body : undefined);
          conforms(call, res);
          expect({ label, status: res.status, type: (res.body as Json).error?.__type }).toEqual({ label, status: 409, type: 'Validation Error' });
          expect({ label, named: Array.isArray((res.body as Json).error[target.name]) }).toEqual({ label, named: true });
          tried.push(label);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(20);
  });
});

describe('the same bad complaint in Thai and in English', () => {
  it('answers the same codes, worded in each language', async () => {
    const bad = { data: { category: '', description: 'x'.repeat(5001), location: { lat: 48.85, lng: 2.35 }, contact: { phone: '12' } } };
    const th = await request(app.url).post('/api/complaints').set('Accept-Language', 'th').send(bad).expect(400);
    const en = await request(app.url).post('/api/complaints').set('Accept-Language', 'en-GB,en;q=0.9').send(bad).expect(400);
    const codes = (res: request.Response) => ((res.body as Json).error.details.errors as Json[]).map((e) => `${(e.path as string[]).join('.')}:${e.code}`).sort();
    expect(codes(th)).toEqual(['data.category:required', 'data.consent:consent_required', 'data.contact.phone:invalid_phone', 'data.description:too_long', 'data.location:out_of_area']);
    expect(codes(en)).toEqual(codes(th));
    const message = (res: request.Response, code: string) => ((res.body as Json).error.details.errors as Json[]).find((e) => e.code === code)!.message as string;
    expect(message(th, 'out_of_area')).toBe('ตำแหน่งอยู่นอกประเทศไทย');
    expect(message(en, 'out_of_area')).toBe('The location is outside Thailand');
    expect((th.body as Json).error.message).toMatch(/[\u0E00-\u0E7F]/);
    expect((en.body as Json).error.message).not.toMatch(/[\u0E00-\u0E7F]/);
    // ?locale= wins over the header; no message carries two languages.
    const byLocale = await request(app.url).post('/api/complaints?locale=en').set('Accept-Language', 'th').send(bad).expect(400);
    expect(message(byLocale, 'required')).toBe('This field is required');
    for (const res of [th, en, byLocale]) expect(JSON.stringify(res.body)).not.toContain(' / ');
  });
});
