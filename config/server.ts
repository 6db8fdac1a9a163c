import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The site's public address without a trailing slash, read from PUBLIC_URL here only: it is
 * Strapi's `server.url`, which the app's links (QR codes, tracking links, Open311 discovery, the
 * OpenAPI server) read, and config/plugins.ts hands the same value to the plugins.
 */
export const publicUrl = (env: Env) => (env('PUBLIC_URL', '').trim() || 'http://localhost:1337').replace(/\/+$/, '');

/**
 * CORS_ORIGINS (comma-separated origins, or `*`); by default only the site's own origin (PUBLIC_URL),
 * so another site's scripts cannot call the API with a visitor's browser.
 */
export const corsOrigins = (env: Env): string[] => {
  const listed = env('CORS_ORIGINS', '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return listed.length ? listed : [new URL(publicUrl(env)).origin];
};

/** What this app adds to Strapi's server configuration (read as strapi.config.get('server.…')). */
export interface AppServerConfig {
  /**
   * Addresses and networks (CIDR) of the reverse proxies in front of the app. Only a request whose
   * peer is one of them has its X-Forwarded-* headers believed (src/middlewares/client-address.ts).
   */
  trustedProxies: string[];
  /** Requests a minute per client address to each public write endpoint (src/middlewares/rate-limit.ts). */
  rateLimitPerMinute: number;
  /** Sign-in, sign-up and reset attempts a minute per client address, over every such door (src/middlewares/auth-limit.ts). */
  authLimitPerMinute: number;
  /** Seconds an anonymous public API answer is kept on the server at most (src/middlewares/api-cache.ts); 0 keeps none. */
  apiCacheSeconds: number;
  /** Reads a minute per client address of a complaint by its tracking code (the website's page, the API, Open311). */
  readLimitPerMinute: number;
  /** Hours after which a complaint photo no complaint names is deleted (src/api/complaint/photos.ts). */
  unattachedPhotoHours: number;
  /**
   * Where files no one may fetch by URL are kept (citizens' complaint photos under complaint-photos/):
   * outside the public folder, served only through admin routes that check the officer's permission.
   */
  privateFilesDir: string;
  /** Days a complaint keeps its photos and personal data once in a final state (src/api/complaint/retention.ts). */
  complaintRetentionDays: number;
  /** Shared state for several instances (src/state/redis.ts): REDIS_URL, keys under REDIS_PREFIX; null = this process only. */
  redis: { url: string; prefix: string } | null;
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server & AppServerConfig => {
  const trustedProxies = env.array('TRUSTED_PROXIES', []).filter(Boolean);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: publicUrl(env),
    // Koa believes X-Forwarded-Proto/-Host (secure cookies, absolute URLs) only behind a proxy we
    // were told about; src/middlewares/client-address.ts drops those headers from any other peer.
    proxy: { koa: trustedProxies.length > 0 },
    trustedProxies,
    rateLimitPerMinute: env.int('RATE_LIMIT_PER_MINUTE', 20) || 20,
    authLimitPerMinute: env.int('AUTH_LIMIT_PER_MINUTE', 10) || 10,
    apiCacheSeconds: Math.max(0, env.int('API_CACHE_SECONDS', 60) ?? 60),
    readLimitPerMinute: env.int('READ_LIMIT_PER_MINUTE', 60) || 60,
    unattachedPhotoHours: env.float('UNATTACHED_PHOTO_HOURS', 24) || 24,
    // Relative paths are taken from the app's root (src/api/complaint/photo-files.ts resolves them).
    privateFilesDir: env('PRIVATE_FILES_DIR', '').trim() || 'private',
    // Never 0 or less (that would erase every closed case at once); scripts/preflight.js names a bad value.
    complaintRetentionDays: Math.max(1, env.int('COMPLAINT_RETENTION_DAYS', 730) || 730),
    redis: env('REDIS_URL', '').trim() ? { url: env('REDIS_URL', '').trim(), prefix: env('REDIS_PREFIX', 'nokok:') } : null,
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
