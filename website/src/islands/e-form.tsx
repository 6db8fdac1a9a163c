import { render, type JSX } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, formatDate, href, lang, t, tDynamic } from '../i18n';
import { loadMap } from '../load-map';
import type { MapHandle } from '../map-api';
import { rememberCode } from '../recent';
import { bearer } from '../session';
import { islandContext, listener, pageData } from '../island';
import { ADDRESS_PARTS, HEAD_BYTES, checkAnswers, checkFiles, controlId, inLanguage, type Field, type FileField } from '../e-form';
import type { EFormData } from '../pages/EService';
import { idempotencyKey } from '../idempotency';

/**
 * The e-service form's island. On the form the server rendered from the service's definition: the
 * answers read from the controls, checked with the server's own rules (src/shared/e-form-rules.ts)
 * and each refusal shown under its field; then the answers shown for review, read-only, with "edit"
 * and "send"; then sent as multipart (`data` JSON and `files.<name>` parts) to
 * POST /api/e-forms/{slug}/submissions. The server's refusals come back under the same fields; a
 * service closed meanwhile (409) and too many requests (429) are said above the buttons. Once sent,
 * the receipt page (printable, with the QR code) takes over.
 */
interface Problem {
  /** The field's name, and a part of it (an address part), as the rules and the API name them. */
  path: Array<string | number>;
  message: string;
}

const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02, zoom: 14 };
const PIN_ZOOM = 17;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** An issue's message: the e-service wording (with the field's limits), else the site's by code. */
function issueText(field: Field | undefined, path: Array<string | number>, code: string, serverMessage = ''): string {
  const vars: Record<string, string | number> = {};
  if (field && 'maxLength' in field) vars.max = field.maxLength;
  if (field?.__component === 'eform.number') {
    if (field.min !== null) vars.min = field.min;
    if (field.max !== null) vars.max = field.max;
  }
  if (field?.__component === 'eform.file') Object.assign(vars, { max: field.maxFiles, size: field.maxSizeMb });
  const own = `eservice.err.${code}`;
  const text = tDynamic(own, vars);
  return text !== own ? text : errorText(path, code, serverMessage, vars);
}

/** The number typed, as the API takes it: a number; anything else is sent as typed (and refused by the rules). */
function numberValue(raw: string): number | string | undefined {
  const s = raw.trim().replace(/,/g, '');
  if (!s) return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : s;
}

function mountForm(form: HTMLFormElement, fields: Field[], slug: string): void {
  const alertBox = $('e-alert')!;
  const reviewSlot = $('e-review-slot')!;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const maps = new Map<string, MapHandle>();
  let busy = false;

  const input = (id: string) => $<HTMLInputElement>(id);
  const text = (id: string) => input(id)?.value ?? '';
  const checked = (name: string) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)).map((i) => i.value);

  /** The answers as the controls hold them now (blanks are dropped by the rules, as by the server). */
  const readAnswers = (): Record<string, unknown> => {
    const answers: Record<string, unknown> = {};
    for (const f of fields) {
      const id = controlId(f.name);
      switch (f.__component) {
        case 'eform.number':
          answers[f.name] = numberValue(text(id));
          break;
        case 'eform.choice':
          answers[f.name] = f.multiple ? checked(f.name) : checked(f.name)[0];
          break;
        case 'eform.yes-no': {
          const [v] = checked(f.name);
          answers[f.name] = v === undefined ? undefined : v === 'yes';
          break;
        }
        case 'eform.address':
          answers[f.name] = Object.fromEntries(ADDRESS_PARTS.map((part) => [part, text(controlId(f.name, part)).trim()]));
          break;
        case 'eform.location': {
          const lat = text(`${id}-lat`).trim();
          const lng = text(`${id}-lng`).trim();
          answers[f.name] = lat || lng ? { lat: numberValue(lat) ?? lat, lng: numberValue(lng) ?? lng } : undefined;
          break;
        }
        case 'eform.consent':
          // Unticked is said as false, so a required consent is refused by its own code.
          answers[f.name] = input(`${id}-yes`)?.checked ?? false;
          break;
        case 'eform.file':
          break; // files travel as parts
        default:
          answers[f.name] = text(id);
      }
    }
    return answers;
  };

  const chosenFiles = (f: FileField): File[] => Array.from(input(controlId(f.name))?.files ?? []);
  const fileFields = fields.filter((f): f is FileField => f.__component === 'eform.file');

  // ----- errors, each under its field -----
  const errorSlots = () => Array.from(form.querySelectorAll<HTMLElement>('.field-error'));
  const clearErrors = () => {
    for (const el of errorSlots()) {
      el.textContent = '';
      el.hidden = true;
    }
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    alertBox.textContent = '';
  };
  /** Where a problem is shown: an address part's own slot, else the field's. */
  const slotOf = (path: Array<string | number>): { slot: HTMLElement; control: HTMLElement | null } | null => {
    const name = String(path[0] ?? '');
    if (!byName.has(name)) return null;
    const part = typeof path[1] === 'string' ? path[1] : undefined;
    const partSlot = part ? $(`${controlId(name, part)}-error`) : null;
    if (partSlot) return { slot: partSlot, control: $(controlId(name, part)) };
    const slot = $(`${controlId(name)}-error`);
    if (!slot) return null;
    // A single control is marked invalid; a group's first control takes the focus.
    const own = $(controlId(name));
    const control = own instanceof HTMLFieldSetElement ? own.querySelector<HTMLElement>('input, textarea, select') : own;
    return { slot, control };
  };
  const showErrors = (problems: Problem[]) => {
    clearErrors();
    const shown = new Map<HTMLElement, string[]>();
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const p of problems) {
      const at = slotOf(p.path);
      if (!at) {
        general.push(p.message);
        continue;
      }
      shown.set(at.slot, [...(shown.get(at.slot) ?? []), p.message]);
      if (at.control && !(at.control.parentElement?.closest('fieldset') && ['radio', 'checkbox'].includes((at.control as HTMLInputElement).type)))
        at.control.setAttribute('aria-invalid', 'true');
      first ??= at.control;
    }
    for (const [slot, messages] of shown) {
      slot.textContent = [...new Set(messages)].join(' ');
      slot.hidden = false;
    }
    alertBox.textContent = [shown.size ? t('eservice.fixErrors', { count: shown.size }) : '', ...general].filter(Boolean).join(' ');
    (first ?? alertBox).focus();
  };

  // An edited field's message goes once the citizen changes it.
  const onEdit = (e: Event) => {
    const el = e.target as HTMLElement;
    const holder = el.closest<HTMLElement>('[data-field]');
    if (!holder) return;
    const slot = el.id ? $(`${el.id}-error`) : null;
    for (const s of [slot, $(`${controlId(holder.dataset.field ?? '')}-error`)]) {
      if (s && !s.hidden) {
        s.hidden = true;
        s.textContent = '';
      }
    }
    el.removeAttribute('aria-invalid');
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  /** Everything the rules say of the answers and the chosen files (the files' first bytes are read for their type). */
  const check = async (answers: Record<string, unknown>): Promise<{ problems: Problem[]; data: Record<string, unknown> }> => {
    const result = checkAnswers(fields, answers);
    const sent = await Promise.all(
      fileFields.flatMap((f) => chosenFiles(f).map(async (file) => ({ name: f.name, size: file.size, head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()) })))
    );
    const issues = [...(result.issues ?? []), ...checkFiles(fields, sent)];
    const problems = issues.map((i) => {
      const field = byName.get(String(i.path[0]));
      let message = issueText(field, i.path, i.code);
      // A file's problem names the file.
      if (field?.__component === 'eform.file' && typeof i.path[1] === 'number') message = `${chosenFiles(field)[i.path[1]]?.name ?? ''}: ${message}`;
      return { path: i.path, message };
    });
    return { problems, data: result.data ?? {} };
  };

  // ----- the points on maps -----
  const locationFields = fields.filter((f) => f.__component === 'eform.location');
  const pointOf = (name: string) => {
    const lat = Number(text(`${controlId(name)}-lat`));
    const lng = Number(text(`${controlId(name)}-lng`));
    return text(`${controlId(name)}-lat`).trim() && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  };
  const setPoint = (name: string, point: { lat: number; lng: number } | null, pan = false) => {
    const id = controlId(name);
    input(`${id}-lat`)!.value = point ? point.lat.toFixed(6) : '';
    input(`${id}-lng`)!.value = point ? point.lng.toFixed(6) : '';
    maps.get(name)?.setPin(point);
    if (pan && point) maps.get(name)?.moveTo(point.lat, point.lng, PIN_ZOOM);
    const status = $(`${id}-status`);
    if (status) status.textContent = point ? t('complaint.locationSet', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) }) : '';
    const error = $(`${id}-error`);
    if (error) error.hidden = true;
  };
  if (locationFields.length) {
    loadMap()
      .then((mapApi) => {
        const m = islandContext.municipality();
        for (const f of locationFields) {
          const el = $(`${controlId(f.name)}-map`);
          if (!el) continue;
          const point = pointOf(f.name);
          const centre = point ?? (m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE);
          el.textContent = '';
          const map = mapApi.create(el, {
            lat: centre.lat,
            lng: centre.lng,
            zoom: point ? PIN_ZOOM : Number(m?.mapZoom) || DEFAULT_CENTRE.zoom,
            tiles: islandContext.mapTiles(),
            labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') },
            onPick: (lat, lng) => setPoint(f.name, { lat, lng }),
          });
          map.setPin(point);
          maps.set(f.name, map);
        }
      })
      .catch(() => {
        for (const f of locationFields) {
          const el = $(`${controlId(f.name)}-map`);
          if (el) render(<p class="map-note">{t('eservice.location.mapFailed')}</p>, el);
        }
      });
    for (const f of locationFields) {
      const id = controlId(f.name);
      // Typed numbers move the pin too.
      for (const part of ['lat', 'lng']) input(`${id}-${part}`)?.addEventListener('change', () => maps.get(f.name)?.setPin(pointOf(f.name)));
      $(`${id}-locate`)?.addEventListener('click', () => {
        const status = $(`${id}-status`);
        if (!navigator.geolocation) {
          if (status) status.textContent = t('complaint.locationUnavailable');
          return;
        }
        if (status) status.textContent = t('complaint.locating');
        navigator.geolocation.getCurrentPosition(
          (pos) => setPoint(f.name, { lat: pos.coords.latitude, lng: pos.coords.longitude }, true),
          (err) => {
            if (status) status.textContent = t(err.code === err.PERMISSION_DENIED ? 'eservice.location.denied' : 'eservice.location.unavailable');
          },
          { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
        );
      });
    }
  }

  // ----- review, then send -----
  const section = $('e-form-section');
  const showForm = (focus: HTMLElement | null) => {
    render(null, reviewSlot);
    form.hidden = false;
    (focus ?? form.querySelector<HTMLElement>('input, textarea, select'))?.focus();
  };

  /** An answer as the citizen reads it back. */
  const plain = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
  const shown = (f: Field, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '';
    switch (f.__component) {
      case 'eform.choice': {
        const values = Array.isArray(value) ? value.map(plain) : [plain(value)];
        return values.map((v) => inLanguage(f.options.find((o) => o.value === v)?.label, lang) || v).join(', ');
      }
      case 'eform.yes-no':
        return value ? t('eservice.yes') : t('eservice.no');
      case 'eform.number':
        return `${plain(value)}${f.unit ? ` ${inLanguage(f.unit, lang)}` : ''}`;
      case 'eform.date':
        return formatDate(plain(value));
      case 'eform.address': {
        const a = value as Record<string, string | undefined>;
        return ADDRESS_PARTS.filter((p) => a[p])
          .map((p) => `${t(`eservice.address.${p}`)} ${a[p]}`)
          .join(' ');
      }
      case 'eform.location': {
        const p = value as { lat: number; lng: number };
        return `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
      }
      case 'eform.consent':
        return value === true ? t('eservice.consented') : '';
      default:
        return plain(value);
    }
  };

  function Review({ data, error }: { data: Record<string, unknown>; error?: string }): JSX.Element {
    return (
      <section class="review" aria-labelledby="review-h">
        <h2 id="review-h" tabindex={-1}>
          {t('eservice.review.title')}
        </h2>
        <p>{t('eservice.review.intro')}</p>
        <dl class="facts review-list">
          {fields.map((f) => {
            const value = f.__component === 'eform.file' ? chosenFiles(f).map((file) => file.name).join(', ') : shown(f, data[f.name]);
            return (
              <>
                <dt>{inLanguage(f.label, lang)}</dt>
                <dd>{value || <span class="meta">{t('eservice.review.blank')}</span>}</dd>
              </>
            );
          })}
        </dl>
        <div class="alert" id="e-send-alert" role="alert">
          {error ?? ''}
        </div>
        <p class="hint" id="e-progress" role="status"></p>
        <p class="actions">
          <button type="button" class="secondary" id="e-edit" onClick={() => showForm(null)}>
            {t('eservice.review.edit')}
          </button>{' '}
          <button type="button" class="primary" id="e-send" onClick={() => void send(data)}>
            {t('eservice.review.send')}
          </button>
        </p>
      </section>
    );
  }

  const showReview = (data: Record<string, unknown>, error?: string) => {
    form.hidden = true;
    render(<Review data={data} error={error} />, reviewSlot);
    if (error) $('e-send-alert')?.focus();
    else $('review-h')?.focus();
    section?.scrollIntoView?.({ block: 'start' });
  };

  /** The API's refusals by field, in the page's language; a string when none is named. */
  const readError = async (res: Response): Promise<Problem[] | string> => {
    const error = (await readJson<ApiError>(res))?.error;
    const details = error?.details?.errors;
    if (res.status === 400 && Array.isArray(details) && details.length) {
      return details.map((d) => {
        const raw = Array.isArray(d.path) ? d.path.map((p) => (typeof p === 'number' ? p : String(p))) : [];
        // The API names answers under `answers` (and the body's `data`): the form by the field alone.
        const path = raw[0] === 'data' ? raw.slice(1) : raw;
        const own = path[0] === 'answers' || path[0] === 'files' ? path.slice(1) : path;
        const field = byName.get(String(own[0]));
        return { path: own, message: issueText(field, own, typeof d.code === 'string' ? d.code : '', typeof d.message === 'string' ? d.message : (error?.message ?? '')) };
      });
    }
    if (res.status === 409) return t('eservice.closedNow');
    // The server words these in the page's language (the request said which).
    if (typeof error?.message === 'string' && [400, 413, 429].includes(res.status)) return error.message;
    return t('eservice.failed');
  };

  async function send(data: Record<string, unknown>): Promise<void> {
    if (busy) return; // a second tap while sending must not send the request twice
    busy = true;
    const button = $<HTMLButtonElement>('e-send');
    const progress = $('e-progress');
    const sending = (on: boolean) => {
      if (button) button.disabled = on;
      if (progress) progress.textContent = on ? t('eservice.sending') : '';
    };
    sending(true);
    let sent = false;
    try {
      const body = new FormData();
      const json = JSON.stringify({ answers: data, language: lang });
      body.append('data', json);
      let files = '';
      for (const f of fileFields) {
        for (const file of chosenFiles(f)) {
          body.append(`files.${f.name}`, file, file.name);
          files += `|${f.name}:${file.name}:${file.size}:${file.lastModified}`;
        }
      }
      // Signed in: the request is filed to the person's account too (My page lists it).
      const res = await fetch(`/api/e-forms/${encodeURIComponent(slug)}/submissions`, { method: 'POST', body, headers: { ...apiHeaders(), ...(await bearer()), ...idempotencyKey(json + files) } });
      if (res.status === 201) {
        const created = ((await res.json()) as { data: { trackingCode: string } }).data;
        rememberCode(created.trackingCode);
        sent = true; // the button stays disabled while the receipt loads
        location.assign(href(`/e-service/receipt?code=${encodeURIComponent(created.trackingCode)}&form=${encodeURIComponent(slug)}`));
        return;
      }
      const problem = await readError(res);
      sending(false);
      if (typeof problem === 'string') showReview(data, problem);
      else {
        showForm(null);
        showErrors(problem);
      }
    } catch {
      sending(false);
      showReview(data, t('eservice.failed'));
    } finally {
      busy = sent;
    }
  }

  form.addEventListener(
    'submit',
    listener(async (e: Event) => {
      e.preventDefault();
      if (busy) return;
      const { problems, data } = await check(readAnswers());
      if (problems.length) {
        showErrors(problems);
        return;
      }
      clearErrors();
      showReview(data);
    })
  );
  // The form is the script's from here (the server renders the button disabled).
  $<HTMLButtonElement>('e-review')!.disabled = false;
}

const page = pageData<EFormData>();
const eForm = document.getElementById('e-form') as HTMLFormElement | null;
if (eForm && page?.form) mountForm(eForm, page.form.fields, page.form.slug);
