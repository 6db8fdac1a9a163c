import { render } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, t } from '../i18n';
import { listener } from '../island';
import { check } from '../../../src/shared/field-rules';
import { datasetRequestInput } from '../../../src/shared/dataset-request';
import { RequestDone } from '../pages/DataRequest';

/**
 * The data request form: enabled once this listens, checked with the server's own schema, sent as
 * JSON; the reference the server answers takes the form's place. Refusals are worded from the
 * page's catalogue by each field's code.
 */
const FIELDS = ['title', 'description', 'purpose', 'name', 'email', 'organisation'] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (name: unknown): name is FieldName => (FIELDS as readonly unknown[]).includes(name);

const form = document.getElementById('request-form') as HTMLFormElement | null;
const alert = document.getElementById('request-alert');
const progress = document.getElementById('request-progress');
const submit = document.getElementById('request-submit') as HTMLButtonElement | null;

const showError = (name: FieldName, message: string) => {
  const control = document.getElementById(`r-${name}`);
  const slot = document.getElementById(`r-${name}-error`);
  if (!control || !slot) return;
  slot.textContent = message;
  slot.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
};

function showDone(referenceCode: string): void {
  const page = document.getElementById('request-page');
  if (!page) return;
  page.textContent = '';
  render(<RequestDone referenceCode={referenceCode} />, page);
  document.getElementById('request-done-h')?.focus();
  document.title = `${t('data.request.done')} | ${referenceCode}`;
}

if (form && alert && progress && submit) {
  submit.disabled = false;
  let sending = false;
  form.addEventListener(
    'submit',
    listener(async (e: SubmitEvent) => {
      e.preventDefault();
      if (sending) return;
      alert.textContent = '';
      for (const f of FIELDS) showError(f, '');
      const data: Record<string, string> = {};
      for (const f of FIELDS) {
        const value = (form.elements.namedItem(f) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';
        if (value.trim()) data[f] = value;
      }
      // The server's own schema, before sending.
      const checked = check(datasetRequestInput, data);
      if (checked.issues) {
        for (const i of checked.issues) if (isField(i.path[0])) showError(i.path[0], errorText(i.path, i.code));
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        return;
      }
      sending = true;
      submit.disabled = true;
      progress.textContent = t('complaint.sending');
      try {
        const res = await fetch('/api/open-data/requests', { method: 'POST', headers: apiHeaders(true), body: JSON.stringify({ data: checked.data }) });
        const body = await readJson<{ data?: { referenceCode?: string } } & ApiError>(res);
        if (res.status === 201 && body?.data?.referenceCode) {
          showDone(body.data.referenceCode);
          return;
        }
        const details = body?.error?.details?.errors ?? [];
        let named = 0;
        for (const d of details) {
          const path = Array.isArray(d.path) ? d.path.map(String) : [];
          const field = path[0] === 'data' ? path[1] : path[0];
          if (!isField(field)) continue;
          showError(field, errorText(path, typeof d.code === 'string' ? d.code : '', typeof d.message === 'string' ? d.message : ''));
          named++;
        }
        if (named) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
        else alert.textContent = body?.error?.message || t('complaint.failed');
      } catch {
        alert.textContent = t('complaint.failed');
      } finally {
        sending = false;
        submit.disabled = false;
        progress.textContent = '';
      }
    })
  );
}
