import type { ComponentChildren, InputHTMLAttributes, JSX } from 'preact';
import { formatInstant, href, lang, t, tDynamic, type Lang } from '../i18n';
import type { Site } from '../components/site';
import { NoScriptNotice } from '../components/NoScriptNotice';
import { inLanguage, type Bilingual } from '../e-form';
import { money, type PublicBill } from './Tax';
import { caseStatus, type PublicCase } from './Track';
import type { Api } from './load';

/**
 * The citizen's account pages. What the server renders here is a shell the same for everyone: the
 * forms of signing up and in, and empty places that the account island fills in the browser with the
 * person's own data, read with the access token (never in the HTML, so these pages may be kept and
 * shared like any other).
 */

/** GET /api/account. */
export interface Account {
  id: number;
  email: string;
  fullName: string | null;
  phone: string | null;
  village: number | null;
  groups: string[] | null;
  notifyBy: 'email' | 'line' | 'none';
  language: 'th' | 'en';
  lineLinked: boolean;
  confirmed: boolean;
  createdAt: string;
}

/** One of the person's records (GET /api/account/complaints, /requests): the public tracking view and a title. */
export type MyCase = PublicCase & { title?: string | null };

/** GET /api/account/surveys. */
export interface MySurveys {
  caseRatings: Array<{ caseType: string; trackingCode: string; token: string; url: string; answered: boolean }>;
  surveys: Array<{ slug: string; title: Bilingual | string; url: string }>;
}

/** An announcement as the API gives it: both languages, or one (asked for by `?locale=`). */
export interface Announcement {
  id: number | string;
  title?: string;
  body?: string;
  titleTh?: string;
  titleEn?: string | null;
  bodyTh?: string;
  bodyEn?: string | null;
  audience?: string;
  village?: number | null;
  publishedAt?: string | null;
  expiresAt?: string | null;
}

/** GET /api/account/notices: one delivery of an announcement to the person. */
export interface MyNotice {
  id: number;
  read: boolean;
  readAt?: string | null;
  deliveredAt?: string | null;
  notice: Announcement | null;
}

export const ACCOUNT_GROUPS = ['elderly', 'farmers', 'business', 'disabled'] as const;
export const NOTIFY_CHANNELS = ['email', 'line', 'none'] as const;
export const VILLAGES = Array.from({ length: 20 }, (_, i) => i + 1);
/** The shortest password users-permissions takes. */
export const PASSWORD_MIN = 6;

export const noticeTitle = (a: Announcement): string => a.title ?? ((lang === 'en' && a.titleEn) || a.titleTh || '');
export const noticeBody = (a: Announcement): string => a.body ?? ((lang === 'en' && a.bodyEn) || a.bodyTh || '');
export const audienceLabel = (a: Announcement): string =>
  a.audience === 'village' && a.village ? t('notices.audience.village', { n: a.village }) : a.audience ? tDynamic(`notices.audience.${a.audience}`) : '';

/* ------------------------------------------------------------------------------------------------
 * Form parts
 * ---------------------------------------------------------------------------------------------- */

export const ErrorSlot = ({ id }: { id: string }): JSX.Element => <p class="field-error" id={`${id}-error`} hidden></p>;

/** A labelled input with its hint and the slot its error appears in (from the API's code). */
export function Input({ id, label, hint, ...attrs }: { id: string; label: string; hint?: string } & InputHTMLAttributes): JSX.Element {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} {...attrs} aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-error`} />
      <ErrorSlot id={id} />
    </div>
  );
}

/** A form's summary alert, its progress line and its send button (enabled by the island). */
export function FormEnd({ id, label, enabled = false }: { id: string; label: string; enabled?: boolean }): JSX.Element {
  return (
    <>
      <div class="alert" id={`${id}-alert`} role="alert"></div>
      <p class="actions">
        <button type="submit" class="primary" id={`${id}-submit`} disabled={!enabled}>
          {label}
        </button>{' '}
        <span class="hint" id={`${id}-progress`} role="status"></span>
      </p>
    </>
  );
}

/* ------------------------------------------------------------------------------------------------
 * Signing in, up, and the password
 * ---------------------------------------------------------------------------------------------- */

/** Signing in: by password, or by a one-time code sent by e-mail. Rendered by the server and by the island. */
export function SignInForms({ enabled = false }: { enabled?: boolean }): JSX.Element {
  return (
    <div class="account-forms">
      <section aria-labelledby="si-h">
        <h2 id="si-h" tabindex={-1}>
          {t('account.signIn.password')}
        </h2>
        <form id="si" class="form" method="post" novalidate>
          <Input id="si-email" name="email" type="email" label={t('account.email')} autocomplete="email" maxlength={200} required />
          <Input id="si-password" name="password" type="password" label={t('account.password')} autocomplete="current-password" maxlength={200} required />
          <FormEnd id="si" label={t('account.signIn.submit')} enabled={enabled} />
        </form>
        <p>
          <a href={href('/account/forgot')}>{t('account.forgot.link')}</a>
        </p>
      </section>
      <section aria-labelledby="sc-h">
        <h2 id="sc-h">{t('account.signIn.code')}</h2>
        <p class="hint">{t('account.signIn.codeIntro')}</p>
        <form id="sc" class="form" method="post" novalidate>
          <Input id="sc-email" name="email" type="email" label={t('account.email')} autocomplete="email" maxlength={200} required />
          <div id="sc-code-box" hidden>
            <Input
              id="sc-code"
              name="code"
              type="text"
              inputMode="numeric"
              autocomplete="one-time-code"
              maxlength={6}
              class="short"
              label={t('account.signIn.codeLabel')}
              hint={t('account.signIn.codeHint')}
            />
          </div>
          <FormEnd id="sc" label={t('account.signIn.codeSend')} enabled={enabled} />
        </form>
      </section>
      <p>
        {t('account.signUp.question')} <a href={href('/account/sign-up')}>{t('account.signUp.link')}</a>
      </p>
    </div>
  );
}

/** /account/sign-in */
export function SignInPage({ site }: { site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('account.signIn.title')}</h1>
      <NoScriptNotice site={site} id="account-noscript" text={t('account.noscript')} />
      <p>{t('account.optional')}</p>
      <SignInForms />
    </>
  );
}

/** /account/sign-up: e-mail and password; the account opens once the e-mail's link is followed. */
export function SignUpPage({ site }: { site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('account.signUp.title')}</h1>
      <NoScriptNotice site={site} id="account-noscript" text={t('account.noscript')} />
      <p>{t('account.optional')}</p>
      <form id="su" class="form" method="post" novalidate>
        <Input id="su-email" name="email" type="email" label={t('account.email')} autocomplete="email" maxlength={200} required />
        <Input
          id="su-password"
          name="password"
          type="password"
          label={t('account.password')}
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          autocomplete="new-password"
          maxlength={200}
          required
        />
        <Input id="su-confirm" name="confirm" type="password" label={t('account.passwordAgain')} autocomplete="new-password" maxlength={200} required />
        <p class="hint">{t('account.signUp.privacy')}</p>
        <FormEnd id="su" label={t('account.signUp.submit')} />
      </form>
      <section id="su-done" class="done" hidden aria-labelledby="su-done-h">
        <h2 id="su-done-h" tabindex={-1}>
          {t('account.signUp.doneTitle')}
        </h2>
        <p>{t('account.signUp.doneText')}</p>
      </section>
      <p>
        {t('account.signIn.question')} <a href={href('/account/sign-in')}>{t('account.signIn.link')}</a>
      </p>
    </>
  );
}

/** /account/confirmed: where the confirmation link leads. Nothing to load. */
export function ConfirmedPage(): JSX.Element {
  return (
    <>
      <h1>{t('account.confirmed.title')}</h1>
      <p>{t('account.confirmed.text')}</p>
      <p>
        <a class="button primary" href={href('/account/sign-in')}>
          {t('account.signIn.title')}
        </a>
      </p>
    </>
  );
}

/** /account/forgot: a reset link by e-mail (the same answer whether or not the address has an account). */
export function ForgotPage({ site }: { site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('account.forgot.title')}</h1>
      <NoScriptNotice site={site} id="account-noscript" text={t('account.noscript')} />
      <form id="fp" class="form" method="post" novalidate>
        <Input id="fp-email" name="email" type="email" label={t('account.email')} autocomplete="email" maxlength={200} required />
        <FormEnd id="fp" label={t('account.forgot.submit')} />
      </form>
      <section id="fp-done" class="done" hidden aria-labelledby="fp-done-h">
        <h2 id="fp-done-h" tabindex={-1}>
          {t('account.forgot.doneTitle')}
        </h2>
        <p>{t('account.forgot.doneText')}</p>
      </section>
    </>
  );
}

/** /account/reset?code=…: the new password. The code is read by the island from the address. */
export function ResetPage({ site }: { site: Site }): JSX.Element {
  return (
    <>
      <h1>{t('account.reset.title')}</h1>
      <NoScriptNotice site={site} id="account-noscript" text={t('account.noscript')} />
      <form id="rp" class="form" method="post" novalidate>
        <Input
          id="rp-password"
          name="password"
          type="password"
          label={t('account.newPassword')}
          hint={t('account.passwordHint', { min: PASSWORD_MIN })}
          autocomplete="new-password"
          maxlength={200}
          required
        />
        <Input id="rp-confirm" name="confirm" type="password" label={t('account.passwordAgain')} autocomplete="new-password" maxlength={200} required />
        <FormEnd id="rp" label={t('account.reset.submit')} />
      </form>
    </>
  );
}

/* ------------------------------------------------------------------------------------------------
 * Signed-in pages: shells the island fills
 * ---------------------------------------------------------------------------------------------- */

export type AccountView = 'home' | 'profile' | 'claim' | 'tax';
const TITLES: Record<AccountView, Parameters<typeof t>[0]> = {
  home: 'account.title',
  profile: 'account.profile.title',
  claim: 'account.claim.title',
  tax: 'account.tax.title',
};
export const accountTitle = (view: AccountView): string => t(TITLES[view]);

/** /account, /account/profile, /account/claim, /account/tax: the heading, and a place for the island. */
export function AccountShell({ view, site }: { view: AccountView; site: Site }): JSX.Element {
  return (
    <>
      <h1 id="account-h" tabindex={-1}>
        {accountTitle(view)}
      </h1>
      <NoScriptNotice site={site} id="account-noscript" text={t('account.noscript')} />
      {view !== 'home' ? (
        <p>
          <a href={href('/account')}>← {t('account.back')}</a>
        </p>
      ) : null}
      <div id="account-root" data-view={view} aria-busy="true">
        <p class="loading needs-script">{t('account.loading')}</p>
      </div>
    </>
  );
}

/* ------------------------------------------------------------------------------------------------
 * What the island renders for a signed-in person
 * ---------------------------------------------------------------------------------------------- */

const Section = ({ id, title, children }: { id: string; title: string; children: ComponentChildren }) => (
  <section class="account-section" aria-labelledby={`${id}-h`} id={id}>
    <h2 id={`${id}-h`}>{title}</h2>
    {children}
  </section>
);

const When = ({ iso }: { iso?: string | null }) => (iso ? <time dateTime={iso}>{formatInstant(iso)}</time> : null);

function CaseList({ id, items, empty }: { id: string; items: MyCase[]; empty: string }): JSX.Element {
  if (!items.length) return <p class="hint">{empty}</p>;
  return (
    <ul class="my-list" id={`${id}-list`}>
      {items.map((c) => {
        const service = c.form ? inLanguage(c.form.title, lang) : c.category ? (lang === 'en' ? c.category.nameEn : c.category.nameTh) : '';
        // A request's title is its service's (one language); a complaint's is the person's own words.
        const main = c.form ? service : c.title || service;
        const publicStatus = /^[a-z_]+$/.test(c.publicStatus) ? c.publicStatus : 'open';
        return (
          <li>
            <a href={href(`/track?code=${encodeURIComponent(c.trackingCode)}`)} class="nowrap">
              {c.trackingCode}
            </a>{' '}
            <span class={`badge badge-${publicStatus}`}>{caseStatus(c)}</span>
            <div>{main}</div>
            {main !== service && service ? <div class="meta">{service}</div> : null}
            <div class="meta">
              <When iso={c.createdAt} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** One linked bill on My page: its number, year, amount due and the QR to pay it (the full bill on /account/tax). */
export function BillCard({ b, children }: { b: PublicBill; children?: ComponentChildren }): JSX.Element {
  return (
    <li class="bill-card" data-bill={b.billNumber}>
      <p>
        <strong class="nowrap">{b.billNumber}</strong> <span class="meta">{t('account.tax.year', { year: lang === 'th' ? b.taxYear : b.taxYear - 543 })}</span>
      </p>
      <p class="amount-due">
        {t('tax.amountDue')} <strong class="bill-amount">{money(b.amountDue)}</strong> {t('tax.baht')}
      </p>
      {b.qrImageUrl && b.amountDue > 0 ? (
        <img class="qr bill-qr" src={b.qrImageUrl} width={200} height={200} alt={t('tax.qrAlt', { bill: b.billNumber, amount: money(b.amountDue) })} />
      ) : (
        <p class="badge badge-closed">{t('tax.nothingDue')}</p>
      )}
      {children}
    </li>
  );
}

export function NoticeItem({ n }: { n: MyNotice }): JSX.Element | null {
  const a = n.notice;
  if (!a) return null;
  const read = n.read;
  return (
    <li class={`notice-item${read ? '' : ' unread'}`} data-notice={n.id}>
      <h3>
        {noticeTitle(a)} {read ? null : <span class="badge badge-open">{t('notices.new')}</span>}
      </h3>
      <p class="meta">
        <When iso={a.publishedAt ?? n.deliveredAt} /> {audienceLabel(a) ? `· ${audienceLabel(a)}` : ''}
      </p>
      <p class="notice-body">{noticeBody(a)}</p>
      {read ? null : (
        <button type="button" class="secondary small" data-read={n.id}>
          {t('notices.markRead')}
        </button>
      )}
    </li>
  );
}

export interface MyPageData {
  account: Account;
  complaints: MyCase[];
  requests: MyCase[];
  surveys: MySurveys | null;
  bills: PublicBill[];
  notices: MyNotice[];
}

/** My page: who, then what the town has for them, newest first. */
export function MyPage({ d }: { d: MyPageData }): JSX.Element {
  const a = d.account;
  const ratings = (d.surveys?.caseRatings ?? []).filter((r) => !r.answered);
  const open = d.surveys?.surveys ?? [];
  return (
    <>
      <Section id="my-profile" title={t('account.profile.summary')}>
        <dl class="facts">
          <dt>{t('account.fullName')}</dt>
          <dd id="my-name">{a.fullName || '–'}</dd>
          <dt>{t('account.email')}</dt>
          <dd id="my-email" class="wrap-anywhere">
            {a.email}
          </dd>
          <dt>{t('account.village')}</dt>
          <dd>{a.village ? t('account.villageN', { n: a.village }) : '–'}</dd>
          <dt>{t('account.notifyBy')}</dt>
          <dd>{tDynamic(`account.notify.${a.notifyBy}`)}</dd>
        </dl>
        <p class="actions">
          <a class="button primary" href={href('/account/profile')}>
            {t('account.profile.edit')}
          </a>
          <button type="button" class="secondary" id="sign-out">
            {t('account.signOut')}
          </button>
        </p>
      </Section>
      <Section id="my-notices" title={t('account.notices')}>
        {d.notices.length ? (
          <ul class="my-list" id="my-notices-list">
            {d.notices.map((n) => (
              <NoticeItem n={n} />
            ))}
          </ul>
        ) : (
          <p class="hint">{t('account.notices.none')}</p>
        )}
        <p>
          <a href={href('/notices')}>{t('notices.all')}</a>
        </p>
      </Section>
      <Section id="my-complaints" title={t('account.complaints')}>
        <CaseList id="my-complaints" items={d.complaints} empty={t('account.complaints.none')} />
        <p class="actions">
          <a href={href('/complaint')}>{t('account.complaints.new')}</a> · <a href={href('/account/claim')}>{t('account.claim.link')}</a>
        </p>
      </Section>
      <Section id="my-requests" title={t('account.requests')}>
        <CaseList id="my-requests" items={d.requests} empty={t('account.requests.none')} />
        <p>
          <a href={href('/e-service')}>{t('account.requests.new')}</a>
        </p>
      </Section>
      <Section id="my-surveys" title={t('account.surveys')}>
        {ratings.length || open.length ? (
          <ul class="my-list">
            {ratings.map((r) => (
              <li>
                <a href={href(`/survey?token=${encodeURIComponent(r.token)}`)}>{t('account.surveys.rate', { code: r.trackingCode })}</a>
              </li>
            ))}
            {open.map((s) => (
              <li>
                <a href={href(`/surveys/${encodeURIComponent(s.slug)}`)}>{typeof s.title === 'string' ? s.title : inLanguage(s.title, lang)}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{t('account.surveys.none')}</p>
        )}
      </Section>
      <Section id="my-bills" title={t('account.tax.title')}>
        {d.bills.length ? (
          <ul class="bill-list" id="my-bills-list">
            {d.bills.map((b) => (
              <BillCard b={b} />
            ))}
          </ul>
        ) : (
          <p class="hint">{t('account.tax.none')}</p>
        )}
        <p>
          <a href={href('/account/tax')}>{t('account.tax.add')}</a>
        </p>
      </Section>
    </>
  );
}

/** /account/profile once signed in: the profile form, LINE, the data download, signing out, deleting the account. */
export function ProfileView({ a, code }: { a: Account; code: { code: string; expiresAt: string; addFriendUrl?: string | null } | null }): JSX.Element {
  const groups = a.groups ?? [];
  return (
    <>
      <Section id="pf-section" title={t('account.profile.details')}>
        <form id="pf" class="form" method="post" novalidate>
          <p class="wrap-anywhere">
            {t('account.email')}: <strong>{a.email}</strong>
          </p>
          <Input id="pf-fullName" name="fullName" type="text" label={t('account.fullName')} autocomplete="name" maxlength={120} value={a.fullName ?? ''} />
          <Input id="pf-phone" name="phone" type="tel" label={t('account.phone')} autocomplete="tel" maxlength={20} value={a.phone ?? ''} />
          <div class="field">
            <label for="pf-village">{t('account.village')}</label>
            <select id="pf-village" name="village" aria-describedby="pf-village-error">
              <option value="">{t('account.villageNone')}</option>
              {VILLAGES.map((n) => (
                <option value={String(n)} selected={a.village === n}>
                  {t('account.villageN', { n })}
                </option>
              ))}
            </select>
            <ErrorSlot id="pf-village" />
          </div>
          <fieldset class="field" id="pf-groups" aria-describedby="pf-groups-hint pf-groups-error">
            <legend>{t('account.groups')}</legend>
            <p class="hint" id="pf-groups-hint">
              {t('account.groupsHint')}
            </p>
            {ACCOUNT_GROUPS.map((g) => (
              <div class="check">
                <input type="checkbox" id={`pf-group-${g}`} name="groups" value={g} checked={groups.includes(g)} />
                <label for={`pf-group-${g}`}>{tDynamic(`account.group.${g}`)}</label>
              </div>
            ))}
            <ErrorSlot id="pf-groups" />
          </fieldset>
          <fieldset class="field" id="pf-notifyBy" aria-describedby="pf-notifyBy-error">
            <legend>{t('account.notifyBy')}</legend>
            {NOTIFY_CHANNELS.map((c) => (
              <div class="check">
                <input type="radio" id={`pf-notify-${c}`} name="notifyBy" value={c} checked={a.notifyBy === c} />
                <label for={`pf-notify-${c}`}>{tDynamic(`account.notify.${c}`)}</label>
              </div>
            ))}
            <ErrorSlot id="pf-notifyBy" />
          </fieldset>
          <fieldset class="field" id="pf-language" aria-describedby="pf-language-error">
            <legend>{t('account.language')}</legend>
            {(['th', 'en'] as const).map((l) => (
              <div class="check">
                <input type="radio" id={`pf-language-${l}`} name="language" value={l} checked={a.language === l} />
                <label for={`pf-language-${l}`}>{tDynamic(`account.language.${l}`)}</label>
              </div>
            ))}
            <ErrorSlot id="pf-language" />
          </fieldset>
          <FormEnd id="pf" label={t('account.profile.save')} enabled />
        </form>
      </Section>
      <Section id="line-section" title={t('account.line.title')}>
        {a.lineLinked ? (
          <>
            <p id="line-state">{t('account.line.linked')}</p>
            <p class="actions">
              <button type="button" class="secondary" id="line-unlink">
                {t('account.line.unlink')}
              </button>
            </p>
          </>
        ) : (
          <>
            <p id="line-state">{t('account.line.intro')}</p>
            {code ? (
              <div class="line-code">
                <p class="tracking-code" id="line-code">
                  {code.code}
                </p>
                <p>{t('account.line.codeHowTo', { time: formatInstant(code.expiresAt, true) })}</p>
                {code.addFriendUrl ? (
                  <p>
                    <a class="button primary" href={code.addFriendUrl} rel="noopener" target="_blank">
                      {t('account.line.addFriend')}
                    </a>
                  </p>
                ) : null}
              </div>
            ) : null}
            <p class="actions">
              <button type="button" class="secondary" id="line-code-get">
                {code ? t('account.line.codeAgain') : t('account.line.codeGet')}
              </button>
            </p>
          </>
        )}
        <p class="alert" id="line-alert" role="alert"></p>
      </Section>
      <Section id="export-section" title={t('account.export.title')}>
        <p>{t('account.export.text')}</p>
        <p class="actions">
          <button type="button" class="secondary" id="export">
            {t('account.export.button')}
          </button>{' '}
          <span class="hint" id="export-status" role="status"></span>
        </p>
      </Section>
      <Section id="sign-out-section" title={t('account.signOut.title')}>
        <p class="actions">
          <button type="button" class="secondary" id="sign-out">
            {t('account.signOut')}
          </button>
          <button type="button" class="secondary" id="sign-out-all">
            {t('account.signOutAll')}
          </button>
        </p>
        <p class="hint">{t('account.signOutAll.hint')}</p>
      </Section>
      <Section id="delete-section" title={t('account.delete.title')}>
        <p>{t('account.delete.text')}</p>
        <form id="dl" class="form" method="post" novalidate>
          <Input id="dl-password" name="password" type="password" label={t('account.delete.password')} autocomplete="current-password" maxlength={200} />
          <p>
            <button type="button" class="secondary small" id="dl-code-send">
              {t('account.delete.codeSend')}
            </button>
          </p>
          <div id="dl-code-box" hidden>
            <Input id="dl-code" name="code" type="text" inputMode="numeric" autocomplete="one-time-code" maxlength={6} class="short" label={t('account.signIn.codeLabel')} />
          </div>
          <div class="check field">
            <input type="checkbox" id="dl-sure" name="sure" aria-describedby="dl-sure-error" />
            <label for="dl-sure">{t('account.delete.sure')}</label>
          </div>
          <ErrorSlot id="dl-sure" />
          <FormEnd id="dl" label={t('account.delete.submit')} enabled />
        </form>
      </Section>
    </>
  );
}

/** /account/claim once signed in: a record filed before signing in, by its code and the contact given. */
export function ClaimView(): JSX.Element {
  return (
    <>
      <p>{t('account.claim.intro')}</p>
      <form id="cl" class="form" method="post" novalidate>
        <Input
          id="cl-trackingCode"
          name="trackingCode"
          type="text"
          label={t('track.code')}
          hint={t('track.codeHint')}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={20}
          required
        />
        <Input id="cl-contact" name="contact" type="text" label={t('account.claim.contact')} hint={t('account.claim.contactHint')} autocomplete="off" maxlength={200} required />
        <FormEnd id="cl" label={t('account.claim.submit')} enabled />
      </form>
      <div id="cl-done" role="status"></div>
    </>
  );
}

/** /account/tax once signed in: the bills proved, and the form to prove one more (once per bill). */
export function TaxView({ bills }: { bills: PublicBill[] }): JSX.Element {
  return (
    <>
      <p>{t('account.tax.intro')}</p>
      <form id="tb" class="form" method="post" novalidate>
        <Input id="tb-billNumber" name="billNumber" type="text" label={t('tax.billNumber')} autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength={40} required />
        <Input
          id="tb-nationalId"
          name="nationalId"
          type="text"
          inputMode="numeric"
          label={t('tax.nationalId')}
          hint={t('account.tax.idHint')}
          autocomplete="off"
          maxlength={17}
          required
        />
        <FormEnd id="tb" label={t('account.tax.submit')} enabled />
      </form>
      <Section id="tb-linked" title={t('account.tax.linked')}>
        {bills.length ? (
          <ul class="bill-list" id="my-bills-list">
            {bills.map((b) => (
              <BillCard b={b}>
                <p>
                  <button type="button" class="secondary small" data-unlink={b.billNumber}>
                    {t('account.tax.remove', { bill: b.billNumber })}
                  </button>
                </p>
              </BillCard>
            ))}
          </ul>
        ) : (
          <p class="hint">{t('account.tax.none')}</p>
        )}
      </Section>
    </>
  );
}

/* ------------------------------------------------------------------------------------------------
 * /notices: the public announcements, rendered on the server (no script)
 * ---------------------------------------------------------------------------------------------- */

export interface NoticesData {
  notices: Announcement[];
  page: number;
  pageCount: number;
}

export function NoticesPage({ data }: { data: NoticesData }): JSX.Element {
  return (
    <>
      <h1>{t('notices.title')}</h1>
      <p>{t('notices.intro')}</p>
      {data.notices.length ? (
        <ul class="my-list notices" id="notices-list">
          {data.notices.map((a) => (
            <li class="notice-item">
              <h2>{noticeTitle(a)}</h2>
              <p class="meta">
                <When iso={a.publishedAt} /> {audienceLabel(a) ? `· ${audienceLabel(a)}` : ''}
              </p>
              <p class="notice-body">{noticeBody(a)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t('notices.none')}</p>
      )}
      {data.pageCount > 1 ? (
        <nav class="pager" aria-label={t('notices.pages')}>
          {data.page > 1 ? <a href={href(`/notices?page=${data.page - 1}`)}>{t('notices.newer')}</a> : null}
          <span>{t('notices.pageOf', { page: data.page, count: data.pageCount })}</span>
          {data.page < data.pageCount ? <a href={href(`/notices?page=${data.page + 1}`)}>{t('notices.older')}</a> : null}
        </nav>
      ) : null}
      <p>
        <a href={href('/account')}>{t('notices.personal')}</a>
      </p>
    </>
  );
}

/** The public notices, a page at a time, in the page's language; none (not an error) before the API has them. */
export async function loadNotices(api: Api, language: Lang, query: URLSearchParams): Promise<NoticesData> {
  const page = Math.max(1, Math.min(1000, Number.parseInt(query.get('page') ?? '1', 10) || 1));
  const res = await api<{ data: Announcement[] | null; meta?: { pagination?: { pageCount?: number } } }>('notices', { locale: language, page, pageSize: 20 });
  return { notices: res.data ?? [], page, pageCount: res.meta?.pagination?.pageCount ?? 1 };
}
