import { api, type Media, type Municipality, type NewsItem, type Page } from './api';
import { renderBlocks } from './blocks';
import { esc, safeUrl } from './html';
import { formatDate, href, lang, pathIn, sitePath, syncLang, t, tDynamic } from './i18n';
import { complaintPage } from './complaint';
import { trackPage } from './track';
import { polePage, polesPage } from './poles';
import { taxPage } from './tax';
import { chatPage } from './chat';
import type { PageContext, Rendered } from './view';
import { DEFAULT_MAP_TILES, type MapTiles } from '../../src/shared/map-tiles';

const $ = (id: string) => document.getElementById(id)!;
const main = $('main');
let municipality: Municipality | null = null;
let mapTiles: MapTiles = DEFAULT_MAP_TILES;

// The server embeds the municipality record and the maps' tile source (as GET /api/municipality and
// GET /api/map answer them), so the header and the maps need no request on a slow network.
try {
  const initial = document.getElementById('initial-data');
  if (initial) {
    const data = JSON.parse(initial.textContent || '{}') as { municipality?: Municipality | null; map?: Partial<MapTiles> | null };
    municipality = data.municipality ?? null;
    if (typeof data.map?.tileUrl === 'string' && typeof data.map.attribution === 'string') mapTiles = { tileUrl: data.map.tileUrl, attribution: data.map.attribution };
  }
} catch {
  municipality = null;
}

const name = () => (municipality ? (lang === 'en' ? municipality.nameEn : municipality.nameTh) : t('site.fallbackName'));
const localized = (th?: string, en?: string) => (lang === 'en' && en ? en : th) ?? '';

interface List<T> {
  data: T[];
  meta?: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** A list in the current language; items missing in English fall back to Thai. */
async function localizedList<T>(path: string, params: Record<string, string | number>): Promise<List<T>> {
  const res = await api<List<T>>(path, { ...params, locale: lang });
  if (lang === 'en' && res.data.length === 0) return api<List<T>>(path, { ...params, locale: 'th' });
  return res;
}

function img(media: Media | null | undefined, format: 'thumbnail' | 'small' | 'medium' | 'large', cls: string): string {
  if (!media) return '';
  const f = media.formats?.[format] ?? media;
  return `<img class="${cls}" src="${esc(safeUrl(f.url))}" alt="${esc(media.alternativeText ?? '')}" width="${Number(f.width) || ''}" height="${Number(f.height) || ''}" loading="lazy" decoding="async">`;
}

const newsCard = (n: NewsItem) => `<li class="card news-card">
  <a href="${esc(href(`/news/${encodeURIComponent(n.slug)}`))}">
    ${img(n.cover, 'small', 'cover')}
    <span class="meta"><span class="tag">${esc(tDynamic(`category.${n.category}`))}</span> <time datetime="${esc(n.publishedDate)}">${esc(formatDate(n.publishedDate))}</time></span>
    <span class="card-title">${esc(n.title)}</span>
  </a>
  ${n.summary ? `<p>${esc(n.summary)}</p>` : ''}
</li>`;

const ICONS: Record<string, string> = {
  complaint: 'M4 4h16v12H7l-3 3z',
  eservice: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  tax: 'M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h3v3h-3zM18 18h3v3h-3z',
  poles: 'M12 2v20M8 6l4-2 4 2M5 10c2-2 12-2 14 0',
  line: 'M4 5h16v11H9l-5 4z M8 10h8',
  data: 'M12 2l9 5-9 5-9-5zM3 12l9 5 9-5M3 17l9 5 9-5',
};
const SERVICES = ['complaint', 'eservice', 'tax', 'poles', 'line', 'data'] as const;
type Service = (typeof SERVICES)[number];
const isService = (s: string): s is Service => (SERVICES as readonly string[]).includes(s);

const icon = (key: string) =>
  `<svg class="icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false"><path d="${ICONS[key]}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>`;

async function home(): Promise<string> {
  const news = await localizedList<NewsItem>('news', {
    sort: 'publishedDate:desc',
    populate: 'cover',
    'pagination[pageSize]': 4,
    'fields[0]': 'title',
    'fields[1]': 'slug',
    'fields[2]': 'publishedDate',
    'fields[3]': 'category',
  });
  return `<section class="hero"><p>${esc(t('home.welcome'))}</p><h1>${esc(name())}</h1><p>${esc(t('home.intro'))}</p></section>
  <section aria-labelledby="services-h"><h2 id="services-h">${esc(t('home.services'))}</h2>
    <ul class="grid services">${SERVICES.map(
      (s) => `<li class="card service"><a href="${esc(href(`/${s}`))}">${icon(s)}<span class="card-title">${esc(t(`service.${s}.title`))}</span><span>${esc(t(`service.${s}.text`))}</span></a></li>`
    ).join('')}</ul>
  </section>
  <section aria-labelledby="news-h"><h2 id="news-h">${esc(t('home.latestNews'))}</h2>
    ${news.data.length ? `<ul class="grid news">${news.data.map(newsCard).join('')}</ul>` : `<p>${esc(t('news.empty'))}</p>`}
    <p><a class="more" href="${esc(href('/news'))}">${esc(t('home.allNews'))} →</a></p>
  </section>`;
}

async function newsList(): Promise<string> {
  const page = Math.max(1, Number(new URLSearchParams(location.search).get('page')) || 1);
  const res = await localizedList<NewsItem>('news', {
    sort: 'publishedDate:desc',
    populate: 'cover',
    'pagination[page]': page,
    'pagination[pageSize]': 10,
    'fields[0]': 'title',
    'fields[1]': 'slug',
    'fields[2]': 'publishedDate',
    'fields[3]': 'category',
    'fields[4]': 'summary',
  });
  const { pageCount = 1 } = res.meta?.pagination ?? {};
  const link = (p: number, label: string, rel: string) => `<a rel="${rel}" href="${esc(href(`/news?page=${p}`))}">${esc(label)}</a>`;
  return `<h1>${esc(t('news.title'))}</h1>
  ${res.data.length ? `<ul class="grid news">${res.data.map(newsCard).join('')}</ul>` : `<p>${esc(t('news.empty'))}</p>`}
  ${pageCount > 1 ? `<nav class="pager" aria-label="${esc(t('news.page', { page, count: pageCount }))}">${page > 1 ? link(page - 1, t('news.prev'), 'prev') : ''}<span>${esc(t('news.page', { page, count: pageCount }))}</span>${page < pageCount ? link(page + 1, t('news.next'), 'next') : ''}</nav>` : ''}`;
}

async function newsDetail(slug: string): Promise<string | null> {
  const res = await localizedList<NewsItem>('news', { 'filters[slug][$eq]': slug, populate: 'cover' });
  const n = res.data[0];
  if (!n) return null;
  return `<article class="article"><p><a href="${esc(href('/news'))}">← ${esc(t('news.back'))}</a></p>
    <h1>${esc(n.title)}</h1>
    <p class="meta"><span class="tag">${esc(tDynamic(`category.${n.category}`))}</span> ${esc(t('news.published'))} <time datetime="${esc(n.publishedDate)}">${esc(formatDate(n.publishedDate))}</time></p>
    ${img(n.cover, 'large', 'cover-large')}
    <div class="prose">${renderBlocks(n.body)}</div></article>`;
}

async function staticPage(slug: string): Promise<string | null> {
  const res = await localizedList<Page>('pages', { 'filters[slug][$eq]': slug });
  const p = res.data[0];
  return p ? `<article class="article"><h1>${esc(p.title)}</h1><div class="prose">${renderBlocks(p.body)}</div></article>` : null;
}

function contactList(): string {
  const m = municipality;
  if (!m) return '';
  const row = (label: string, value: string) => (value ? `<dt>${esc(label)}</dt><dd>${value}</dd>` : '');
  return `<dl class="contact">
    ${row(t('contact.address'), esc(localized(m.addressTh, m.addressEn)))}
    ${row(t('contact.phone'), m.phone ? `<a href="tel:${esc(m.phone.replace(/[^\d+]/g, ''))}">${esc(m.phone)}</a>` : '')}
    ${row(t('contact.email'), m.email ? `<a href="mailto:${esc(m.email)}">${esc(m.email)}</a>` : '')}
    ${row(t('contact.hours'), esc(localized(m.officeHoursTh, m.officeHoursEn)))}
    ${row(t('contact.line'), esc(m.lineOaId ?? ''))}
    ${row(t('contact.facebook'), m.facebookPageUrl ? `<a href="${esc(safeUrl(m.facebookPageUrl))}" rel="noopener">${esc(m.facebookPageUrl.replace(/^https?:\/\/(www\.)?/, ''))}</a>` : '')}
  </dl>`;
}

const contact = () => `<h1>${esc(t('contact.title'))}</h1>${contactList()}`;

const comingSoon = (service: Service) => () =>
  `<h1>${esc(t(`service.${service}.title`))}</h1><p>${esc(t(`service.${service}.text`))}</p><p>${esc(t('service.soon'))}</p>${contactList()}`;

/** The parts of the OpenAPI document the developers page lists. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; parameters?: Array<{ name: string; description?: string }> }>>;
}

async function developers(): Promise<string> {
  const doc = (await fetch('/api/openapi.json').then((r) => r.json())) as OpenApiDocument;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op }))
  );
  return `<h1>${esc(t('dev.title'))}</h1>
  <p>${esc(t('dev.intro'))} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
  <ul class="ops">${ops
    .map(
      ({ path, method, op }) => `<li><h2><code>${esc(method.toUpperCase())} /api${esc(path)}</code></h2><p>${esc(op.summary ?? '')}</p>${
        op.parameters?.length
          ? `<details><summary>${esc(t('dev.params'))}</summary><ul>${op.parameters.map((p) => `<li><code>${esc(p.name)}</code> ${esc(p.description ?? '')}</li>`).join('')}</ul></details>`
          : ''
      }</li>`
    )
    .join('')}</ul>`;
}

const notFound = () => `<h1>${esc(t('notFound.title'))}</h1><p>${esc(t('notFound.text'))}</p><p><a href="${esc(href('/'))}">${esc(t('nav.home'))}</a></p>`;

// Pages with behaviour (forms, the map) get the means to navigate, the municipality record and the tiles.
const pageContext: PageContext = { navigate, municipality: () => municipality, mapTiles: () => mapTiles };

type View = () => Rendered | null | Promise<Rendered | null>;
function route(path: string): View {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return home;
  if (parts[0] === 'news' && parts.length === 1) return newsList;
  if (parts[0] === 'news' && parts.length === 2) return () => newsDetail(parts[1]);
  if (parts[0] === 'pages' && parts.length === 2) return () => staticPage(parts[1]);
  if (parts[0] === 'contact' && parts.length === 1) return contact;
  if (parts[0] === 'developers' && parts.length === 1) return developers;
  if (parts[0] === 'complaint' && parts.length === 1) return () => complaintPage(pageContext);
  if (parts[0] === 'track' && parts.length === 1) return () => trackPage(pageContext);
  if (parts[0] === 'tax' && parts.length === 1) return taxPage;
  if (parts[0] === 'line' && parts.length === 1) return () => chatPage(pageContext);
  if (parts[0] === 'poles' && parts.length === 1) return () => polesPage(pageContext);
  if (parts[0] === 'p' && parts.length === 2) return () => polePage(pageContext, parts[1]);
  if (parts.length === 1 && isService(parts[0])) return comingSoon(parts[0]);
  return notFound;
}

async function chrome(): Promise<void> {
  document.documentElement.lang = lang;
  $('site-name').textContent = name();
  const logo = $('logo') as HTMLImageElement;
  const logoFile = municipality?.logo?.formats?.thumbnail ?? municipality?.logo;
  if (logoFile) {
    logo.src = safeUrl(logoFile.url);
    logo.hidden = false;
  }
  const switcher = $('lang-switch');
  switcher.textContent = t('lang.switch');
  switcher.setAttribute('lang', lang === 'th' ? 'en' : 'th');
  switcher.setAttribute('aria-label', t('lang.switchLabel'));
  document.querySelector('.skip')!.textContent = t('skip');
  $('nav').setAttribute('aria-label', t('nav.label'));
  let pages: Page[] = [];
  try {
    pages = (
      await localizedList<Page>('pages', { sort: 'menuOrder:asc', 'filters[showInMenu][$eq]': 'true', 'fields[0]': 'title', 'fields[1]': 'slug' })
    ).data;
  } catch {
    /* the menu still has its fixed entries */
  }
  const links: Array<[string, string]> = [
    ['/', t('nav.home')],
    ['/news', t('nav.news')],
    ...pages.map((p): [string, string] => [`/pages/${encodeURIComponent(p.slug)}`, p.title]),
    ['/contact', t('nav.contact')],
  ];
  const current = sitePath().replace(/\/+$/, '') || '/';
  $('nav').innerHTML = `<ul>${links
    .map(([path, label]) => `<li><a href="${esc(href(path))}"${current === path || (path !== '/' && current.startsWith(path + '/')) ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`)
    .join('')}</ul>`;
  $('footer').innerHTML = `<div class="wrap"><p><strong>${esc(t('footer.rights'))} ${esc(name())}</strong></p>${contactList()}<p><a href="${esc(href('/developers'))}">API</a></p></div>`;
}

let renderId = 0;
let unmount: (() => void) | void;
async function render(focus: boolean): Promise<void> {
  const id = ++renderId;
  main.setAttribute('aria-busy', 'true');
  if (!main.innerHTML.trim()) main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  const chromeDone = chrome();
  try {
    const view = (await route(sitePath())()) ?? notFound();
    if (id !== renderId) return;
    unmount?.(); // the page being left lets go of what it holds (the map)
    unmount = undefined;
    main.innerHTML = typeof view === 'string' ? view : view.html;
    if (typeof view !== 'string') unmount = view.mount(main);
    const h1 = main.querySelector('h1');
    document.title = h1 && sitePath() !== '/' ? `${h1.textContent} | ${name()}` : name();
  } catch {
    if (id !== renderId) return;
    unmount?.();
    unmount = undefined;
    main.innerHTML = `<div role="alert"><p>${esc(t('error'))}</p><button type="button" id="retry">${esc(t('retry'))}</button></div>`;
    $('retry').addEventListener('click', () => void render(true));
  } finally {
    if (id === renderId) main.removeAttribute('aria-busy');
  }
  await chromeDone;
  if (focus) main.focus({ preventScroll: true });
}

// Same-origin links navigate in place; the admin, API and files load normally.
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || /^\/(api|admin|uploads)\b/.test(url.pathname)) return;
  e.preventDefault();
  if (url.href === location.href) return;
  navigate(url.href);
});

function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  const before = lang;
  syncLang();
  if (lang !== before) main.innerHTML = '';
  void render(true);
}

// The same page in the other language: its address under /en, or without it.
$('lang-switch').addEventListener('click', () => {
  const other = lang === 'th' ? 'en' : 'th';
  history.replaceState(null, '', pathIn(sitePath(), other) + location.search + location.hash);
  syncLang();
  main.innerHTML = '';
  void render(false);
});

window.addEventListener('popstate', () => {
  syncLang();
  void render(true);
});
syncLang();
void render(false);
