import { fresh } from './api';
import { esc } from './html';
import { formatInstant, href, lang, t, tDynamic } from './i18n';
import { TRACKING_CODE } from './complaint-rules';
import { recentCodes } from './recent';
import { listener, type PageContext, type Rendered } from './view';

interface PublicComplaint {
  trackingCode: string;
  category: { code: string; nameTh: string; nameEn: string } | null;
  status: string;
  publicStatus: string;
  channel: string;
  createdAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  resolvedAt: string | null;
  history: Array<{ at: string | null; kind: string; status: string | null; message: string | null }>;
}

const STATES = ['received', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'referred', 'duplicate', 'reopened'];
const CHANNELS = ['web', 'line', 'facebook', 'pole', 'open311', 'counter'];
// A state or channel added on the server later still shows, as its code, until it is translated.
const statusLabel = (s: string | null) => (s && STATES.includes(s) ? tDynamic(`status.${s}`) : s ?? '');
const channelLabel = (c: string) => (CHANNELS.includes(c) ? tDynamic(`channel.${c}`) : c);
const when = (iso: string | null, withTime = false) => (iso ? `<time datetime="${esc(iso)}">${esc(formatInstant(iso, withTime))}</time>` : '');

/** The public view, never cached: the citizen comes here to see what changed. Null when unknown. */
const fetchComplaint = (code: string) => fresh<PublicComplaint>(`complaints/track/${encodeURIComponent(code)}`);

function eventText(e: PublicComplaint['history'][number]): string {
  if (e.kind === 'created') return esc(t('track.event.created'));
  if (e.kind === 'transition') {
    const reason = e.message ? `<blockquote class="reply">${esc(e.message)}</blockquote>` : '';
    return `${esc(t('track.event.transition', { status: statusLabel(e.status) }))}${reason}`;
  }
  if (e.kind === 'public_reply') return `${esc(t('track.event.public_reply'))}<blockquote class="reply">${esc(e.message ?? '')}</blockquote>`;
  return esc(t('track.event.other'));
}

function caseHtml(c: PublicComplaint): string {
  const row = (label: string, value: string) => (value ? `<dt>${esc(label)}</dt><dd>${value}</dd>` : '');
  const publicStatus = /^[a-z_]+$/.test(c.publicStatus) ? c.publicStatus : 'open';
  // Newest first: on a phone the latest step is what the citizen came for.
  const history = [...c.history].reverse();
  return `<section class="case" aria-labelledby="case-h">
    <h2 id="case-h">${esc(t('track.case', { code: c.trackingCode }))}</h2>
    <p><span class="badge badge-${publicStatus}" id="case-status">${esc(statusLabel(c.status))}</span>${c.overdue ? ` <span class="badge badge-overdue">${esc(t('track.overdue'))}</span>` : ''}</p>
    <dl class="facts">
      ${row(t('track.category'), c.category ? esc(lang === 'en' ? c.category.nameEn : c.category.nameTh) : '')}
      ${row(t('track.status'), esc(statusLabel(c.status)))}
      ${row(t('track.channel'), esc(channelLabel(c.channel)))}
      ${row(t('track.created'), when(c.createdAt, true))}
      ${row(t('track.due'), `${when(c.dueAt)}${c.overdue ? ` <strong class="overdue">(${esc(t('track.overdue'))})</strong>` : ''}`)}
      ${row(t('track.resolved'), when(c.resolvedAt, true))}
    </dl>
    <h3>${esc(t('track.history'))}</h3>
    <ol class="timeline">${history.map((e) => `<li>${when(e.at, true)}<div>${eventText(e)}</div></li>`).join('')}</ol>
  </section>`;
}

function recentHtml(current: string): string {
  const list = recentCodes().filter((r) => r.code !== current);
  if (!list.length) return '';
  return `<section aria-labelledby="recent-h"><h2 id="recent-h">${esc(t('track.recent'))}</h2>
    <ul class="recent">${list
      .map((r) => `<li><a href="${esc(href(`/track?code=${encodeURIComponent(r.code)}`))}">${esc(r.code)}</a> <span class="meta">${esc(t('track.recentFiled', { date: formatInstant(r.at) }))}</span></li>`)
      .join('')}</ul></section>`;
}

/** /track and /track?code=NK-2611-7KQ3M: a code box, the complaint's public status and history. */
export async function trackPage(ctx: PageContext): Promise<Rendered> {
  const code = (new URLSearchParams(location.search).get('code') ?? '').trim().toUpperCase();
  let result = '';
  let found: PublicComplaint | null = null;
  let problem = '';
  if (code && !TRACKING_CODE.test(code)) problem = t('track.invalid');
  else if (code) {
    found = await fetchComplaint(code);
    if (found) result = caseHtml(found);
    else problem = t('track.notFound', { code });
  }
  const html = `<h1>${esc(t('track.title'))}</h1>
  <form id="track-form" class="form track-form" novalidate>
    <div class="field">
      <label for="track-code">${esc(t('track.code'))}</label>
      <p class="hint" id="track-code-hint">${esc(t('track.codeHint'))}</p>
      <div class="inline">
        <input id="track-code" name="code" type="text" value="${esc(code)}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" aria-describedby="track-code-hint track-code-error"${problem ? ' aria-invalid="true"' : ''}>
        <button type="submit" class="primary">${esc(t('track.submit'))}</button>
      </div>
      <p class="field-error" id="track-code-error" role="alert"${problem ? '' : ' hidden'}>${esc(problem)}</p>
    </div>
  </form>
  ${found ? `<p class="actions"><button type="button" class="secondary" id="track-refresh">${esc(t('track.refresh'))}</button> <span id="track-refresh-status" role="status"></span></p>` : ''}
  <div id="track-result">${result}</div>
  ${recentHtml(found ? code : '')}`;

  return {
    html,
    mount(root) {
      let gone = false;
      const form = root.querySelector<HTMLFormElement>('#track-form')!;
      const input = root.querySelector<HTMLInputElement>('#track-code')!;
      const error = root.querySelector<HTMLElement>('#track-code-error')!;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const next = input.value.trim().toUpperCase();
        if (!TRACKING_CODE.test(next)) {
          error.textContent = t('track.invalid');
          error.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
          return;
        }
        ctx.navigate(href(`/track?code=${encodeURIComponent(next)}`));
      });

      // Refresh in place: the result changes, the button keeps focus, and the new state is announced.
      const status = root.querySelector('#track-refresh-status');
      root.querySelector('#track-refresh')?.addEventListener('click', listener(async () => {
        status!.textContent = '';
        try {
          const fresh = await fetchComplaint(code);
          if (gone) return;
          if (!fresh) throw new Error('not found');
          root.querySelector('#track-result')!.innerHTML = caseHtml(fresh);
          status!.textContent = t('track.refreshed', { status: statusLabel(fresh.status) });
        } catch {
          if (!gone) status!.textContent = t('track.refreshFailed');
        }
      }));
      return () => {
        gone = true;
      };
    },
  };
}
