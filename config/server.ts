import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The site's public address without a trailing slash, read from PUBLIC_URL here only: it is
 * Strapi's `server.url`, which the app's links (QR codes, tracking links, Open311 discovery, the
 * OpenAPI server) read, and config/plugins.ts hands the same value to the plugins.
 */
export const publicUrl = (env: Env) => (env('PUBLIC_URL', '').trim() || 'http://localhost:1337').replace(/\/+$/, '');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: publicUrl(env),
    // Uploads live under <public>/uploads; a deployment (or a test) may put them elsewhere.
    dirs: { public: env('PUBLIC_DIR', './public') },
    app: {
      keys: env.array('APP_KEYS')!,
    },
    // The town's server has no business calling home for update banners.
    logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
