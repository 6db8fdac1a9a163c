import type { Core } from '@strapi/strapi';
import { fieldMessage, languageOf } from '../../../http/messages';
import { open311Error } from '../domain/georeport';
import { sendOpen311 } from '../send';
import type { Open311Service } from '../services/open311';

/** With OPEN311_REQUIRE_KEY=true, only a client with an API token may file (the spec's api_key). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    const { requireKey } = strapi.config.get<{ requireKey: boolean }>('open311');
    if (requireKey) {
      const raw = (ctx.request as { body?: { api_key?: unknown } }).body?.api_key;
      const key: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
      if (!(await (strapi.service('api::open311.open311') as Open311Service).isValidApiKey(key))) {
        return sendOpen311(ctx, 403, 'errors', [open311Error(403, 'invalid_api_key', fieldMessage('invalid_api_key', languageOf(ctx)), 'api_key')]);
      }
    }
    await next();
  };
