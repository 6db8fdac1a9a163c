import { fresh, readJson, type ApiError } from './api';
import { esc } from './html';
import { apiHeaders, errorText, href, t } from './i18n';
import { loadMap } from './load-map';
import type { MapHandle } from './map-api';
import { rememberCode } from './recent';
import { listener, type PageContext, type Rendered } from './view';

import { check } from '../../src/shared/field-rules';
import { FAULT_KEYS, MAX_NOTE, POLE_STATUSES, poleReportInput } from './pole-rules';

interface Pole {
  code: string;
  name: string;
  village: number | null;
  location: { lat: number; lng: number } | null;
  status: string;
  report?: { trackingCode: string; status: string; reportCount: number; dueAt?: string | null } | null;
}

const DEFAULT_CENTRE = { lat: 14.72, lng: 102.02 };
type PoleStatus = (typeof POLE_STATUSES)[number];
const isPoleStatus = (s: string): s is PoleStatus => (POLE_STATUSES as readonly string[]).includes(s);
const statusLabel = (s: string) => (isPoleStatus(s) ? t(`poles.status.${s}`) : s);
const tone = (s: string) => (isPoleStatus(s) ? s : 'working');
const badge = (s: string, id = '') => `<span class="badge pole-${tone(s)}"${id ? ` id="${id}"` : ''}>${esc(statusLabel(s))}</span>`;
const villageText = (v: number | null) => (v ? t('poles.village', { n: v }) : '');

/** A small map that only shows: no picking, the markers say where. */
function showMap(el: HTMLElement, ctx: PageContext, markers: Array<{ lat: number; lng: number; title: string; tone: string }>, zoom: number, isGone: () => boolean) {
  let map: MapHandle | undefined;
  loadMap()
    .then((api) => {
      if (isGone()) return;
      const m = ctx.municipality();
      const centre = markers.length === 1 ? markers[0] : m?.mapCenterLat != null && m?.mapCenterLng != null ? { lat: Number(m.mapCenterLat), lng: Number(m.mapCenterLng) } : DEFAULT_CENTRE;
      el.textContent = '';
      map = api.create(el, { lat: centre.lat, lng: centre.lng, zoom, tiles: ctx.mapTiles(), labels: { zoomIn: t('complaint.zoomIn'), zoomOut: t('complaint.zoomOut') } });
      map.setMarkers(markers, markers.length > 1);
    })
    .catch(() => {
      if (!isGone()) el.innerHTML = `<p class="map-note">${esc(t('poles.mapFailed'))}</p>`;
    });
  return () => map?.destroy();
}

/** /poles: every pole on a map coloured by status, and the same as a list for every reader. */
export async function polesPage(ctx: PageContext): Promise<Rendered> {
  const poles = (await fresh<Pole[]>('poles')) ?? [];
  const counts = POLE_STATUSES.map((s) => [s, poles.filter((p) => p.status === s).length] as const);
  const html = `<h1>${esc(t('poles.title'))}</h1>
  <p>${esc(t('poles.intro'))}</p>
  <ul class="legend" aria-label="${esc(t('poles.legend'))}">${counts.map(([s, n]) => `<li><span class="dot pole-dot-${s}" aria-hidden="true"></span>${esc(statusLabel(s))}: ${n}</li>`).join('')}</ul>
  <div id="poles-map" class="map" role="region" aria-label="${esc(t('poles.mapLabel'))}"><p class="map-note">${esc(t('complaint.mapLoading'))}</p></div>
  <h2 id="poles-list-h">${esc(t('poles.list'))}</h2>
  <ul class="pole-list" aria-labelledby="poles-list-h">${poles
    .map(
      (p) => `<li data-pole="${esc(p.code)}"><a href="${esc(href(`/p/${encodeURIComponent(p.code)}`))}"><strong>${esc(p.code)}</strong> ${esc(p.name)}</a>
      <span class="meta">${esc(villageText(p.village))}</span> ${badge(p.status)}</li>`
    )
    .join('')}</ul>`;
  return {
    html,
    mount(root) {
      let gone = false;
      const markers = poles.filter((p) => p.location).map((p) => ({ lat: p.location!.lat, lng: p.location!.lng, title: `${p.code} ${p.name}: ${statusLabel(p.status)}`, tone: tone(p.status) }));
      const stop = showMap(root.querySelector<HTMLElement>('#poles-map')!, ctx, markers, 14, () => gone);
      return () => {
        gone = true;
        stop();
      };
    },
  };
}

function reportedNote(p: Pole): string {
  if (!p.report) return '';
  const key = p.report.status === 'in_progress' ? 'pole.underRepair' : 'pole.alreadyReported';
  return `<div class="notice" id="pole-notice" role="status"><p><strong>${esc(t(key))}</strong> ${esc(t('pole.reportCount', { n: p.report.reportCount }))}</p>
    <p>${esc(t('pole.addHint'))} <a href="${esc(href(`/track?code=${encodeURIComponent(p.report.trackingCode)}`))}">${esc(t('pole.trackLink', { code: p.report.trackingCode }))}</a></p></div>`;
}

function poleHtml(p: Pole): string {
  const faults = FAULT_KEYS.map((f) => `<li><button type="submit" class="fault" name="fault" value="${f}">${esc(t(`pole.fault.${f}`))}</button></li>`).join('');
  return `<h1>${esc(p.name)}</h1>
  <p class="pole-facts"><span>${esc(t('pole.code'))} <strong>${esc(p.code)}</strong></span> <span>${esc(villageText(p.village))}</span> ${badge(p.status, 'pole-status')}</p>
  ${reportedNote(p)}
  ${p.location ? `<div id="pole-map" class="map map-small" role="region" aria-label="${esc(t('pole.mapLabel', { code: p.code }))}"><p class="map-note">${esc(t('complaint.mapLoading'))}</p></div>` : ''}
  <form id="pole-form" class="form" novalidate>
    <h2 id="pole-form-h">${esc(t('pole.formTitle'))}</h2>
    <div class="alert" id="p-alert" role="alert"></div>
    <div class="field">
      <label for="p-note">${esc(t('pole.note'))}</label>
      <p class="hint" id="p-note-hint">${esc(t('pole.noteHint', { max: MAX_NOTE }))}</p>
      <textarea id="p-note" name="note" rows="2" maxlength="${MAX_NOTE}" aria-describedby="p-note-hint p-note-error"></textarea>
      <p class="field-error" id="p-note-error" hidden></p>
    </div>
    <div class="field">
      <label for="p-phone">${esc(t('pole.phone'))}</label>
      <p class="hint" id="p-phone-hint">${esc(t('pole.phoneHint'))}</p>
      <input id="p-phone" name="phone" type="tel" inputmode="tel" maxlength="20" autocomplete="tel" aria-describedby="p-phone-hint p-phone-error">
      <p class="field-error" id="p-phone-error" hidden></p>
    </div>
    <fieldset class="field faults-field">
      <legend>${esc(t('pole.faults'))}</legend>
      <p class="hint">${esc(t('pole.faultsHint'))}</p>
      <ul class="faults">${faults}</ul>
    </fieldset>
    <p class="hint" id="p-progress" role="status"></p>
  </form>`;
}

function doneHtml(p: Pole, result: { trackingCode: string; added: boolean; reportCount: number }): string {
  return `<div class="done">
    <h1 tabindex="-1" id="pole-done">${esc(t('pole.done.title'))}</h1>
    <p>${esc(t(result.added ? 'pole.done.added' : 'pole.done.new', { code: p.code, n: result.reportCount }))}</p>
    <p class="code-label">${esc(t('complaint.done.codeLabel'))}</p>
    <p class="tracking-code" id="tracking-code">${esc(result.trackingCode)}</p>
    <p><a class="button primary" href="${esc(href(`/track?code=${encodeURIComponent(result.trackingCode)}`))}">${esc(t('complaint.done.track'))}</a></p>
    <p><a href="${esc(href('/poles'))}">${esc(t('pole.allPoles'))}</a></p>
  </div>`;
}

/** /p/:code, opened from the QR code on the pole: the pole, its state, and a one-tap fault report. */
export async function polePage(ctx: PageContext, code: string): Promise<Rendered | null> {
  const pole = await fresh<Pole>(`poles/${encodeURIComponent(code)}`);
  if (!pole) return null;
  return {
    html: poleHtml(pole),
    mount(root) {
      let gone = false;
      let sending = false;
      const stop = pole.location
        ? showMap(root.querySelector<HTMLElement>('#pole-map')!, ctx, [{ ...pole.location, title: `${pole.code} ${pole.name}`, tone: tone(pole.status) }], 16, () => gone)
        : () => undefined;
      const form = root.querySelector<HTMLFormElement>('#pole-form')!;
      const alert = root.querySelector<HTMLElement>('#p-alert')!;
      const progress = root.querySelector<HTMLElement>('#p-progress')!;

      const fieldError = (name: 'note' | 'phone', message: string) => {
        const control = root.querySelector<HTMLElement>(`#p-${name}`)!;
        const slot = root.querySelector<HTMLElement>(`#p-${name}-error`)!;
        slot.textContent = message;
        slot.hidden = !message;
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      };

      form.addEventListener('submit', listener(async (e: SubmitEvent) => {
        e.preventDefault();
        const fault = (e.submitter as HTMLButtonElement | null)?.value;
        if (sending || !fault) return;
        const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
        const phone = (form.elements.namedItem('phone') as HTMLInputElement).value.trim();
        alert.textContent = '';
        fieldError('note', '');
        fieldError('phone', '');
        // The server's own schema, before sending.
        const data = { fault, ...(note ? { note } : {}), ...(phone ? { phone } : {}) };
        const checked = check(poleReportInput, data);
        if (checked.issues) {
          for (const i of checked.issues) if (i.path[0] === 'note' || i.path[0] === 'phone') fieldError(i.path[0], errorText(i.path, i.code, '', { max: MAX_NOTE }));
          root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          return;
        }
        sending = true;
        progress.textContent = t('pole.sending');
        form.querySelectorAll('button').forEach((b) => (b.disabled = true));
        try {
          const res = await fetch(`/api/poles/${encodeURIComponent(pole.code)}/reports`, {
            method: 'POST',
            headers: apiHeaders(true),
            body: JSON.stringify({ data }),
          });
          const body = await readJson<{ data: { trackingCode: string; added: boolean; reportCount: number } } & ApiError>(res);
          if ((res.status === 200 || res.status === 201) && body) {
            if (gone) return;
            rememberCode(body.data.trackingCode);
            root.innerHTML = doneHtml(pole, body.data);
            root.querySelector<HTMLElement>('#pole-done')!.focus();
            document.title = `${t('pole.done.title')} | ${pole.code}`;
            return;
          }
          const details = body?.error?.details?.errors ?? [];
          let named = false;
          for (const d of details) {
            const path = Array.isArray(d.path) ? d.path.map(String).filter((p) => p !== 'data') : [];
            const field = path[0];
            if ((field === 'note' || field === 'phone') && typeof d.code === 'string') {
              fieldError(field, errorText(path, d.code, typeof d.message === 'string' ? d.message : '', { max: MAX_NOTE }));
              named = true;
            }
          }
          // The server words its message in the page's language (the request said which).
          alert.textContent = named ? t('pole.fixErrors') : body?.error?.message || t('pole.failed');
        } catch {
          alert.textContent = t('pole.failed');
        } finally {
          sending = false;
          progress.textContent = '';
          form.querySelectorAll('button').forEach((b) => (b.disabled = false));
        }
      }));

      return () => {
        gone = true;
        stop();
      };
    },
  };
}
