import type { ComponentChildren, JSX } from 'preact';
import { href, t } from '../i18n';
import { DATASET_REQUEST_LIMITS as LIMITS } from '../../../src/shared/dataset-request';

/** A form field: its label, optional hint, the control and the slot for its error. */
function Field({ id, text, hint, required, children }: { id: string; text: string; hint?: string; required?: boolean; children: ComponentChildren }): JSX.Element {
  return (
    <div class="field">
      <label for={id}>
        {text}
        {required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
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

const describedBy = (id: string, hint = false) => (hint ? `${id}-hint ${id}-error` : `${id}-error`);

/** The answer once the request is stored: its reference, to quote when asking about it. */
export function RequestDone({ referenceCode }: { referenceCode: string }): JSX.Element {
  return (
    <section class="done" aria-labelledby="request-done-h">
      <h1 id="request-done-h" tabindex={-1}>
        {t('data.request.done')}
      </h1>
      <p class="code-label">{t('data.request.reference')}</p>
      <p class="tracking-code" id="request-reference">
        {referenceCode}
      </p>
      <p>{t('data.request.keep')}</p>
      <p>
        <a href={href('/data')}>{t('data.request.back')}</a>
      </p>
    </section>
  );
}

/**
 * /data/request: ask the town for data it has not published. The data-request island checks the
 * input with the server's own schema and sends it as JSON; without script the page says how else to
 * ask. Name, e-mail and organisation are optional and never shown anywhere.
 */
export function DataRequest(): JSX.Element {
  return (
    <div id="request-page">
      <p class="crumbs">
        <a href={href('/data')}>{t('data.title')}</a>
      </p>
      <h1>{t('data.request.title')}</h1>
      <p>{t('data.request.intro')}</p>
      <form id="request-form" class="form" novalidate>
        <noscript>
          <div class="notice" id="request-noscript">
            <p>{t('data.request.noscript')}</p>
            <p>
              <a href={href('/contact')}>{t('tax.noscriptContact')}</a>
            </p>
          </div>
        </noscript>
        <p class="hint">{t('complaint.requiredNote')}</p>
        <div class="alert" id="request-alert" role="alert"></div>
        <Field id="r-title" text={t('data.request.what')} hint={t('data.request.whatHint')} required>
          <input id="r-title" name="title" type="text" maxlength={LIMITS.title} aria-describedby={describedBy('r-title', true)} required />
        </Field>
        <Field id="r-description" text={t('data.request.details')} hint={t('data.request.detailsHint')} required>
          <textarea id="r-description" name="description" rows={5} maxlength={LIMITS.description} aria-describedby={describedBy('r-description', true)} required></textarea>
        </Field>
        <Field id="r-purpose" text={t('data.request.purpose')}>
          <textarea id="r-purpose" name="purpose" rows={3} maxlength={LIMITS.purpose} aria-describedby={describedBy('r-purpose')}></textarea>
        </Field>
        <fieldset class="field">
          <legend>{t('data.request.contact')}</legend>
          <p class="hint">{t('data.request.contactHint')}</p>
          <Field id="r-name" text={t('data.request.name')}>
            <input id="r-name" name="name" type="text" autocomplete="name" maxlength={LIMITS.name} aria-describedby={describedBy('r-name')} />
          </Field>
          <Field id="r-email" text={t('data.request.email')}>
            <input id="r-email" name="email" type="email" autocomplete="email" maxlength={LIMITS.email} aria-describedby={describedBy('r-email')} />
          </Field>
          <Field id="r-organisation" text={t('data.request.organisation')}>
            <input id="r-organisation" name="organisation" type="text" autocomplete="organization" maxlength={LIMITS.organisation} aria-describedby={describedBy('r-organisation')} />
          </Field>
        </fieldset>
        <p class="actions">
          <button type="submit" class="primary" id="request-submit" disabled>
            {t('data.request.submit')}
          </button>{' '}
          <span class="hint" id="request-progress" role="status"></span>
        </p>
      </form>
    </div>
  );
}
