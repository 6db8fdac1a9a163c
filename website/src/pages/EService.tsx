import type { ComponentChildren, JSX } from 'preact';
import { href, lang, t, type Lang } from '../i18n';
import type { Site } from '../components/site';
import { NoScriptNotice, OfficeContacts } from '../components/NoScriptNotice';
import { ADDRESS_PARTS, controlId, inLanguage, kindOf, type Field, type FormDefinition, type FormSummary } from '../e-form';
import type { Api } from './load';

export interface EServiceListData {
  forms: FormSummary[];
}

/** /e-service: the open services, in the town's order (the API answers only open, published forms). */
export async function loadEServices(api: Api): Promise<EServiceListData> {
  const res = await api<{ data: FormSummary[] | null }>('e-forms', {});
  return { forms: res.data ?? [] };
}

export interface EFormData {
  form: FormDefinition;
  /** The page's language (the page's description is read outside the render). */
  lang: Lang;
}

/** /e-service/{slug}: the form's definition, or null (no such service: the not-found page). */
export async function loadEForm(api: Api, slug: string, language: Lang): Promise<EFormData | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const form = (await api<{ data: FormDefinition | null }>(`e-forms/${encodeURIComponent(slug)}`, {})).data ?? null;
  return form ? { form, lang: language } : null;
}

const numberFormats: Partial<Record<string, Intl.NumberFormat>> = {};
const amount = (n: number) => (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 2 })).format(n);
export const feeText = (fee: number): string => (fee > 0 ? t('eservice.feeAmount', { amount: amount(fee) }) : t('eservice.free'));

/** What a service takes: its office, days, fee (and, on its own page, the documents to bring). */
function Facts({ form }: { form: FormSummary }): JSX.Element {
  return (
    <dl class="facts">
      {form.department ? (
        <>
          <dt>{t('eservice.department')}</dt>
          <dd>{form.department}</dd>
        </>
      ) : null}
      <dt>{t('eservice.processingDays')}</dt>
      <dd>{t('eservice.days', { days: form.processingDays })}</dd>
      <dt>{t('eservice.fee')}</dt>
      <dd>{feeText(form.fee)}</dd>
    </dl>
  );
}

function Documents({ form, headingId }: { form: FormDefinition; headingId: string }): JSX.Element {
  const documents = lang === 'en' && form.documents.en.length ? form.documents.en : form.documents.th;
  return (
    <section class="documents" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('eservice.documents')}</h2>
      {documents.length ? (
        <ul>
          {documents.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : (
        <p>{t('eservice.noDocuments')}</p>
      )}
    </section>
  );
}

/** /e-service: every open service with what it takes; each opens its form. */
export function EServiceList({ data }: { data: EServiceListData }): JSX.Element {
  return (
    <>
      <h1>{t('eservice.title')}</h1>
      <p>{t('eservice.intro')}</p>
      <p>
        <a href={href('/track')}>{t('eservice.trackLink')} →</a>
      </p>
      {data.forms.length ? (
        <ul class="eservices">
          {data.forms.map((f) => (
            <li class="card eservice">
              <h2>
                <a href={href(`/e-service/${encodeURIComponent(f.slug)}`)}>{inLanguage(f.title, lang)}</a>
              </h2>
              {inLanguage(f.description, lang) ? <p>{inLanguage(f.description, lang)}</p> : null}
              <Facts form={f} />
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{t('eservice.empty')}</p>
          <p>
            <a href={href('/contact')}>{t('nav.contact')}</a>
          </p>
        </>
      )}
    </>
  );
}

const Req = () => (
  <>
    {' '}
    <span class="req" aria-hidden="true">
      *
    </span>
  </>
);
const ErrorSlot = ({ id }: { id: string }) => <p class="field-error" id={`${id}-error`} hidden></p>;
const Help = ({ field, id }: { field: Field; id: string }) => {
  const help = inLanguage(field.help, lang);
  return help ? (
    <p class="hint" id={`${id}-hint`}>
      {help}
    </p>
  ) : null;
};
/** The ids a control is described by: its help (when it has one), more hints, its error. */
const describedBy = (field: Field, id: string, ...more: string[]) => [field.help ? `${id}-hint` : '', ...more, `${id}-error`].filter(Boolean).join(' ');

/** A field of one control: a label over it (with the required mark), its help and its error below. */
function Single({ field, children, extraHint }: { field: Field; children: ComponentChildren; extraHint?: string }): JSX.Element {
  const id = controlId(field.name);
  return (
    <div class="field" data-field={field.name}>
      <label for={id}>
        {inLanguage(field.label, lang)}
        {field.required ? <Req /> : null}
      </label>
      <Help field={field} id={id} />
      {extraHint ? (
        <p class="hint" id={`${id}-more`}>
          {extraHint}
        </p>
      ) : null}
      {children}
      <ErrorSlot id={id} />
    </div>
  );
}

/** A field of several controls (choices, an address, a point, files): a fieldset named by its legend. */
function Group({ field, children, extraHint }: { field: Field; children: ComponentChildren; extraHint?: string }): JSX.Element {
  const id = controlId(field.name);
  return (
    <fieldset class="field" data-field={field.name} id={id} aria-describedby={describedBy(field, id, extraHint ? `${id}-more` : '')}>
      <legend>
        {inLanguage(field.label, lang)}
        {field.required ? <Req /> : null}
      </legend>
      <Help field={field} id={id} />
      {extraHint ? (
        <p class="hint" id={`${id}-more`}>
          {extraHint}
        </p>
      ) : null}
      {children}
      <ErrorSlot id={id} />
    </fieldset>
  );
}

const ACCEPT_TEXT = { pdf_images: 'eservice.file.pdfImages', pdf: 'eservice.file.pdf', images: 'eservice.file.images' } as const;

/** One field of the form, by its kind; every control named and described, with a slot for its error. */
export function FieldControl({ field }: { field: Field }): JSX.Element {
  const id = controlId(field.name);
  const req = field.required || undefined;
  switch (field.__component) {
    case 'eform.short-text':
      return (
        <Single field={field}>
          <input id={id} name={field.name} type="text" maxlength={field.maxLength ?? undefined} required={req} aria-describedby={describedBy(field, id)} />
        </Single>
      );
    case 'eform.long-text':
      return (
        <Single field={field}>
          <textarea id={id} name={field.name} rows={5} maxlength={field.maxLength ?? undefined} required={req} aria-describedby={describedBy(field, id)}></textarea>
        </Single>
      );
    case 'eform.number': {
      const unit = inLanguage(field.unit, lang);
      const range =
        field.min !== null && field.max !== null
          ? t('eservice.number.between', { min: field.min, max: field.max })
          : field.min !== null
            ? t('eservice.number.atLeast', { min: field.min })
            : field.max !== null
              ? t('eservice.number.atMost', { max: field.max })
              : '';
      return (
        <Single field={field} extraHint={range || undefined}>
          <div class="with-unit">
            <input
              id={id}
              name={field.name}
              type="text"
              inputMode={field.integer ? 'numeric' : 'decimal'}
              autocomplete="off"
              class="short"
              required={req}
              aria-describedby={describedBy(field, id, range ? `${id}-more` : '', unit ? `${id}-unit` : '')}
            />
            {unit ? <span id={`${id}-unit`}>{unit}</span> : null}
          </div>
        </Single>
      );
    }
    case 'eform.date':
      return (
        <Single field={field} extraHint={field.allow === 'past' ? t('eservice.date.past') : field.allow === 'future' ? t('eservice.date.future') : undefined}>
          <input id={id} name={field.name} type="date" class="short-date" required={req} aria-describedby={describedBy(field, id, field.allow === 'any' ? '' : `${id}-more`)} />
        </Single>
      );
    case 'eform.choice':
      return (
        <Group field={field}>
          {field.options.map((o, i) => (
            <div class="check">
              <input id={`${id}-${i}`} name={field.name} type={field.multiple ? 'checkbox' : 'radio'} value={o.value} />
              <label for={`${id}-${i}`}>{inLanguage(o.label, lang)}</label>
            </div>
          ))}
        </Group>
      );
    case 'eform.yes-no':
      return (
        <Group field={field}>
          <div class="check">
            <input id={`${id}-yes`} name={field.name} type="radio" value="yes" />
            <label for={`${id}-yes`}>{t('eservice.yes')}</label>
          </div>
          <div class="check">
            <input id={`${id}-no`} name={field.name} type="radio" value="no" />
            <label for={`${id}-no`}>{t('eservice.no')}</label>
          </div>
        </Group>
      );
    case 'eform.national-id':
      return (
        <Single field={field} extraHint={t('eservice.nationalId.hint')}>
          <input id={id} name={field.name} type="text" inputMode="numeric" autocomplete="off" maxlength={17} class="medium" required={req} aria-describedby={describedBy(field, id, `${id}-more`)} />
        </Single>
      );
    case 'eform.phone':
      return (
        <Single field={field}>
          <input id={id} name={field.name} type="tel" autocomplete="tel" maxlength={30} class="medium" required={req} aria-describedby={describedBy(field, id)} />
        </Single>
      );
    case 'eform.email':
      return (
        <Single field={field}>
          <input id={id} name={field.name} type="email" autocomplete="email" maxlength={200} required={req} aria-describedby={describedBy(field, id)} />
        </Single>
      );
    case 'eform.address': {
      const mandatory = new Set(field.required ? ['subdistrict', 'district', 'province'] : []);
      const defaults: Record<string, string | null> = field.defaults ?? {};
      return (
        <Group field={field}>
          <div class="address">
            {ADDRESS_PARTS.map((part) => {
              const partId = controlId(field.name, part);
              return (
                <div class={`field part-${part}`}>
                  <label for={partId}>
                    {t(`eservice.address.${part}`)}
                    {mandatory.has(part) ? <Req /> : null}
                  </label>
                  <input
                    id={partId}
                    name={`${field.name}.${part}`}
                    type="text"
                    value={defaults[part] ?? undefined}
                    maxlength={part === 'postcode' ? 5 : part === 'village' ? 10 : 100}
                    inputMode={part === 'postcode' || part === 'village' ? 'numeric' : undefined}
                    autocomplete={part === 'postcode' ? 'postal-code' : 'off'}
                    required={mandatory.has(part) || undefined}
                    aria-describedby={`${partId}-error`}
                  />
                  <ErrorSlot id={partId} />
                </div>
              );
            })}
          </div>
        </Group>
      );
    }
    case 'eform.location':
      return (
        <Group field={field} extraHint={t('eservice.location.hint')}>
          {/* The map's box keeps its size while it loads (hidden without script: the numbers below still work). */}
          <div id={`${id}-map`} class="map" role="group" tabindex={-1} aria-label={t('eservice.location.mapLabel')}>
            <p class="map-note">{t('complaint.mapLoading')}</p>
          </div>
          <p class="actions needs-script">
            <button type="button" class="secondary" id={`${id}-locate`}>
              {t('complaint.useLocation')}
            </button>
          </p>
          <p class="hint" id={`${id}-status`} role="status"></p>
          <div class="latlng">
            <div class="field">
              <label for={`${id}-lat`}>{t('eservice.location.lat')}</label>
              <input id={`${id}-lat`} name={`${field.name}.lat`} type="text" inputMode="decimal" autocomplete="off" class="medium" aria-describedby={`${id}-error`} />
            </div>
            <div class="field">
              <label for={`${id}-lng`}>{t('eservice.location.lng')}</label>
              <input id={`${id}-lng`} name={`${field.name}.lng`} type="text" inputMode="decimal" autocomplete="off" class="medium" aria-describedby={`${id}-error`} />
            </div>
          </div>
        </Group>
      );
    case 'eform.file': {
      const hint = t('eservice.file.hint', { types: t(ACCEPT_TEXT[field.accept] ?? ACCEPT_TEXT.pdf_images), size: field.maxSizeMb, count: field.maxFiles });
      return (
        <Single field={field} extraHint={hint}>
          <input
            id={id}
            name={field.name}
            type="file"
            accept={field.mimeTypes.join(',')}
            multiple={field.maxFiles > 1 || undefined}
            required={req}
            aria-describedby={describedBy(field, id, `${id}-more`)}
          />
          <ul class="files" id={`${id}-list`}></ul>
        </Single>
      );
    }
    case 'eform.consent':
      return (
        <Group field={field}>
          <div class="check">
            <input id={`${id}-yes`} name={field.name} type="checkbox" value="yes" required={req} />
            <label for={`${id}-yes`}>{inLanguage(field.text, lang)}</label>
          </div>
        </Group>
      );
    default:
      return <></>;
  }
}

/**
 * /e-service/{slug}: the service (what it takes), then its form rendered from the definition. The
 * e-form island checks the answers with the server's own rules, shows them for review and sends
 * them; without script the form says so (and the send button stays disabled). A closed service
 * shows a notice and no form.
 */
export function EServiceForm({ data: { form }, site }: { data: EFormData; site: Site }): JSX.Element {
  const title = inLanguage(form.title, lang);
  const description = inLanguage(form.description, lang);
  return (
    <>
      <p class="crumbs">
        <a href={href('/e-service')}>← {t('eservice.back')}</a>
      </p>
      <h1>{title}</h1>
      {description ? <p>{description}</p> : null}
      <Facts form={form} />
      <Documents form={form} headingId="docs-h" />
      {!form.isOpen ? (
        <div class="notice" id="e-closed" role="status">
          <p>
            <strong>{t('eservice.closed.title')}</strong>
          </p>
          <p>{t('eservice.closed.text')}</p>
          <OfficeContacts site={site} />
        </div>
      ) : (
        <section aria-labelledby="form-h" id="e-form-section">
          <h2 id="form-h">{t('eservice.formHeading')}</h2>
          <form id="e-form" class="form" method="post" novalidate data-slug={form.slug}>
            <NoScriptNotice site={site} id="e-noscript" text={t('eservice.noscript.text')} />
            <p class="hint">{t('complaint.requiredNote')}</p>
            {form.fields.filter((f) => kindOf(f)).map((f) => (
              <FieldControl field={f} />
            ))}
            <div class="alert" id="e-alert" role="alert"></div>
            <p>
              {/* Enabled by the island: without script nothing could check or send the answers. */}
              <button type="submit" class="primary" id="e-review" disabled>
                {t('eservice.toReview')}
              </button>
            </p>
          </form>
          <div id="e-review-slot"></div>
        </section>
      )}
    </>
  );
}
