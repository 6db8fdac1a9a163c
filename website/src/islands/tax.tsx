import { render } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, t } from '../i18n';
import { listener, pageData } from '../island';
import { check } from '../../../src/shared/field-rules';
import { taxLookupInput } from '../../../src/shared/tax-lookup';
import { estimateTax } from '../../../src/shared/tax-estimate';
import { BillView, VariantOptions, money, type PublicBill, type TaxData } from '../pages/Tax';

/**
 * The tax page's island: the lookup (checked with the server's own schema, then a JSON POST with the
 * ID in the body, never in an address), the bill rendered below the form, and the estimate from the
 * rates the server embedded with the page.
 */
const data = pageData<TaxData>();
const form = document.getElementById('tax-form') as HTMLFormElement | null;
const alert = document.getElementById('tax-alert');
const result = document.getElementById('tax-result');
const progress = document.getElementById('tax-progress');

const showError = (id: string, message: string) => {
  const slot = document.getElementById(`${id}-error`);
  if (slot) {
    slot.textContent = message;
    slot.hidden = !message;
  }
  const control = document.getElementById(id);
  if (message) control?.setAttribute('aria-invalid', 'true');
  else control?.removeAttribute('aria-invalid');
};
const focusInvalid = () => document.querySelector<HTMLElement>('main [aria-invalid="true"]')?.focus();
const fieldOf = (name: unknown) => (name === 'billNumber' ? 't-bill' : 't-id');

if (form && alert && result && progress) {
  let busy = false;
  form.addEventListener(
    'submit',
    listener(async (e: SubmitEvent) => {
      e.preventDefault();
      if (busy) return;
      const billNumber = (form.elements.namedItem('billNumber') as HTMLInputElement).value.trim();
      const nationalId = (form.elements.namedItem('nationalId') as HTMLInputElement).value;
      alert.textContent = '';
      showError('t-bill', '');
      showError('t-id', '');
      // The server's own schema (check digit included), before sending.
      const checked = check(taxLookupInput, { billNumber, nationalId });
      if (checked.issues) {
        for (const i of checked.issues) showError(fieldOf(i.path[0]), errorText(i.path, i.code));
        focusInvalid();
        return;
      }
      busy = true;
      progress.textContent = t('tax.finding');
      try {
        const res = await fetch('/api/tax-bills/lookup', { method: 'POST', headers: apiHeaders(true), body: JSON.stringify(checked.data) });
        const body = await readJson<{ data: PublicBill } & ApiError>(res);
        if (res.ok && body?.data) {
          render(<BillView b={body.data} />, result);
          document.getElementById('bill-h')?.focus();
          return;
        }
        render(null, result);
        const details = body?.error?.details?.errors ?? [];
        const known = details.filter((d) => Array.isArray(d.path) && (d.path[0] === 'nationalId' || d.path[0] === 'billNumber'));
        for (const d of known) {
          const path = (d.path as unknown[]).map(String);
          showError(fieldOf(path[0]), errorText(path, typeof d.code === 'string' ? d.code : '', typeof d.message === 'string' ? d.message : ''));
        }
        if (known.length) focusInvalid();
        else alert.textContent = res.status === 404 ? t('tax.notFound') : body?.error?.message || t('tax.failed');
      } catch {
        alert.textContent = t('tax.failed');
      } finally {
        busy = false;
        progress.textContent = '';
      }
    })
  );
}

// The estimate: the case follows the use; the tax is computed here, from the rates the page carries.
const rates = data?.rates;
const est = document.getElementById('est-form') as HTMLFormElement | null;
const use = document.getElementById('e-use') as HTMLSelectElement | null;
const variant = document.getElementById('e-variant') as HTMLSelectElement | null;
const valueInput = document.getElementById('e-value') as HTMLInputElement | null;
const out = document.getElementById('est-result');
if (rates?.categories.length && est && use && variant && valueInput && out) {
  const fillVariants = () => {
    const kept = variant.value;
    render(<VariantOptions rates={rates} use={use.value} />, variant);
    if ([...variant.options].some((o) => o.value === kept)) variant.value = kept;
  };
  // The server rendered the first use's cases; a use the browser restored (back button) gets its own.
  if (use.value !== rates.categories[0].key) fillVariants();
  use.addEventListener('change', fillVariants);
  est.addEventListener('submit', (e) => {
    e.preventDefault();
    const raw = valueInput.value.replace(/[,\s]/g, '');
    const value = Number(raw);
    if (!raw || !(value >= 0)) {
      showError('e-value', t('tax.valueBad'));
      out.textContent = '';
      valueInput.focus();
      return;
    }
    showError('e-value', '');
    const category = rates.categories.find((c) => c.key === use.value) ?? rates.categories[0];
    const bands = (category.variants.find((v) => v.key === variant.value) ?? category.variants[0])?.bands ?? [];
    out.textContent = t('tax.estimateResult', { amount: money(estimateTax(value, bands)) });
  });
}
