import { hydrate, render } from 'preact';
import { fresh, readJson, type ApiError } from '../api';
import { apiHeaders, errorText, formatInstant, href, t } from '../i18n';
import { TRACKING_CODE } from '../tracking-code';
import { recentCodes } from '../recent';
import { listener, pageData } from '../island';
import { CaseView, NotFixed, caseStatus, trackApiPath, type PublicCase, type TrackData } from '../pages/Track';
import { check } from '../../../src/shared/field-rules';
import { notFixedInput } from '../../../src/shared/not-fixed-input';

/**
 * The tracking page's island: the code is checked before the form is sent (the server checks it again
 * when script is off), the case refreshes in place (by the button, and by itself every 30 s while it is
 * open and in view), and the codes filed from this device are listed.
 */
const data = pageData<TrackData>();
/** How often an open case is read again while the page is in view. */
const FOLLOW_MS = 30_000;
const form = document.getElementById('track-form') as HTMLFormElement | null;
const input = document.getElementById('track-code') as HTMLInputElement | null;
const error = document.getElementById('track-code-error');

form?.addEventListener('submit', (e) => {
  if (!input || !error) return;
  const code = input.value.trim().toUpperCase();
  if (TRACKING_CODE.test(code)) {
    input.value = code;
    return; // the plain GET goes ahead: the server renders the case
  }
  e.preventDefault();
  error.textContent = t('track.invalid');
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
});

// Refresh in place: the result changes, the control keeps focus, and the new state is announced.
const result = document.getElementById('track-result');
const status = document.getElementById('track-refresh-status');
const found = data?.found;
if (result && found) {
  hydrate(<CaseView c={found} />, result);
  let busy = false;
  let shown = found;
  /** Reads the case again; says so when asked (the button) or when its state changed (following). */
  const refresh = async (asked: boolean) => {
    if (busy || !status) return;
    busy = true;
    if (asked) status.textContent = '';
    try {
      const next = await fresh<PublicCase>(trackApiPath(found.trackingCode));
      if (!next) throw new Error('not found');
      const changed = caseStatus(next) !== caseStatus(shown);
      render(<CaseView c={next} />, result);
      shown = next;
      if (asked || changed) status.textContent = t('track.refreshed', { status: caseStatus(next) });
    } catch {
      if (asked) status.textContent = t('track.refreshFailed');
    } finally {
      busy = false;
    }
  };
  document.getElementById('track-refresh')?.addEventListener(
    'click',
    listener(async (e: Event) => {
      e.preventDefault();
      await refresh(true);
    })
  );
  // Following: while the case is open and the page is in view, it is read again every 30 seconds
  // (two reads a minute, well inside the tracking budget) and at once when the page comes back into view.
  const open = () => shown.publicStatus !== 'closed';
  const timer = setInterval(() => {
    if (!open()) clearInterval(timer);
    else if (document.visibilityState === 'visible') void refresh(false);
  }, FOLLOW_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && open()) void refresh(false);
  });

  // "Not fixed": checked with the server's own schema, sent as JSON; the reopened case replaces the
  // shown one and the form says it was sent. A refusal (used, expired) is the server's words.
  const nfSlot = document.getElementById('track-not-fixed');
  const nfForm = document.getElementById('not-fixed-form') as HTMLFormElement | null;
  const nfReason = document.getElementById('nf-reason') as HTMLTextAreaElement | null;
  const nfError = document.getElementById('nf-reason-error');
  const nfAlert = document.getElementById('nf-alert');
  const nfProgress = document.getElementById('nf-progress');
  const nfSubmit = document.getElementById('nf-submit') as HTMLButtonElement | null;
  if (nfSlot && nfForm && nfReason && nfError && nfAlert && nfProgress && nfSubmit) {
    nfSubmit.disabled = false;
    let sending = false;
    const fieldError = (message: string) => {
      nfError.textContent = message;
      nfError.hidden = !message;
      if (message) nfReason.setAttribute('aria-invalid', 'true');
      else nfReason.removeAttribute('aria-invalid');
    };
    nfForm.addEventListener(
      'submit',
      listener(async (e: SubmitEvent) => {
        e.preventDefault();
        if (sending) return;
        fieldError('');
        nfAlert.textContent = '';
        const checked = check(notFixedInput, { reason: nfReason.value });
        if (checked.issues) {
          fieldError(errorText(['reason'], checked.issues[0]?.code ?? 'required'));
          nfReason.focus();
          return;
        }
        sending = true;
        nfSubmit.disabled = true;
        nfProgress.textContent = t('complaint.sending');
        try {
          const res = await fetch(`/api/${trackApiPath(found.trackingCode)}/not-fixed`, { method: 'POST', headers: apiHeaders(true), body: JSON.stringify({ data: checked.data }) });
          const body = await readJson<{ data?: PublicCase } & ApiError>(res);
          if (res.ok && body?.data) {
            shown = body.data;
            render(<CaseView c={body.data} />, result);
            render(<NotFixed c={body.data} sent />, nfSlot);
            document.getElementById('not-fixed-h')?.focus();
            return;
          }
          const field = body?.error?.details?.errors?.[0];
          if (field && typeof field.code === 'string') {
            fieldError(errorText(['reason'], field.code, typeof field.message === 'string' ? field.message : ''));
            nfReason.focus();
          } else nfAlert.textContent = body?.error?.message || t('complaint.failed');
        } catch {
          nfAlert.textContent = t('complaint.failed');
        } finally {
          sending = false;
          nfSubmit.disabled = false;
          nfProgress.textContent = '';
        }
      })
    );
  }
}

// The codes filed from this browser live in its storage: only the browser can list them.
const recentSlot = document.getElementById('track-recent');
const recent = recentCodes().filter((r) => r.code !== (found?.trackingCode ?? ''));
if (recentSlot && recent.length) {
  render(
    <section aria-labelledby="recent-h">
      <h2 id="recent-h">{t('track.recent')}</h2>
      <ul class="recent">
        {recent.map((r) => (
          <li>
            <a href={href(`/track?code=${encodeURIComponent(r.code)}`)}>{r.code}</a> <span class="meta">{t('track.recentFiled', { date: formatInstant(r.at) })}</span>
          </li>
        ))}
      </ul>
    </section>,
    recentSlot
  );
}
