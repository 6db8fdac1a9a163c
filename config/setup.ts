import type { Core } from '@strapi/strapi';

/** What a start adds to an empty installation (src/index.ts), read as strapi.config.get('setup'). */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The demo town (database/seed), loaded idempotently; anything but SEED_DEMO=false loads it.
  seedDemo: env('SEED_DEMO', 'true').trim() !== 'false',
  // The first administrator, created when none exists (both email and password are needed).
  firstAdmin: {
    email: env('ADMIN_EMAIL', '').trim(),
    password: env('ADMIN_PASSWORD', ''),
    firstname: env('ADMIN_FIRSTNAME', ''),
    lastname: env('ADMIN_LASTNAME', ''),
  },
});

export type SetupConfig = ReturnType<typeof config>;
export default config;
