import { api, readJson, type ApiError } from './api';
import { esc } from './html';
import { apiHeaders, errorText, formatDate, lang, t, tDynamic } from './i18n';
import { check } from '../../src/shared/field-rules';
import { taxLookupInput } from '../../src/shared/tax-lookup';
import { estimateTax, type Band } from '../../src/shared/tax-estimate';
import { listener, type Rendered } from './view';

interface PublicBill {
  billNumber: string;
  taxYear: number;
  property: { deedNumber: string | null; parcelNumber: string | null; village: number | null; useCategory: string; areaSqWa: number | null; assessedValue: number | null };
  owner: string;
  taxAmount: number;
  reduction: number;
  surcharge: number;
  interest: number;
  paidAmount: number;
  installments: Array<{ number: number; dueDate: string; amount: number; paidAmount: number; paid: boolean }>;
  amountDue: number;
  status: string;
  qrPayload: string | null;
  qrImageUrl: string | null;
}

interface Rates {
  note: string;
  noteEn: string;
  categories: Array<{ key: string; th: string; en: string; variants: Array<{ key: string; th: string; en: string; bands: Band[] }> }>;
}

const USES = ['agriculture', 'residence', 'other', 'vacant'];
const STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'cancelled'];
const money = (n: number) => new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const label = (prefix: string, key: string, known: string[]) => (known.includes(key) ? tDynamic(`${prefix}.${key}`) : key);
const field = (id: string, text: string, input: string, hint = '') => `<div class="field">
  <label for="${id}">${esc(text)}</label>${hint ? `<p class="hint" id="${id}-hint">${esc(hint)}</p>` : ''}
  ${input}
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;

function billHtml(b: PublicBill): string {
  const row = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const p = b.property;
  const installments = b.installments.length
    ? `<table class="table"><caption>${esc(t('tax.installments'))}</caption><thead><tr><th scope="col">${esc(t('tax.installment'))}</th><th scope="col">${esc(t('tax.dueDate'))}</th><th scope="col">${esc(t('tax.amount'))}</th><th scope="col">${esc(t('tax.paid'))}</th></tr></thead><tbody>${b.installments
        .map((i) => `<tr><td>${i.number}</td><td>${esc(formatDate(i.dueDate))}</td><td class="num">${esc(money(i.amount))}</td><td>${esc(i.paid ? t('tax.paidYes') : money(i.paidAmount))}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const qr =
    b.qrImageUrl && b.amountDue > 0
      ? `<section class="pay" aria-labelledby="pay-h">
      <h3 id="pay-h">${esc(t('tax.payTitle'))}</h3>
      <img class="qr" id="tax-qr" src="${esc(b.qrImageUrl)}" width="300" height="300" alt="${esc(t('tax.qrAlt', { bill: b.billNumber, amount: money(b.amountDue) }))}">
      <ol class="steps">${(['tax.step1', 'tax.step2', 'tax.step3', 'tax.step4'] as const).map((k) => `<li>${esc(t(k))}</li>`).join('')}</ol>
    </section>`
      : `<p class="badge badge-closed">${esc(t('tax.nothingDue'))}</p>`;
  return `<section class="case" aria-labelledby="bill-h" id="bill">
    <h2 id="bill-h" tabindex="-1">${esc(t('tax.bill', { bill: b.billNumber, year: b.taxYear }))}</h2>
    <p class="amount-due">${esc(t('tax.amountDue'))} <strong id="amount-due">${esc(money(b.amountDue))}</strong> ${esc(t('tax.baht'))}</p>
    <p><span class="badge badge-open" id="bill-status">${esc(label('tax.status', b.status, STATUSES))}</span></p>
    ${qr}
    <dl class="facts">
      ${row(t('tax.owner'), esc(b.owner))}
      ${row(t('tax.use'), esc(label('tax.use', p.useCategory, USES)))}
      ${p.deedNumber ? row(t('tax.deed'), esc(p.deedNumber)) : ''}
      ${p.parcelNumber ? row(t('tax.parcel'), esc(p.parcelNumber)) : ''}
      ${p.village ? row(t('tax.village'), String(p.village)) : ''}
      ${p.areaSqWa !== null ? row(t('tax.area'), esc(t('tax.areaValue', { n: money(p.areaSqWa).replace(/\.00$/, '') }))) : ''}
      ${p.assessedValue !== null ? row(t('tax.value'), `${esc(money(p.assessedValue))} ${esc(t('tax.baht'))}`) : ''}
      ${row(t('tax.taxAmount'), `${esc(money(b.taxAmount))} ${esc(t('tax.baht'))}`)}
      ${b.reduction ? row(t('tax.reduction'), `${esc(money(b.reduction))} ${esc(t('tax.baht'))}`) : ''}
      ${b.surcharge ? row(t('tax.surcharge'), `${esc(money(b.surcharge))} ${esc(t('tax.baht'))}`) : ''}
      ${b.interest ? row(t('tax.interest'), `${esc(money(b.interest))} ${esc(t('tax.baht'))}`) : ''}
      ${row(t('tax.paidAmount'), `${esc(money(b.paidAmount))} ${esc(t('tax.baht'))}`)}
    </dl>
    ${installments}
  </section>`;
}

/** /tax: find a bill by its number and the owner's ID, pay it by QR, or estimate next year's tax. */
export async function taxPage(): Promise<Rendered> {
  // The rates change once a year at most: the site's cached reader is right here.
  const rates = (await api<{ data: Rates | null }>('tax-rates').catch(() => ({ data: null }))).data; // no estimate, still the lookup
  const categories = rates?.categories ?? [];
  const html = `<h1>${esc(t('tax.title'))}</h1>
  <p>${esc(t('tax.intro'))}</p>
  <form id="tax-form" class="form" novalidate>
    <div class="alert" id="tax-alert" role="alert"></div>
    ${field('t-bill', t('tax.billNumber'), '<input id="t-bill" name="billNumber" type="text" autocomplete="off" maxlength="40" aria-describedby="t-bill-hint t-bill-error" required>', t('tax.billNumberHint'))}
    ${field('t-id', t('tax.nationalId'), '<input id="t-id" name="nationalId" type="text" inputmode="numeric" autocomplete="off" maxlength="17" aria-describedby="t-id-hint t-id-error" required>', t('tax.nationalIdHint'))}
    <p class="actions"><button type="submit" class="primary">${esc(t('tax.find'))}</button> <span class="hint" id="tax-progress" role="status"></span></p>
  </form>
  <div id="tax-result"></div>
  ${
    categories.length
      ? `<section aria-labelledby="est-h" class="estimate">
    <h2 id="est-h">${esc(t('tax.estimateTitle'))}</h2>
    <p>${esc(lang === 'en' ? rates!.noteEn : rates!.note)}</p>
    <form id="est-form" class="form" novalidate>
      ${field('e-use', t('tax.use'), `<select id="e-use">${categories.map((c) => `<option value="${esc(c.key)}">${esc(lang === 'en' ? c.en : c.th)}</option>`).join('')}</select>`)}
      ${field('e-variant', t('tax.variant'), '<select id="e-variant"></select>')}
      ${field('e-value', t('tax.valueInput'), '<input id="e-value" type="text" inputmode="decimal" autocomplete="off" aria-describedby="e-value-error">')}
      <p class="actions"><button type="submit" class="secondary">${esc(t('tax.estimate'))}</button></p>
      <p id="est-result" role="status" class="amount-due"></p>
    </form>
  </section>`
      : ''
  }`;
  return {
    html,
    mount(root) {
      const form = root.querySelector<HTMLFormElement>('#tax-form')!;
      const alert = root.querySelector<HTMLElement>('#tax-alert')!;
      const result = root.querySelector<HTMLElement>('#tax-result')!;
      const progress = root.querySelector<HTMLElement>('#tax-progress')!;
      const showError = (id: string, message: string) => {
        const slot = root.querySelector<HTMLElement>(`#${id}-error`)!;
        slot.textContent = message;
        slot.hidden = !message;
        const control = root.querySelector<HTMLElement>(`#${id}`)!;
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      };
      let busy = false;
      form.addEventListener('submit', listener(async (e: SubmitEvent) => {
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
          for (const i of checked.issues) showError(i.path[0] === 'billNumber' ? 't-bill' : 't-id', errorText(i.path, i.code));
          root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          return;
        }
        busy = true;
        progress.textContent = t('tax.finding');
        try {
          const res = await fetch('/api/tax-bills/lookup', {
            method: 'POST',
            headers: apiHeaders(true),
            body: JSON.stringify(checked.data),
          });
          const body = await readJson<{ data: PublicBill } & ApiError>(res);
          if (res.ok && body) {
            result.innerHTML = billHtml(body.data);
            result.querySelector<HTMLElement>('#bill-h')!.focus();
            return;
          }
          result.innerHTML = '';
          const details = body?.error?.details?.errors ?? [];
          const named = details.filter((d) => Array.isArray(d.path) && (d.path[0] === 'nationalId' || d.path[0] === 'billNumber'));
          for (const d of named) {
            const path = (d.path as unknown[]).map(String);
            showError(path[0] === 'billNumber' ? 't-bill' : 't-id', errorText(path, typeof d.code === 'string' ? d.code : '', typeof d.message === 'string' ? d.message : ''));
          }
          if (named.length) root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          else alert.textContent = res.status === 404 ? t('tax.notFound') : body?.error?.message || t('tax.failed');
        } catch {
          alert.textContent = t('tax.failed');
        } finally {
          busy = false;
          progress.textContent = '';
        }
      }));

      const est = root.querySelector<HTMLFormElement>('#est-form');
      if (!est) return;
      const use = root.querySelector<HTMLSelectElement>('#e-use')!;
      const variant = root.querySelector<HTMLSelectElement>('#e-variant')!;
      const fillVariants = () => {
        const c = categories.find((x) => x.key === use.value)!;
        variant.innerHTML = c.variants.map((v) => `<option value="${esc(v.key)}">${esc(lang === 'en' ? v.en : v.th)}</option>`).join('');
      };
      fillVariants();
      use.addEventListener('change', fillVariants);
      est.addEventListener('submit', (e) => {
        e.preventDefault();
        const raw = root.querySelector<HTMLInputElement>('#e-value')!.value.replace(/[,\s]/g, '');
        const value = Number(raw);
        const out = root.querySelector<HTMLElement>('#est-result')!;
        if (!raw || !(value >= 0)) {
          showError('e-value', t('tax.valueBad'));
          out.textContent = '';
          return;
        }
        showError('e-value', '');
        const bands = categories.find((x) => x.key === use.value)!.variants.find((v) => v.key === variant.value)!.bands;
        out.textContent = t('tax.estimateResult', { amount: money(estimateTax(value, bands)) });
      });
    },
  };
}
