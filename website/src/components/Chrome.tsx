import type { JSX } from 'preact';
import type { Municipality } from '../api';
import { safeUrl } from '../html';
import { href, lang, pathIn, t } from '../i18n';
import { ContactList } from './ContactList';
import { siteName } from './site';

/** A menu entry: a site path (without the language) and its label. */
export type MenuPage = { slug: string; title: string };

/** The main menu's list (inside <nav id="nav">): home, news, the menu pages, contact. */
export function NavList({ pages, current }: { pages: MenuPage[]; current: string }): JSX.Element {
  const links: Array<[string, string]> = [
    ['/', t('nav.home')],
    ['/news', t('nav.news')],
    ['/map', t('nav.map')],
    ['/statistics', t('nav.statistics')],
    ...pages.map((p): [string, string] => [`/pages/${encodeURIComponent(p.slug)}`, p.title]),
    ['/contact', t('nav.contact')],
  ];
  return (
    <ul>
      {links.map(([path, label]) => (
        <li>
          <a href={href(path)} aria-current={current === path || (path !== '/' && current.startsWith(path + '/')) ? 'page' : undefined}>
            {label}
          </a>
        </li>
      ))}
      <li>
        {/* The same for everyone (pages are shared): the account island says "my account" once it knows a session. */}
        <a class="account-link" id="account-link" href={href('/account')} aria-current={current === '/account' || current.startsWith('/account/') ? 'page' : undefined}>
          {t('nav.signIn')}
        </a>
      </li>
    </ul>
  );
}

/** The footer's content (inside <footer id="footer">). */
export function FooterContent({ municipality }: { municipality: Municipality | null }): JSX.Element {
  return (
    <div class="wrap">
      <p>
        <strong>
          {t('footer.rights')} {siteName(municipality)}
        </strong>
      </p>
      <ContactList municipality={municipality} />
      <p>
        <a href={href('/map')}>{t('nav.map')}</a> · <a href={href('/developers')}>API</a> · <a href={href('/transparency')}>{t('ita.footer')}</a>
      </p>
    </div>
  );
}

/**
 * The skip link and the header (name, logo, language switch, menu). The language switch is a link to
 * the same page (and query) in the other language: the language is part of the address.
 */
export function Header({ municipality, pages, current, query }: { municipality: Municipality | null; pages: MenuPage[]; current: string; query: string }): JSX.Element {
  const logo = municipality?.logo?.formats?.thumbnail ?? municipality?.logo;
  const other = lang === 'th' ? 'en' : 'th';
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="site-header">
        <div class="wrap bar">
          <a class="brand" href={href('/')}>
            <img class="logo" id="logo" alt="" width={40} height={40} src={logo ? safeUrl(logo.url) : undefined} hidden={!logo} />
            <span id="site-name">{siteName(municipality)}</span>
          </a>
          <a class="lang" id="lang-switch" href={pathIn(current, other) + (query ? `?${query}` : '')} hreflang={other} lang={other} aria-label={t('lang.switchLabel')}>
            {t('lang.switch')}
          </a>
        </div>
        <nav class="wrap nav" id="nav" aria-label={t('nav.label')}>
          <NavList pages={pages} current={current} />
        </nav>
      </header>
    </>
  );
}
