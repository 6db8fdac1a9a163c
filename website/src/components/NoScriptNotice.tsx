import type { JSX } from 'preact';
import { telHref } from '../html';
import { href, t } from '../i18n';
import type { Site } from './site';

/**
 * Shown only without script, on a page whose form needs it: the citizen learns at once, before
 * filling anything in, and gets the other ways to reach the town (phone, LINE where it takes the
 * matter, the contact page).
 */
export function NoScriptNotice({ site, id, text, line = false }: { site: Site; id: string; text: string; line?: boolean }): JSX.Element {
  return (
    <noscript>
      <div class="notice" id={id}>
        <p>
          <strong>{t('complaint.noscript.title')}</strong>
        </p>
        <p>{text}</p>
        <OfficeContacts site={site} line={line} />
      </div>
    </noscript>
  );
}

/** The other ways to reach the town: its phone, LINE (where it takes the matter), the contact page. */
export function OfficeContacts({ site, line = false }: { site: Site; line?: boolean }): JSX.Element {
  const phone = site.municipality?.phone;
  return (
    <ul>
      {phone ? (
        <li>
          <a href={telHref(phone)}>{t('complaint.noscript.phone', { phone })}</a>
        </li>
      ) : null}
      {line ? (
        <li>
          <a href={href('/line')}>{t('complaint.noscript.line')}</a>
        </li>
      ) : null}
      <li>
        <a href={href('/contact')}>{t('complaint.noscript.contact')}</a>
      </li>
    </ul>
  );
}
