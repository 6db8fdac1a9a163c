import type { JSX } from 'preact';
import { href, t } from '../i18n';
import { telHref } from '../html';
import { FAULT_KEYS, MAX_NOTE, POLE_CODE } from '../pole-rules';
import type { Site } from '../components/site';
import type { Api } from './load';
import { MapLoading, PoleBadge, villageText, type Pole } from './Poles';

/** /p/:code reads the pole and its open report; no such pole (or not a pole code): the 404 page. */
export async function loadPole(api: Api, code: string): Promise<Pole | null> {
  if (code.length > 40 || !POLE_CODE.test(code.toUpperCase())) return null;
  return (await api<{ data: Pole | null }>(`poles/${encodeURIComponent(code)}`, {})).data ?? null;
}

function ReportedNotice({ report }: { report: NonNullable<Pole['report']> }): JSX.Element {
  return (
    <div class="notice" id="pole-notice" role="status">
      <p>
        <strong>{t(report.status === 'in_progress' ? 'pole.underRepair' : 'pole.alreadyReported')}</strong> {t('pole.reportCount', { n: report.reportCount })}
      </p>
      <p>
        {t('pole.addHint')} <a href={href(`/track?code=${encodeURIComponent(report.trackingCode)}`)}>{t('pole.trackLink', { code: report.trackingCode })}</a>
      </p>
    </div>
  );
}

/**
 * What a reader without script is offered instead of the form (it sends JSON, so it needs the
 * pole-report island): the phone, the chat channels, the complaint page. Nothing goes in a URL.
 */
function NoScript({ code, site }: { code: string; site: Site }): JSX.Element {
  const phone = site.municipality?.phone;
  return (
    <noscript>
      <div class="notice" id="pole-noscript">
        <p>{t('pole.noScript', { code })}</p>
        <ul>
          {phone ? (
            <li>
              {t('pole.noScriptPhone')} <a href={telHref(phone)}>{phone}</a>
            </li>
          ) : null}
          <li>
            <a href={href('/line')}>{t('pole.noScriptLine')}</a>
          </li>
          <li>
            <a href={href('/complaint')}>{t('pole.noScriptComplaint')}</a>
          </li>
        </ul>
      </div>
    </noscript>
  );
}

/**
 * /p/:code, opened from the QR code on the pole: the pole, its state, and a one-tap fault report.
 * The state and the notice read without script; the pole-report island sends the form (its fault
 * buttons stay disabled until then, so nothing is sent, and no phone number lands in a URL, before
 * the island listens), and the pole-map island draws the small map in its reserved box.
 */
export function PolePage({ data: p, site }: { data: Pole; site: Site }): JSX.Element {
  return (
    <>
      <h1>{p.name}</h1>
      <p class="pole-facts">
        <span>
          {t('pole.code')} <strong>{p.code}</strong>
        </span>{' '}
        <span>{villageText(p.village)}</span> <PoleBadge status={p.status} id="pole-status" />
      </p>
      {p.report ? <ReportedNotice report={p.report} /> : null}
      {p.location ? (
        <div id="pole-map" class="map map-small" role="region" aria-label={t('pole.mapLabel', { code: p.code })}>
          <MapLoading />
        </div>
      ) : null}
      <form id="pole-form" class="form" method="post" novalidate>
        <h2 id="pole-form-h">{t('pole.formTitle')}</h2>
        <NoScript code={p.code} site={site} />
        <div class="alert" id="p-alert" role="alert"></div>
        <div class="field">
          <label for="p-note">{t('pole.note')}</label>
          <p class="hint" id="p-note-hint">
            {t('pole.noteHint', { max: MAX_NOTE })}
          </p>
          <textarea id="p-note" name="note" rows={2} maxlength={MAX_NOTE} aria-describedby="p-note-hint p-note-error"></textarea>
          <p class="field-error" id="p-note-error" hidden></p>
        </div>
        <div class="field">
          <label for="p-phone">{t('pole.phone')}</label>
          <p class="hint" id="p-phone-hint">
            {t('pole.phoneHint')}
          </p>
          <input id="p-phone" name="phone" type="tel" inputmode="tel" maxlength={20} autocomplete="tel" aria-describedby="p-phone-hint p-phone-error" />
          <p class="field-error" id="p-phone-error" hidden></p>
        </div>
        <fieldset class="field faults-field" id="p-faults" disabled>
          <legend>{t('pole.faults')}</legend>
          <p class="hint">{t('pole.faultsHint')}</p>
          <ul class="faults">
            {FAULT_KEYS.map((f) => (
              <li>
                <button type="submit" class="fault" name="fault" value={f}>
                  {t(`pole.fault.${f}`)}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
        <p class="hint" id="p-progress" role="status"></p>
      </form>
    </>
  );
}

/** What replaces the page once the report is in (rendered by the pole-report island). */
export function PoleDone({ code, result }: { code: string; result: { trackingCode: string; added: boolean; reportCount: number } }): JSX.Element {
  return (
    <div class="done">
      <h1 tabIndex={-1} id="pole-done">
        {t('pole.done.title')}
      </h1>
      <p>{t(result.added ? 'pole.done.added' : 'pole.done.new', { code, n: result.reportCount })}</p>
      <p class="code-label">{t('complaint.done.codeLabel')}</p>
      <p class="tracking-code" id="tracking-code">
        {result.trackingCode}
      </p>
      <p>
        <a class="button primary" href={href(`/track?code=${encodeURIComponent(result.trackingCode)}`)}>
          {t('complaint.done.track')}
        </a>
      </p>
      <p>
        <a href={href('/poles')}>{t('pole.allPoles')}</a>
      </p>
    </div>
  );
}
