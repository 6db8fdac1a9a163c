import { apiHeaders, t } from './i18n';

/**
 * The citizen's session, for the islands. The refresh token lives in an httpOnly cookie
 * (`nokok_session`, path /api) that script never sees and that outlives a browser restart; the short
 * access token comes from POST /api/auth/refresh and is kept in this page's memory only. A hint in
 * localStorage ("a session was seen here", nothing personal) spares pages that merely *may* use a
 * session (the complaint and e-service forms) a refresh request for every visitor who never signed in.
 */
const HINT = 'nokok.session';
let token: string | null = null;
let refreshing: Promise<string | null> | null = null;

const setHint = (on: boolean) => {
  try {
    if (on) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // Storage may be off (private mode): the hint only saves a request.
  }
};
const hinted = (): boolean => {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return true; // unknown: ask the server
  }
};

/** The header's account link speaks of the person's account once a session is known. */
function markHeader(signedIn: boolean): void {
  const link = document.getElementById('account-link');
  if (link) link.textContent = signedIn ? t('nav.myAccount') : t('nav.signIn');
}

/** Keeps the access token of a sign-in (password, one-time code) answered with `{ jwt }`. */
export function startSession(jwt: string): void {
  token = jwt;
  setHint(true);
  markHeader(true);
}

/** Forgets the session on this page (the server said it is over, or the person signed out). */
export function endSession(): void {
  token = null;
  setHint(false);
  markHeader(false);
}

/**
 * A fresh access token from the refresh cookie, or null when there is no session. One request at a
 * time: the server rotates the refresh token, so two at once would race each other.
 */
export function refresh(): Promise<string | null> {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: apiHeaders(true), body: '{}' })
    .then(async (res) => {
      const jwt = res.ok ? ((await res.json()) as { jwt?: unknown }).jwt : null;
      if (typeof jwt === 'string' && jwt) startSession(jwt);
      else if (res.status === 400 || res.status === 401) endSession();
      return token;
    })
    .catch(() => token) // offline: keep what we had
    .finally(() => (refreshing = null));
  return refreshing;
}

/** The access token, refreshed when none is held yet; null when signed out. */
export async function accessToken(): Promise<string | null> {
  return token ?? refresh();
}

/**
 * The Authorization header for a filing (complaint, e-service) when a session exists, so the filing
 * is matched to the account; nothing otherwise (filing never needs an account).
 */
export async function bearer(): Promise<Record<string, string>> {
  if (!token && !hinted()) return {};
  const jwt = await accessToken();
  return jwt ? { Authorization: `Bearer ${jwt}` } : {};
}

/** Raised when the account API says the session is over: the island shows the signed-out view. */
export class SignedOut extends Error {
  constructor() {
    super('signed out');
  }
}

/**
 * A request to the account API with the access token. An expired token (401) is refreshed once and
 * the request repeated; a second 401 means the session is over (signed out elsewhere, or everywhere).
 */
export async function authFetch(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const send = (jwt: string) =>
    fetch(`/api/${path}`, {
      method: init.method ?? 'GET',
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { ...apiHeaders(init.body !== undefined), Authorization: `Bearer ${jwt}` },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  let jwt = await accessToken();
  if (!jwt) throw new SignedOut();
  let res = await send(jwt);
  if (res.status === 401) {
    token = null;
    jwt = await refresh();
    if (!jwt) throw new SignedOut();
    res = await send(jwt);
    if (res.status === 401) {
      endSession();
      throw new SignedOut();
    }
  }
  return res;
}

/** Signs out on this device, or on every device (`all`); the cookie is cleared by the answer. */
export async function signOut(all = false): Promise<void> {
  try {
    await authFetch('auth/logout', { method: 'POST', body: all ? { scope: 'all' } : {} });
  } catch {
    // Already signed out: nothing to revoke.
  } finally {
    endSession();
  }
}

// A page with an island says "my account" at once where a session was seen (checked when it is used).
if (typeof document !== 'undefined' && hinted()) markHeader(true);
