import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startApp, ROOT, type TestApp } from '../helpers/strapi';
import { adminLogin, launchBrowser } from '../helpers/browser';
import { DEMO_STAFF_PASSWORDS, demoStaffEnv } from '../helpers/demo-staff';

/**
 * A Thai clerk of each role walks every item of the admin's menu (and of the Content Manager's and
 * Settings' own menus, opening the first record of each list): no English word may show outside a
 * short allow-list of brand names and codes, and the console never reports MISSING_TRANSLATION nor
 * an admin request the admin made in vain (a 404 or 5xx).
 */
const PASSWORDS = DEMO_STAFF_PASSWORDS;

/** Brand names, standards and codes a Thai screen may show as they are. */
const ALLOWED = new Set(
  [
    // Strapi's edition ("Community") and the server's runtime (Node) on the Settings overview.
    'Strapi', 'Community', 'Node', 'LINE', 'Facebook', 'Messenger', 'Open311', 'QR', 'PromptPay', 'OpenStreetMap', 'Leaflet',
    'API', 'REST', 'URL', 'ID', 'UID', 'JSON', 'CSV', 'XLSX', 'PDF', 'PNG', 'JPEG', 'SVG', 'GIF', 'WebP', 'SMTP', 'HTTP', 'HTTPS',
    'Excel', 'Markdown', 'KB', 'MB', 'GB', 'px', 'th', 'en', 'A4', 'OA', 'jpg', 'EXIF', 'POST', 'JWT', 'ACL', 'nodemailer',
    // The Thai banks' own name for their payment report.
    'Bill', 'Payment',
    // Written into Strapi 5.54's code, not its messages (the status of an admin user in Settings → Users).
    'Active', 'Inactive',
    // Licences and formats by their codes, as data catalogues write them.
    'CC', 'BY', 'SA', 'ODbL', 'GeoJSON', 'KML', 'KMZ', 'GPX', 'Shapefile', 'WGS84', 'UTM', 'EPSG',
    // Keys of the keyboard, as printed on them.
    'Command', 'Control', 'Ctrl', 'Shift', 'Enter', 'Esc', 'Tab',
  ].map((w) => w.toLowerCase())
);

/**
 * Words of the town's own records (titles of the English pages, slugs, e-mail addresses):
 * data, not the admin's words. Text fields only; an enumeration's value is the admin's to translate.
 */
async function dataWords(app: TestApp): Promise<Set<string>> {
  const words = new Set<string>();
  // Titles, names, slugs and messages (a complaint's history names its events by their message). Not
  // the English versions of the town's long texts (`descriptionEn`…): they would excuse too many words.
  const TEXT = new Set(['string', 'uid', 'email', 'text']);
  for (const [uid, type] of Object.entries(app.strapi.contentTypes)) {
    // Also what Strapi itself stored in English: its default roles and API tokens.
    // Map layers are the town's data too, their attribute schema (JSON, keyed in English) included.
    if (!/^(api::|admin::(role|api-token)$|plugin::users-permissions\.role$|plugin::gis\.layer$)/.test(uid)) continue;
    const isLayer = uid === 'plugin::gis.layer';
    const fields = Object.entries((type as { attributes: Record<string, { type: string }> }).attributes)
      .filter(([name, a]) => (TEXT.has(a.type) || (isLayer && a.type === 'json')) && !(a.type === 'text' && name.endsWith('En')))
      .map(([name]) => name);
    if (!fields.length) continue;
    const rows: unknown = await app.strapi.db.query(uid).findMany({ select: fields });
    for (const w of JSON.stringify(rows).match(/[A-Za-z]{2,}/g) ?? []) words.add(w.toLowerCase());
  }
  return words;
}
let townWords = new Set<string>();

/** The English words of a screen's text, with e-mail addresses, web addresses and codes taken out first. */
export function englishWords(text: string): string[] {
  const cleaned = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\/[\w/.:-]+/g, ' ')
    // Codes: tracking codes, bill numbers, pole codes, file names, ids (letters with digits or dashes).
    .replace(/\b[\w-]*\d[\w-]*\b/g, ' ')
    .replace(/\b[\w]+[-_.][\w.-]+\b/g, ' ');
  const words = cleaned.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED.has(w.toLowerCase()) && !townWords.has(w.toLowerCase())))];
}

let app: TestApp;
let browser: Browser;

/**
 * The admin's words do not depend on the database, and this walk is the suite's longest (every page
 * of six roles): CI's PostgreSQL half, run beside the SQLite one, skips it.
 */
const WALKED_ON_THIS_DATABASE = (process.env.DATABASE_CLIENT || 'sqlite') !== 'postgres';

beforeAll(async () => {
  if (!WALKED_ON_THIS_DATABASE) return;
  app = await startApp({
    SEED_DEMO: 'true',
    RATE_LIMIT_PER_MINUTE: '1000',
    ...demoStaffEnv(),
  });
  browser = await launchBrowser();
  townWords = await dataWords(app);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Finding {
  url: string;
  words: string[];
}

/** Waits until the admin has drawn the screen: requests settled and no loader left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Strapi's loaders say "Loading content." to screen readers (hard-coded English) until the data is in;
  // a custom field (the map's location) shows an "Unsupported field type" box until its code has loaded.
  await page
    .waitForFunction(
      () =>
        !document.querySelector('[aria-busy="true"], [role="progressbar"], input[placeholder^="Unsupported field type"]') && !document.body.innerText.includes('Loading content'),
      undefined,
      { timeout: 15_000 }
    )
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/**
 * What a clerk reads on the screen: its visible text, its title, the hints inside empty boxes.
 * Text hidden for screen readers only (one pixel wide) is left out: Strapi writes some of it in
 * English in its code ("Loading content.", "The roles have loaded successfully").
 */
const screenText = (page: Page) =>
  page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // A text box's own text is what staff typed (the town's English address): data, not the admin's words.
      if (!el || !node.textContent?.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA'].includes(el.tagName)) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      parts.push(node.textContent);
    }
    for (const e of Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]'))) parts.push(e.placeholder);
    return parts.join('\n');
  });

/**
 * Not walked: the Content-Type Builder, a developer's tool (read-only outside development) whose
 * subject is the schema's own English field names.
 */
const NOT_WALKED = ['/admin/plugins/content-type-builder'];

/** Words one page may show: the sign-in providers Strapi offers, by their brand names. */
const PAGE_ALLOWED: Record<string, string[]> = {
  '/admin/settings/users-permissions/providers': ['cas', 'cognito', 'discord', 'email', 'github', 'google', 'instagram', 'keycloak', 'linkedin', 'microsoft', 'patreon', 'reddit', 'twitch', 'twitter', 'vk'],
};

/** The paths a menu links to (without their query: a list's pagination links differ only there). */
const navLinks = (page: Page, selector: string, path: RegExp) =>
  page.evaluate(
    ({ sel, source }) => [...new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>(sel)).map((a) => a.pathname))].filter((p) => new RegExp(source).test(p)),
    { sel: selector, source: path.source }
  );
const MENU = /^\/admin\/(?!auth\/)[\w-]+(\/[\w-]+)*$/;
const SUB_MENU = /^\/admin\/(content-manager\/(collection-types|single-types)\/[^/]+|settings\/[\w-]+(\/[\w-]+)?)$/;

async function walk(who: string): Promise<{ visited: string[]; findings: Finding[]; console: string[]; failed: string[]; timings: Array<[string, number]> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('MISSING_TRANSLATION')) consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === app.url && (r.status() === 404 || r.status() >= 500) && !u.pathname.startsWith('/uploads/')) failed.push(`${r.status()} ${r.request().method()} ${u.pathname}`);
  });
  const findings: Finding[] = [];
  const visited: string[] = [];
  const timings: Array<[string, number]> = [];
  let last = Date.now();
  const check = async (url: string) => {
    await settle(page);
    visited.push(url);
    timings.push([url, Date.now() - last]);
    last = Date.now();
    const allowed = PAGE_ALLOWED[url] ?? [];
    const words = englishWords(await screenText(page)).filter((w) => !allowed.includes(w.toLowerCase()));
    if (words.length) findings.push({ url, words });
  };

  await page.goto(`${app.url}/admin/auth/login`);
  await settle(page);
  await check('/admin/auth/login');
  await adminLogin(page, app.url, { email: `${who}@nokok.demo`, password: PASSWORDS[who] });
  await settle(page);
  await check('/admin');

  const menu = await navLinks(page, 'nav a[href^="/admin"]', MENU);
  const queue = [...menu];
  const seen = new Set<string>(['/admin', '/admin/']);
  while (queue.length) {
    const target = queue.shift() as string;
    if (seen.has(target) || NOT_WALKED.includes(target)) continue;
    seen.add(target);
    await page.goto(`${app.url}${target}`);
    await check(target);
    // The Content Manager's and Settings' own menus.
    if (/\/admin\/(content-manager|settings)\/?$/.test(target) || target.includes('/content-manager/')) {
      for (const sub of await navLinks(page, 'nav a', SUB_MENU)) {
        if (!seen.has(sub) && !queue.includes(sub)) queue.push(sub);
      }
    }
    // The first record of a Content Manager list, as a clerk would open it.
    if (/\/content-manager\/collection-types\/[^/]+$/.test(new URL(page.url()).pathname)) {
      const row = page.locator('tbody tr').first();
      if (await row.count()) {
        const before = page.url();
        await row.locator('td').nth(1).click().catch(() => undefined);
        await page.waitForURL((u) => u.toString() !== before, { timeout: 5000 }).catch(() => undefined);
        if (page.url() !== before) await check(new URL(page.url()).pathname);
      }
    }
  }
  await context.close();
  return { visited, findings, console: consoleErrors, failed, timings };
}

type WalkResult = Awaited<ReturnType<typeof walk>>;
const walks = new Map<string, Promise<WalkResult>>();

/**
 * The six walks run three at a time, each in its own browser context: a walk mostly waits for the
 * admin to settle, and one after another they took 23 minutes of CI's 90.
 */
function walkAll(roles: string[], atOnce = 3) {
  const queue = [...roles];
  const lanes = Array.from({ length: atOnce }, async () => {
    for (let who = queue.shift(); who; who = queue.shift()) {
      const result = walk(who);
      walks.set(who, result);
      await result.catch(() => undefined);
    }
  });
  return Promise.all(lanes);
}

/** A role's walk, started by the first test that asks (the others' walks start with it). */
function walkOf(who: string): Promise<WalkResult> {
  if (!walks.size) void walkAll(Object.keys(PASSWORDS));
  return new Promise((resolve, reject) => {
    const poll = () => {
      const found = walks.get(who);
      if (found) found.then(resolve, reject);
      else setTimeout(poll, 200);
    };
    poll();
  });
}

(WALKED_ON_THIS_DATABASE ? describe : describe.skip).each(Object.keys(PASSWORDS))('the admin in Thai for %s@nokok.demo', (who) => {
  it('shows no English word and no missing translation on any menu item', async () => {
    const result = await walkOf(who);
    if (process.env.ADMIN_THAI_REPORT) fs.writeFileSync(path.join(ROOT, '.tmp', `admin-thai-${who}.json`), JSON.stringify(result, null, 2));
    // The walk reached the role's pages (a broken menu would pass an empty walk).
    expect(result.visited.length).toBeGreaterThan(3);
    // The e-service screens: the dashboard for those who read it, a demo form's edit view for those who read forms.
    if (['admin', 'complaints', 'executive', 'auditor'].includes(who)) expect(result.visited).toContain('/admin/e-service-dashboard');
    if (who !== 'finance') expect(result.visited.some((u) => u.startsWith('/admin/content-manager/collection-types/api::e-form.e-form/'))).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.console).toEqual([]);
    expect(result.failed).toEqual([]);
  }, 1_500_000);
});
