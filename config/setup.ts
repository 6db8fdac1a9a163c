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
  // Passwords of the demo's staff (one per role, database/seed/staff.json); unset: generated and printed once.
  demoPasswords: {
    admin: env('DEMO_PASSWORD_ADMIN', ''),
    editor: env('DEMO_PASSWORD_EDITOR', ''),
    complaints: env('DEMO_PASSWORD_COMPLAINTS', ''),
    finance: env('DEMO_PASSWORD_FINANCE', ''),
    executive: env('DEMO_PASSWORD_EXECUTIVE', ''),
    auditor: env('DEMO_PASSWORD_AUDITOR', ''),
  } as Record<string, string>,
});

export type SetupConfig = ReturnType<typeof config>;
export default config;
