import request from 'supertest';
import type { Modules } from '@strapi/strapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { startSmtp, type SmtpCapture } from '../helpers/smtp';
import { launchBrowser } from '../helpers/browser';

/**
 * Issue 18's journey on a phone (360 × 740), in Thai: a citizen whose complaint was fixed opens the
 * satisfaction link from the e-mail, rates the case with the big 1–5 buttons, is thanked, and sees
 * the public statistics count the answer (the number of answers and the overall average change).
 */
const PUBLIC = 'https://nokok.example';
const LINK = /https:\/\/nokok\.example(\/survey\?token=[A-Za-z0-9._-]+)/;

let app: TestApp;
let smtp: SmtpCapture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seq = 0;

/** A complaint filed with an e-mail, fixed by staff; its survey link's path from the e-mail. */
async function fixedComplaintLink(email: string): Promise<string> {
  const filed = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: 'light', description: `ไฟทางดับ จุดที่ ${(seq += 1)}`, village: 4, contact: { email }, consent: true } })
    .expect(201);
  const { id } = await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: filed.body.data.trackingCode } });
  const engine = app.strapi.plugin('complaint-workflow').service('engine');
  await engine.transition('complaint', id, 'accept', { type: 'staff' });
  await engine.transition('complaint', id, 'resolve', { type: 'staff' }, { reason: 'เปลี่ยนหลอดไฟแล้ว' });
  const mail = await smtp.waitFor((m) => m.to.includes(email) && LINK.test(m.text));
  return LINK.exec(mail.text)![1];
}

/** The satisfaction figures of /statistics as the page shows them: label → value. */
async function satisfactionFigures(): Promise<Record<string, string>> {
  await page.goto(`${app.url}/statistics`);
  const section = page.locator('section#satisfaction');
  await section.waitFor();
  const figures: Record<string, string> = {};
  for (const item of await section.locator('.stat-figures > div').all()) figures[(await item.locator('dt').innerText()).trim()] = (await item.locator('dd').innerText()).trim();
  return figures;
}

const noHorizontalScroll = async () => expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startApp({ RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: PUBLIC, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'nokok@example.test' });
  await app.strapi.documents('api::municipality.municipality').create({ data: { nameTh: 'เทศบาลทดสอบ', nameEn: 'Test Municipality', phone: '044-123456' } });
  await app.strapi.documents('api::complaint-category.complaint-category').create({
    data: { code: 'light', nameTh: 'ไฟฟ้าสาธารณะ', nameEn: 'Street light', deadlineDays: 7, confidential: false, active: true },
  });
  // One earlier answer: overall 3.
  const earlier = await fixedComplaintLink('earlier@example.test');
  const token = decodeURIComponent(earlier.split('token=')[1]);
  await request(app.url).post(`/api/case-ratings/${token}`).send({ data: { speed: 3, staff: 3, result: 3, overall: 3 } }).expect(201);

  const survey: Modules.Documents.Params.Data.Input<'api::survey.survey'> = {
    titleTh: 'ความพึงพอใจต่อการให้บริการ ปีงบประมาณ 2570',
    titleEn: 'Satisfaction, fiscal year 2570',
    slug: 'satisfaction-2570',
    closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    showResults: true,
    questions: [
      { __component: 'survey.rating', labelTh: 'ความพึงพอใจโดยรวม', labelEn: 'Overall satisfaction', required: true },
      { __component: 'survey.choice', labelTh: 'ช่องทางที่ใช้', labelEn: 'Channel used', optionsTh: 'เว็บไซต์\nLINE', multiple: true },
      { __component: 'survey.yes-no', labelTh: 'จะแนะนำผู้อื่นหรือไม่', labelEn: 'Would recommend' },
      { __component: 'survey.text', labelTh: 'ข้อเสนอแนะ', labelEn: 'Suggestions', maxLength: 200 },
    ],
  };
  const created = await app.strapi.documents('api::survey.survey').create({ data: survey });
  await app.strapi.documents('api::survey.survey').publish({ documentId: created.documentId });

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

it('rates a fixed complaint from the e-mailed link on a phone, then sees the statistics count it', async () => {
  const link = await fixedComplaintLink('citizen@example.test');

  const before = await satisfactionFigures();
  expect(before['จำนวนผู้ตอบแบบประเมิน']).toBe('1');
  expect(before['ความพึงพอใจโดยรวม (เฉลี่ย)']).toBe('3.00 / 5');

  await page.goto(`${app.url}${link}`);
  await page.getByRole('heading', { level: 1, name: 'ประเมินความพึงพอใจต่อการให้บริการ' }).waitFor();
  expect(await page.locator('main').innerText()).toContain('ไฟฟ้าสาธารณะ');
  await page.locator('#survey-send:enabled').waitFor();
  await noHorizontalScroll();

  // Sending with a scale left out names it, in Thai, under its question.
  for (const aspect of ['speed', 'staff', 'result']) await page.locator(`label[for="r-${aspect}-5"]`).click();
  await page.getByRole('button', { name: 'ส่งแบบประเมิน' }).click();
  await page.locator('#r-overall-error:not([hidden])').waitFor();
  expect(await page.locator('#r-overall-error').innerText()).toBe('กรุณาให้คะแนนความพึงพอใจโดยรวม');

  // Each 1–5 button is a thumb-sized target; the five fit the phone's width.
  const box = await page.locator('label[for="r-overall-5"]').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await page.locator('label[for="r-overall-5"]').click();
  expect(await page.locator('#r-overall-5').isChecked()).toBe(true);
  await page.getByLabel('ข้อเสนอแนะเพิ่มเติม (ไม่บังคับ)').fill('ช่างมาเร็วมาก ขอบคุณครับ');
  await page.getByRole('button', { name: 'ส่งแบบประเมิน' }).click();
  await page.getByRole('heading', { name: 'ขอบคุณที่ร่วมประเมิน' }).waitFor();
  expect(await page.locator('#case-survey').isHidden()).toBe(true);
  await noHorizontalScroll();

  // The link takes one answer: opened again, it says so and shows no form.
  await page.goto(`${app.url}${link}`);
  await page.getByText('เรื่องนี้ได้รับการประเมินแล้ว').waitFor();
  expect(await page.locator('#case-survey').count()).toBe(0);

  // The public statistics count the new answer at once: 2 answers, overall (3 + 5) / 2.
  await page.getByRole('link', { name: /ดูสถิติการให้บริการ/ }).click();
  await page.waitForURL(/\/statistics$/);
  const after = await satisfactionFigures();
  expect(after['จำนวนผู้ตอบแบบประเมิน']).toBe('2');
  expect(after['ความพึงพอใจโดยรวม (เฉลี่ย)']).toBe('4.00 / 5');
  await noHorizontalScroll();
  const api = (await request(app.url).get('/api/statistics/satisfaction').expect(200)).body.data;
  expect(api.overall).toMatchObject({ count: 2, overall: 4 });
});

it('answers the general survey on a phone and sees its results, without the written answers', async () => {
  await page.goto(`${app.url}/surveys`);
  await page.getByRole('heading', { level: 1, name: 'แบบสำรวจความคิดเห็น' }).waitFor();
  await page.getByRole('link', { name: 'ความพึงพอใจต่อการให้บริการ ปีงบประมาณ 2570' }).click();
  await page.locator('#survey-send:enabled').waitFor();
  await noHorizontalScroll();
  expect(await page.locator('section.results').innerText()).toContain('ผู้ตอบ 0 คน');

  await page.getByRole('button', { name: 'ส่งแบบประเมิน' }).click();
  await page.locator('#r-overall_satisfaction-error:not([hidden])').waitFor();
  await page.locator('label[for="r-overall_satisfaction-4"]').click();
  await page.getByLabel('LINE').check();
  await page.getByRole('group', { name: 'จะแนะนำผู้อื่นหรือไม่' }).getByLabel('ใช่', { exact: true }).check();
  await page.getByLabel('ข้อเสนอแนะ').fill('ZZWRITTEN เปิดวันเสาร์ด้วย');
  await page.getByRole('button', { name: 'ส่งแบบประเมิน' }).click();
  await page.getByRole('heading', { name: 'ขอบคุณที่ร่วมประเมิน' }).waitFor();

  await page.reload();
  const results = await page.locator('section.results').innerText();
  expect(results).toContain('ผู้ตอบ 1 คน');
  expect(results).toContain('คะแนนเฉลี่ย 4.00 จาก 5 (1 คน)');
  expect(results).not.toContain('ZZWRITTEN');
  await noHorizontalScroll();
});
