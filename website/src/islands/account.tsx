import { render, type ComponentChild } from 'preact';
import { readJson, type ApiError } from '../api';
import { apiHeaders, errorText, href, lang, t } from '../i18n';
import { listener } from '../island';
import { SignedOut, accessToken, authFetch, endSession, signOut, startSession } from '../session';
import { check } from '../../../src/shared/field-rules';
import { taxLookupInput } from '../../../src/shared/tax-lookup';
import { claimInput } from '../../../src/shared/account-claim';
import type { PublicBill } from '../pages/Tax';
import {
  ClaimView,
  MyPage,
  NoticeItem,
  PASSWORD_MIN,
  ProfileView,
  SignInForms,
  TaxView,
  type Account,
  type AccountView,
  type MyCase,
  type MyNotice,
  type MyPageData,
  type MySurveys,
} from '../pages/Account';

/**
 * The account island, on every /account page. The forms the server rendered (sign in, sign up, the
 * password) are sent as JSON; the signed-in pages are shells this island fills with the person's
 * own data, read with the access token held in memory (src/session.ts). Whenever the API says the
 * session is over, the page shows the sign-in forms in place. Every refusal is shown under its field,
 * worded from the API's stable code in the page's language.
 */
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;
const value = (id: string) => ($<HTMLInputElement>(id)?.value ?? '').trim();
const root = $('account-root');
const view = (root?.dataset.view ?? '') as AccountView | '';

interface Problem {
  path: string[];
  code: string;
  message: string;
}

// Sign-in refusals: the server's code (src/middlewares/error-language.ts), or users-permissions' English
// words where it gives none (its field checks); each with the field it belongs under.
const UP_MESSAGES: Array<[RegExp, string, string[]]> = [
  [/already taken/i, 'email_taken', ['email']],
  [/identifier or password/i, 'invalid_credentials', []],
  [/not confirmed/i, 'not_confirmed', []],
  [/blocked/i, 'account_blocked', []],
  [/incorrect code|invalid.*code/i, 'invalid_reset_code', []],
  [/passwords do not match/i, 'password_mismatch', ['passwordConfirmation']],
  [/password.*at least/i, 'password_too_short', ['password']],
  [/password.*(at most|less than)/i, 'too_long', ['password']],
  [/email must be a valid email/i, 'invalid_format', ['email']],
  [/register action is currently disabled/i, 'registration_closed', []],
];

/** What the answer refused: each field's problem, or one for the whole form. */
async function problemsOf(res: Response): Promise<Problem[]> {
  const error = (await readJson<ApiError>(res))?.error;
  const details = error?.details;
  const listed = Array.isArray(details?.errors) ? details.errors : [];
  // Our routes name the refusal's code beside (or instead of) the fields.
  const raw: unknown = details;
  const detailsCode = raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string' ? raw.code : '';
  const fromMessage = (message: string, path: string[], code: string): Problem => {
    const known = UP_MESSAGES.find(([re, known]) => known === code || re.test(message));
    return known ? { path: path.length ? path : known[2], code: known[1], message } : { path, code, message };
  };
  if (listed.length)
    return listed.map((d) => {
      const path = (Array.isArray(d.path) ? d.path : []).map(String).filter((p) => p !== 'data');
      const message = typeof d.message === 'string' ? d.message : '';
      return typeof d.code === 'string' ? { path, code: d.code, message } : fromMessage(message, path, '');
    });
  const code = detailsCode;
  const message = typeof error?.message === 'string' ? error.message : '';
  if (res.status === 429) return [{ path: [], code: 'rate_limited', message }];
  const problem = fromMessage(message, [], code);
  // A stock code (invalid_request, not_found) says less than a message written for the caller.
  return [problem.code && !['invalid_request', 'unauthorized', 'forbidden'].includes(problem.code) ? problem : { ...problem, code: problem.code || 'failed' }];
}

/** A problem's words: the page's own for its code, else the server's, else a general one. */
function wording(p: Problem): string {
  const keyed = errorText(p.path, p.code, '\u0000', { min: PASSWORD_MIN });
  if (keyed !== '\u0000') return keyed;
  // Our routes word refusals in the page's language; users-permissions' own are English only.
  return p.message && (document.documentElement.lang === 'en' || !/^[\x20-\x7e]*$/.test(p.message)) ? p.message : t('account.failed');
}

/** Clears a form's messages (its id is the prefix of its controls' ids). */
function clear(prefix: string): void {
  const alert = $(`${prefix}-alert`);
  if (alert) alert.textContent = '';
  for (const el of Array.from(document.querySelectorAll<HTMLElement>(`[id^="${prefix}-"].field-error`))) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of Array.from(document.querySelectorAll(`[id^="${prefix}-"][aria-invalid]`))) el.removeAttribute('aria-invalid');
}

/** Each problem under its field (`<prefix>-<field>`), the rest in the form's alert; focus on the first field to fix. */
function show(prefix: string, problems: Problem[]): void {
  clear(prefix);
  const general: string[] = [];
  let first: HTMLElement | null = null;
  for (const p of problems) {
    const id = `${prefix}-${p.path[0] ?? ''}`;
    const slot = p.path.length ? $(`${id}-error`) : null;
    if (!slot) {
      general.push(wording(p));
      continue;
    }
    slot.textContent = [slot.textContent, wording(p)].filter(Boolean).join(' ');
    slot.hidden = false;
    const control = $(id);
    control?.setAttribute('aria-invalid', 'true');
    first ??= control?.matches('fieldset') ? control.querySelector<HTMLElement>('input') : control;
  }
  const alert = $(`${prefix}-alert`);
  if (alert) alert.textContent = general.length ? [...new Set(general)].join(' ') : t('account.fix');
  (first ?? alert)?.focus();
}

const progress = (prefix: string, text: string) => {
  const el = $(`${prefix}-progress`);
  if (el) el.textContent = text;
};

/** POST/PUT JSON without a session (signing in, up, the password). */
const post = (path: string, body: unknown) =>
  fetch(`/api/${path}`, { method: 'POST', credentials: 'same-origin', headers: apiHeaders(true), body: JSON.stringify(body) });

const required = (prefix: string, fields: string[]): Problem[] => fields.filter((f) => !value(`${prefix}-${f}`)).map((f) => ({ path: [f], code: 'required', message: '' }));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailProblem = (prefix: string): Problem[] => (value(`${prefix}-email`) && !EMAIL.test(value(`${prefix}-email`)) ? [{ path: ['email'], code: 'invalid_format', message: '' }] : []);
const passwordProblems = (prefix: string): Problem[] => {
  const password = $<HTMLInputElement>(`${prefix}-password`)?.value ?? '';
  const confirm = $<HTMLInputElement>(`${prefix}-confirm`)?.value ?? '';
  if (!password) return [{ path: ['password'], code: 'required', message: '' }];
  if (password.length < PASSWORD_MIN) return [{ path: ['password'], code: 'password_too_short', message: '' }];
  if (password !== confirm) return [{ path: ['confirm'], code: 'password_mismatch', message: '' }];
  return [];
};

/* ------------------------------------------------------------------------------------------------
 * The forms, by their id: one submit listener for the page, so a form rendered again is never wired twice
 * ---------------------------------------------------------------------------------------------- */

type Handler = (form: HTMLFormElement) => Promise<void>;
const busy = new Set<string>();
let afterSignIn: () => void = () => location.assign(href('/account'));

const handlers: Record<string, Handler> = {
  // Password sign-in: the refresh cookie comes with the answer; the access token stays in memory.
  async si() {
    const problems = [...required('si', ['email', 'password']), ...emailProblem('si')];
    if (problems.length) return show('si', problems);
    const res = await post('auth/local', { identifier: value('si-email'), password: $<HTMLInputElement>('si-password')!.value });
    const body = res.ok ? await readJson<{ jwt?: string }>(res) : null;
    if (!body?.jwt) return show('si', res.ok ? [{ path: [], code: 'failed', message: '' }] : await problemsOf(res));
    startSession(body.jwt);
    afterSignIn();
  },
  // One-time code: first the e-mail (the answer never says whether it has an account), then the code.
  async sc() {
    const box = $('sc-code-box')!;
    if (box.hidden) {
      const problems = [...required('sc', ['email']), ...emailProblem('sc')];
      if (problems.length) return show('sc', problems);
      const res = await post('account/sign-in-code', { email: value('sc-email') });
      if (!res.ok) return show('sc', await problemsOf(res));
      box.hidden = false;
      $('sc-submit')!.textContent = t('account.signIn.codeVerify');
      progress('sc', t('account.signIn.codeSent'));
      $('sc-code')?.focus();
      return;
    }
    const code = value('sc-code').replace(/\D/g, '');
    if (code.length !== 6) return show('sc', [{ path: ['code'], code: 'invalid_code', message: '' }]);
    const res = await post('account/sign-in-code/verify', { email: value('sc-email'), code });
    const body = res.ok ? await readJson<{ jwt?: string }>(res) : null;
    if (!body?.jwt) return show('sc', res.ok ? [{ path: [], code: 'failed', message: '' }] : (await problemsOf(res)).map((p) => (p.code === 'invalid_code' ? { ...p, path: ['code'] } : p)));
    startSession(body.jwt);
    afterSignIn();
  },
  async su(form) {
    const problems = [...required('su', ['email']), ...emailProblem('su'), ...passwordProblems('su')];
    if (problems.length) return show('su', problems);
    const email = value('su-email');
    const res = await post('auth/local/register', { username: email, email, password: $<HTMLInputElement>('su-password')!.value });
    if (!res.ok) return show('su', await problemsOf(res));
    const body = await readJson<{ jwt?: string }>(res);
    if (body?.jwt) {
      // Confirmation turned off by the town: the account is open at once.
      startSession(body.jwt);
      return location.assign(href('/account'));
    }
    form.hidden = true;
    const done = $('su-done')!;
    done.hidden = false;
    $('su-done-h')?.focus();
  },
  async fp(form) {
    const problems = [...required('fp', ['email']), ...emailProblem('fp')];
    if (problems.length) return show('fp', problems);
    const res = await post('auth/forgot-password', { email: value('fp-email') });
    if (!res.ok) return show('fp', await problemsOf(res));
    form.hidden = true;
    $('fp-done')!.hidden = false;
    $('fp-done-h')?.focus();
  },
  async rp() {
    const code = new URLSearchParams(location.search).get('code') ?? '';
    if (!code) return show('rp', [{ path: [], code: 'invalid_reset_code', message: '' }]);
    const problems = passwordProblems('rp');
    if (problems.length) return show('rp', problems);
    const password = $<HTMLInputElement>('rp-password')!.value;
    const res = await post('auth/reset-password', { code, password, passwordConfirmation: password });
    if (!res.ok) return show('rp', (await problemsOf(res)).map((p) => (p.path[0] === 'passwordConfirmation' ? { ...p, path: ['confirm'] } : p)));
    const body = await readJson<{ jwt?: string }>(res);
    if (body?.jwt) startSession(body.jwt);
    // The address held the one-time code: it leaves the history with this page.
    location.replace(href('/account'));
  },
  async pf(form) {
    const village = value('pf-village');
    const data = {
      fullName: value('pf-fullName'),
      phone: value('pf-phone'),
      village: village ? Number(village) : null,
      groups: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="groups"]:checked')).map((i) => i.value),
      notifyBy: form.querySelector<HTMLInputElement>('input[name="notifyBy"]:checked')?.value ?? 'email',
      language: form.querySelector<HTMLInputElement>('input[name="language"]:checked')?.value ?? 'th',
    };
    const res = await authFetch('account', { method: 'PUT', body: { data } });
    if (!res.ok) return show('pf', await problemsOf(res));
    clear('pf');
    progress('pf', t('account.profile.saved'));
  },
  async dl() {
    const password = $<HTMLInputElement>('dl-password')?.value ?? '';
    const code = value('dl-code').replace(/\D/g, '');
    const problems: Problem[] = [];
    if (!password && !code) problems.push({ path: ['password'], code: 'required', message: '' });
    if (!$<HTMLInputElement>('dl-sure')?.checked) problems.push({ path: ['sure'], code: 'delete_unconfirmed', message: '' });
    if (problems.length) return show('dl', problems);
    const res = await authFetch('account', { method: 'DELETE', body: code ? { code } : { password } });
    if (res.status !== 204 && !res.ok) return show('dl', (await problemsOf(res)).map((p) => (p.code === 'invalid_code' ? { ...p, path: ['code'] } : p)));
    endSession();
    paint(
      <section class="done" aria-labelledby="deleted-h">
        <h2 id="deleted-h" tabindex={-1}>
          {t('account.delete.done')}
        </h2>
        <p>{t('account.delete.doneText')}</p>
        <p>
          <a href={href('/')}>{t('nav.home')}</a>
        </p>
      </section>
    );
    $('deleted-h')?.focus();
  },
  async cl() {
    // The server's own rules (a tracking code's shape, an e-mail or a Thai phone), before sending.
    const checked = check(claimInput, { trackingCode: value('cl-trackingCode'), contact: value('cl-contact') });
    if (checked.issues) return show('cl', checked.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: '' })));
    const trackingCode = value('cl-trackingCode').toUpperCase();
    const contact = value('cl-contact');
    const res = await authFetch('account/claims', { method: 'POST', body: { data: { trackingCode, contact } } });
    if (!res.ok) return show('cl', await problemsOf(res));
    clear('cl');
    ($('cl') as HTMLFormElement).reset();
    render(
      <p class="done-note">
        {t('account.claim.done', { code: trackingCode })} <a href={href('/account')}>{t('account.title')}</a>
      </p>,
      $('cl-done')!
    );
  },
  async tb() {
    // The server's own schema (check digit included), before sending, as on /tax.
    const checked = check(taxLookupInput, { billNumber: value('tb-billNumber'), nationalId: $<HTMLInputElement>('tb-nationalId')?.value ?? '' });
    if (checked.issues) return show('tb', checked.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: '' })));
    const res = await authFetch('account/tax-bills', { method: 'POST', body: { data: checked.data } });
    if (!res.ok) return show('tb', await problemsOf(res));
    await views.tax();
    progress('tb', t('account.tax.linkedNow', { bill: checked.data.billNumber }));
    $('tb-linked-h')?.focus();
  },
};

document.addEventListener('submit', (e) => {
  const form = e.target as HTMLFormElement;
  const handler = handlers[form.id];
  if (!handler) return;
  e.preventDefault();
  if (busy.has(form.id)) return; // a second tap while sending sends nothing twice
  busy.add(form.id);
  form.setAttribute('aria-busy', 'true');
  handler(form)
    .catch((err) => {
      if (err instanceof SignedOut) return mount();
      show(form.id, [{ path: [], code: 'failed', message: '' }]);
    })
    .finally(() => {
      busy.delete(form.id);
      form.removeAttribute('aria-busy');
    });
});

/* ------------------------------------------------------------------------------------------------
 * Buttons of the signed-in pages, by their id (or data attribute)
 * ---------------------------------------------------------------------------------------------- */

const clicks: Record<string, (button: HTMLButtonElement) => Promise<void>> = {
  async 'sign-out'() {
    await signOut(false);
    await mount();
  },
  async 'sign-out-all'() {
    await signOut(true);
    await mount();
  },
  async 'line-code-get'() {
    const res = await authFetch('account/line-link', { method: 'POST', body: {} });
    if (!res.ok) return show('line', await problemsOf(res));
    const code = (await readJson<{ data: { code: string; expiresAt: string; addFriendUrl?: string | null } }>(res))?.data ?? null;
    await views.profile(code);
    $('line-code')?.focus();
  },
  async 'line-unlink'() {
    const res = await authFetch('account/line-link', { method: 'DELETE' });
    if (!res.ok && res.status !== 204) return show('line', await problemsOf(res));
    await views.profile();
    $('line-code-get')?.focus();
  },
  // The download is the API's attachment, fetched with the token (a plain link cannot carry it).
  async export() {
    const status = $('export-status')!;
    status.textContent = t('account.export.working');
    const res = await authFetch('account/export');
    if (!res.ok) {
      status.textContent = t('account.failed');
      return;
    }
    const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'nokok-account.json';
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = t('account.export.done', { name });
  },
  async 'dl-code-send'() {
    const email = account?.email;
    if (!email) return;
    const res = await post('account/sign-in-code', { email });
    if (!res.ok) return show('dl', await problemsOf(res));
    $('dl-code-box')!.hidden = false;
    $('dl-code')?.focus();
  },
};

document.addEventListener(
  'click',
  listener(async (e: MouseEvent) => {
    const button = (e.target as HTMLElement).closest?.('button');
    if (!button || button.type === 'submit' || busy.has(button.id || button.outerHTML)) return;
    const key = button.id || button.outerHTML;
    const work = clicks[button.id] ?? (button.dataset.read ? () => markRead(button) : button.dataset.unlink ? () => unlinkBill(button.dataset.unlink!) : null);
    if (!work) return;
    busy.add(key);
    button.disabled = true;
    try {
      await work(button);
    } catch (err) {
      if (err instanceof SignedOut) await mount();
    } finally {
      busy.delete(key);
      button.disabled = false;
    }
  })
);

async function markRead(button: HTMLButtonElement): Promise<void> {
  const id = button.dataset.read!;
  const res = await authFetch(`account/notices/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
  if (!res.ok) return;
  const item = button.closest('li');
  const notice = notices.find((n) => String(n.id) === id);
  if (item && notice) {
    notice.read = true;
    const holder = document.createElement('ul');
    render(<NoticeItem n={notice} />, holder);
    item.replaceWith(...Array.from(holder.childNodes));
  }
}

async function unlinkBill(billNumber: string): Promise<void> {
  const res = await authFetch(`account/tax-bills/${encodeURIComponent(billNumber)}`, { method: 'DELETE' });
  if (!res.ok && res.status !== 204) return;
  await views.tax();
  $('tb-linked-h')?.focus();
}

/* ------------------------------------------------------------------------------------------------
 * The signed-in pages
 * ---------------------------------------------------------------------------------------------- */

let account: Account | null = null;
let notices: MyNotice[] = [];

/** Replaces the page's content with fresh elements (nothing of the last view stays). */
function paint(node: ComponentChild): void {
  if (!root) return;
  render(null, root);
  render(node, root);
}

/** A list from the account API; empty when the API has none (or not yet: a module still to come). */
async function list<T>(path: string, fallback: T): Promise<T> {
  const res = await authFetch(path);
  if (!res.ok) return fallback;
  return (await readJson<{ data: T }>(res))?.data ?? fallback;
}

async function readAccount(): Promise<Account> {
  const res = await authFetch('account');
  const body = res.ok ? await readJson<{ data: Account }>(res) : null;
  if (!body?.data) throw new Error(`GET /api/account: ${res.status}`);
  return (account = body.data);
}

type LineCode = { code: string; expiresAt: string; addFriendUrl?: string | null } | null;
const views: { home: () => Promise<void>; profile: (code?: LineCode) => Promise<void>; claim: () => Promise<void>; tax: () => Promise<void> } = {
  async home() {
    const [a, complaints, requests, surveys, bills, mine] = await Promise.all([
      readAccount(),
      list<MyCase[]>('account/complaints', []),
      list<MyCase[]>('account/requests', []),
      list<MySurveys | null>('account/surveys', null),
      list<PublicBill[]>('account/tax-bills', []),
      list<MyNotice[]>(`account/notices?locale=${lang}`, []),
    ]);
    notices = mine;
    const d: MyPageData = { account: a, complaints, requests, surveys, bills, notices: mine };
    paint(<MyPage d={d} />);
  },
  async profile(code: LineCode = null) {
    paint(<ProfileView a={await readAccount()} code={code} />);
  },
  async claim() {
    await readAccount(); // signed in? (the form is of no use otherwise)
    paint(<ClaimView />);
  },
  async tax() {
    paint(<TaxView bills={await list<PublicBill[]>('account/tax-bills', [])} />);
  },
};

/** The signed-out view in place: the sign-in forms; once signed in, the page's own view. */
function showSignIn(): void {
  account = null;
  paint(
    <>
      <p class="notice-plain">{t('account.signedOut')}</p>
      <SignInForms enabled />
    </>
  );
  afterSignIn = () => {
    void mount().then(() => $('account-h')?.focus());
  };
}

async function mount(): Promise<void> {
  if (!root || !view) return;
  root.setAttribute('aria-busy', 'true');
  try {
    if (!(await accessToken())) showSignIn();
    else await views[view]();
  } catch (err) {
    if (err instanceof SignedOut) showSignIn();
    else
      paint(
        <p class="alert" role="alert">
          {t('account.failed')}
        </p>
      );
  } finally {
    root.removeAttribute('aria-busy');
  }
}

// The forms the server rendered can be sent from now on; a signed-in page loads its data.
for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('main button[type="submit"][disabled]'))) b.disabled = false;
if (root) void mount();
else if (view === '' && $('si')) {
  // /account/sign-in of someone signed in already: My page is where they meant to go.
  void accessToken().then((jwt) => {
    if (jwt) location.replace(href('/account'));
  });
}
