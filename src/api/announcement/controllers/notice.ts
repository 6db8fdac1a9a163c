import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf, notFound } from '../../../http/contract';
import { getNotice, listMyNotices, listNotices, readMyNotice } from '../contracts';
import type { NoticesService } from '../services/notices';

/** The signed-in person of an account route (users-permissions' content-API auth put them there). */
export const accountId = (ctx: Context): number => (ctx.state as { user?: { id: number } }).user!.id;

/** Thin: the contracts validated the input; the service reads, these shape the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => strapi.service('api::announcement.notices') as NoticesService;
  return {
    async list(ctx: Context) {
      const { query, language } = inputOf(ctx, listNotices);
      ctx.body = await notices().publicPage(query.page, query.pageSize, language);
    },

    async get(ctx: Context) {
      const { params, language } = inputOf(ctx, getNotice);
      const notice = await notices().publicOne(params.id, language);
      if (!notice) throw notFound('notice_not_found', language);
      ctx.body = { data: notice };
    },

    async mine(ctx: Context) {
      const { language } = inputOf(ctx, listMyNotices);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await notices().mine(accountId(ctx), language) };
    },

    async read(ctx: Context) {
      const { params, language } = inputOf(ctx, readMyNotice);
      const notice = await notices().markRead(accountId(ctx), params.id, language);
      if (!notice) throw notFound('not_found', language);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: notice };
    },
  };
};
