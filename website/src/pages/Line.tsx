import type { JSX } from 'preact';
import { safeUrl } from '../html';
import { href, t } from '../i18n';
import type { Site } from '../components/site';

/** LINE's "add friend" link for an Official Account id such as @nokok. */
const lineLink = (id: string) => `https://line.me/R/ti/p/${encodeURIComponent(id.startsWith('@') ? id : `@${id}`)}`;

/** Messenger's link for a page, from its Facebook address (facebook.com/<page>). */
function messengerLink(pageUrl: string): string | null {
  try {
    const name = new URL(pageUrl).pathname.split('/').filter(Boolean)[0];
    return name ? `https://m.me/${encodeURIComponent(name)}` : null;
  } catch {
    return null;
  }
}

/** /line: how to send a complaint through the town's LINE Official Account or Facebook page. */
export function Line({ site }: { site: Site }): JSX.Element {
  const m = site.municipality;
  const line = m?.lineOaId ? lineLink(m.lineOaId) : null;
  const messenger = m?.facebookPageUrl ? messengerLink(m.facebookPageUrl) : null;
  return (
    <>
      <h1>{t('chat.title')}</h1>
      <p>{t('chat.intro')}</p>
      <ul class="grid services chat-links">
        {line ? (
          <li class="card">
            <a href={line} rel="noopener" id="line-link">
              <span class="card-title">LINE</span>
              <span>{t('chat.line', { id: m?.lineOaId ?? '' })}</span>
            </a>
          </li>
        ) : null}
        {messenger ? (
          <li class="card">
            <a href={safeUrl(messenger)} rel="noopener" id="messenger-link">
              <span class="card-title">Facebook Messenger</span>
              <span>{t('chat.messenger')}</span>
            </a>
          </li>
        ) : null}
      </ul>
      <h2>{t('chat.how')}</h2>
      <ol class="steps">
        {(['chat.step1', 'chat.step2', 'chat.step3', 'chat.step4'] as const).map((k) => (
          <li>{t(k)}</li>
        ))}
      </ol>
      <p>{t('chat.privacy')}</p>
      <p>
        <a href={href('/track')}>{t('chat.track')}</a> · <a href={href('/complaint')}>{t('chat.web')}</a>
      </p>
    </>
  );
}
