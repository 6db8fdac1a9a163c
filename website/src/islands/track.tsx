import { hydrate, render } from 'preact';
import { fresh } from '../api';
import { formatInstant, href, t } from '../i18n';
import { TRACKING_CODE } from '../tracking-code';
import { recentCodes } from '../recent';
import { listener, pageData } from '../island';
import { CaseView, caseStatus, trackApiPath, type PublicCase, type TrackData } from '../pages/Track';

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
