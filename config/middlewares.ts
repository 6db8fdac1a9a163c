import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { fieldRefusal } from '../src/http/contract';
import { languageOf } from '../src/http/messages';
import { tileSource } from '../src/shared/map-tiles';
import map from './map';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  // The maps' tiles (MAP_TILE_URL, config/map.ts), on the website and in the admin alike.
  const tiles = tileSource(map({ env }).tileUrl);
  return [
    // First: who the client is (behind a trusted proxy or not), before anything keys on it.
    'global::client-address',
    'strapi::logger',
    // Outermost of ours, so it compresses what every later middleware answers (errors included).
    'global::compression',
    'global::public-cache',
    // Outside Strapi's error handler, so its own English refusals get a code and the caller's language.
    'global::error-language',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", 'https:'],
            'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
            'media-src': ["'self'", 'data:', 'blob:'],
            upgradeInsecureRequests: null,
          },
        },
      },
    },
    'strapi::cors',
    'strapi::poweredBy',
    'strapi::query',
    // After the query is parsed: anonymous callers read published content only.
    'global::published-only',
    // Multipart is parsed before any route runs: cap each file at the upload limit (10 MB) here too.
    {
      name: 'strapi::body',
      config: {
        formidable: { maxFileSize: 10 * 1024 * 1024 },
        // Webhook signatures (LINE, Meta) are over the exact bytes sent.
        includeUnparsed: true,
        // Malformed JSON is the caller's mistake: a 400 naming the body, in the caller's language.
        onError(error: Error & { status?: number }, ctx: Context) {
          if (error.status !== 400 || /maxFileSize/.test(error.message)) throw error;
          throw fieldRefusal(['body'], 'malformed_body', languageOf(ctx));
        },
      },
    },
    'strapi::session',
    { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
    'global::website',
    'strapi::public',
  ];
};

export default config;
