'use strict';
/**
 * A database the app has already booted on once (tables made, roles and permissions written),
 * copied for each test app instead of building a fresh one: on CI's loaded machine a first boot's
 * schema sync and bootstrap cost several seconds per test file, a copy a few milliseconds.
 * Made by global-setup.js after the build, removed by global-teardown.js; startApp copies it
 * (SQLite: the file; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
const ENV_KEY = 'NOKOK_TEST_TEMPLATE';

const pgAdmin = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || undefined,
  database: 'postgres',
});

async function pgQuery(sql) {
  const client = new Client(pgAdmin());
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Boots the built app once on an empty database in a child process (a clean Node, as in production) and stops it. */
function bootOnce(dbEnv) {
  const { randomSecrets } = require('../../scripts/preflight');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-template-'));
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...randomSecrets(),
      PUBLIC_DIR: path.join(dir, 'public'),
      PRIVATE_FILES_DIR: path.join(dir, 'private'),
      ...dbEnv,
    };
    fs.mkdirSync(path.join(env.PUBLIC_DIR, 'uploads'), { recursive: true });
    const script = `require('@strapi/strapi').createStrapi({ appDir: ${JSON.stringify(ROOT)}, distDir: ${JSON.stringify(path.join(ROOT, 'dist'))} })
      .load().then((s) => s.destroy()).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 180_000 });
    if (run.status !== 0) throw new Error(`the template database did not boot: ${run.stderr || run.stdout}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes the template for this run's database client and names it in the environment the tests inherit. */
async function makeTemplate() {
  if (process.env[ENV_KEY]) return;
  const id = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  if ((process.env.DATABASE_CLIENT || 'sqlite') === 'postgres') {
    const name = `nokok_template_${id}`;
    await pgQuery(`CREATE DATABASE ${name}`);
    try {
      bootOnce({ DATABASE_NAME: name, DATABASE_URL: '' });
    } catch (e) {
      await pgQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      throw e;
    }
    process.env[ENV_KEY] = `postgres:${name}`;
  } else {
    const file = path.join(os.tmpdir(), `nokok-template-${id}.db`);
    bootOnce({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file });
    process.env[ENV_KEY] = `sqlite:${file}`;
  }
}

async function dropTemplate() {
  const template = process.env[ENV_KEY];
  if (!template) return;
  delete process.env[ENV_KEY];
  const [kind, name] = [template.slice(0, template.indexOf(':')), template.slice(template.indexOf(':') + 1)];
  if (kind === 'postgres') await pgQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${name}${suffix}`, { force: true });
}

/** The template startApp may copy for a client, if this run made one. */
function templateFor(client) {
  const template = process.env[ENV_KEY];
  if (!template || !template.startsWith(`${client}:`)) return undefined;
  return template.slice(client.length + 1);
}

module.exports = { makeTemplate, dropTemplate, templateFor };
