import { esc, safeUrl } from './html';
import { href, t } from './i18n';
import type { PageContext } from './view';

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
export function chatPage(ctx: PageContext): string {
  const m = ctx.municipality();
  const line = m?.lineOaId ? lineLink(m.lineOaId) : null;
  const messenger = m?.facebookPageUrl ? messengerLink(m.facebookPageUrl) : null;
  const steps = (['chat.step1', 'chat.step2', 'chat.step3', 'chat.step4'] as const).map((k) => `<li>${esc(t(k))}</li>`).join('');
  return `<h1>${esc(t('chat.title'))}</h1>
  <p>${esc(t('chat.intro'))}</p>
  <ul class="grid services chat-links">
    ${line ? `<li class="card"><a href="${esc(line)}" rel="noopener" id="line-link"><span class="card-title">LINE</span><span>${esc(t('chat.line', { id: m!.lineOaId! }))}</span></a></li>` : ''}
    ${messenger ? `<li class="card"><a href="${esc(safeUrl(messenger))}" rel="noopener" id="messenger-link"><span class="card-title">Facebook Messenger</span><span>${esc(t('chat.messenger'))}</span></a></li>` : ''}
  </ul>
  <h2>${esc(t('chat.how'))}</h2>
  <ol class="steps">${steps}</ol>
  <p>${esc(t('chat.privacy'))}</p>
  <p><a href="${esc(href('/track'))}">${esc(t('chat.track'))}</a> · <a href="${esc(href('/complaint'))}">${esc(t('chat.web'))}</a></p>`;
}
