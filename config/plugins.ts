import type { Core } from '@strapi/strapi';
import { publicUrl } from './server';
import map from './map';

type Env = Core.Config.Shared.ConfigParams['env'];

const THIRTY_DAYS_S = 30 * 24 * 3600;

/**
 * Strapi's email plugin through nodemailer: one SMTP configuration for every e-mail, the case
 * engine's outbox and users-permissions' confirmation and reset mails alike.
 */
const email = (env: Env) => {
  const host = env('SMTP_HOST', '');
  const user = env('SMTP_USER', '');
  const from = env('EMAIL_FROM', 'เทศบาลตำบลนกออก <no-reply@nokok.go.th>');
  return {
    provider: 'nodemailer',
    providerOptions: host
      ? {
          host,
          port: env.int('SMTP_PORT', 587),
          secure: env.bool('SMTP_SECURE', false),
          auth: user ? { user, pass: env('SMTP_PASS', '') } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        }
      : // No server: nodemailer renders each message and drops it, instead of trying localhost:587.
        { jsonTransport: true },
    settings: { defaultFrom: from, defaultReplyTo: from },
  };
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  email: { config: email(env) },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Citizens' sessions: a 10-minute access token kept in the website's memory, renewed by POST
      // /api/auth/refresh with a refresh token in an httpOnly cookie the page's scripts cannot read;
      // the cookie outlives a browser restart (30 days, or 14 idle) and logout can end every session.
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
        accessTokenLifespan: 600,
        maxRefreshTokenLifespan: THIRTY_DAYS_S,
        idleRefreshTokenLifespan: 14 * 24 * 3600,
        cookie: {
          name: 'nokok_session',
          path: '/api',
          sameSite: 'lax',
          maxAge: THIRTY_DAYS_S * 1000,
          secure: env('NODE_ENV', 'development') === 'production',
        },
      },
      // Sign-in, sign-up and reset attempts per address (users-permissions' own limiter).
      ratelimit: { interval: 60_000, max: env.int('AUTH_LIMIT_PER_MINUTE', 10) },
    },
  },
  // The case engine, staff inbox and case pages; messages go out through its outbox.
  'complaint-workflow': {
    enabled: true,
    resolve: './plugins/complaint-workflow',
    config: {
      publicUrl: publicUrl(env),
      // The case page's map: the same tiles as every other map (config/map.ts).
      map: map({ env }),
      // Its e-mails go through the email plugin above; without SMTP_HOST they are marked skipped.
      emailEnabled: env('SMTP_HOST', '') !== '',
      outboxIntervalSeconds: env.int('OUTBOX_INTERVAL_SECONDS', 30),
      overdueCheckMinutes: env.int('OVERDUE_CHECK_MINUTES', 60),
      staffEmail: env('STAFF_EMAIL', ''),
    },
  },
  // QR codes for anything (pole labels, bills): PNG and SVG, cached PNGs, optional centre logo.
  qr: {
    enabled: true,
    resolve: './plugins/qr',
    config: {
      cacheEntries: env.int('QR_CACHE_ENTRIES', 500),
      logoPath: env('QR_LOGO_PATH', 'database/seed/assets/logo.svg'),
    },
  },
  // CSV/XLSX import into targets the app registers (tax bills, the bank's payment report): column
  // mapping, per-row report, background run with progress.
  'spreadsheet-import': {
    enabled: true,
    resolve: './plugins/spreadsheet-import',
  },
  // Map layers edited on a map in the admin, the location field, GeoJSON for the public: the same
  // tiles as every other map.
  gis: {
    enabled: true,
    resolve: './plugins/gis',
    config: { map: map({ env }) },
  },
  upload: {
    config: {
      // The Media Library's files in an S3-compatible store (AWS S3, MinIO, Cloudflare R2, Wasabi…)
      // when S3_BUCKET is set, so several instances serve the same files; on this machine's disk
      // (PUBLIC_DIR/uploads) otherwise. Citizens' complaint photos never go there: they are private
      // files (PRIVATE_FILES_DIR).
      ...s3Upload(env),
      sizeLimit: 10 * 1024 * 1024,
      security: {
        allowedTypes: ['image/*', 'application/pdf', 'text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.*'],
        deniedTypes: ['image/svg+xml', 'application/x-msdownload', 'application/x-sh', 'application/x-executable'],
      },
    },
  },
});

/** Where browsers fetch Media Library files from when they are in an S3 store (for the CSP), or null. */
export function s3Origin(env: Core.Config.Shared.ConfigParams['env']): string | null {
  const bucket = env('S3_BUCKET', '').trim();
  if (!bucket) return null;
  const base = env('S3_PUBLIC_URL', '').trim() || env('S3_ENDPOINT', '').trim() || `https://${bucket}.s3.${env('S3_REGION', 'us-east-1')}.amazonaws.com`;
  try {
    return new URL(base).origin;
  } catch {
    return null;
  }
}

/** The aws-s3 upload provider's settings from S3_* variables, or nothing (the local provider). */
export function s3Upload(env: Core.Config.Shared.ConfigParams['env']) {
  const bucket = env('S3_BUCKET', '').trim();
  if (!bucket) return {};
  const endpoint = env('S3_ENDPOINT', '').trim();
  return {
    provider: 'aws-s3',
    providerOptions: {
      // Where the files are read from: a CDN or the bucket's public address; the store's own URL otherwise.
      baseUrl: env('S3_PUBLIC_URL', '').trim() || undefined,
      rootPath: env('S3_ROOT_PATH', '').trim() || undefined,
      s3Options: {
        region: env('S3_REGION', 'us-east-1'),
        ...(endpoint ? { endpoint } : {}),
        // MinIO and most self-hosted stores address buckets by path, not by host name.
        forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', Boolean(endpoint)),
        credentials: { accessKeyId: env('S3_ACCESS_KEY_ID', ''), secretAccessKey: env('S3_SECRET_ACCESS_KEY', '') },
        // Checksums only where the API requires them: many S3-compatible stores reject the newer defaults.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // ACL public-read by default (the Media Library's files are public); S3_ACL=none for buckets without ACLs.
        params: { Bucket: bucket, ...(env('S3_ACL', 'public-read') === 'none' ? { ACL: undefined } : { ACL: env('S3_ACL', 'public-read') }) },
      },
    },
  };
}

export default config;
