import type { Core } from '@strapi/strapi';
import type { OpenApiService } from '../services/openapi';

export default ({ strapi }: { strapi: Core.Strapi }) =>
  ({
    async document(ctx) {
      const { body, etag } = await (strapi.service('api::openapi.openapi') as OpenApiService).document();
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.set('ETag', etag);
      if (ctx.get('If-None-Match') === etag) {
        ctx.status = 304;
        return;
      }
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = body;
    },
  }) satisfies Core.Controller;
