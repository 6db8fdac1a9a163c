import { render } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, t } from '../i18n';
import { listener, pageData } from '../island';
import { rememberCode } from '../recent';
import { check } from '../../../src/shared/field-rules';
import { MAX_NOTE, poleReportInput } from '../pole-rules';
import { PoleDone } from '../pages/Pole';
import type { Pole } from '../pages/Poles';
import { idempotencyKey } from '../idempotency';

/**
 * The pole page's report form: the fault buttons (disabled in the server's markup, so nothing is sent
 * before this listens) are enabled, the input is checked with the server's own schema, the report is
 * POSTed as JSON, and the confirmation with the tracking code takes the page's place.
 */
interface Reported {
  trackingCode: string;
  added: boolean;
  reportCount: number;
}

const pole = pageData<Pole>();
const form = document.getElementById('pole-form') as HTMLFormElement | null;
const alert = document.getElementById('p-alert');
const progress = document.getElementById('p-progress');
const faults = document.getElementById('p-faults') as HTMLFieldSetElement | null;

const fieldError = (name: 'note' | 'phone', message: string) => {
  const control = document.getElementById(`p-${name}`);
  const slot = document.getElementById(`p-${name}-error`);
  if (!control || !slot) return;
  slot.textContent = message;
  slot.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
};

/** The confirmation replaces the page's content; focus moves to its heading, as before. */
function showDone(p: Pole, result: Reported): void {
  const main = document.getElementById('main');
  if (!main) return;
  main.textContent = '';
  render(<PoleDone code={p.code} result={result} />, main);
  document.getElementById('pole-done')?.focus();
  document.title = `${t('pole.done.title')} | ${p.code}`;
}

if (pole && form && alert && progress && faults) {
  let sending = false;
  const buttons = () => form.querySelectorAll('button');
  form.addEventListener(
    'submit',
    listener(async (e: SubmitEvent) => {
      e.preventDefault();
      const fault = (e.submitter as HTMLButtonElement | null)?.value;
      if (sending || !fault) return;
      const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
      const phone = (form.elements.namedItem('phone') as HTMLInputElement).value.trim();
      alert.textContent = '';
      fieldError('note', '');
      fieldError('phone', '');
      // The server's own schema, before sending.
      const data = { fault, ...(note ? { note } : {}), ...(phone ? { phone } : {}) };
      const checked = check(poleReportInput, data);
      if (checked.issues) {
        for (const i of checked.issues) if (i.path[0] === 'note' || i.path[0] === 'phone') fieldError(i.path[0], errorText(i.path, i.code, '', { max: MAX_NOTE }));
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      sending = true;
      progress.textContent = t('pole.sending');
      buttons().forEach((b) => (b.disabled = true));
      try {
        const res = await fetch(`/api/poles/${encodeURIComponent(pole.code)}/reports`, {
          method: 'POST',
          headers: { ...apiHeaders(true), ...idempotencyKey(`${pole.code}:${JSON.stringify(data)}`) },
          body: JSON.stringify({ data }),
        });
        const body = await readJson<{ data: Reported } & ApiError>(res);
        if ((res.status === 200 || res.status === 201) && body) {
          rememberCode(body.data.trackingCode);
          showDone(pole, body.data);
          return;
        }
        const details = body?.error?.details?.errors ?? [];
        let named = false;
        for (const d of details) {
          const path = Array.isArray(d.path) ? d.path.map(String).filter((p) => p !== 'data') : [];
          const field = path[0];
          if ((field === 'note' || field === 'phone') && typeof d.code === 'string') {
            fieldError(field, errorText(path, d.code, typeof d.message === 'string' ? d.message : '', { max: MAX_NOTE }));
            named = true;
          }
        }
        // The server words its message in the page's language (the request said which).
        alert.textContent = named ? t('pole.fixErrors') : body?.error?.message || t('pole.failed');
      } catch {
        alert.textContent = t('pole.failed');
      } finally {
        sending = false;
        progress.textContent = '';
        buttons().forEach((b) => (b.disabled = false));
      }
    })
  );
  faults.disabled = false;
}
