import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { inputOf } from '../../../http/contract';
import { createLineLink, deleteLineLink } from '../contracts';
import type { LineLinkService } from '../services/line-link';
import { accountId } from './notice';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => strapi.service('api::announcement.line-link') as LineLinkService;
  return {
    async create(ctx: Context) {
      inputOf(ctx, createLineLink);
      ctx.status = 201;
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await links().issue(accountId(ctx)) };
    },

    async remove(ctx: Context) {
      inputOf(ctx, deleteLineLink);
      await links().unlink(accountId(ctx));
      ctx.status = 204;
    },
  };
};
