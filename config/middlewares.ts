import os from 'os';
import type { Core } from '@strapi/strapi';
import { bodyError } from '../src/middlewares/multipart';
import { tileSource } from '../src/shared/map-tiles';
import map from './map';
import { corsOrigins, publicUrl } from './server';
import { s3Origin } from './plugins';

// Formidable's limits (formidable 2 counts maxFileSize over all of a request's files); fields are a few short values.
const MULTIPART = { maxFileSize: 10 * 1024 * 1024, maxFieldsSize: 1024 * 1024, maxFields: 1000 };

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  // The maps' tiles (MAP_TILE_URL, config/map.ts), on the website and in the admin alike.
  const tiles = tileSource(map({ env }).tileUrl);
  // Media Library files in an S3 store (S3_BUCKET) are fetched from there.
  const files = s3Origin(env);
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
            'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : []), ...(files ? [files] : [])],
            'media-src': ["'self'", 'data:', 'blob:', ...(files ? [files] : [])],
            upgradeInsecureRequests: null,
          },
        },
        // Browsers remember HSTS for a year: only for a site really served over HTTPS.
        hsts: publicUrl(env).startsWith('https:') ? { maxAge: 31536000, includeSubDomains: false } : false,
      },
    },
    {
      name: 'strapi::cors',
      config: {
        // CORS_ORIGINS, by default the site's own origin (config/server.ts).
        origin: corsOrigins(env),
        headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Accept-Language', 'Idempotency-Key'],
        expose: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'ETag'],
      },
    },
    // Every door that signs in, signs up or sends a sign-in mail: one budget per client address.
    'global::auth-limit',
    // Anonymous public API answers kept on the server until content changes (after the security
    // headers and CORS, which every answer gets; before the query parsing a kept answer skips).
    'global::api-cache',
    'strapi::query',
    // A filter the database layer cannot build (an operator holding an operator) is the caller's: 400 invalid_query, not 500.
    'global::invalid-query',
    // After the query is parsed: anonymous callers read published content only.
    'global::published-only',
    // Multipart: refused unread where no route takes it or when declared too large; its temp files deleted whatever the answer.
    {
      name: 'global::multipart',
      config: {
        // Strapi's upload plugin (content API and admin), the admin's logos, staff spreadsheet imports, map imports.
        paths: ['/api/upload', '/upload', '/upload/files', '/upload/files/:id/replace', '/admin/project-settings', '/spreadsheet-import/targets/:target/imports', '/gis/layers/:slug/import', '/complaint-workflow/cases/:id/photos'],
        maxBytes: MULTIPART.maxFileSize + MULTIPART.maxFieldsSize + 256 * 1024,
      },
    },
    // Multipart is parsed before any route runs: cap each file at the upload limit (10 MB) here too.
    {
      name: 'strapi::body',
      config: {
        formidable: { ...MULTIPART, uploadDir: env('UPLOAD_TMP_DIR', os.tmpdir()) },
        // Webhook signatures (LINE, Meta) are over the exact bytes sent.
        includeUnparsed: true,
        // DELETE /api/account carries the password that confirms it (koa-body skips DELETE bodies by default).
        parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
        // Malformed JSON or multipart is the caller's mistake: a 400 (or 413) with a code, in the caller's language.
        onError: bodyError,
      },
    },
    // After the body is read (its hash is kept with the key), before any route: a retried public
    // submission gets its first answer back; the key is stored in the submission's own transaction.
    'global::idempotency',
    'strapi::session',
    { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
    // The staff guide (docs/staff-guide.md) at /staff-guide, linked from the admin's home page.
    'global::staff-guide',
    'global::website',
    'strapi::public',
  ];
};

export default config;
