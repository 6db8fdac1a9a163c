import { api, readJson, type ApiError } from './api';
import { esc } from './html';
import { apiHeaders, errorText, formatInstant, href, lang, t } from './i18n';
import { loadMap } from './load-map';
import type { MapHandle } from './map-api';
import { MAX_PHOTOS, MAX_PHOTO_BYTES, TRACKING_CODE, complaintIssues, toComplaintData, type FormValues } from './complaint-rules';
import { rememberCode } from './recent';
import { listener, type PageContext, type Rendered } from './view';

interface Category {
  code: string;
  nameTh: string;
  nameEn: string;
}
interface Photo {
  file: File;
  url: string;
  /** Set once uploaded, so a second attempt after a rejected complaint does not upload it again. */
  id?: number;
}
interface Filed {
  trackingCode: string;
  dueAt?: string | null;
  confidential?: boolean;
}
interface FieldError {
  path: string[];
  message: string;
}

// Nok Ok, for a municipality record without a map centre.
const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02, zoom: 14 };
const PIN_ZOOM = 17;

// The unfinished complaint lives here rather than in the DOM, so it survives a language switch
// or a look at another page.
const blank = (): FormValues => ({ category: '', title: '', description: '', location: null, address: '', village: '', name: '', phone: '', email: '', consent: false });
let values = blank();
let photos: Photo[] = [];
let filed: Filed | null = null;

// Where a field named by a check or by the server's answer is shown: its path → the control's id.
const CONTROL: Record<string, string> = {
  category: 'c-category',
  title: 'c-title',
  description: 'c-description',
  photos: 'c-photos',
  files: 'c-photos',
  location: 'c-map',
  address: 'c-address',
  village: 'c-village',
  contact: 'c-name',
  'contact.name': 'c-name',
  'contact.phone': 'c-phone',
  'contact.email': 'c-email',
  consent: 'c-consent',
};
// The API names body fields under `data`; the form's controls by the field itself.
const controlFor = (path: string[]) => {
  const field = path[0] === 'data' ? path.slice(1) : path;
  return CONTROL[field.join('.')] ?? CONTROL[field[0]];
};

const isImage = (f: File) => (f.type ? f.type.startsWith('image/') : /\.(jpe?g|png|webp|gif|heic|heif|avif|tiff?)$/i.test(f.name));
const req = '<span class="req" aria-hidden="true">*</span>';
const errorSlot = (id: string) => `<p class="field-error" id="${id}-error" hidden></p>`;
const hint = (id: string, text: string) => `<p class="hint" id="${id}-hint">${esc(text)}</p>`;

/** The form's free-text fields (the others are a pin on the map, a checkbox, a list). */
type TextField = 'title' | 'address' | 'village' | 'name' | 'phone' | 'email';

function input(id: string, name: TextField, label: string, attrs = '', hintText?: string): string {
  return `<div class="field">
    <label for="${id}">${esc(label)}</label>${hintText ? hint(id, hintText) : ''}
    <input id="${id}" name="${name}" value="${esc(values[name])}" aria-describedby="${hintText ? `${id}-hint ` : ''}${id}-error" ${attrs}>
    ${errorSlot(id)}
  </div>`;
}

function formHtml(categories: Category[]): string {
  const options = categories
    .map((c) => `<option value="${esc(c.code)}"${c.code === values.category ? ' selected' : ''}>${esc(lang === 'en' ? c.nameEn : c.nameTh)}</option>`)
    .join('');
  return `<h1>${esc(t('complaint.title'))}</h1>
  <p>${esc(t('complaint.intro'))}</p>
  <p><a href="${esc(href('/track'))}">${esc(t('complaint.trackLink'))} →</a></p>
  <form id="complaint-form" class="form" novalidate>
    <p class="hint">${esc(t('complaint.requiredNote'))}</p>
    <div class="field">
      <label for="c-category">${esc(t('complaint.category'))} ${req}</label>
      <select id="c-category" name="category" required aria-describedby="c-category-error">
        <option value="">${esc(t('complaint.categoryChoose'))}</option>${options}
      </select>
      ${errorSlot('c-category')}
    </div>
    ${input('c-title', 'title', t('complaint.subject'), 'type="text" maxlength="200" autocomplete="off"')}
    <div class="field">
      <label for="c-description">${esc(t('complaint.description'))} ${req}</label>${hint('c-description', t('complaint.descriptionHint'))}
      <textarea id="c-description" name="description" rows="5" required aria-describedby="c-description-hint c-description-error">${esc(values.description)}</textarea>
      ${errorSlot('c-description')}
    </div>
    <fieldset class="field">
      <legend>${esc(t('complaint.photos'))}</legend>${hint('c-photos', t('complaint.photosHint'))}
      <label class="file-label" for="c-photos">${esc(t('complaint.photosChoose'))}</label>
      <input id="c-photos" type="file" accept="image/*" multiple aria-describedby="c-photos-hint c-photos-error">
      ${errorSlot('c-photos')}
      <ul class="thumbs" id="c-thumbs"></ul>
      <p class="hint" id="c-photos-status" role="status"></p>
    </fieldset>
    <fieldset class="field">
      <legend>${esc(t('complaint.location'))}</legend>${hint('c-map', t('complaint.locationHint'))}
      <div id="c-map" class="map" role="group" tabindex="-1" aria-label="${esc(t('complaint.mapLabel'))}" aria-describedby="c-map-hint c-map-error"><p class="map-note">${esc(t('complaint.mapLoading'))}</p></div>
      ${errorSlot('c-map')}
      <p class="actions"><button type="button" class="secondary" id="c-locate">${esc(t('complaint.useLocation'))}</button>
        <button type="button" class="secondary" id="c-unpin" hidden>${esc(t('complaint.clearLocation'))}</button></p>
      <p class="hint" id="c-location-status" role="status"></p>
      ${input('c-address', 'address', t('complaint.address'), 'type="text" maxlength="300" autocomplete="street-address"')}
      ${input('c-village', 'village', t('complaint.village'), 'type="text" inputmode="numeric" maxlength="2" autocomplete="off" class="short"', t('complaint.villageHint'))}
    </fieldset>
    <fieldset class="field">
      <legend>${esc(t('complaint.contact'))}</legend>${hint('c-contact', t('complaint.contactHint'))}
      ${input('c-name', 'name', t('complaint.name'), 'type="text" maxlength="200" autocomplete="name"')}
      ${input('c-phone', 'phone', t('complaint.phone'), 'type="tel" maxlength="30" autocomplete="tel"')}
      ${input('c-email', 'email', t('complaint.email'), 'type="email" maxlength="200" autocomplete="email"')}
      <div class="check">
        <input id="c-consent" name="consent" type="checkbox"${values.consent ? ' checked' : ''} aria-describedby="c-consent-hint c-consent-error">
        <label for="c-consent">${esc(t('complaint.consent'))}</label>
      </div>
      ${hint('c-consent', t('complaint.consentHint'))}
      ${errorSlot('c-consent')}
    </fieldset>
    <div class="alert" id="c-alert" role="alert"></div>
    <p class="hint" id="c-progress" role="status"></p>
    <p><button type="submit" class="primary" id="c-submit">${esc(t('complaint.submit'))}</button></p>
  </form>`;
}

function mountForm(root: HTMLElement, ctx: PageContext): () => void {
  const form = root.querySelector<HTMLFormElement>('#complaint-form')!;
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
  const photoInput = $<HTMLInputElement>('c-photos');
  const thumbs = $('c-thumbs');
  const mapEl = $('c-map');
  const alertBox = $('c-alert');
  const progress = $('c-progress');
  const locationStatus = $('c-location-status');
  let map: MapHandle | null = null;
  let gone = false;
  let busy = false;

  const setFieldError = (id: string, message: string) => {
    const el = $(`${id}-error`);
    el.textContent = message;
    el.hidden = false;
    $(id).setAttribute('aria-invalid', 'true');
  };
  const clearFieldError = (id: string) => {
    const el = root.querySelector<HTMLElement>(`#${id}-error`);
    if (!el) return;
    el.textContent = '';
    el.hidden = true;
    $(id).removeAttribute('aria-invalid');
  };
  const clearErrors = () => {
    for (const id of new Set(Object.values(CONTROL))) clearFieldError(id);
    alertBox.textContent = '';
  };

  /** Each message next to its field, a summary announced at once, and focus on the first field to fix. */
  const showErrors = (errors: FieldError[]) => {
    clearErrors();
    const byControl = new Map<string, string[]>();
    const general: string[] = [];
    for (const e of errors) {
      const id = controlFor(e.path);
      if (id) byControl.set(id, [...(byControl.get(id) ?? []), e.message]);
      else general.push(e.message);
    }
    for (const [id, messages] of byControl) setFieldError(id, [...new Set(messages)].join(' '));
    alertBox.textContent = [byControl.size ? t('complaint.fixErrors', { count: byControl.size }) : '', ...general].filter(Boolean).join(' ');
    root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  const consent = $<HTMLInputElement>('c-consent');
  // Consent is asked for only when there are contact details to consent to.
  const syncConsent = () => {
    consent.required = Boolean(values.name.trim() || values.phone.trim() || values.email.trim());
  };
  syncConsent();

  const onEdit = (e: Event) => {
    const el = e.target as HTMLInputElement;
    if (!el.name || !(el.name in values) || el.name === 'location') return;
    (values as unknown as Record<string, string | boolean>)[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    if (el.getAttribute('aria-invalid')) clearFieldError(el.id);
    syncConsent();
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  // Photos: checked here for a quick answer (the server checks the content again), shown before sending.
  const renderThumbs = () => {
    thumbs.innerHTML = photos
      .map(
        (p, i) => `<li><img src="${esc(p.url)}" alt="${esc(t('complaint.photoAlt', { n: i + 1, name: p.file.name }))}" width="96" height="96">
        <button type="button" class="secondary small" data-remove="${i}">${esc(t('complaint.photoRemove', { n: i + 1 }))}</button></li>`
      )
      .join('');
    $('c-photos-status').textContent = photos.length ? t('complaint.photosCount', { count: photos.length, max: MAX_PHOTOS }) : '';
  };
  renderThumbs();
  photoInput.addEventListener('change', () => {
    const problems: string[] = [];
    for (const file of Array.from(photoInput.files ?? [])) {
      if (!isImage(file)) problems.push(t('complaint.err.notImage', { name: file.name }));
      else if (file.size > MAX_PHOTO_BYTES) problems.push(t('complaint.err.tooBig', { name: file.name }));
      else if (photos.length >= MAX_PHOTOS) {
        problems.push(t('complaint.err.photosMax', { max: MAX_PHOTOS }));
        break;
      } else photos.push({ file, url: URL.createObjectURL(file) });
    }
    photoInput.value = ''; // the same file may be chosen again after a removal
    renderThumbs();
    if (problems.length) setFieldError('c-photos', problems.join(' '));
    else clearFieldError('c-photos');
  });
  thumbs.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-remove]');
    if (!button) return;
    const i = Number(button.dataset.remove);
    const [removed] = photos.splice(i, 1);
    if (removed) URL.revokeObjectURL(removed.url);
    renderThumbs();
    clearFieldError('c-photos');
    (thumbs.querySelectorAll<HTMLButtonElement>('button[data-remove]')[Math.min(i, photos.length - 1)] ?? photoInput).focus();
  });

  // The point: a tap on the map, Enter on the focused map, or the phone's own position.
  const showLocation = () => {
    const p = values.location;
    locationStatus.textContent = p ? t('complaint.locationSet', { lat: p.lat.toFixed(5), lng: p.lng.toFixed(5) }) : t('complaint.locationNone');
    $('c-unpin').hidden = !p;
  };
  const setLocation = (point: { lat: number; lng: number } | null, pan = false) => {
    values.location = point;
    map?.setPin(point);
    if (pan && point) map?.moveTo(point.lat, point.lng, PIN_ZOOM);
    clearFieldError('c-map');
    showLocation();
  };
  showLocation();

  loadMap()
    .then((mapApi) => {
      if (gone) return;
      const m = ctx.municipality();
      const centre =
        values.location ??
        (m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE);
      mapEl.textContent = '';
      map = mapApi.create(mapEl, {
        lat: centre.lat,
        lng: centre.lng,
        zoom: values.location ? PIN_ZOOM : Number(m?.mapZoom) || DEFAULT_CENTRE.zoom,
        tiles: ctx.mapTiles(),
        labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') },
        onPick: (lat, lng) => setLocation({ lat, lng }),
      });
      map.setPin(values.location);
    })
    .catch(() => {
      if (!gone) mapEl.innerHTML = `<p class="map-note">${esc(t('complaint.mapFailed'))}</p>`;
    });

  let locating = false;
  $('c-locate').addEventListener('click', () => {
    if (locating) return;
    if (!navigator.geolocation) {
      locationStatus.textContent = t('complaint.locationUnavailable');
      return;
    }
    locating = true;
    locationStatus.textContent = t('complaint.locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        locating = false;
        if (!gone) setLocation({ lat: pos.coords.latitude, lng: pos.coords.longitude }, true);
      },
      (err) => {
        locating = false;
        if (!gone) locationStatus.textContent = t(err.code === err.PERMISSION_DENIED ? 'complaint.locationDenied' : 'complaint.locationUnavailable');
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
    );
  });
  $('c-unpin').addEventListener('click', () => {
    setLocation(null);
    mapEl.focus();
  });

  /** The answer's errors, in the page's language; a string when no field is named. */
  const readError = async (res: Response): Promise<FieldError[] | string> => {
    const error = (await readJson<ApiError>(res))?.error;
    const details = error?.details?.errors;
    if (res.status === 400 && Array.isArray(details) && details.length) {
      return details.map((d) => {
        const path = Array.isArray(d.path) ? d.path.map(String) : [];
        return { path, message: errorText(path, typeof d.code === 'string' ? d.code : '', typeof d.message === 'string' ? d.message : (error?.message ?? '')) };
      });
    }
    // The server words these in the page's language (the request said which).
    if (typeof error?.message === 'string' && [400, 413, 429].includes(res.status)) return error.message;
    return t('complaint.failed');
  };
  const fail = (problem: FieldError[] | string) => {
    if (typeof problem === 'string') {
      clearErrors();
      alertBox.textContent = problem;
    } else showErrors(problem);
  };

  /** Photos first (the complaint names them by id), then the complaint. */
  const send = async () => {
    const data = toComplaintData(values, lang);
    const issues = complaintIssues(data, photos.length);
    if (issues.length) {
      showErrors(issues.map((i) => ({ path: i.path.map(String), message: errorText(i.path, i.code, '', { max: MAX_PHOTOS }) })));
      return;
    }
    clearErrors();
    const pending = photos.filter((p) => p.id === undefined);
    if (pending.length) progress.textContent = t('complaint.uploading');
    // One photo a request: the answer then belongs to that photo, whatever order parts arrive in.
    for (const photo of pending) {
      const body = new FormData();
      body.append('files', photo.file, photo.file.name);
      const res = await fetch('/api/complaints/photos', { method: 'POST', body, headers: apiHeaders() });
      if (res.status !== 201) {
        const problem = await readError(res);
        const label = t('complaint.photoN', { n: photos.indexOf(photo) + 1 });
        fail(typeof problem === 'string' ? problem : problem.map((e) => ({ path: ['photos'], message: `${label}: ${e.message}` })));
        return;
      }
      photo.id = ((await res.json()) as { data: Array<{ id: number }> }).data[0]?.id;
    }
    if (photos.length) data.photos = photos.map((p) => p.id!);

    progress.textContent = t('complaint.sending');
    const res = await fetch('/api/complaints', {
      method: 'POST',
      headers: apiHeaders(true),
      body: JSON.stringify({ data }),
    });
    if (res.status !== 201) {
      fail(await readError(res));
      return;
    }
    const created = ((await res.json()) as { data: Filed }).data;
    filed = { trackingCode: created.trackingCode, dueAt: created.dueAt, confidential: created.confidential };
    // A confidential complaint cannot be tracked publicly: remembering its code would only lead to "not found".
    if (!created.confidential) rememberCode(created.trackingCode);
    for (const p of photos) URL.revokeObjectURL(p.url);
    photos = [];
    values = blank();
    ctx.navigate(href(`/complaint?filed=${encodeURIComponent(created.trackingCode)}`), true);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return; // a second tap while sending must not file the complaint twice
    busy = true;
    form.setAttribute('aria-busy', 'true');
    send()
      .catch(() => fail(t('complaint.failed')))
      .finally(() => {
        busy = false;
        if (!gone) {
          form.removeAttribute('aria-busy');
          progress.textContent = '';
        }
      });
  });

  return () => {
    gone = true;
    map?.destroy();
  };
}

function confirmation(code: string): Rendered {
  const info = filed?.trackingCode === code ? filed : null;
  const trackHref = href(`/track?code=${encodeURIComponent(code)}`);
  const html = `<section class="done" aria-labelledby="done-h">
    <h1 id="done-h">${esc(t('complaint.done.title'))}</h1>
    <p class="code-label">${esc(t('complaint.done.codeLabel'))}</p>
    <p class="tracking-code" id="tracking-code">${esc(code)}</p>
    <p class="actions"><button type="button" class="secondary" id="copy-code">${esc(t('complaint.done.copy'))}</button> <span id="copy-status" role="status"></span></p>
    <p>${esc(t('complaint.done.keep'))}</p>
    ${
      info?.confidential
        ? `<p>${esc(t('complaint.done.confidential'))}</p>`
        : `${info?.dueAt ? `<p>${esc(t('complaint.done.due', { date: formatInstant(info.dueAt) }))}</p>` : ''}
    <p><a class="button primary" href="${esc(trackHref)}">${esc(t('complaint.done.track'))}</a></p>`
    }
    <p><a href="${esc(href('/complaint'))}">${esc(t('complaint.done.another'))}</a></p>
  </section>`;
  return {
    html,
    mount(root) {
      const status = root.querySelector('#copy-status')!;
      root.querySelector('#copy-code')!.addEventListener('click', listener(async () => {
        try {
          await navigator.clipboard.writeText(code);
          status.textContent = t('complaint.done.copied');
        } catch {
          // No clipboard (an old browser, or not a secure page): select the code for a manual copy.
          const range = document.createRange();
          range.selectNodeContents(root.querySelector('#tracking-code')!);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          status.textContent = t('complaint.done.copyFailed');
        }
      }));
    },
  };
}

/** /complaint: the form, or after sending (?filed=CODE) the confirmation with the tracking code. */
export async function complaintPage(ctx: PageContext): Promise<Rendered> {
  const code = (new URLSearchParams(location.search).get('filed') ?? '').toUpperCase();
  if (TRACKING_CODE.test(code)) return confirmation(code);
  const categories = (
    await api<{ data: Category[] }>('complaint-categories', { sort: 'sortOrder:asc', 'pagination[pageSize]': 100 })
  ).data;
  if (!categories.length) {
    return `<h1>${esc(t('complaint.title'))}</h1><p>${esc(t('complaint.noCategories'))}</p><p><a href="${esc(href('/contact'))}">${esc(t('nav.contact'))}</a></p>`;
  }
  return { html: formHtml(categories), mount: (root) => mountForm(root, ctx) };
}
