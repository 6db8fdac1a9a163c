import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/strapi';
import { launchBrowser } from '../helpers/browser';
import { seedDemo } from '../../database/seed';
import { wcagViolations } from '../helpers/axe';

const BUDGET_BYTES = 150 * 1024;
let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  await seedDemo(app.strapi); // this file checks the demo town's own pages
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows the Thai home page within the transfer budget on a phone-sized screen', async () => {
  // Count bytes as they cross the network (compressed), the way a phone pays for them.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => {
    transferred += e.encodedDataLength;
  });

  await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
  await page.locator('.news-card').nth(3).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('th');
  expect(await page.locator('#site-name').textContent()).toBe('เทศบาลตำบลนกออก');
  expect(await page.locator('.news-card').count()).toBe(4);
  expect(await page.locator('.service').count()).toBe(6);
  await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ประวัติ' }).waitFor();

  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);

  console.log(`home page transfer: ${(transferred / 1024).toFixed(1)} KB (budget ${BUDGET_BYTES / 1024} KB)`);
  expect(transferred).toBeGreaterThan(5 * 1024);
  expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
  await cdp.detach();
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/website-home-360.png`, fullPage: true });
});

it('starts keyboard navigation at a skip link to the content', async () => {
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, href: document.activeElement?.getAttribute('href') }));
  expect(focused).toEqual({ cls: 'skip', href: '#main' });
});

it('opens a news item from the home page', async () => {
  const first = page.locator('.news-card a').first();
  const title = (await first.locator('.card-title').textContent())!.trim();
  await first.click();
  await page.waitForURL(/\/news\/[\w-]+$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await page.locator('.prose p').count()).toBeGreaterThan(0);
  expect(await page.title()).toContain(title);
});

it('switches to English and keeps the choice in the URL', async () => {
  await page.getByRole('link', { name: 'Switch to English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => document.getElementById('site-name')?.textContent === 'Nok Ok Subdistrict Municipality');
  expect(new URL(page.url()).pathname).toMatch(/^\/en\//);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'News and announcements' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/en/news');
  await page.getByRole('link', { name: 'ภาษาไทย (Thai)' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'th');
  expect(new URL(page.url()).pathname).toBe('/news');
  // A link from before the language moved into the path still lands on the English page.
  await page.goto(`${app.url}/news?lang=en`);
  await page.getByRole('heading', { level: 1, name: 'News and announcements' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/en/news');
});

it('renders a static page and the contact page from the API', async () => {
  await page.goto(`${app.url}/pages/history`);
  await page.getByRole('heading', { level: 1, name: 'ประวัติ' }).waitFor();
  await page.goto(`${app.url}/contact`);
  await page.getByRole('heading', { level: 1, name: 'ติดต่อเรา' }).waitFor();
  await page.locator('main a[href^="tel:"]').waitFor();
});

it('tells citizens how to complain through LINE and Facebook, linking the town\'s accounts', async () => {
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: /^LINE และ Facebook/ }).click();
  await page.getByRole('heading', { level: 1, name: 'แจ้งเรื่องผ่าน LINE และ Facebook' }).waitFor();
  expect(await page.locator('#line-link').getAttribute('href')).toBe('https://line.me/R/ti/p/%40nokok');
  expect(await page.locator('#messenger-link').getAttribute('href')).toBe('https://m.me/nokokmunicipality');
});

it('leads from the home page\'s tile to the demo town\'s online services and their forms', async () => {
  await page.goto(`${app.url}/`);
  await page.getByRole('link', { name: /^บริการออนไลน์/ }).click();
  await page.getByRole('heading', { level: 1, name: 'บริการออนไลน์' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/e-service');
  expect(await page.locator('.eservice').count()).toBeGreaterThanOrEqual(6);
  await page.locator('.eservice a[href="/e-service/building-permit-appointment"]').click();
  await page.locator('#e-review:enabled').waitFor();
  expect(await page.locator('#e-form .field[data-field]').count()).toBeGreaterThan(10);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${app.strapi.dirs.app.root}/.tmp/e-service-demo-form-360.png`, fullPage: true });
});

it('lists the public API for integrators on /developers', async () => {
  await page.goto(`${app.url}/developers`);
  await page.getByText('GET /api/news', { exact: true }).waitFor();
  await page.locator('main a[href="/api/openapi.json"]').waitFor();
});

it('passes the automated WCAG 2.1 AA checks on every kind of page, in Thai and English', async () => {
  const { trackingCode } = await app.strapi
    .service('api::complaint.complaint')
    .createFromCitizen({ category: 'road', description: 'ถนนหน้าวัดเป็นหลุม', location: { lat: 14.72, lng: 102.02 } }, 'web');
  const checks: Array<[string, string]> = [
    ['/', 'h1'],
    ['/news', '.news-card'],
    ['/news/loy-krathong-2569', '.prose'],
    ['/pages/organization', '.prose'],
    ['/contact', '.contact'],
    ['/developers', '.ops'],
    ['/line', '.steps'],
    ['/poles', '.pole-list'],
    ['/map', '#gis-map[data-ready="true"]'],
    ['/p/NOK-P04', '#pole-form'],
    ['/tax', '#tax-form'],
    ['/data', '.dataset-card'],
    ['/data/population-by-village', '.resource'],
    ['/data/flood-prone-areas', '.resource'],
    ['/data/request', 'form'],
    ['/en/data/annual-budget', '.resource'],
    ['/complaint', '#c-map.leaflet-container'],
    ['/e-service', '.eservice'],
    ['/e-service/building-permit-appointment', '#e-review:enabled'],
    ['/track', '#track-form'],
    [`/track?code=${trackingCode}`, '.timeline'],
    ['/en/', '.news-card'],
    ['/en/news/loy-krathong-2569', '.prose'],
    ['/en/complaint', '#c-map.leaflet-container'],
    ['/en/e-service/elderly-allowance', '#e-review:enabled'],
    ['/en/map', '#gis-map[data-ready="true"]'],
    [`/en/track?code=${trackingCode}`, '.timeline'],
    ['/account', '#si-submit:enabled'],
    ['/account/sign-in', '#si-submit:enabled'],
    ['/account/sign-up', '#su-submit:enabled'],
    ['/account/forgot', '#fp-submit:enabled'],
    ['/account/reset?code=x', '#rp-submit:enabled'],
    ['/account/confirmed', 'h1'],
    ['/notices', 'h1'],
    ['/en/account/sign-in', '#si-submit:enabled'],
    ['/en/notices', 'h1'],
  ];
  for (const [path, ready] of checks) {
    await page.goto(`${app.url}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForFunction(() => !document.getElementById('main')?.hasAttribute('aria-busy'));
    expect({ path, violations: await wcagViolations(page) }).toEqual({ path, violations: [] });
  }
});

it('shows a 404 view for an unknown item', async () => {
  await page.goto(`${app.url}/news/no-such-item`);
  await page.getByRole('heading', { level: 1, name: 'ไม่พบหน้านี้' }).waitFor();
});

it('shows each news card\'s summary whole, inside its card, on a phone and on a desktop', async () => {
  for (const width of [360, 1280]) {
    const view = await browser.newContext({ viewport: { width, height: 800 } });
    try {
      const news = await view.newPage();
      await news.goto(`${app.url}/news`);
      await news.locator('.news-card').first().waitFor();
      const cards = await news.locator('.news-card').evaluateAll((els) =>
        els.map((card) => {
          const p = card.querySelector('p');
          if (!p) return null;
          const c = card.getBoundingClientRect();
          const r = p.getBoundingClientRect();
          return { summary: p.textContent, inside: r.height > 0 && r.top >= c.top && r.bottom <= c.bottom && r.left >= c.left && r.right <= c.right, whole: p.scrollHeight <= p.clientHeight + 1 };
        }),
      );
      await news.screenshot({ path: `/tmp/news-${width}.png`, fullPage: true });
      const summaries = cards.filter((c) => c !== null);
      expect(summaries.length).toBeGreaterThan(0);
      for (const c of summaries) expect({ width, ...c }).toEqual({ width, summary: c.summary, inside: true, whole: true });
    } finally {
      await view.close();
    }
  }
});

it('shows the content pages with JavaScript turned off: the news on the home page, a news item\'s body, English under /en', async () => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  try {
    const plain = await noScript.newPage();
    const latest = await app.strapi.documents('api::news.news-item').findMany({ locale: 'th', status: 'published', sort: 'publishedDate:desc', limit: 4 });
    expect(latest.length).toBe(4);
    await plain.goto(`${app.url}/`);
    const titles = (await plain.locator('main .news-card .card-title').allTextContents()).map((s) => s.trim());
    expect(titles).toEqual(latest.map((n) => n.title));
    expect(await plain.locator('#nav a').count()).toBeGreaterThan(3);

    const body = await app.strapi.documents('api::news.news-item').findFirst({ locale: 'th', status: 'published', filters: { slug: 'loy-krathong-2569' } });
    const firstText = ((body?.body as Array<{ children: Array<{ text?: string }> }> | undefined) ?? [])[0]?.children.map((c) => c.text ?? '').join('') ?? '';
    expect(firstText.length).toBeGreaterThan(0);
    await plain.goto(`${app.url}/news/loy-krathong-2569`);
    expect(await plain.locator('main h1').textContent()).toBe(body!.title);
    expect(await plain.locator('main .prose').textContent()).toContain(firstText.split('\n')[0]);
    expect(await plain.title()).toContain(body!.title);

    await plain.goto(`${app.url}/en/news`);
    expect(await plain.locator('html').getAttribute('lang')).toBe('en');
    await plain.getByRole('heading', { level: 1, name: 'News and announcements' }).waitFor();
    expect(await plain.locator('main .news-card').count()).toBeGreaterThan(0);
    expect(await plain.locator('#site-name').textContent()).toBe('Nok Ok Subdistrict Municipality');
  } finally {
    await noScript.close();
  }
});

it('sends pages of links without any script, and a page with behaviour with its own island only', async () => {
  const fresh = await context.newPage();
  const scripts: string[] = [];
  const apiCalls: string[] = [];
  const errors: string[] = [];
  fresh.on('pageerror', (e) => errors.push(e.message));
  fresh.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (r.resourceType() === 'script') scripts.push(pathname);
    if (pathname.startsWith('/api/')) apiCalls.push(pathname);
  });
  for (const path of ['/', '/news', '/news/loy-krathong-2569', '/pages/history', '/contact', '/line', '/developers', '/e-service', '/en/news', '/notices', '/account/confirmed']) {
    await fresh.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
    expect({ path, scripts, apiCalls }).toEqual({ path, scripts: [], apiCalls: [] });
  }
  // Links load the next page from the server, in the same language.
  await fresh.goto(`${app.url}/news/loy-krathong-2569`);
  await fresh.getByRole('link', { name: /กลับไปหน้าข่าวสาร/ }).click();
  await fresh.getByRole('heading', { level: 1, name: 'ข่าวสารและประกาศ' }).waitFor();
  expect(await fresh.locator('main h1').count()).toBe(1);

  await fresh.goto(`${app.url}/track`, { waitUntil: 'networkidle' });
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((s) => /^\/assets\/(island-track|chunk)-/.test(s))).toBe(true);
  expect(scripts.some((s) => s.includes('map'))).toBe(false);
  // The island checks the code before the form is sent.
  await fresh.locator('#track-code').fill('not-a-code');
  await fresh.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  await fresh.locator('#track-code-error:not([hidden])').waitFor();
  expect(new URL(fresh.url()).search).toBe('');
  expect(errors).toEqual([]);
  await fresh.close();
});

it('shows a case\'s status with JavaScript turned off, for the code in the address', async () => {
  const { trackingCode } = (await app.strapi
    .service('api::complaint.complaint')
    .createFromCitizen({ category: 'road', description: 'ไฟดับทั้งซอย', location: { lat: 14.72, lng: 102.02 } }, 'web')) as { trackingCode: string };
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await noScript.newPage();
    await plain.goto(`${app.url}/track`);
    await plain.locator('#track-code').fill(trackingCode);
    await plain.locator('#track-form button[type=submit]').click();
    await plain.waitForURL(/\/track\?code=/);
    expect(await plain.locator('#case-status').textContent()).toBe('รับเรื่องแล้ว');
    expect(await plain.locator('.timeline li').count()).toBeGreaterThan(0);
  } finally {
    await noScript.close();
  }
});
