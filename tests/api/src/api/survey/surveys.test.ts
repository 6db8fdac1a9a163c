import request from 'supertest';
import type { Modules } from '@strapi/strapi';
import { startApp, type TestApp } from '../../../../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../../../../helpers/smtp';
import { startFakePlatform, type FakePlatform } from '../../../../helpers/fake-platform';

/**
 * Surveys (issue 18, part B): a finished case's one-time satisfaction link by the way the citizen
 * came (e-mail, LINE push), answered once; and a general survey answered and counted.
 */
let app: TestApp;
let smtp: SmtpCapture;
let fake: FakePlatform;
let seq = 0;

const LINE_USER = 'U0123456789abcdefSURVEYUSER';
const staffActor = { type: 'staff' as const };
const engine = () => app.strapi.plugin('complaint-workflow').service('engine');
const TOKEN_IN = /https:\/\/nokok\.example(\/en)?\/survey\?token=([A-Za-z0-9._-]+)/;

async function fileComplaint(email: string, extra: Record<string, unknown> = {}) {
  const res = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: 'road', description: `ถนนเป็นหลุม จุดที่ ${(seq += 1)}`, village: 2, contact: { email }, consent: true, ...extra } })
    .expect(201);
  const row = await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: res.body.data.trackingCode } });
  return { id: row.id as number, trackingCode: res.body.data.trackingCode as string };
}

const move = async (type: 'complaint' | 'e-service', id: number, ...steps: Array<[string, string?]>) => {
  for (const [action, reason] of steps) await engine().transition(type, id, action, staffActor, reason ? { reason } : {});
  await app.strapi.plugin('complaint-workflow').service('outbox').idle();
};

/** The survey token from the first e-mail to `to` that carries one. */
const tokenFromMail = async (to: string) => {
  const mail = await smtp.waitFor((m) => m.to.includes(to) && TOKEN_IN.test(m.text));
  return { mail, token: TOKEN_IN.exec(mail.text)![2] };
};

const rate = (token: string, data: Record<string, unknown>) => request(app.url).post(`/api/case-ratings/${token}`).send({ data });
type SurveyInput = Modules.Documents.Params.Data.Input<'api::survey.survey'>;
const GOOD = { speed: 5, staff: 4, result: 4, overall: 5, comment: 'ZZPRIVATE ขอบคุณที่ซ่อมให้เร็ว' };

beforeAll(async () => {
  smtp = await startSmtp();
  fake = await startFakePlatform(Buffer.from('x'));
  app = await startApp({
    RATE_LIMIT_PER_MINUTE: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'nokok@example.test',
    PUBLIC_URL: 'https://nokok.example',
    LINE_CHANNEL_SECRET: 'line-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'line-token',
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'road', nameTh: 'ถนนชำรุด', nameEn: 'Damaged road', deadlineDays: 7, confidential: false, active: true },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  await fake?.close();
});

describe('case satisfaction link', () => {
  it('e-mails a closed complaint’s link once it is resolved; the link takes one answer and refuses a second', async () => {
    const citizen = 'rate-once@example.test';
    const c = await fileComplaint(citizen);
    await move('complaint', c.id, ['accept'], ['resolve', 'ซ่อมถนนแล้ว']);
    const { mail, token } = await tokenFromMail(citizen);
    expect(mail.subject).toContain(c.trackingCode);
    expect(mail.text).toContain('ประเมินความพึงพอใจ');
    expect(token).toMatch(new RegExp(`^complaint\\.${c.id}\\.`));

    const before = await request(app.url).get(`/api/case-ratings/${token}`).expect(200);
    expect(before.body.data).toEqual({ caseType: 'complaint', trackingCode: c.trackingCode, service: { th: 'ถนนชำรุด', en: 'Damaged road' }, answered: false, closed: true });

    const created = await rate(token, GOOD).expect(201);
    expect(created.body.data).toMatchObject({ trackingCode: c.trackingCode, answered: true });
    expect(JSON.stringify(created.body)).not.toContain('ZZPRIVATE');
    const again = await rate(token, { ...GOOD, overall: 1 }).expect(409);
    expect(again.body.error.details.code).toBe('already_answered');
    expect((await request(app.url).get(`/api/case-ratings/${token}`).expect(200)).body.data.answered).toBe(true);

    const rows = await app.strapi.db.query('api::survey.case-rating').findMany({ where: { caseKey: `complaint:${c.id}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseType: 'complaint', caseId: c.id, service: 'road', channel: 'web', speed: 5, staff: 4, result: 4, overall: 5, comment: GOOD.comment });
    expect(rows[0].answeredAt).toBeTruthy();

    // Closing after resolving sends no second link.
    await move('complaint', c.id, ['close']);
    const closedMail = await smtp.waitFor((m) => m.to.includes(citizen) && m.subject.includes('ปิดเรื่อง'));
    expect(closedMail.text).not.toMatch(TOKEN_IN);
  });

  it('refuses a rating while the case is open again, a forged or malformed token, and bad scores with per-field codes', async () => {
    const citizen = 'reopened@example.test';
    const c = await fileComplaint(citizen);
    await move('complaint', c.id, ['accept'], ['resolve', 'เสร็จแล้ว']);
    const { token } = await tokenFromMail(citizen);
    await move('complaint', c.id, ['reopen', 'ยังไม่เรียบร้อย']);
    expect((await request(app.url).get(`/api/case-ratings/${token}`).expect(200)).body.data.closed).toBe(false);
    expect((await rate(token, GOOD).expect(409)).body.error.details.code).toBe('case_not_closed');
    expect(await app.strapi.db.query('api::survey.case-rating').count({ where: { caseKey: `complaint:${c.id}` } })).toBe(0);

    const forged = token.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const bad = await request(app.url).get(`/api/case-ratings/${forged}`).expect(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['params', 'token'], code: 'invalid_token' });
    expect((await rate('junk', GOOD).expect(400)).body.error.details.errors[0].code).toBe('invalid_token');
    expect((await request(app.url).get(`/api/case-ratings/${token.replace(`.${c.id}.`, '.999999.')}`)).status).toBe(400);

    const wrong = await rate(token, { speed: 0, staff: 6, result: 'good' }).expect(400);
    const codes = Object.fromEntries(wrong.body.error.details.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code]));
    expect(codes).toMatchObject({ 'data.speed': 'too_small', 'data.staff': 'too_large', 'data.result': 'invalid_type', 'data.overall': 'required' });
    const english = await rate(token, {}).set('Accept-Language', 'en').expect(400);
    expect(english.body.error.details.errors[0].message).toBe('This field is required');
  });

  it('sends a LINE case its link by LINE push', async () => {
    const category = await app.strapi.db.query('api::complaint-category.complaint-category').findOne({ where: { code: 'road' } });
    const created = await engine().create('complaint', { category: category.id, channel: 'line', platformUserId: LINE_USER, description: 'ถนนทรุด', language: 'th' }, { type: 'citizen' });
    await move('complaint', created.id, ['accept'], ['resolve', 'ซ่อมแล้ว']);
    const push = await fake.waitFor((call) => call.path === '/v2/bot/message/push' && call.body.to === LINE_USER && TOKEN_IN.test(call.body.messages[0].text));
    const token = TOKEN_IN.exec(push.body.messages[0].text)![2];
    expect(push.body.messages[0].text).toContain(created.trackingCode);
    await rate(token, { speed: 3, staff: 3, result: 2, overall: 3 }).expect(201);
    const row = await app.strapi.db.query('api::survey.case-rating').findOne({ where: { caseKey: `complaint:${created.id}` } });
    expect(row).toMatchObject({ channel: 'line', overall: 3, comment: null });
  });

  it('e-mails an e-service request’s link when it is decided, in the applicant’s language', async () => {
    const email = 'applicant@example.test';
    const res = await request(app.url)
      .post('/api/e-form-submissions')
      .send({ data: { title: 'Water truck', description: 'Please bring water', contact: { email }, consent: true, language: 'en' } })
      .expect(201);
    const row = await app.strapi.db.query('api::e-form-submission.e-form-submission').findOne({ where: { trackingCode: res.body.data.trackingCode } });
    await move('e-service', row.id, ['check'], ['refuse', 'Not in the service area']);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && TOKEN_IN.test(m.text));
    const [, en, token] = TOKEN_IN.exec(mail.text)!;
    expect(en).toBe('/en');
    expect(mail.text).toContain('How did we do?');
    const view = await request(app.url).get(`/api/case-ratings/${token}`).expect(200);
    expect(view.body.data).toMatchObject({ caseType: 'e-service', trackingCode: res.body.data.trackingCode, service: { th: 'Water truck' }, answered: false });
    await rate(token, GOOD).expect(201);
    const rating = await app.strapi.db.query('api::survey.case-rating').findOne({ where: { caseKey: `e-service:${row.id}` } });
    expect(rating).toMatchObject({ caseType: 'e-service', service: 'general', channel: 'web' });
  });
});

describe('general surveys', () => {
  const SLUG = 'satisfaction-2570';
  beforeAll(async () => {
    const docs = app.strapi.documents('api::survey.survey');
    const data: SurveyInput = {
      titleTh: 'ความพึงพอใจต่อการให้บริการ',
      titleEn: 'Satisfaction 2570',
      slug: SLUG,
      opensAt: new Date(Date.now() - 86400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
      showResults: true,
      questions: [
        { __component: 'survey.rating', labelTh: 'ความพึงพอใจโดยรวม', labelEn: 'Overall satisfaction', required: true },
        { __component: 'survey.choice', labelTh: 'ช่องทางที่ใช้', labelEn: 'Channel used', optionsTh: 'เว็บไซต์\nLINE\nที่สำนักงาน', multiple: true },
        { __component: 'survey.yes-no', labelTh: 'จะแนะนำผู้อื่นหรือไม่', labelEn: 'Would recommend', required: false },
        { __component: 'survey.text', labelTh: 'ข้อเสนอแนะ', labelEn: 'Suggestions', maxLength: 200 },
      ],
    };
    const open = await docs.create({ data });
    await docs.publish({ documentId: open.documentId });
    const closed = await docs.create({ data: { titleTh: 'แบบสำรวจที่ปิดแล้ว', titleEn: 'Closed survey', slug: 'closed-survey', closesAt: new Date(Date.now() - 3600_000).toISOString(), questions: [] } });
    await docs.publish({ documentId: closed.documentId });
    await docs.create({ data: { titleTh: 'ฉบับร่าง', titleEn: 'Draft only', slug: 'draft-only', questions: [] } });
  });

  it('lists the open published surveys only, with their questions named', async () => {
    const list = await request(app.url).get('/api/surveys').expect(200);
    expect(list.body.data.map((s: { slug: string }) => s.slug)).toEqual([SLUG]);
    const one = await request(app.url).get(`/api/surveys/${SLUG}`).expect(200);
    expect(one.body.data).toMatchObject({ slug: SLUG, isOpen: true, questionCount: 4 });
    expect(one.body.data.questions.map((q: { name: string }) => q.name)).toEqual(['overall_satisfaction', 'channel_used', 'would_recommend', 'suggestions']);
    expect((await request(app.url).get('/api/surveys/closed-survey').expect(200)).body.data.isOpen).toBe(false);
    expect((await request(app.url).get('/api/surveys/draft-only').expect(404)).body.error.details.code).toBe('survey_not_found');
  });

  it('takes answers, refuses bad ones per answer and a closed survey, and counts the results without the text', async () => {
    const answer = (slug: string, answers: Record<string, unknown>) => request(app.url).post(`/api/surveys/${slug}/responses`).send({ data: { answers } });
    await answer(SLUG, { overall_satisfaction: 5, channel_used: ['LINE'], would_recommend: true, suggestions: 'ZZSECRET เปิดบริการวันเสาร์' }).expect(201);
    await answer(SLUG, { overall_satisfaction: 4, channel_used: ['LINE', 'เว็บไซต์'], would_recommend: false }).expect(201);
    await answer(SLUG, { overall_satisfaction: 4 }).expect(201);
    const bad = await answer(SLUG, { overall_satisfaction: 9, channel_used: ['fax'], would_recommend: 'yes', suggestions: 'x'.repeat(201) }).expect(400);
    const codes = Object.fromEntries(bad.body.error.details.errors.map((e: { path: Array<string | number>; code: string }) => [e.path.slice(0, 3).join('.'), e.code]));
    expect(codes).toMatchObject({ 'data.answers.overall_satisfaction': 'too_large', 'data.answers.channel_used': 'invalid_choice', 'data.answers.would_recommend': 'invalid_type', 'data.answers.suggestions': 'too_long' });
    expect((await answer('closed-survey', {}).expect(409)).body.error.details.code).toBe('survey_closed');
    expect((await answer('no-such', {}).expect(404)).body.error.details.code).toBe('survey_not_found');

    const results = await request(app.url).get(`/api/surveys/${SLUG}/results`).expect(200);
    expect(results.body.data.responses).toBe(3);
    const [rating, choice, yesNo, text] = results.body.data.questions;
    expect(rating).toMatchObject({ kind: 'rating', answered: 3, average: 4.33, distribution: { 4: 2, 5: 1 } });
    expect(choice.options).toEqual([
      { value: 'เว็บไซต์', label: { th: 'เว็บไซต์', en: 'เว็บไซต์' }, count: 1 },
      { value: 'LINE', label: { th: 'LINE', en: 'LINE' }, count: 2 },
      { value: 'ที่สำนักงาน', label: { th: 'ที่สำนักงาน', en: 'ที่สำนักงาน' }, count: 0 },
    ]);
    expect(yesNo).toMatchObject({ yes: 1, no: 1 });
    expect(text).toMatchObject({ kind: 'text', answered: 1 });
    expect(JSON.stringify(results.body)).not.toContain('ZZSECRET');
  });

  it('documents the survey routes in the OpenAPI document', async () => {
    const doc = (await request(app.url).get('/api/openapi.json').expect(200)).body;
    for (const p of ['/case-ratings/{token}', '/surveys', '/surveys/{slug}', '/surveys/{slug}/responses', '/surveys/{slug}/results']) expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/case-ratings/{token}'].post.operationId).toBe('rateCase');
  });
});
