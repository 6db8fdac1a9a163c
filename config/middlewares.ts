import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  // Outermost of ours, so it compresses what every later middleware answers (errors included).
  'global::compression',
  'global::public-cache',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          // Map tiles for the website's and admin's maps
          'img-src': ["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org', 'https://tile.openstreetmap.org'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Multipart is parsed before any route runs: cap each file at the upload limit (10 MB) here too.
  { name: 'strapi::body', config: { formidable: { maxFileSize: 10 * 1024 * 1024 } } },
  'strapi::session',
  { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
  'global::website',
  'strapi::public',
];

export default config;
