import { h, hydrate, render as preactRender } from 'preact';
import { api, type Municipality } from './api';
import { esc, safeUrl } from './html';
import { href, lang, pathIn, sitePath, syncLang, t, type Lang } from './i18n';
import { FooterContent, NavList, type MenuPage } from './components/Chrome';
import { siteName, type Site } from './components/site';
import { loadMenu, matchRoute, notFoundPage, show, type Shown } from './routes';
import type { PageData } from './server';
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
  const embedded = document.getElementById('initial-data');
  if (embedded) {
    const data = JSON.parse(embedded.textContent || '{}') as { municipality?: Municipality | null; map?: Partial<MapTiles> | null };
    municipality = data.municipality ?? null;
    if (typeof data.map?.tileUrl === 'string' && typeof data.map.attribution === 'string') mapTiles = { tileUrl: data.map.tileUrl, attribution: data.map.attribution };
  }
} catch {
  municipality = null;
}

// The content page the server rendered, with the data it was rendered from (see website/src/server.tsx).
let initial: PageData | null = null;
try {
  const text = document.getElementById('page-data')?.textContent;
  initial = text ? (JSON.parse(text) as PageData) : null;
} catch {
  initial = null;
}

const name = () => siteName(municipality);

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

// Pages with behaviour (forms, the map) get the means to navigate, the municipality record and the tiles.
const pageContext: PageContext = { navigate, municipality: () => municipality, mapTiles: () => mapTiles };

type View = () => Rendered | null | Promise<Rendered | null>;
/** The pages with behaviour, still string views mounted into <main>; content pages are in routes.ts. */
function interactiveRoute(path: string): View | null {
  const parts = path.replace(/\/+$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'developers' && parts.length === 1) return developers;
  if (parts[0] === 'complaint' && parts.length === 1) return () => complaintPage(pageContext);
  if (parts[0] === 'track' && parts.length === 1) return () => trackPage(pageContext);
  if (parts[0] === 'tax' && parts.length === 1) return taxPage;
  if (parts[0] === 'line' && parts.length === 1) return () => chatPage(pageContext);
  if (parts[0] === 'poles' && parts.length === 1) return () => polesPage(pageContext);
  if (parts[0] === 'p' && parts.length === 2) return () => polePage(pageContext, parts[1]);
  return null;
}

const menus: Partial<Record<Lang, Promise<MenuPage[]>>> = {};
if (initial && initial.lang === lang) menus[lang] = Promise.resolve(initial.menu);

async function chrome(): Promise<void> {
  document.documentElement.lang = lang;
  $('site-name').textContent = name();
  // The town's name leads home in the page's language.
  document.querySelector<HTMLAnchorElement>('a.brand')?.setAttribute('href', href('/'));
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
  const language = lang;
  // Rendered into what the server wrote (same components, same markup), so nothing moves.
  preactRender(h(FooterContent, { municipality }), $('footer'));
  const pages = await (menus[language] ??= loadMenu(api, language));
  if (language !== lang) return;
  preactRender(h(NavList, { pages, current: sitePath().replace(/\/+$/, '') || '/' }), $('nav'));
}

/** What a content page needs besides its data. */
const site = (): Site => ({ municipality });

/** Whether Preact rendered what <main> holds (then only Preact may change it). */
let preactMain = false;
/** Empties <main> whoever filled it, so a string view or a Preact page can take it. */
function releaseMain(): void {
  if (preactMain) preactRender(null, main);
  preactMain = false;
  main.innerHTML = '';
}

let renderId = 0;
let unmount: (() => void) | void;
async function render(focus: boolean): Promise<void> {
  const id = ++renderId;
  main.setAttribute('aria-busy', 'true');
  if (!main.innerHTML.trim()) main.innerHTML = `<p class="loading">${esc(t('loading'))}</p>`;
  const chromeDone = chrome();
  try {
    const path = sitePath();
    const interactive = interactiveRoute(path);
    if (interactive) {
      const view = await interactive();
      if (id !== renderId) return;
      unmount?.(); // the page being left lets go of what it holds (the map)
      unmount = undefined;
      releaseMain();
      if (view === null) showPage(notFoundPage, false);
      else {
        main.innerHTML = typeof view === 'string' ? view : view.html;
        if (typeof view !== 'string') unmount = view.mount(main);
        const h1 = main.querySelector('h1');
        document.title = h1 ? `${h1.textContent} | ${name()}` : name();
      }
    } else {
      const matched = matchRoute(path);
      // The page the server rendered comes with its data: hydrate it without asking again.
      const embedded = initial && initial.lang === lang && initial.path === currentPath() ? initial : null;
      initial = null;
      const data = !matched || embedded ? embedded?.data : await matched.route.load(matched.params, new URLSearchParams(location.search), api, lang);
      if (id !== renderId) return;
      unmount?.();
      unmount = undefined;
      showPage(matched ? show(matched, data ?? null) : notFoundPage, Boolean(embedded && matched));
    }
  } catch {
    if (id !== renderId) return;
    unmount?.();
    unmount = undefined;
    releaseMain();
    main.innerHTML = `<div role="alert"><p>${esc(t('error'))}</p><button type="button" id="retry">${esc(t('retry'))}</button></div>`;
    $('retry').addEventListener('click', () => void render(true));
  } finally {
    if (id === renderId) main.removeAttribute('aria-busy');
  }
  await chromeDone;
  if (focus) main.focus({ preventScroll: true });
}

/** The site path and query, as the server names the page it embedded. */
const currentPath = () => (sitePath().replace(/\/+$/, '') || '/') + location.search;

/** Renders a content page into <main>: hydrating the server's markup on arrival, rendering after. */
function showPage(page: Shown, hydrating: boolean): void {
  if (hydrating) hydrate(page.view(site()), main);
  else {
    if (!preactMain) main.innerHTML = '';
    preactRender(page.view(site()), main);
  }
  preactMain = true;
  const own = page.title(site());
  document.title = own ? `${own} | ${name()}` : name();
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
  if (lang !== before) releaseMain();
  void render(true);
}

// The same page in the other language: its address under /en, or without it.
$('lang-switch').addEventListener('click', () => {
  const other = lang === 'th' ? 'en' : 'th';
  history.replaceState(null, '', pathIn(sitePath(), other) + location.search + location.hash);
  syncLang();
  releaseMain();
  void render(false);
});

window.addEventListener('popstate', () => {
  syncLang();
  void render(true);
});
syncLang();
void render(false);
