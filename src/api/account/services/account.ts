import type { Core } from '@strapi/strapi';
import { ACCOUNT_GROUPS, SIGN_IN_CODE, type AccountGroup, type AccountView, type NotifyChannel, type ProfileInput } from '../../../shared/account';
import type { Language } from '../../../shared/language';
import { codeOpens, hashCode, newCode } from '../domain/sign-in-code';
import { signInCodeMail } from '../domain/mails';
import type { AccountDataService } from './data';

export const USER = 'plugin::users-permissions.user';

/** A users-permissions user row as the query engine gives it (private fields included: never answered as is). */
export interface UserRow {
  id: number;
  documentId?: string;
  email: string;
  username: string;
  password?: string | null;
  provider?: string | null;
  confirmed?: boolean | null;
  blocked?: boolean | null;
  fullName?: string | null;
  phone?: string | null;
  village?: number | null;
  groups?: unknown;
  notifyBy?: NotifyChannel | null;
  language?: 'th' | 'en' | null;
  lineUserId?: string | null;
  signInCodeHash?: string | null;
  signInCodeExpiresAt?: string | Date | null;
  signInCodeTries?: number | null;
  createdAt?: string | Date;
}

const isGroup = (g: unknown): g is AccountGroup => (ACCOUNT_GROUPS as readonly unknown[]).includes(g);

/** The account as its owner sees it: an allow-list of fields, never the row. */
export const toAccountView = (u: UserRow): AccountView => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName ?? null,
  phone: u.phone ?? null,
  village: u.village ?? null,
  groups: Array.isArray(u.groups) ? u.groups.filter(isGroup) : [],
  notifyBy: u.notifyBy ?? 'email',
  language: u.language ?? 'th',
  lineLinked: Boolean(u.lineUserId),
  confirmed: Boolean(u.confirmed),
  createdAt: new Date(u.createdAt ?? Date.now()).toISOString(),
});

interface EmailService {
  send(mail: { to: string; subject: string; text: string; html: string }): Promise<unknown>;
}

const NO_CODE = { signInCodeHash: null, signInCodeExpiresAt: null, signInCodeTries: 0 };

export type AccountService = ReturnType<typeof accountService>;

const accountService = ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(USER);
  const secret = () => String(strapi.config.get('plugin::users-permissions.jwtSecret'));
  const data = () => strapi.service('api::account.data') as AccountDataService;

  return {
    async find(id: number): Promise<UserRow | null> {
      return (await users().findOne({ where: { id } })) as UserRow | null;
    },

    /** A confirmed, unblocked account by its e-mail address (stored lower-case by users-permissions). */
    async findActiveByEmail(email: string): Promise<UserRow | null> {
      const user = (await users().findOne({ where: { email: email.toLowerCase() } })) as UserRow | null;
      return user && user.confirmed && !user.blocked ? user : null;
    },

    async update(id: number, input: ProfileInput): Promise<UserRow> {
      return (await users().update({ where: { id }, data: input })) as UserRow;
    },

    async exportAll(user: UserRow) {
      return { exportedAt: new Date().toISOString(), account: toAccountView(user), ...(await data().exportAll(user.id)) };
    },

    /**
     * Every source's records first, then the user and its sessions, in one transaction where the
     * database has them: a failing source leaves the account whole, to be tried again.
     */
    async remove(id: number): Promise<void> {
      await strapi.db.transaction(async () => {
        await data().eraseAll(id);
        await users().delete({ where: { id } });
        await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(id));
      });
    },

    /**
     * Mails a fresh code when the address is a confirmed, unblocked account; does nothing otherwise.
     * The mail goes out after the answer, so its time does not tell which addresses have accounts.
     */
    async sendSignInCode(email: string): Promise<void> {
      const user = await this.findActiveByEmail(email);
      if (!user) return;
      const code = newCode();
      await users().update({
        where: { id: user.id },
        data: { signInCodeHash: hashCode(code, user.id, secret()), signInCodeExpiresAt: new Date(Date.now() + SIGN_IN_CODE.minutes * 60_000), signInCodeTries: 0 },
      });
      const mail = signInCodeMail(code, townName(strapi));
      const mailer = strapi.plugin('email').service<EmailService>('email');
      setImmediate(() => {
        mailer.send({ to: user.email, ...mail }).catch((e: Error) => strapi.log.error(`sign-in code mail: ${e.message}`));
      });
    },

    /**
     * Uses up the account's code when `code` opens it (a code works once); a wrong one costs a try.
     * Answers the account, or null, one answer for unknown, wrong, expired, used and tried out.
     */
    async useSignInCode(email: string, code: string): Promise<UserRow | null> {
      const user = await this.findActiveByEmail(email);
      if (!user) return null;
      const stored = { hash: user.signInCodeHash ?? null, expiresAt: user.signInCodeExpiresAt ?? null, tries: user.signInCodeTries ?? 0 };
      if (codeOpens(stored, code, user.id, secret())) {
        await users().update({ where: { id: user.id }, data: NO_CODE });
        return user;
      }
      if (stored.hash) {
        const tries = (stored.tries ?? 0) + 1;
        // Out of tries: the code is gone, a new one must be asked for.
        await users().update({ where: { id: user.id }, data: tries >= SIGN_IN_CODE.tries ? { ...NO_CODE, signInCodeTries: tries } : { signInCodeTries: tries } });
      }
      return null;
    },

    async passwordMatches(user: UserRow, password: string): Promise<boolean> {
      if (!user.password) return false;
      const upUsers = strapi.plugin('users-permissions').service<{ validatePassword(password: string, hash: string): Promise<boolean> }>('user');
      return Boolean(await upUsers.validatePassword(password, user.password));
    },
  };
};

/** The town's name as mails sign it: the e-mail plugin's sender name. */
export function townName(strapi: Core.Strapi): string {
  const from = String(strapi.config.get('plugin::email.settings.defaultFrom', '') ?? '');
  const name = from.replace(/<[^>]*>/, '').trim();
  return name || 'เทศบาลตำบลนกออก';
}

export const languageOrThai = (l: unknown): Language => (l === 'en' ? 'en' : 'th');

export default accountService;
