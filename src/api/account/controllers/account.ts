import type { Context } from 'koa';
import { fieldRefusal, inputOf } from '../../../http/contract';
import { SESSION_COOKIE } from '../../../shared/account';
import { deleteAccount, exportAccount, getAccount, requestSignInCode, updateAccount, verifySignInCode } from '../contracts';
import { USER, toAccountView, type AccountService, type UserRow } from '../services/account';
import type { Core } from '@strapi/strapi';

type Sessions = { httpOnly?: boolean; cookie?: { name?: string; path?: string; sameSite?: 'lax' | 'strict' | 'none'; domain?: string; maxAge?: number; secure?: boolean } };

/** Thin: the contract validated the input and the strategy the caller; the service does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const accounts = () => strapi.service('api::account.account') as AccountService;
  // The strategy put the full row there; it is read through toAccountView only.
  const me = (ctx: Context) => ctx.state.user as UserRow;

  return {
    find(ctx: Context) {
      inputOf(ctx, getAccount);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toAccountView(me(ctx)) };
    },

    async update(ctx: Context) {
      const { body, language } = inputOf(ctx, updateAccount);
      const changes = body.data;
      if (changes.notifyBy === 'line' && !me(ctx).lineUserId) throw fieldRefusal(['data', 'notifyBy'], 'line_not_linked', language);
      const user = await accounts().update(me(ctx).id, changes);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: toAccountView(user) };
    },

    async export(ctx: Context) {
      inputOf(ctx, exportAccount);
      const user = me(ctx);
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="nokok-account-${user.id}.json"`);
      ctx.type = 'application/json';
      ctx.body = await accounts().exportAll(user);
    },

    async delete(ctx: Context) {
      const { body, language } = inputOf(ctx, deleteAccount);
      const user = me(ctx);
      if (body.password) {
        if (!(await accounts().passwordMatches(user, body.password))) throw fieldRefusal(['password'], 'invalid_password', language);
      } else if (body.code) {
        if (!(await accounts().useSignInCode(user.email, body.code))) throw fieldRefusal(['code'], 'invalid_code', language);
      } else throw fieldRefusal(['password'], 'password_or_code_required', language);
      await accounts().remove(user.id);
      const sessions = strapi.config.get<Sessions>('plugin::users-permissions.sessions');
      ctx.cookies.set(sessions?.cookie?.name ?? SESSION_COOKIE, '', { ...cookieOptions(sessions), maxAge: undefined, expires: new Date(0) });
      ctx.status = 204;
    },

    async requestSignInCode(ctx: Context) {
      const { body } = inputOf(ctx, requestSignInCode);
      await accounts().sendSignInCode(body.email);
      ctx.status = 202;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { sent: true } };
    },

    async verifySignInCode(ctx: Context) {
      const { body, language } = inputOf(ctx, verifySignInCode);
      const user = await accounts().useSignInCode(body.email, body.code);
      if (!user) throw fieldRefusal(['code'], 'invalid_code', language);
      // The same session as a password sign-in (POST /auth/local): refresh token in the cookie, access token answered.
      const manager = strapi.sessionManager('users-permissions');
      const refresh = await manager.generateRefreshToken(String(user.id), undefined, { type: 'refresh' });
      const access = await manager.generateAccessToken(refresh.token);
      if ('error' in access) throw fieldRefusal(['code'], 'invalid_code', language);
      const sessions = strapi.config.get<Sessions>('plugin::users-permissions.sessions');
      ctx.cookies.set(sessions?.cookie?.name ?? SESSION_COOKIE, refresh.token, cookieOptions(sessions));
      const fresh = (await strapi.db.query(USER).findOne({ where: { id: user.id } })) as UserRow;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { jwt: access.token, user: await strapi.contentAPI.sanitize.output(fresh, strapi.getModel(USER), { auth: ctx.state.auth }) };
    },
  };
};

/** users-permissions' own cookie options (its buildRefreshCookieOptions), so both sign-ins set the same cookie. */
function cookieOptions(sessions: Sessions | undefined) {
  const cookie = sessions?.cookie ?? {};
  return {
    httpOnly: true,
    // config/plugins.ts sets it (production only).
    secure: cookie.secure ?? false,
    sameSite: cookie.sameSite ?? 'lax',
    path: cookie.path ?? '/',
    domain: cookie.domain,
    maxAge: cookie.maxAge,
    overwrite: true,
  } as const;
}
