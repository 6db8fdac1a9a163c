import { render } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, href, lang, pathIn, t } from '../i18n';
import { loadMap } from '../load-map';
import type { MapHandle } from '../map-api';
import { MAX_PHOTOS, MAX_PHOTO_BYTES, complaintIssues, toComplaintData, type FormValues } from '../complaint-rules';
import { rememberCode } from '../recent';
import { bearer } from '../session';
import { islandContext, listener, pageData } from '../island';
import { siteName } from '../components/site';
import { ComplaintDone, type ComplaintData } from '../pages/Complaint';
import { idempotencyKey } from '../idempotency';

/**
 * The complaint page's island. On the form the server rendered: the values as typed, photos checked
 * and previewed, the map (loaded on demand) and the phone's position for the point, the same checks
 * as the server's before sending, then the photos and the complaint sent to the API and each refusal
 * shown by its field. Once filed, the confirmation replaces the form in place (with the due date the
 * answer gives) at /complaint?filed=CODE. On a confirmation the server rendered: the copy button.
 */
interface Photo {
  file: File;
  url: string;
  /** Set once uploaded, so a second attempt after a rejected complaint does not upload it again. */
  uploaded?: { id: number; token: string };
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

/** The copy button of a confirmation (the server's or one rendered in place). */
function wireCopy(code: string): void {
  const button = document.getElementById('copy-code');
  const status = document.getElementById('copy-status');
  if (!button || !status) return;
  button.addEventListener(
    'click',
    listener(async () => {
      try {
        await navigator.clipboard.writeText(code);
        status.textContent = t('complaint.done.copied');
      } catch {
        // No clipboard (an old browser, or not a secure page): select the code for a manual copy.
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('tracking-code')!);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        status.textContent = t('complaint.done.copyFailed');
      }
    })
  );
}

function Thumbs({ photos, onRemove }: { photos: Photo[]; onRemove: (i: number) => void }) {
  return (
    <>
      {photos.map((p, i) => (
        <li key={p.url}>
          <img src={p.url} alt={t('complaint.photoAlt', { n: i + 1, name: p.file.name })} width={96} height={96} />
          <button type="button" class="secondary small" data-remove={i} onClick={() => onRemove(i)}>
            {t('complaint.photoRemove', { n: i + 1 })}
          </button>
        </li>
      ))}
    </>
  );
}

function mountForm(form: HTMLFormElement): void {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const photoInput = $<HTMLInputElement>('c-photos');
  const thumbs = $('c-thumbs');
  const mapEl = $('c-map');
  const alertBox = $('c-alert');
  const progress = $('c-progress');
  const locationStatus = $('c-location-status');
  const consent = $<HTMLInputElement>('c-consent');
  const submit = $<HTMLButtonElement>('c-submit');
  let map: MapHandle | null = null;
  let busy = false;
  let photos: Photo[] = [];

  // What is in the controls now: typed before this script ran, or put back by the browser (back, reload).
  const field = (id: string) => $<HTMLInputElement>(id).value;
  const values: FormValues = {
    category: field('c-category'),
    title: field('c-title'),
    description: field('c-description'),
    location: null,
    address: field('c-address'),
    village: field('c-village'),
    name: field('c-name'),
    phone: field('c-phone'),
    email: field('c-email'),
    consent: consent.checked,
  };

  const setFieldError = (id: string, message: string) => {
    const el = $(`${id}-error`);
    el.textContent = message;
    el.hidden = false;
    $(id).setAttribute('aria-invalid', 'true');
  };
  const clearFieldError = (id: string) => {
    const el = document.getElementById(`${id}-error`);
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
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

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
    render(<Thumbs photos={photos} onRemove={removePhoto} />, thumbs);
    $('c-photos-status').textContent = photos.length ? t('complaint.photosCount', { count: photos.length, max: MAX_PHOTOS }) : '';
  };
  const removePhoto = (i: number) => {
    const [removed] = photos.splice(i, 1);
    if (removed) URL.revokeObjectURL(removed.url);
    photos = [...photos];
    renderThumbs();
    clearFieldError('c-photos');
    (thumbs.querySelectorAll<HTMLButtonElement>('button[data-remove]')[Math.min(i, photos.length - 1)] ?? photoInput).focus();
  };
  photoInput.addEventListener('change', () => {
    const problems: string[] = [];
    const next = [...photos];
    for (const file of Array.from(photoInput.files ?? [])) {
      if (!isImage(file)) problems.push(t('complaint.err.notImage', { name: file.name }));
      else if (file.size > MAX_PHOTO_BYTES) problems.push(t('complaint.err.tooBig', { name: file.name }));
      else if (next.length >= MAX_PHOTOS) {
        problems.push(t('complaint.err.photosMax', { max: MAX_PHOTOS }));
        break;
      } else next.push({ file, url: URL.createObjectURL(file) });
    }
    photos = next;
    photoInput.value = ''; // the same file may be chosen again after a removal
    renderThumbs();
    if (problems.length) setFieldError('c-photos', problems.join(' '));
    else clearFieldError('c-photos');
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

  loadMap()
    .then((mapApi) => {
      const m = islandContext.municipality();
      const centre =
        values.location ?? (m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE);
      mapEl.textContent = '';
      map = mapApi.create(mapEl, {
        lat: centre.lat,
        lng: centre.lng,
        zoom: values.location ? PIN_ZOOM : Number(m?.mapZoom) || DEFAULT_CENTRE.zoom,
        tiles: islandContext.mapTiles(),
        labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') },
        onPick: (lat, lng) => setLocation({ lat, lng }),
      });
      map.setPin(values.location);
    })
    .catch(() => {
      // In the map's own box, which keeps its size: nothing else moves.
      mapEl.textContent = '';
      render(<p class="map-note">{t('complaint.mapFailed')}</p>, mapEl);
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
        setLocation({ lat: pos.coords.latitude, lng: pos.coords.longitude }, true);
      },
      (err) => {
        locating = false;
        locationStatus.textContent = t(err.code === err.PERMISSION_DENIED ? 'complaint.locationDenied' : 'complaint.locationUnavailable');
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

  /** Photos first (the complaint names them by id), then the complaint; the filed complaint, or null. */
  /** Bumped when the photos must be uploaded again: their retried uploads are new ones, not replays. */
  let uploadRound = 0;
  const send = async (): Promise<Filed | null> => {
    const data = toComplaintData(values, lang);
    const issues = complaintIssues(data, photos.length);
    if (issues.length) {
      showErrors(issues.map((i) => ({ path: i.path.map(String), message: errorText(i.path, i.code, '', { max: MAX_PHOTOS }) })));
      return null;
    }
    clearErrors();
    const pending = photos.filter((p) => p.uploaded === undefined);
    if (pending.length) progress.textContent = t('complaint.uploading');
    // One photo a request: the answer then belongs to that photo, whatever order parts arrive in.
    for (const photo of pending) {
      const body = new FormData();
      body.append('files', photo.file, photo.file.name);
      const res = await fetch('/api/complaints/photos', { method: 'POST', body, headers: { ...apiHeaders(), ...idempotencyKey(`${uploadRound}:${photos.indexOf(photo)}:${photo.file.name}:${photo.file.size}:${photo.file.lastModified}`) } });
      if (res.status !== 201) {
        const problem = await readError(res);
        const label = t('complaint.photoN', { n: photos.indexOf(photo) + 1 });
        fail(typeof problem === 'string' ? problem : problem.map((e) => ({ path: ['photos'], message: `${label}: ${e.message}` })));
        return null;
      }
      // The token proves to POST /api/complaints that this browser uploaded the photo.
      const [first] = ((await res.json()) as { data: Array<{ id: number; token: string }> }).data;
      if (first) photo.uploaded = { id: first.id, token: first.token };
    }
    if (photos.length) data.photos = photos.flatMap((p) => (p.uploaded ? [p.uploaded] : []));

    progress.textContent = t('complaint.sending');
    // Signed in: the complaint is filed to the person's account too (My page lists it).
    const json = JSON.stringify({ data });
    const res = await fetch('/api/complaints', { method: 'POST', headers: { ...apiHeaders(true), ...(await bearer()), ...idempotencyKey(json) }, body: json });
    if (res.status !== 201) {
      // An upload token that expired while the page was open, or a photo swept or already attached to a
      // complaint whose answer was lost: the next attempt uploads the photos again.
      if (res.status === 400 && /"(photo_not_yours|unknown_photo)"/.test(await res.clone().text())) {
        for (const p of photos) p.uploaded = undefined;
        uploadRound++;
      }
      fail(await readError(res));
      return null;
    }
    return ((await res.json()) as { data: Filed }).data;
  };

  /** The confirmation in place of the form, at its own address, focused and announced by its heading. */
  const showFiled = (created: Filed) => {
    const code = created.trackingCode;
    // A confidential complaint cannot be tracked publicly: remembering its code would only lead to "not found".
    if (!created.confidential) rememberCode(code);
    map?.destroy();
    for (const p of photos) URL.revokeObjectURL(p.url);
    const main = document.getElementById('main') ?? form.parentElement!;
    main.textContent = '';
    render(<ComplaintDone code={code} dueAt={created.dueAt} confidential={created.confidential} />, main);
    const query = `?filed=${encodeURIComponent(code)}`;
    history.replaceState(null, '', href('/complaint') + query);
    document.title = `${t('complaint.done.title')} | ${siteName(islandContext.municipality())}`;
    // The language switch leads to this confirmation too, not to an empty form.
    const other = document.getElementById('lang-switch') as HTMLAnchorElement | null;
    if (other) other.href = pathIn('/complaint', lang === 'th' ? 'en' : 'th') + query;
    wireCopy(code);
    document.getElementById('done-h')?.focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return; // a second tap while sending must not file the complaint twice
    busy = true;
    form.setAttribute('aria-busy', 'true');
    send()
      .then((created) => {
        if (created) showFiled(created);
      })
      .catch(() => fail(t('complaint.failed')))
      .finally(() => {
        busy = false;
        form.removeAttribute('aria-busy');
        progress.textContent = '';
      });
  });
  // The form is the script's from here: sending is possible (the server renders the button disabled).
  submit.disabled = false;
}

const data = pageData<ComplaintData>();
const complaintForm = document.getElementById('complaint-form') as HTMLFormElement | null;
if (complaintForm) mountForm(complaintForm);
else if (data?.filed) wireCopy(data.filed);
