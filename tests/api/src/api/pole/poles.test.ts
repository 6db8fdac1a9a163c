import request from 'supertest';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { createAdmin, startApp, type TestApp } from '../../../../helpers/strapi';
import { attachAfterPhoto } from '../../../../helpers/after-photo';

const PUBLIC_URL = 'https://nokok.example';
const COMPLAINT = 'api::complaint.complaint';
const PHONE = '0891234567';

let app: TestApp;
let staff: { token: string };

/** Decodes a QR image with jsQR, a decoder independent of the encoder the server uses. */
async function decode(image: Buffer): Promise<string | null> {
  // A white border, as on paper: the decoder needs a quiet zone even where the image has none.
  const { data, info } = await sharp(image, { density: 150 }).flatten({ background: '#ffffff' }).extend({ top: 20, bottom: 20, left: 20, right: 20, background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const image = (path: string) => request(app.url).get(path).buffer(true).parse(binary);
const report = (code: string, body: unknown) => request(app.url).post(`/api/poles/${code}/reports`).send(body as object);
const complaints = () => app.strapi.db.query(COMPLAINT).count();
const poleOf = async (code: string) => (await request(app.url).get(`/api/poles/${code}`).expect(200)).body.data;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', PUBLIC_URL, RATE_LIMIT_PER_MINUTE: '1000' });
  staff = await createAdmin(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/poles', () => {
  it("lists the demo town's 20 poles with code, name, village, point and status only", async () => {
    const res = await request(app.url).get('/api/poles').expect(200);
    expect(res.body.data).toHaveLength(20);
    for (const p of res.body.data) {
      expect(Object.keys(p).sort()).toEqual(['code', 'location', 'name', 'status', 'village']);
      expect(p.code).toMatch(/^NOK-P\d{2}$/);
      expect(p.location.lat).toBeCloseTo(14.72, 1);
      expect(p.location.lng).toBeCloseTo(102.02, 1);
    }
    expect(res.body.data.find((p: { code: string }) => p.code === 'NOK-P17').status).toBe('out_of_service');
    expect(res.text).not.toContain('รอเปลี่ยนเครื่องขยายเสียง'); // staff notes are private
  });

  it('answers 404 for an unknown pole', async () => {
    await request(app.url).get('/api/poles/NOK-P99').expect(404);
    await request(app.url).get('/api/poles/%3Cscript%3E').expect(404);
  });
});

describe('QR codes of the poles', () => {
  it("decodes every pole's PNG to exactly its report URL", async () => {
    const { body: list } = await request(app.url).get('/api/poles').expect(200);
    for (const { code } of list.data as Array<{ code: string }>) {
      const res = await image(`/api/poles/${code}/qr.png`).expect(200).expect('Content-Type', 'image/png');
      expect(await decode(res.body)).toBe(`${PUBLIC_URL}/p/${code}`);
    }
  });

  it('decodes the PNG with the centre logo and the SVG to the same URL', async () => {
    const withLogo = await image('/api/poles/NOK-P05/qr.png?logo=true&size=800').expect(200);
    expect((await sharp(withLogo.body).metadata()).width).toBeGreaterThanOrEqual(800);
    expect(await decode(withLogo.body)).toBe(`${PUBLIC_URL}/p/NOK-P05`);
    const plain = await image('/api/poles/NOK-P05/qr.png?size=800').expect(200);
    // A few sizes only, each drawn once: any other is refused before anything is drawn.
    for (const size of ['799', '16000', 'big']) {
      const refused = await request(app.url).get(`/api/poles/NOK-P05/qr.png?size=${size}`).expect(400);
      expect(refused.body.error.details.errors[0]).toMatchObject({ path: ['query', 'size'], code: 'invalid_choice' });
    }
    expect(Buffer.compare(plain.body, withLogo.body)).not.toBe(0); // the logo is really there
    const svg = await image('/api/poles/NOK-P05/qr.svg').expect(200).expect('Content-Type', /image\/svg\+xml/);
    expect(svg.body.toString('utf8')).toMatch(/^<svg/);
    expect(await decode(svg.body)).toBe(`${PUBLIC_URL}/p/NOK-P05`);
  });

  it('caches rendered PNGs, and answers 404 for an unknown pole', async () => {
    const qr = app.strapi.plugin('qr').service('qr');
    const before = qr.stats();
    await image('/api/poles/NOK-P01/qr.png').expect(200);
    await image('/api/poles/NOK-P01/qr.png').expect(200);
    const after = qr.stats();
    expect(after.hits - before.hits).toBe(2); // rendered in the first test already
    expect(after.misses).toBe(before.misses);
    await image('/api/poles/NOK-X1/qr.png').expect(404);
    await request(app.url).get('/api/poles/NOK-X1/qr.svg').expect(404);
  });
});

describe('GET /qr/render (staff)', () => {
  it('renders any text as PNG or SVG for logged-in staff only', async () => {
    const auth = { Authorization: `Bearer ${staff.token}` };
    const png = await image('/qr/render?text=' + encodeURIComponent('https://nokok.example/eservice/42')).set(auth).expect(200).expect('Content-Type', 'image/png');
    expect(await decode(png.body)).toBe('https://nokok.example/eservice/42');
    const svg = await image('/qr/render?format=svg&text=hello').set(auth).expect(200).expect('Content-Type', /image\/svg\+xml/);
    expect(await decode(svg.body)).toBe('hello');
    const missing = await request(app.url).get('/qr/render').set(auth).expect(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['text']);
    await request(app.url).get(`/qr/render?text=${'x'.repeat(1001)}`).set(auth).expect(400);
    await request(app.url).get('/qr/render?text=hello').expect(401);
  });
});

describe('POST /api/poles/:code/reports', () => {
  let trackingCode: string;

  it('opens a loudspeaker-fault complaint linked to the pole and marks the pole reported', async () => {
    const before = await complaints();
    const res = await report('NOK-P03', { data: { fault: 'no_sound', note: 'เงียบตั้งแต่เมื่อวานเช้า', phone: PHONE } }).expect(201);
    expect(res.headers['ratelimit-limit']).toBe('1000');
    trackingCode = res.body.data.trackingCode;
    expect(res.body.data).toMatchObject({ added: false, reportCount: 1, pole: { code: 'NOK-P03', status: 'reported' } });
    expect(await complaints()).toBe(before + 1);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, populate: ['category', 'pole'] });
    expect(c).toMatchObject({ channel: 'pole', state: 'received', contactPhone: PHONE, reportCount: 1, village: 2 });
    expect(c.category.code).toBe('loudspeaker');
    expect(c.pole.code).toBe('NOK-P03');
    expect(c.description).toContain('ไม่มีเสียง');
    expect(c.description).toContain('เงียบตั้งแต่เมื่อวานเช้า');
    expect(await poleOf('NOK-P03')).toMatchObject({ status: 'reported', report: { trackingCode, status: 'received', reportCount: 1 } });
  });

  it('adds a second report of the same pole to the open complaint', async () => {
    const before = await complaints();
    const res = await report('nok-p03', { data: { fault: 'distorted', note: 'ตอนนี้มีเสียงแตก ๆ', phone: '081-234-5678' } }).expect(200);
    expect(res.body.data).toMatchObject({ trackingCode, added: true, reportCount: 2 });
    expect(await complaints()).toBe(before);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode }, populate: ['events'] });
    expect(c.reportCount).toBe(2);
    const added = c.events.find((e: { kind: string }) => e.kind === 'citizen_message');
    expect(added).toMatchObject({ isPublic: false });
    expect(added.message).toContain('ตอนนี้มีเสียงแตก ๆ');
    expect(added.message).toContain('0812345678');
  });

  it('refuses bad input with 400 or 404 and stores nothing', async () => {
    const count = await complaints();
    const pole = await poleOf('NOK-P08');
    const fieldOf = (res: request.Response) => res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`);
    await report('NOK-P99', { data: { fault: 'no_sound' } }).expect(404);
    expect(fieldOf(await report('NOK-P08', { data: { fault: 'no_sound', note: 'ก'.repeat(10 * 1024) } }).expect(400))).toEqual(['data.note:too_long']);
    expect(fieldOf(await report('NOK-P08', { data: { fault: 'exploded' } }).expect(400))).toEqual(['data.fault:invalid_choice']);
    expect(fieldOf(await report('NOK-P08', { data: {} }).expect(400))).toEqual(['data.fault:required']);
    expect(fieldOf(await report('NOK-P08', { data: { fault: 'no_sound', phone: 'call me' } }).expect(400))).toEqual(['data.phone:invalid_phone']);
    expect(fieldOf(await report('NOK-P08', { data: { fault: { th: 'x' } } }).expect(400))).toEqual(['data.fault:invalid_choice']);
    expect(fieldOf(await report('NOK-P08', { fault: 'no_sound' }).expect(400))).toEqual(['data:required']);
    const malformed = await request(app.url).post('/api/poles/NOK-P08/reports').set('Content-Type', 'application/json').send('{"data": {').expect(400);
    expect(malformed.body.error.details.errors[0].code).toBe('malformed_body');
    // One language: Thai by default, English when asked.
    const th = await report('NOK-P08', { data: { fault: 'exploded' } });
    expect(th.body.error.details.errors[0].message).toBe('ค่าที่เลือกไม่ถูกต้อง');
    const en = await report('NOK-P08', { data: { fault: 'exploded' } }).set('Accept-Language', 'en');
    expect(en.body.error.details.errors[0].message).toBe('The value is not one of the choices');
    expect(await complaints()).toBe(count);
    expect(await poleOf('NOK-P08')).toEqual(pole);
  });

  it("moves the pole along as staff work the complaint, and makes it working again when it is resolved", async () => {
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode } });
    const act = (action: string, reason?: string) =>
      request(app.url).post(`/complaint-workflow/cases/${c.id}/transition`).set('Authorization', `Bearer ${staff.token}`).send({ action, reason }).expect(200);
    await act('accept');
    expect((await poleOf('NOK-P03')).status).toBe('reported');
    await act('start');
    expect((await poleOf('NOK-P03')).status).toBe('under_repair');
    await attachAfterPhoto(app, c.id);
    await act('resolve', 'เปลี่ยนเครื่องขยายเสียงแล้ว');
    expect(await poleOf('NOK-P03')).toMatchObject({ status: 'working', report: null });
    const list = await request(app.url).get('/api/poles').expect(200);
    expect(list.body.data.find((p: { code: string }) => p.code === 'NOK-P03').status).toBe('working');

    // After that, a new fault is a new complaint.
    const again = await report('NOK-P03', { data: { fault: 'too_loud' } }).expect(201);
    expect(again.body.data.trackingCode).not.toBe(trackingCode);
    expect(again.body.data.reportCount).toBe(1);
  });

  // On PostgreSQL (a pool of connections) this fails without the per-pole queue; SQLite serialises anyway.
  it('joins reports sent at the same moment onto one complaint', async () => {
    const before = await complaints();
    const answers = await Promise.all(Array.from({ length: 5 }, () => report('NOK-P12', { data: { fault: 'no_sound' } })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.data.trackingCode)).size).toBe(1);
    expect(await complaints()).toBe(before + 1);
    expect((await poleOf('NOK-P12')).report.reportCount).toBe(5);
  });

  it('refuses a state changed outside the case engine, and the pole keeps following its case', async () => {
    const res = await report('NOK-P09', { data: { fault: 'damaged' } }).expect(201);
    const c = await app.strapi.db.query(COMPLAINT).findOne({ where: { trackingCode: res.body.data.trackingCode } });
    const documents = app.strapi.documents(COMPLAINT) as unknown as { update: (p: { documentId: string; data: Record<string, unknown> }) => Promise<unknown> };
    await expect(documents.update({ documentId: c.documentId, data: { state: 'in_progress' } })).rejects.toMatchObject({ name: 'ValidationError' });
    expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { id: c.id } })).state).toBe('received');
    expect((await poleOf('NOK-P09')).status).toBe('reported');
    const engine = app.strapi.plugin('complaint-workflow').service('engine');
    await engine.transition('complaint', c.id, 'accept', { type: 'staff' });
    await engine.transition('complaint', c.id, 'start', { type: 'staff' });
    expect((await poleOf('NOK-P09')).status).toBe('under_repair');
    await attachAfterPhoto(app, c.id);
    await engine.transition('complaint', c.id, 'resolve', { type: 'staff' }, { reason: 'เปลี่ยนลำโพงแล้ว' });
    expect(await poleOf('NOK-P09')).toMatchObject({ status: 'working', report: null });
  });

  it('never shows the reporter\'s phone in a public answer', async () => {
    const answers = [
      (await request(app.url).get('/api/poles')).text,
      (await request(app.url).get('/api/poles/NOK-P03')).text,
      (await request(app.url).get(`/api/complaints/track/${trackingCode}`).expect(200)).text,
      (await request(app.url).get('/api/open311/v2/requests.json')).text,
      (await report('NOK-P03', { data: { fault: 'other', phone: PHONE } })).text,
    ];
    for (const text of answers) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('0812345678');
    }
  });
});
