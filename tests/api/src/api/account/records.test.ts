import crypto from 'crypto';
import request from 'supertest';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { nationalId, validAnswers, type Definition } from '../../../../helpers/e-form-answers';
import type { RecordsService } from '../../../../../src/api/account/services/records';

/**
 * "My records" (issue 19): complaints and e-service requests filed signed in are the person's;
 * those filed signed out are claimed with the tracking code and the contact given; tax bills are
 * linked once by the lookup's proof; survey links appear when a case is finished; the export holds
 * every linked record and erasure leaves no personal data; another account's codes answer 404.
 */
let app: TestApp;
const COMPLAINT = 'api::complaint.complaint';
const REQUEST = 'api::e-form-submission.e-form-submission';
const PASSWORD = 'Long-enough-pass-1';
const DEMO_BILL = { billNumber: 'DEMO-2569-0001', nationalId: '3109900123453' };
const staffActor = { type: 'staff' as const };
const engine = () => app.strapi.plugin('complaint-workflow').service('engine');
const records = () => app.strapi.service('api::account.records') as RecordsService;
const rand = () => crypto.randomBytes(4).toString('hex');
/** A unique Thai mobile number, so a scan of the database finds only this test's. */
const uniquePhone = () => `08${String(crypto.randomInt(10_000_000, 99_999_999))}`;

interface Person {
  id: number;
  email: string;
  jwt: string;
}

/** A confirmed account and an access token for it, as signing in gives. */
async function person(tag: string): Promise<Person> {
  const email = `${tag}-${rand()}@example.test`;
  const role = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
  const user = (await app.strapi.plugin('users-permissions').service('user').add({ username: email, email, password: PASSWORD, provider: 'local', confirmed: true, blocked: false, role: role.id })) as { id: number };
  const jwt = (await app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id })) as string;
  return { id: user.id, email, jwt };
}

const as = (p: Person | null) => (req: request.Test) => (p ? req.set('Authorization', `Bearer ${p.jwt}`) : req);
const get = (p: Person | null, path: string) => as(p)(request(app.url).get(path));
const post = (p: Person | null, path: string, body: unknown) => as(p)(request(app.url).post(path).send(body as object));
const del = (p: Person | null, path: string) => as(p)(request(app.url).delete(path));

let seq = 0;
async function fileComplaint(p: Person | null, contact: Record<string, string> = {}, title = 'ถนนหน้าบ้าน') {
  const res = await post(p, '/api/complaints', { data: { category: 'road', title, description: `ถนนเป็นหลุม จุดที่ ${(seq += 1)}`, village: 2, contact, consent: Object.keys(contact).length > 0 } }).expect(201);
  const row = (await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode }, populate: { owner: { select: ['id'] } } })) as { id: number; owner: { id: number } | null };
  return { id: row.id, trackingCode: res.body.data.trackingCode as string, owner: row.owner?.id ?? null };
}

let form: Definition;
async function fileForm(p: Person | null, marks: { name: string; phone: string; email: string; id: string }) {
  const answers: Record<string, unknown> = validAnswers(form);
  for (const f of form.fields) {
    if (f.__component === 'eform.short-text') answers[f.name] = marks.name;
    if (f.__component === 'eform.national-id') answers[f.name] = marks.id;
    if (f.__component === 'eform.phone') answers[f.name] = marks.phone;
  }
  const res = await post(p, `/api/e-forms/${form.slug}/submissions`, { data: { answers, contact: { name: marks.name, phone: marks.phone, email: marks.email }, consent: true } }).expect(201);
  const row = (await app.strapi.db.query(REQUEST).findOne({ where: { trackingCode: res.body.data.trackingCode }, populate: { owner: { select: ['id'] } } })) as { id: number; owner: { id: number } | null };
  return { id: row.id, trackingCode: res.body.data.trackingCode as string, owner: row.owner?.id ?? null };
}

const move = async (type: 'complaint' | 'e-service', id: number, ...steps: Array<[string, string?]>) => {
  for (const [action, reason] of steps) await engine().transition(type, id, action, staffActor, reason ? { reason } : {});
};

let alice: Person;
let bob: Person;

beforeAll(async () => {
  // The demo town: its tax bills, complaint categories and e-service forms.
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://nokok.example' });
  form = (await request(app.url).get('/api/e-forms/official-information').expect(200)).body.data as Definition;
  alice = await person('alice');
  bob = await person('bob');
});

afterAll(async () => {
  await app?.stop();
});

describe('filing signed in', () => {
  it('ties a complaint filed with a Bearer to the account; its page lists it with its title, newest first', async () => {
    const first = await fileComplaint(alice, {}, 'ไฟทางดับ');
    const second = await fileComplaint(alice, {}, 'ถนนเป็นหลุม');
    expect(first.owner).toBe(alice.id);
    const list = (await get(alice, '/api/account/complaints').expect(200).expect('Cache-Control', /no-store/)).body.data as Array<{ trackingCode: string; title: string }>;
    expect(list.map((c) => c.trackingCode).slice(0, 2)).toEqual([second.trackingCode, first.trackingCode]);
    expect(list[0]).toMatchObject({ title: 'ถนนเป็นหลุม', status: 'received', publicStatus: 'open' });
    const one = (await get(alice, `/api/account/complaints/${first.trackingCode.toLowerCase()}`).expect(200)).body.data;
    expect(one).toMatchObject({ trackingCode: first.trackingCode, title: 'ไฟทางดับ' });
    expect((await get(bob, '/api/account/complaints').expect(200)).body.data).toEqual([]);
  });

  it('files without an account, or with a token that is not valid, as before: nobody owns it', async () => {
    expect((await fileComplaint(null)).owner).toBeNull();
    const forged = { ...alice, jwt: `${alice.jwt}x` };
    expect((await fileComplaint(forged)).owner).toBeNull();
  });

  it('ties an e-service request (a form, and the free-form one) to the account, listed with the form title', async () => {
    const r = await fileForm(alice, { name: 'ทดสอบ ผู้ยื่น', phone: uniquePhone(), email: `form-${rand()}@example.test`, id: nationalId('110170023071') });
    expect(r.owner).toBe(alice.id);
    const free = await post(alice, '/api/e-form-submissions', { data: { title: 'ขอคัดสำเนา', description: 'ขอคัดสำเนาใบอนุญาต' } }).expect(201);
    const list = (await get(alice, '/api/account/requests').expect(200)).body.data as Array<{ trackingCode: string; form: unknown }>;
    expect(list.map((x) => x.trackingCode)).toEqual([free.body.data.trackingCode, r.trackingCode]);
    expect(list[1].form).toEqual({ slug: 'official-information', title: { th: form.title.th, en: form.title.en } });
    expect(list[0].form).toBeNull();
    expect((await get(alice, `/api/account/requests/${r.trackingCode}`).expect(200)).body.data).toMatchObject({ trackingCode: r.trackingCode, status: 'received' });
  });
});

describe('claiming a record filed signed out', () => {
  it('claims with the tracking code and the e-mail or phone given, in any form; a wrong contact and someone else’s record answer 404', async () => {
    const phone = uniquePhone();
    const email = `Claim-${rand()}@Example.test`;
    const c = await fileComplaint(null, { name: 'ผู้แจ้ง ทดสอบ', phone, email });
    const claim = (p: Person, contact: string, code = c.trackingCode) => post(p, '/api/account/claims', { data: { trackingCode: code, contact } });

    const wrong = await claim(bob, 'someone-else@example.test').expect(404);
    expect(wrong.body.error.details).toEqual({ code: 'claim_not_found' });
    await claim(bob, '0899999999').expect(404);
    // An unknown code answers the same.
    await claim(bob, email, 'NK-6901-22222').expect(404);

    const claimed = (await claim(alice, `+66 ${phone.slice(1, 3)}-${phone.slice(3)}`).expect(200)).body.data;
    expect(claimed).toMatchObject({ recordType: 'complaint', trackingCode: c.trackingCode });
    expect((await get(alice, `/api/account/complaints/${c.trackingCode}`).expect(200)).body.data.trackingCode).toBe(c.trackingCode);
    // Already Alice's: the right contact does not give it to Bob, and Alice claiming again changes nothing.
    await claim(bob, email.toLowerCase()).expect(404);
    await claim(alice, email.toUpperCase()).expect(200);
    await get(bob, `/api/account/complaints/${c.trackingCode}`).expect(404);

    const r = await fileForm(null, { name: 'ผู้ยื่น ทดสอบ', phone: uniquePhone(), email: `req-${rand()}@example.test`, id: nationalId('110170023072') });
    const row = (await app.strapi.db.query(REQUEST).findOne({ where: { id: r.id }, select: ['contactEmail'] })) as { contactEmail: string };
    expect((await claim(alice, ` ${row.contactEmail.toUpperCase()} `, r.trackingCode.toLowerCase()).expect(200)).body.data).toMatchObject({ recordType: 'request', trackingCode: r.trackingCode });
  });

  it('refuses a contact that is neither an e-mail nor a phone, naming the field', async () => {
    const res = await post(alice, '/api/account/claims', { data: { trackingCode: 'bad', contact: 'hello' } }).expect(400);
    const codes = (res.body.error.details.errors as Array<{ path: string[]; code: string }>).map((e) => `${e.path.join('.')}:${e.code}`).sort();
    expect(codes).toEqual(['data.contact:invalid_contact', 'data.trackingCode:invalid_tracking_code']);
  });

  it('locks a code after 5 failed claims in 15 minutes, whatever the contact', async () => {
    const c = await fileComplaint(null, { email: `lock-${rand()}@example.test` });
    for (let i = 0; i < 5; i++) await post(bob, '/api/account/claims', { data: { trackingCode: c.trackingCode, contact: `guess${i}@example.test` } }).expect(404);
    const locked = await post(bob, '/api/account/claims', { data: { trackingCode: c.trackingCode, contact: 'guess@example.test' } }).expect(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });
});

describe('tax bills', () => {
  it('links a demo bill proved by number and ID; a wrong ID answers like an unknown bill; the list shows the amount due and a working QR', async () => {
    const wrong = await post(alice, '/api/account/tax-bills', { data: { billNumber: DEMO_BILL.billNumber, nationalId: nationalId('110170023073') } }).expect(404);
    expect(wrong.body.error.details).toEqual({ code: 'bill_not_found' });
    const linked = (await post(alice, '/api/account/tax-bills', { data: DEMO_BILL }).expect(201)).body.data;
    expect(linked).toMatchObject({ billNumber: 'DEMO-2569-0001', amountDue: 7350, owner: 'นาย ส**** ใ****' });
    // Proving it again links nothing twice.
    await post(alice, '/api/account/tax-bills', { data: { billNumber: 'demo25690001', nationalId: '3-1099-00123-45-3' } }).expect(201);
    const list = (await get(alice, '/api/account/tax-bills').expect(200)).body.data as Array<{ billNumber: string; amountDue: number; qrImageUrl: string; qrPayload: string }>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ billNumber: 'DEMO-2569-0001', amountDue: 7350 });
    expect(JSON.stringify(list)).not.toContain(DEMO_BILL.nationalId);
    const png = await request(app.url).get(list[0].qrImageUrl).expect(200).expect('Content-Type', 'image/png');
    expect(Number(png.headers['content-length'] ?? png.body.length)).toBeGreaterThan(100);
    expect((await get(alice, '/api/account/tax-bills/demo-2569-0001').expect(200)).body.data.billNumber).toBe('DEMO-2569-0001');
    expect((await get(bob, '/api/account/tax-bills').expect(200)).body.data).toEqual([]);
  });

  it('locks a bill after 5 failed proofs, shared with the public lookup', async () => {
    const bill = 'DEMO-2569-0003';
    for (let i = 0; i < 5; i++) await post(bob, '/api/account/tax-bills', { data: { billNumber: bill, nationalId: nationalId(`11017002308${i}`) } }).expect(404);
    const locked = await post(bob, '/api/account/tax-bills', { data: { billNumber: bill, nationalId: '3300318090017' } }).expect(429);
    expect(locked.body.error.details).toMatchObject({ code: 'bill_locked' });
    await request(app.url).post('/api/tax-bills/lookup').send({ billNumber: bill, nationalId: '3300318090017' }).expect(429);
  });

  it('removes a link; the bill is then unknown to the account', async () => {
    await post(bob, '/api/account/tax-bills', { data: { billNumber: 'DEMO-2569-0002', nationalId: '3300299632310' } }).expect(201);
    await del(bob, '/api/account/tax-bills/DEMO-2569-0002').expect(204);
    await get(bob, '/api/account/tax-bills/DEMO-2569-0002').expect(404);
    await del(bob, '/api/account/tax-bills/DEMO-2569-0002').expect(404);
    expect(await app.strapi.db.query('api::tax-bill.tax-bill').count({ where: { billNumber: 'DEMO-2569-0002' } })).toBe(1);
  });
});

describe('survey links', () => {
  it('lists a rating link once the case is finished, made with the survey token, answered once; and the open general surveys', async () => {
    const c = await fileComplaint(alice);
    const before = (await get(alice, '/api/account/surveys').expect(200)).body.data;
    expect(before.caseRatings.map((x: { trackingCode: string }) => x.trackingCode)).not.toContain(c.trackingCode);
    await move('complaint', c.id, ['accept'], ['resolve', 'ซ่อมแล้ว']);
    const after = (await get(alice, '/api/account/surveys').expect(200)).body.data;
    const link = after.caseRatings.find((x: { trackingCode: string }) => x.trackingCode === c.trackingCode);
    expect(link).toMatchObject({ caseType: 'complaint', answered: false });
    expect(link.url).toBe(`https://nokok.example/survey?token=${encodeURIComponent(link.token)}`);
    await request(app.url).get(`/api/case-ratings/${link.token}`).expect(200);
    await request(app.url).post(`/api/case-ratings/${link.token}`).send({ data: { speed: 5, staff: 5, result: 4, overall: 5, comment: 'ขอบคุณ' } }).expect(201);
    const answered = (await get(alice, '/api/account/surveys').expect(200)).body.data;
    expect(answered.caseRatings.find((x: { trackingCode: string }) => x.trackingCode === c.trackingCode).answered).toBe(true);
    const open = (await request(app.url).get('/api/surveys').expect(200)).body.data as Array<{ slug: string }>;
    expect(answered.surveys.map((s: { slug: string }) => s.slug)).toEqual(open.map((s) => s.slug));
    expect(answered.surveys.length).toBeGreaterThan(0);
    expect((await get(bob, '/api/account/surveys').expect(200)).body.data.caseRatings).toEqual([]);
  });
});

describe('export and erasure', () => {
  it('exports every linked record, and erasing leaves none of the person’s data while the cases stay', async () => {
    const carol = await person('carol');
    const marks = { name: `ZZNAME${rand()}`, phone: uniquePhone(), email: `zzmail-${rand()}@example.test`, id: nationalId('110170023074') };
    const c = await fileComplaint(carol, { name: marks.name, phone: marks.phone, email: marks.email });
    const claimedLater = await fileComplaint(null, { name: marks.name, email: marks.email });
    await post(carol, '/api/account/claims', { data: { trackingCode: claimedLater.trackingCode, contact: marks.email } }).expect(200);
    const r = await fileForm(carol, marks);
    await post(carol, '/api/account/tax-bills', { data: DEMO_BILL }).expect(201);
    await move('complaint', c.id, ['accept'], ['resolve', 'ซ่อมแล้ว']);
    const token = (await get(carol, '/api/account/surveys').expect(200)).body.data.caseRatings[0].token as string;
    await request(app.url).post(`/api/case-ratings/${token}`).send({ data: { speed: 5, staff: 5, result: 5, overall: 5, comment: `ZZCOMMENT ${marks.name}` } }).expect(201);

    const exported = (await get(carol, '/api/account/export').expect(200)).body as Record<string, unknown[]>;
    const text = JSON.stringify(exported);
    for (const code of [c.trackingCode, claimedLater.trackingCode, r.trackingCode, 'DEMO-2569-0001', marks.phone, marks.email, marks.id, 'ZZCOMMENT']) expect(text).toContain(code);
    expect(exported.complaints).toHaveLength(2);
    expect(exported.requests).toHaveLength(1);
    expect(exported.taxBills).toHaveLength(1);
    expect(exported.caseRatings).toHaveLength(1);

    const countsBefore = { complaints: await app.strapi.db.query(COMPLAINT).count(), requests: await app.strapi.db.query(REQUEST).count() };
    await del(carol, '/api/account').send({ password: PASSWORD }).expect(204);

    // The cases stay (the town's records and statistics), without owner or contact.
    expect({ complaints: await app.strapi.db.query(COMPLAINT).count(), requests: await app.strapi.db.query(REQUEST).count() }).toEqual(countsBefore);
    for (const list of Object.values({ c: await records().complaints(carol.id), r: await records().requests(carol.id), t: await records().bills(carol.id) })) expect(list).toEqual([]);
    // Every table, every row: none of the markers (the tax register keeps the bill owner's own ID by law, and is no account's data).
    const found = await scanTables([carol.email, marks.name, marks.phone, marks.email, marks.id, 'ZZCOMMENT'], { tax_bills: [marks.id] });
    expect(found).toEqual([]);
    const erased = await app.strapi.db.query('api::complaint-event.complaint-event').count({ where: { complaint: { id: c.id }, kind: 'personal_data_erased' } });
    expect(erased).toBe(1);
  });
});

/** The first truthy value `probe` gives, asked again until it does (at most 10 s). */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('waitFor: the condition never held');
}

/** Rows of any table whose text holds one of the markers: `table: marker`. */
async function scanTables(markers: string[], allowed: Record<string, string[]> = {}): Promise<string[]> {
  const knex = app.strapi.db.connection;
  const client = String(app.strapi.db.config.connection.client);
  const tables =
    /sqlite/.test(client)
      ? (await knex.raw<Array<{ name: string }>>("select name from sqlite_master where type = 'table'")).map((t) => t.name)
      : (await knex.raw<{ rows: Array<{ name: string }> }>('select table_name as name from information_schema.tables where table_schema = current_schema()')).rows.map((t) => t.name);
  const hits: string[] = [];
  for (const table of tables) {
    const rows = (await knex(table).select('*')) as unknown[];
    const text = JSON.stringify(rows);
    for (const m of markers) if (text.includes(m) && !(allowed[table] ?? []).includes(m)) hits.push(`${table}: ${m}`);
  }
  return hits;
}

describe('another person’s records', () => {
  it('answers 404 (never 403) on every account route with another person’s codes and bill numbers', async () => {
    const c = await fileComplaint(alice);
    const r = await fileForm(alice, { name: 'ทดสอบ', phone: uniquePhone(), email: `x-${rand()}@example.test`, id: nationalId('110170023075') });
    await post(alice, '/api/account/tax-bills', { data: DEMO_BILL }).expect(201);
    const tries: Array<[string, () => request.Test]> = [
      ['complaint', () => get(bob, `/api/account/complaints/${c.trackingCode}`)],
      ['request', () => get(bob, `/api/account/requests/${r.trackingCode}`)],
      ['tax bill', () => get(bob, `/api/account/tax-bills/${DEMO_BILL.billNumber}`)],
      ['unlink tax bill', () => del(bob, `/api/account/tax-bills/${DEMO_BILL.billNumber}`)],
      ['claim', () => post(bob, '/api/account/claims', { data: { trackingCode: c.trackingCode, contact: alice.email } })],
    ];
    // A notice delivered to Alice (the notices module's delivery id): Bob cannot mark it read.
    await app.strapi.documents('api::announcement.announcement').create({ data: { titleTh: 'ประกาศทดสอบ', bodyTh: 'เนื้อหาประกาศ', audience: 'everyone', public: false, sendByChannel: false }, status: 'published' });
    const aliceNotice = await waitFor(async () => ((await get(alice, '/api/account/notices').expect(200)).body.data as Array<{ id: number }>)[0]);
    tries.push(['notice read', () => post(bob, `/api/account/notices/${aliceNotice.id}/read`, {})]);

    // Every signed-in route with a parameter, from the OpenAPI document (so a route added later is
    // tried too), with Alice's values: 404. No account route answers 403 to Bob.
    const values: Record<string, string> = { trackingCode: c.trackingCode, billNumber: DEMO_BILL.billNumber, id: String(aliceNotice.id) };
    const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, { security?: unknown }>> };
    const accountPaths = Object.keys(doc.paths).filter((path) => path.startsWith('/account'));
    expect(accountPaths.length).toBeGreaterThanOrEqual(10);
    for (const path of accountPaths.filter((x) => x.includes('{'))) {
      const url = `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in values)) throw new Error(`no value of another person for {${name}} in ${path}`);
        // A request's code for the request route.
        return encodeURIComponent(path.startsWith('/account/requests') ? r.trackingCode : values[name]);
      })}`;
      for (const method of Object.keys(doc.paths[path]) as Array<'get' | 'post' | 'put' | 'delete'>) {
        tries.push([`${method.toUpperCase()} ${path}`, () => as(bob)(request(app.url)[method](url).send({}))]);
      }
    }
    for (const [what, send] of tries) {
      const res = await send();
      expect([what, res.status]).toEqual([what, 404]);
    }
    // The lists and the export: Bob's own, never 403, never Alice's codes.
    for (const path of accountPaths.filter((x) => !x.includes('{') && doc.paths[x].get)) {
      const res = await get(bob, `/api${path}`);
      expect([path, res.status === 403]).toEqual([path, false]);
      expect(JSON.stringify(res.body)).not.toContain(c.trackingCode);
    }
    // Alice's are still hers.
    await get(alice, `/api/account/complaints/${c.trackingCode}`).expect(200);
    await get(alice, `/api/account/tax-bills/${DEMO_BILL.billNumber}`).expect(200);
    // Lists never hold another person's.
    const lists = ['/api/account/complaints', '/api/account/requests', '/api/account/tax-bills', '/api/account/surveys'];
    for (const path of lists) expect(JSON.stringify((await get(bob, path).expect(200)).body)).not.toMatch(new RegExp(`${c.trackingCode}|${r.trackingCode}|DEMO-2569-0001`));
  });

  it('asks to sign in first (never 403) without a token', async () => {
    for (const path of ['/api/account/complaints', '/api/account/requests', '/api/account/tax-bills', '/api/account/surveys', '/api/account/complaints/NK-6901-22222']) {
      const res = await get(null, path);
      expect([path, res.status]).toEqual([path, 401]);
    }
  });
});
