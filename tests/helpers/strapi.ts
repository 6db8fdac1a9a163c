import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import type { AdminRoleService, AdminUserService } from '../../src/bootstrap/admin-user';
import { randomSecrets } from '../../scripts/preflight';
import { templateFor } from './template-db';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** Base URL of the listening server, e.g. http://127.0.0.1:43121 */
  url: string;
  /** Stops the app and removes its database; `keepDatabase` leaves it for `startApp(env, { sameDatabaseAs })`, which removes it later. */
  stop: (options?: { keepDatabase?: boolean }) => Promise<void>;
}

/** What a stopped app left for the next app on its database: how to reach it, and how to remove it afterwards. */
const keptDatabases = new WeakMap<TestApp, { env: Record<string, string>; cleanup: Array<() => Promise<void> | void> }>();

export { randomSecrets };

/** Postgres server the tests create their throwaway databases on (CI starts one; see .ci/run). */
const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || undefined,
  database: 'postgres',
});

async function withPgAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgAdminConfig());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Boots the real app in-process on a fresh database (a temporary SQLite file, or a fresh
 * PostgreSQL database when DATABASE_CLIENT=postgres) and listens on a free loopback port. A
 * DATABASE_FILENAME or DATABASE_NAME in `env` is used as it is (the caller made it and removes it).
 */
export async function startApp(env: Record<string, string> = {}, options: { sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  const id = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-test-'));
  // The public folder (uploads) and the private one (complaint photos) side by side, as in the app.
  const publicDir = path.join(tmpDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  const cleanup: Array<() => Promise<void> | void> = [() => fs.rmSync(tmpDir, { recursive: true, force: true })];

  Object.assign(process.env, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'false',
    ...randomSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    PUBLIC_DIR: publicDir, // uploads of this file's tests go to its own folder, removed afterwards
    PRIVATE_FILES_DIR: path.join(tmpDir, 'private'),
    ...env,
  });

  const kept = options.sameDatabaseAs && keptDatabases.get(options.sameDatabaseAs);
  if (options.sameDatabaseAs && !kept) throw new Error('sameDatabaseAs: stop that app with { keepDatabase: true } first');
  if (kept) {
    // Another process on the same data, as after a restart: it removes the database when it stops.
    Object.assign(process.env, kept.env);
    cleanup.push(...kept.cleanup);
  } else if (client === 'postgres') {
    // A DATABASE_NAME the caller gives is its own database, used as it is.
    if (!env.DATABASE_NAME) {
      const name = `nokok_test_${id}`;
      const template = templateFor('postgres');
      await withPgAdmin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
      process.env.DATABASE_NAME = name;
      delete process.env.DATABASE_URL;
      cleanup.push(() => withPgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined));
    }
  } else if (!env.DATABASE_FILENAME) {
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = path.join(tmpDir, 'test.db');
    const template = templateFor('sqlite');
    if (template) fs.copyFileSync(template, process.env.DATABASE_FILENAME);
  }

  // Loaded only now, after the environment above is set.
  const { createStrapi } = await import('@strapi/strapi');
  const instance = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist') });
  // Request logs drown test output; warnings and errors stay (TEST_LOG_LEVEL=http shows all).
  for (const transport of instance.log.transports) transport.level = process.env.TEST_LOG_LEVEL || 'warn';
  const database = (client === 'postgres' ? process.env.DATABASE_NAME : process.env.DATABASE_FILENAME) ?? '';
  const strapi = await instance.load();
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', () => resolve()));
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen');

  const app: TestApp = {
    strapi,
    url: `http://127.0.0.1:${address.port}`,
    async stop({ keepDatabase = false } = {}) {
      await strapi.destroy();
      if (keepDatabase) {
        const reach: Record<string, string> = client === 'postgres' ? { DATABASE_NAME: database } : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database };
        keptDatabases.set(app, { env: reach, cleanup });
        return;
      }
      for (const fn of cleanup.reverse()) await fn();
    },
  };
  return app;
}

/**
 * Creates an admin user and returns an admin JWT for /admin and /content-manager calls: a super admin
 * by default, or a staff role of src/admin-roles.ts by its code (`role: 'nokok-content-editor'`).
 */
export async function createAdmin(
  app: TestApp,
  { email = `staff-${crypto.randomBytes(3).toString('hex')}@nokok.test`, password = 'Staff12345!', role }: { email?: string; password?: string; role?: string } = {}
): Promise<{ email: string; password: string; token: string }> {
  const found = role
    ? ((await app.strapi.db.query('admin::role').findOne({ where: { code: role }, select: ['id'] })) as { id: number } | null)
    : await (app.strapi.service('admin::role') as AdminRoleService).getSuperAdmin();
  if (!found) throw new Error(`the role ${role ?? 'Super Admin'} is missing`);
  await (app.strapi.service('admin::user') as AdminUserService).create({
    email,
    firstname: 'เจ้าหน้าที่',
    lastname: 'ทดสอบ',
    password,
    isActive: true,
    roles: [found.id],
    preferedLanguage: 'th',
  });
  const res = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { data?: { token: string } };
  if (!body.data?.token) throw new Error(`admin login failed: ${res.status}`);
  return { email, password, token: body.data.token };
}
