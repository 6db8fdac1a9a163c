import type { JSX } from 'preact';
import { formatInstant, href, lang, t, tDynamic } from '../i18n';
import { TRACKING_CODE } from '../tracking-code';
import { inLanguage, type Bilingual } from '../e-form';
import type { Api } from './load';

/**
 * A case as its tracking route answers it, no personal data: a complaint (GET
 * /api/complaints/track/{code}: its category and channel) or an e-service request (GET
 * /api/e-form-submissions/track/{code}: its service's title and the state's own label).
 */
export interface PublicCase {
  trackingCode: string;
  category?: { code: string; nameTh: string; nameEn: string } | null;
  /** An e-service request's title (its service), and the service when the API names it. */
  title?: string;
  form?: { slug: string; title: Bilingual } | null;
  status: string;
  /** The state's label from the request's workflow (e-service requests). */
  statusLabel?: Bilingual;
  publicStatus: string;
  channel?: string;
  createdAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  resolvedAt: string | null;
  history: Array<{ at: string | null; kind: string; status: string | null; message: string | null }>;
  /** Complaints: the citizen's photos of the problem and staff's photos of the fix. */
  photos?: { before: PhotoRef[]; after: PhotoRef[] };
  reopenCount?: number;
  /** Complaints: whether the citizen may say "not fixed" now (once, within 14 days of resolution). */
  notFixed?: { allowed: boolean; until: string | null; used: boolean };
}

/** A photo of a complaint, served by its tracking code's photo route. */
export interface PhotoRef {
  id: number;
  url: string;
  thumbUrl: string;
}

/** The photo route's path on this site (the API names it with the site's public address). */
const sitePathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/i, '');

/** The longest reason a citizen may give for "not fixed" (the API's own limit). */
export const NOT_FIXED_REASON_MAX = 1000;

/** The tracking route of a code: e-service requests (ES-…) have their own, complaints the other. */
export const trackApiPath = (code: string): string => `${code.startsWith('ES-') ? 'e-form-submissions' : 'complaints'}/track/${encodeURIComponent(code)}`;

export interface TrackData {
  /** The code asked for (upper case), '' for the empty form. */
  code: string;
  problem: 'invalid' | 'notFound' | null;
  found: PublicCase | null;
}

/** The code in `?code=`; the case is read fresh on every request (this page is never cached). */
export async function loadTrack(api: Api, query: URLSearchParams): Promise<TrackData> {
  const code = (query.get('code') ?? '').trim().toUpperCase().slice(0, 40);
  if (!code) return { code, problem: null, found: null };
  if (!TRACKING_CODE.test(code)) return { code, problem: 'invalid', found: null };
  const found = (await api<{ data: PublicCase | null }>(trackApiPath(code), {})).data ?? null;
  return { code, problem: found ? null : 'notFound', found };
}

const STATES = [
  'received',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'referred',
  'duplicate',
  'reopened',
  // e-service requests (src/api/e-form-submission/workflow.ts)
  'checking',
  'waiting_documents',
  'approved',
  'refused',
  'done',
];
const CHANNELS = ['web', 'line', 'facebook', 'pole', 'open311', 'counter'];
// A state or channel added on the server later still shows, as its code, until it is translated.
export const statusLabel = (s: string | null): string => (s && STATES.includes(s) ? tDynamic(`status.${s}`) : (s ?? ''));
/** A case's state in the page's language: an e-service request's workflow names its own states. */
export const caseStatus = (c: PublicCase): string => (c.statusLabel ? inLanguage(c.statusLabel, lang) : statusLabel(c.status));
const channelLabel = (c: string) => (CHANNELS.includes(c) ? tDynamic(`channel.${c}`) : c);

const When = ({ iso, time = false }: { iso: string | null; time?: boolean }) => (iso ? <time dateTime={iso}>{formatInstant(iso, time)}</time> : null);

function EventText({ e, label }: { e: PublicCase['history'][number]; label: (state: string | null) => string }): JSX.Element {
  if (e.kind === 'created') return <>{t('track.event.created')}</>;
  if (e.kind === 'transition')
    return (
      <>
        {t('track.event.transition', { status: label(e.status) })}
        {e.message ? <blockquote class="reply">{e.message}</blockquote> : null}
      </>
    );
  if (e.kind === 'public_reply')
    return (
      <>
        {t('track.event.public_reply')}
        <blockquote class="reply">{e.message ?? ''}</blockquote>
      </>
    );
  return <>{t('track.event.other')}</>;
}

/** One side of the comparison: its photos as thumbnails, each a link to the whole photo. */
function PhotoColumn({ title, photos, empty }: { title: string; photos: PhotoRef[]; empty: string }): JSX.Element {
  return (
    <figure class="photo-side">
      <figcaption>{title}</figcaption>
      {photos.length ? (
        photos.map((p, i) => (
          <a href={sitePathOf(p.url)} target="_blank" rel="noopener">
            <img src={sitePathOf(p.thumbUrl)} alt={t('track.photo.alt', { which: title, n: i + 1 })} loading="lazy" width={320} height={240} />
          </a>
        ))
      ) : (
        <p class="hint">{empty}</p>
      )}
    </figure>
  );
}

/** The photos before and after the fix, side by side (two columns even on a 360 px phone). */
function BeforeAfter({ photos }: { photos: NonNullable<PublicCase['photos']> }): JSX.Element {
  return (
    <section class="before-after" aria-labelledby="photos-h">
      <h3 id="photos-h">{t('track.photos')}</h3>
      <div class="photo-pair">
        <PhotoColumn title={t('track.photos.before')} photos={photos.before} empty={t('track.photos.noBefore')} />
        <PhotoColumn title={t('track.photos.after')} photos={photos.after} empty={t('track.photos.noAfter')} />
      </div>
    </section>
  );
}

/**
 * "Not fixed" (ยังไม่ได้รับการแก้ไข): while allowed, a reason and one button; the track island sends
 * it (the button waits for it), and this box then says it was sent. Re-rendered by the island.
 */
export function NotFixed({ c, sent = false }: { c: PublicCase; sent?: boolean }): JSX.Element | null {
  if (sent) {
    return (
      <section class="not-fixed" aria-labelledby="not-fixed-h">
        <h2 id="not-fixed-h" tabIndex={-1}>
          {t('track.notFixed.sent')}
        </h2>
        <p>{t('track.notFixed.sentBody')}</p>
      </section>
    );
  }
  const nf = c.notFixed;
  if (!nf?.allowed) return null;
  return (
    <section class="not-fixed" aria-labelledby="not-fixed-h">
      <h2 id="not-fixed-h">{t('track.notFixed.title')}</h2>
      <p>{nf.until ? t('track.notFixed.intro', { date: formatInstant(nf.until, true) }) : t('track.notFixed.introNoDate')}</p>
      <form id="not-fixed-form" class="form" novalidate>
        <div class="field">
          <label for="nf-reason">{t('track.notFixed.reason')}</label>
          <p class="hint" id="nf-reason-hint">
            {t('track.notFixed.reasonHint', { max: NOT_FIXED_REASON_MAX })}
          </p>
          <textarea id="nf-reason" name="reason" rows={4} maxlength={NOT_FIXED_REASON_MAX} required aria-describedby="nf-reason-hint nf-reason-error"></textarea>
          <p class="field-error" id="nf-reason-error" role="alert" hidden></p>
        </div>
        <p class="actions">
          <button type="submit" class="primary" id="nf-submit" disabled>
            {t('track.notFixed.submit')}
          </button>{' '}
          <span class="hint" id="nf-progress" role="status"></span>
        </p>
        <p class="field-error" id="nf-alert" role="alert"></p>
      </form>
    </section>
  );
}

/** The case's public status and history; re-rendered in place by the track island's refresh. */
export function CaseView({ c }: { c: PublicCase }): JSX.Element {
  const publicStatus = /^[a-z_]+$/.test(c.publicStatus) ? c.publicStatus : 'open';
  const Row = ({ label, children, show }: { label: string; children: JSX.Element | Array<JSX.Element | null | string> | string | null; show: unknown }) =>
    show ? (
      <>
        <dt>{label}</dt>
        <dd>{children}</dd>
      </>
    ) : null;
  // Newest first: on a phone the latest step is what the citizen came for.
  const history = [...c.history].reverse();
  // The current state by the label the API gives with it; past ones from the page's catalogue.
  const label = (state: string | null) => (state === c.status ? caseStatus(c) : statusLabel(state));
  const service = c.form ? inLanguage(c.form.title, lang) : c.title;
  return (
    <section class="case" aria-labelledby="case-h">
      <h2 id="case-h">{t('track.case', { code: c.trackingCode })}</h2>
      <p>
        <span class={`badge badge-${publicStatus}`} id="case-status">
          {caseStatus(c)}
        </span>
        {c.overdue ? <> <span class="badge badge-overdue">{t('track.overdue')}</span></> : null}
      </p>
      <dl class="facts">
        <Row label={t('track.category')} show={c.category}>
          {c.category ? (lang === 'en' ? c.category.nameEn : c.category.nameTh) : ''}
        </Row>
        <Row label={t('track.service')} show={!c.category && service}>
          {service ?? ''}
        </Row>
        <Row label={t('track.status')} show={caseStatus(c)}>
          {caseStatus(c)}
        </Row>
        <Row label={t('track.channel')} show={c.channel}>
          {channelLabel(c.channel ?? '')}
        </Row>
        <Row label={t('track.created')} show={c.createdAt}>
          <When iso={c.createdAt} time />
        </Row>
        <Row label={t('track.due')} show={c.dueAt || c.overdue}>
          <When iso={c.dueAt} />
          {c.overdue ? <> <strong class="overdue">({t('track.overdue')})</strong></> : null}
        </Row>
        <Row label={t('track.resolved')} show={c.resolvedAt}>
          <When iso={c.resolvedAt} time />
        </Row>
        <Row label={t('track.reopenCount')} show={c.reopenCount}>
          {String(c.reopenCount ?? 0)}
        </Row>
      </dl>
      {c.photos && (c.photos.before.length || c.photos.after.length) ? <BeforeAfter photos={c.photos} /> : null}
      <h3>{t('track.history')}</h3>
      <ol class="timeline">
        {history.map((e) => (
          <li>
            <When iso={e.at} time />
            <div>
              <EventText e={e} label={label} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * /track and /track?code=NK-6911-7KQ3M: a code box (a plain GET form, so it works without script) and
 * the complaint's public status and history. The track island adds the check before sending, the
 * refresh in place and the codes filed from this device.
 */
export function Track({ data }: { data: TrackData }): JSX.Element {
  const problem = data.problem === 'invalid' ? t('track.invalid') : data.problem === 'notFound' ? t('track.notFound', { code: data.code }) : '';
  return (
    <>
      <h1>{t('track.title')}</h1>
      <form id="track-form" class="form track-form" action={href('/track')} method="get" novalidate>
        <div class="field">
          <label for="track-code">{t('track.code')}</label>
          <p class="hint" id="track-code-hint">
            {t('track.codeHint')}
          </p>
          <div class="inline">
            <input
              id="track-code"
              name="code"
              type="text"
              value={data.code}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxlength={20}
              aria-describedby="track-code-hint track-code-error"
              aria-invalid={problem ? 'true' : undefined}
            />
            <button type="submit" class="primary">
              {t('track.submit')}
            </button>
          </div>
          <p class="field-error" id="track-code-error" role="alert" hidden={!problem}>
            {problem}
          </p>
        </div>
      </form>
      {data.found ? (
        <p class="actions">
          <a class="button secondary" id="track-refresh" href={href(`/track?code=${encodeURIComponent(data.code)}`)}>
            {t('track.refresh')}
          </a>{' '}
          <span id="track-refresh-status" role="status"></span>
        </p>
      ) : null}
      <div id="track-result">{data.found ? <CaseView c={data.found} /> : null}</div>
      <div id="track-not-fixed">{data.found ? <NotFixed c={data.found} /> : null}</div>
      <div id="track-recent"></div>
    </>
  );
}
