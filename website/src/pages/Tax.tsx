import type { ComponentChildren, JSX } from 'preact';
import { formatDate, formatYear, href, lang, t, tDynamic } from '../i18n';
import type { Band } from '../../../src/shared/tax-estimate';
import type { Api } from './load';

/** A bill as POST /api/tax-bills/lookup answers it: the owner's name masked, no ID. */
export interface PublicBill {
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

/** The statutory rates as GET /api/tax-rates answers them. */
export interface Rates {
  source?: string;
  sourceEn?: string;
  note: string;
  noteEn: string;
  categories: Array<{ key: string; th: string; en: string; variants: Array<{ key: string; th: string; en: string; bands: Band[] }> }>;
}

export interface TaxData {
  /** null when the rates could not be read: the page still has the lookup. */
  rates: Rates | null;
}

/** The rates change once a year at most: the shared reader (kept until content changes) is right here. */
export async function loadTax(api: Api): Promise<TaxData> {
  try {
    const rates = (await api<{ data: Rates | null }>('tax-rates', {})).data ?? null;
    return { rates: rates && Array.isArray(rates.categories) ? rates : null };
  } catch {
    return { rates: null }; // no estimate, still the lookup
  }
}

const USES = ['agriculture', 'residence', 'other', 'vacant'];
const STATUSES = ['issued', 'partially_paid', 'paid', 'overdue', 'cancelled'];
const locale = () => (lang === 'th' ? 'th-TH' : 'en-GB');
/** Baht to the satang, in the page's language. */
export const money = (n: number): string => new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const whole = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
const percent = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }).format(n);
// A use or status added on the server later still shows, as its code, until it is translated.
const label = (prefix: string, key: string, known: string[]) => (known.includes(key) ? tDynamic(`${prefix}.${key}`) : key);
const named = (x: { th: string; en: string }) => (lang === 'en' ? x.en : x.th);

/** A form field: its label, optional hint, the control and the slot for its error. */
function Field({ id, text, hint, children }: { id: string; text: string; hint?: string; children: ComponentChildren }): JSX.Element {
  return (
    <div class="field">
      <label for={id}>{text}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <p class="field-error" id={`${id}-error`} hidden></p>
    </div>
  );
}

/** The options of the estimate's "case" select for a use: rendered by the server, again by the island on change. */
export function VariantOptions({ rates, use }: { rates: Rates; use: string }): JSX.Element {
  const category = rates.categories.find((c) => c.key === use) ?? rates.categories[0];
  return <>{(category?.variants ?? []).map((v) => <option value={v.key}>{named(v)}</option>)}</>;
}

/** A found bill: the amount due, the QR to pay it and the steps, the facts and the installments. */
export function BillView({ b }: { b: PublicBill }): JSX.Element {
  const p = b.property;
  // An amount and its unit never part at the end of a line; nor does the bill number (in the heading).
  // The tax year is kept in the Buddhist era; an English page says it in the Christian era, as its dates.
  const baht = (n: number) => <span class="amount">{`${money(n)} ${t('tax.baht')}`}</span>;
  const [billBefore, billAfter = ''] = t('tax.bill', { bill: '\u0000', year: formatYear(b.taxYear) }).split('\u0000');
  const Row = ({ k, show = true, children }: { k: string; show?: unknown; children: ComponentChildren }) =>
    show ? (
      <>
        <dt>{k}</dt>
        <dd>{children}</dd>
      </>
    ) : null;
  return (
    <section class="case" aria-labelledby="bill-h" id="bill">
      <h2 id="bill-h" tabindex={-1}>
        {billBefore}
        <span class="nowrap" id="bill-number">
          {b.billNumber}
        </span>
        {billAfter}
      </h2>
      <p class="amount-due">
        {t('tax.amountDue')} <strong id="amount-due">{money(b.amountDue)}</strong> {t('tax.baht')}
      </p>
      <p>
        <span class="badge badge-open" id="bill-status">
          {label('tax.status', b.status, STATUSES)}
        </span>
      </p>
      {b.qrImageUrl && b.amountDue > 0 ? (
        <section class="pay" aria-labelledby="pay-h">
          <h3 id="pay-h">{t('tax.payTitle')}</h3>
          <img class="qr" id="tax-qr" src={b.qrImageUrl} width={300} height={300} alt={t('tax.qrAlt', { bill: b.billNumber, amount: money(b.amountDue) })} />
          <ol class="steps">
            {(['tax.step1', 'tax.step2', 'tax.step3', 'tax.step4'] as const).map((k) => (
              <li>{t(k)}</li>
            ))}
          </ol>
        </section>
      ) : (
        <p class="badge badge-closed">{t('tax.nothingDue')}</p>
      )}
      <dl class="facts">
        <Row k={t('tax.owner')}>{b.owner}</Row>
        <Row k={t('tax.use')}>{label('tax.use', p.useCategory, USES)}</Row>
        <Row k={t('tax.deed')} show={p.deedNumber}>
          {p.deedNumber}
        </Row>
        <Row k={t('tax.parcel')} show={p.parcelNumber}>
          {p.parcelNumber}
        </Row>
        <Row k={t('tax.village')} show={p.village}>
          {String(p.village)}
        </Row>
        <Row k={t('tax.area')} show={p.areaSqWa !== null}>
          {p.areaSqWa !== null ? t('tax.areaValue', { n: money(p.areaSqWa).replace(/\.00$/, '') }) : ''}
        </Row>
        <Row k={t('tax.value')} show={p.assessedValue !== null}>
          {p.assessedValue !== null ? baht(p.assessedValue) : ''}
        </Row>
        <Row k={t('tax.taxAmount')}>{baht(b.taxAmount)}</Row>
        <Row k={t('tax.reduction')} show={b.reduction}>
          {baht(b.reduction)}
        </Row>
        <Row k={t('tax.surcharge')} show={b.surcharge}>
          {baht(b.surcharge)}
        </Row>
        <Row k={t('tax.interest')} show={b.interest}>
          {baht(b.interest)}
        </Row>
        <Row k={t('tax.paidAmount')}>{baht(b.paidAmount)}</Row>
      </dl>
      {b.installments.length ? (
        // งวดที่ and the amounts do not wrap (งวดที่ broke in two at 360 px); the longer headings may, between
        // their words, so the table fits a phone. Should it still be wider, it scrolls in its own box.
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('tax.installments')}>
          <table class="table">
            <caption>{t('tax.installments')}</caption>
            <thead>
              <tr>
                <th scope="col" class="nowrap">
                  {t('tax.installment')}
                </th>
                <th scope="col">{t('tax.dueDate')}</th>
                <th scope="col">{t('tax.amount')}</th>
                <th scope="col">{t('tax.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {b.installments.map((i) => (
                <tr>
                  <td>{i.number}</td>
                  <td>{formatDate(i.dueDate)}</td>
                  <td class="num">{money(i.amount)}</td>
                  <td class={i.paid ? undefined : 'num'}>{i.paid ? t('tax.paidYes') : money(i.paidAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The published rates, band by band: what the estimate computes, readable without script. */
function RatesTables({ rates }: { rates: Rates }): JSX.Element {
  const source = lang === 'en' ? rates.sourceEn : rates.source;
  return (
    <details class="rates">
      <summary>{t('tax.rates')}</summary>
      {rates.categories.map((c) => (
        <>
          <h3>{named(c)}</h3>
          {c.variants.map((v) => {
            let from = 0;
            return (
              <table class="table">
                <caption>{named(v)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tax.band')}</th>
                    <th scope="col">{t('tax.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.bands.map((b) => {
                    const range = b.upTo === null ? t('tax.bandOver', { from: whole(from) }) : t('tax.bandUpTo', { from: whole(from), to: whole(b.upTo) });
                    from = b.upTo ?? from;
                    return (
                      <tr>
                        <td>{range}</td>
                        <td class="num">{percent(b.ratePercent)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            );
          })}
        </>
      ))}
      {source ? <p class="meta">{source}</p> : null}
    </details>
  );
}

/**
 * /tax: find a bill by its number and the owner's ID, pay it by QR, or estimate next year's tax. The
 * lookup is a JSON POST (the ID never goes in an address), so it is the tax island's work; without
 * script the page says so and what else the taxpayer can do. The rates are content: in the HTML.
 */
export function Tax({ data }: { data: TaxData }): JSX.Element {
  const rates = data.rates?.categories.length ? data.rates : null;
  return (
    <>
      <h1>{t('tax.title')}</h1>
      <p>{t('tax.intro')}</p>
      <form id="tax-form" class="form" novalidate>
        <noscript>
          <div class="notice" id="tax-noscript">
            <p>{t('tax.noscript')}</p>
            <p>
              <a href={href('/contact')}>{t('tax.noscriptContact')}</a>
            </p>
          </div>
        </noscript>
        <div class="alert" id="tax-alert" role="alert"></div>
        <Field id="t-bill" text={t('tax.billNumber')} hint={t('tax.billNumberHint')}>
          <input id="t-bill" name="billNumber" type="text" autocomplete="off" maxlength={40} aria-describedby="t-bill-hint t-bill-error" required />
        </Field>
        <Field id="t-id" text={t('tax.nationalId')} hint={t('tax.nationalIdHint')}>
          <input id="t-id" name="nationalId" type="text" inputmode="numeric" autocomplete="off" maxlength={17} aria-describedby="t-id-hint t-id-error" required />
        </Field>
        <p class="actions">
          <button type="submit" class="primary">
            {t('tax.find')}
          </button>{' '}
          <span class="hint" id="tax-progress" role="status"></span>
        </p>
      </form>
      <div id="tax-result"></div>
      {rates ? (
        <section aria-labelledby="est-h" class="estimate">
          <h2 id="est-h">{t('tax.estimateTitle')}</h2>
          <p>{lang === 'en' ? rates.noteEn : rates.note}</p>
          <form id="est-form" class="form needs-script" novalidate>
            <Field id="e-use" text={t('tax.use')}>
              <select id="e-use">
                {rates.categories.map((c) => (
                  <option value={c.key}>{named(c)}</option>
                ))}
              </select>
            </Field>
            <Field id="e-variant" text={t('tax.variant')}>
              <select id="e-variant">
                <VariantOptions rates={rates} use={rates.categories[0].key} />
              </select>
            </Field>
            <Field id="e-value" text={t('tax.valueInput')}>
              <input id="e-value" type="text" inputmode="decimal" autocomplete="off" aria-describedby="e-value-error" />
            </Field>
            <p class="actions">
              <button type="submit" class="secondary">
                {t('tax.estimate')}
              </button>
            </p>
            <p id="est-result" role="status" class="amount-due"></p>
          </form>
          <RatesTables rates={rates} />
        </section>
      ) : null}
    </>
  );
}
