import type { ComponentChildren, InputHTMLAttributes, JSX } from 'preact';
import { formatInstant, href, lang, t } from '../i18n';
import { TRACKING_CODE } from '../tracking-code';
import type { Site } from '../components/site';
import { NoScriptNotice } from '../components/NoScriptNotice';
import type { Api } from './load';

export interface Category {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface ComplaintData {
  /** The tracking code in `?filed=` (upper case) when it is one: the confirmation; else null: the form. */
  filed: string | null;
  /** The categories the form offers, in their order (none loaded for the confirmation). */
  categories: Category[];
}

/** `?filed=CODE` is the confirmation (nothing to read); otherwise the form and its categories. */
export async function loadComplaint(api: Api, query: URLSearchParams): Promise<ComplaintData> {
  const code = (query.get('filed') ?? '').trim().toUpperCase();
  if (TRACKING_CODE.test(code)) return { filed: code, categories: [] };
  const res = await api<{ data: Category[] | null }>('complaint-categories', { sort: 'sortOrder:asc', 'pagination[pageSize]': 100 });
  return { filed: null, categories: res.data ?? [] };
}

const Req = () => (
  <span class="req" aria-hidden="true">
    *
  </span>
);
const ErrorSlot = ({ id }: { id: string }) => <p class="field-error" id={`${id}-error`} hidden></p>;
const Hint = ({ id, children }: { id: string; children: ComponentChildren }) => (
  <p class="hint" id={`${id}-hint`}>
    {children}
  </p>
);

/** The form's free-text fields (the others are a pin on the map, a checkbox, a list). */
type TextField = 'title' | 'address' | 'village' | 'name' | 'phone' | 'email';

function Input({ id, name, label, hint, ...attrs }: { id: string; name: TextField; label: string; hint?: string } & InputHTMLAttributes): JSX.Element {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <input id={id} name={name} {...attrs} aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-error`} />
      <ErrorSlot id={id} />
    </div>
  );
}

/**
 * The complaint form. Everything in it needs script (photos uploaded first, a point on the map, a JSON
 * body), so the complaint island takes it over; without script it says so at the top, and its send
 * button stays disabled (and the form would POST, never put personal data into an address).
 */
function ComplaintForm({ categories, site }: { categories: Category[]; site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('complaint.title')}</h1>
      <p>{t('complaint.intro')}</p>
      <p>
        <a href={href('/track')}>{t('complaint.trackLink')} →</a>
      </p>
      <form id="complaint-form" class="form" method="post" novalidate>
        <NoScriptNotice site={site} id="c-noscript" text={t('complaint.noscript.text')} line />
        <p class="hint">{t('complaint.requiredNote')}</p>
        <div class="field">
          <label for="c-category">
            {t('complaint.category')} <Req />
          </label>
          <select id="c-category" name="category" required aria-describedby="c-category-error">
            <option value="">{t('complaint.categoryChoose')}</option>
            {categories.map((c) => (
              <option value={c.code}>{lang === 'en' ? c.nameEn : c.nameTh}</option>
            ))}
          </select>
          <ErrorSlot id="c-category" />
        </div>
        <Input id="c-title" name="title" label={t('complaint.subject')} type="text" maxlength={200} autocomplete="off" />
        <div class="field">
          <label for="c-description">
            {t('complaint.description')} <Req />
          </label>
          <Hint id="c-description">{t('complaint.descriptionHint')}</Hint>
          <textarea id="c-description" name="description" rows={5} required aria-describedby="c-description-hint c-description-error"></textarea>
          <ErrorSlot id="c-description" />
        </div>
        <fieldset class="field">
          <legend>{t('complaint.photos')}</legend>
          <Hint id="c-photos">{t('complaint.photosHint')}</Hint>
          <label class="file-label" for="c-photos">
            {t('complaint.photosChoose')}
          </label>
          <input id="c-photos" type="file" accept="image/*" multiple aria-describedby="c-photos-hint c-photos-error" />
          <ErrorSlot id="c-photos" />
          <ul class="thumbs" id="c-thumbs"></ul>
          <p class="hint" id="c-photos-status" role="status"></p>
        </fieldset>
        <fieldset class="field">
          <legend>{t('complaint.location')}</legend>
          <Hint id="c-map">{t('complaint.locationHint')}</Hint>
          {/* The map's box keeps its size (.map) while the map loads: nothing below it moves. */}
          <div id="c-map" class="map" role="group" tabindex={-1} aria-label={t('complaint.mapLabel')} aria-describedby="c-map-hint c-map-error">
            <p class="map-note">{t('complaint.mapLoading')}</p>
          </div>
          <ErrorSlot id="c-map" />
          <p class="actions">
            <button type="button" class="secondary" id="c-locate">
              {t('complaint.useLocation')}
            </button>{' '}
            <button type="button" class="secondary" id="c-unpin" hidden>
              {t('complaint.clearLocation')}
            </button>
          </p>
          <p class="hint" id="c-location-status" role="status">
            {t('complaint.locationNone')}
          </p>
          <Input id="c-address" name="address" label={t('complaint.address')} type="text" maxlength={300} autocomplete="street-address" />
          <Input
            id="c-village"
            name="village"
            label={t('complaint.village')}
            hint={t('complaint.villageHint')}
            type="text"
            inputMode="numeric"
            maxlength={2}
            autocomplete="off"
            class="short"
          />
        </fieldset>
        <fieldset class="field">
          <legend>{t('complaint.contact')}</legend>
          <Hint id="c-contact">{t('complaint.contactHint')}</Hint>
          <Input id="c-name" name="name" label={t('complaint.name')} type="text" maxlength={200} autocomplete="name" />
          <Input id="c-phone" name="phone" label={t('complaint.phone')} type="tel" maxlength={30} autocomplete="tel" />
          <Input id="c-email" name="email" label={t('complaint.email')} type="email" maxlength={200} autocomplete="email" />
          <div class="check">
            <input id="c-consent" name="consent" type="checkbox" aria-describedby="c-consent-hint c-consent-error" />
            <label for="c-consent">{t('complaint.consent')}</label>
          </div>
          <Hint id="c-consent">{t('complaint.consentHint')}</Hint>
          <ErrorSlot id="c-consent" />
        </fieldset>
        <div class="alert" id="c-alert" role="alert"></div>
        <p class="hint" id="c-progress" role="status"></p>
        <p>
          {/* Enabled by the island: without script there is nothing that could send the complaint. */}
          <button type="submit" class="primary" id="c-submit" disabled>
            {t('complaint.submit')}
          </button>
        </p>
      </form>
    </>
  );
}

/**
 * The confirmation with the tracking code. The server renders it for /complaint?filed=CODE from the
 * code alone; the island renders it in place after filing, when it also knows the due date and whether
 * the complaint is confidential (then it cannot be tracked on the website, so no link to do so).
 */
export function ComplaintDone({ code, dueAt, confidential }: { code: string; dueAt?: string | null; confidential?: boolean }): JSX.Element {
  return (
    <section class="done" aria-labelledby="done-h">
      <h1 id="done-h" tabindex={-1}>
        {t('complaint.done.title')}
      </h1>
      <p class="code-label">{t('complaint.done.codeLabel')}</p>
      <p class="tracking-code" id="tracking-code">
        {code}
      </p>
      <p class="actions needs-script">
        <button type="button" class="secondary" id="copy-code">
          {t('complaint.done.copy')}
        </button>{' '}
        <span id="copy-status" role="status"></span>
      </p>
      <p>{t('complaint.done.keep')}</p>
      {confidential ? (
        <p>{t('complaint.done.confidential')}</p>
      ) : (
        <>
          {dueAt ? <p>{t('complaint.done.due', { date: formatInstant(dueAt) })}</p> : null}
          <p>
            <a class="button primary" href={href(`/track?code=${encodeURIComponent(code)}`)}>
              {t('complaint.done.track')}
            </a>
          </p>
        </>
      )}
      <p>
        <a href={href('/complaint')}>{t('complaint.done.another')}</a>
      </p>
    </section>
  );
}

/** /complaint: the form (or, with no category open, where to turn instead); ?filed=CODE: the confirmation. */
export function Complaint({ data, site }: { data: ComplaintData; site: Site }): JSX.Element {
  if (data.filed) return <ComplaintDone code={data.filed} />;
  if (!data.categories.length)
    return (
      <>
        <h1>{t('complaint.title')}</h1>
        <p>{t('complaint.noCategories')}</p>
        <p>
          <a href={href('/contact')}>{t('nav.contact')}</a>
        </p>
      </>
    );
  return <ComplaintForm categories={data.categories} site={site} />;
}
