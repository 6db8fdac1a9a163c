import type { JSX } from 'preact';
import { create } from 'qrcode';
import { formatInstant, href, lang, t } from '../i18n';
import { TRACKING_CODE } from '../tracking-code';
import { siteName, type Site } from '../components/site';
import { inLanguage, type Bilingual, type FormDefinition } from '../e-form';
import { trackApiPath, type PublicCase } from './Track';
import type { Api } from './load';

/**
 * The receipt of an e-service request, /e-service/receipt?code=ES-…: what the citizen keeps (and
 * prints, on one A4 page): the tracking code, the service, when it was received and is due, what
 * happens next, and a QR code of the tracking page. Server only (the QR encoder stays out of the
 * islands); read fresh, never kept for others.
 */
export interface ReceiptData {
  request: PublicCase;
  /** The service's title in both languages, when the address names the service (`&form=slug`) and it is this request's. */
  service: Bilingual | null;
}

export async function loadReceipt(api: Api, query: URLSearchParams): Promise<ReceiptData | null> {
  const code = (query.get('code') ?? '').trim().toUpperCase();
  if (!TRACKING_CODE.test(code) || !code.startsWith('ES-')) return null;
  const request = (await api<{ data: PublicCase | null }>(trackApiPath(code), {})).data ?? null;
  if (!request) return null;
  if (request.form) return { request, service: request.form.title };
  // The request names its service by the Thai title only: the form named in the address gives the English one.
  const slug = query.get('form') ?? '';
  const form = /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug) ? ((await api<{ data: FormDefinition | null }>(`e-forms/${slug}`, {})).data ?? null) : null;
  return { request, service: form && form.title.th === request.title ? form.title : null };
}

/** A QR code as an SVG drawn from the encoder's modules: one path, crisp at any print size. */
export function QrCode({ text, label }: { text: string; label: string }): JSX.Element {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  let d = '';
  for (let row = 0; row < modules.size; row++) for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  const side = modules.size + quiet * 2;
  return (
    <svg class="qr" viewBox={`0 0 ${side} ${side}`} width={176} height={176} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

export function EServiceReceipt({ data: { request: c, service: title }, site }: { data: ReceiptData; site: Site }): JSX.Element {
  const trackPath = href(`/track?code=${encodeURIComponent(c.trackingCode)}`);
  const trackUrl = `${site.publicUrl ?? ''}${trackPath}`;
  const service = title ? inLanguage(title, lang) : c.title;
  return (
    <section class="done receipt" aria-labelledby="done-h">
      {/* On paper the site's header is left out: the town's name heads the receipt instead. */}
      <p class="print-only receipt-town">{siteName(site.municipality)}</p>
      <h1 id="done-h" tabindex={-1}>
        {t('receipt.title')}
      </h1>
      <div class="receipt-top">
        <div>
          <p class="code-label">{t('receipt.codeLabel')}</p>
          <p class="tracking-code" id="tracking-code">
            {c.trackingCode}
          </p>
          <dl class="facts">
            {service ? (
              <>
                <dt>{t('receipt.service')}</dt>
                <dd id="receipt-service">{service}</dd>
              </>
            ) : null}
            {c.createdAt ? (
              <>
                <dt>{t('receipt.received')}</dt>
                <dd>
                  <time dateTime={c.createdAt}>{formatInstant(c.createdAt, true)}</time>
                </dd>
              </>
            ) : null}
            {c.dueAt ? (
              <>
                <dt>{t('receipt.due')}</dt>
                <dd>
                  <time dateTime={c.dueAt}>{formatInstant(c.dueAt)}</time>
                </dd>
              </>
            ) : null}
          </dl>
        </div>
        <figure class="qr-box">
          <a href={trackPath}>
            <QrCode text={trackUrl} label={t('receipt.qrLabel', { code: c.trackingCode })} />
          </a>
          <figcaption>{t('receipt.qrCaption')}</figcaption>
        </figure>
      </div>
      <h2>{t('receipt.next')}</h2>
      <ol class="next-steps">
        <li>{t('receipt.next1')}</li>
        <li>{t('receipt.next2')}</li>
        <li>{t('receipt.next3')}</li>
      </ol>
      <p>{t('receipt.keep')}</p>
      <p class="print-only track-url">{trackUrl}</p>
      <div class="actions no-print">
        <a class="button primary" href={trackPath}>
          {t('receipt.track')}
        </a>
        {/* Hidden without script (it prints through it); the browser's own print works either way. */}
        <span class="needs-script">
          <button type="button" class="secondary" id="print-receipt">
            {t('receipt.print')}
          </button>
        </span>
      </div>
      <p class="no-print">
        <a href={href('/e-service')}>{t('receipt.another')}</a>
      </p>
    </section>
  );
}
