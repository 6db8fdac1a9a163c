import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawnSync } from 'child_process';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import request from 'supertest';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { ROOT, startApp, type TestApp } from '../../helpers/strapi';

/**
 * `npm run backup` on a running demo town (complaints with private photos, Media Library uploads),
 * then `npm run restore` into an EMPTY database and empty folders: every row of every table and
 * every file comes back the same, the restored town serves, and restore refuses to overwrite.
 */
const CLIENT = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
const pgAdmin = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || undefined,
});

type Rows = Record<string, string[]>;
/** Every table's rows, each as JSON, sorted: two databases hold the same data when these are equal. */
const canonical = (tables: Record<string, unknown[]>): Rows =>
  Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.map((r) => JSON.stringify(r)).sort()]));

async function dumpLive(strapi: Core.Strapi): Promise<Rows> {
  const knex = strapi.db.connection;
  const names: string[] =
    CLIENT === 'sqlite'
      ? (await knex.raw<Array<{ name: string }>>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r) => r.name)
      : (await knex.raw<{ rows: Array<{ table_name: string }> }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.table_name);
  const out: Record<string, unknown[]> = {};
  for (const t of names) out[t] = await knex.select('*').from(t);
  return canonical(out);
}

function dumpSqlite(file: string): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name);
    return canonical(Object.fromEntries(names.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()])));
  } finally {
    db.close();
  }
}

async function dumpPg(database: string): Promise<Rows> {
  const c = new Client({ ...pgAdmin(), database });
  await c.connect();
  try {
    const names = (await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r: { table_name: string }) => r.table_name);
    const out: Record<string, unknown[]> = {};
    for (const t of names) out[t] = (await c.query(`SELECT * FROM "${t}"`)).rows;
    return canonical(out);
  } finally {
    await c.end();
  }
}

/** Relative path → sha256 of every file under dir (the marker .gitkeep aside). */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (r !== '.gitkeep') out[r] = crypto.createHash('sha256').update(fs.readFileSync(path.join(d, e.name))).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

const script = (name: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', `${name}.js`), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });

let app: TestApp;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-backup-test-'));
const restoredName = `nokok_restore_${Date.now().toString(36)}${crypto.randomBytes(2).toString('hex')}`;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'true', RATE_LIMIT_PER_MINUTE: '1000' });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  fs.rmSync(work, { recursive: true, force: true });
  if (CLIENT === 'postgres') {
    const c = new Client({ ...pgAdmin(), database: 'postgres' });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    await c.end();
  }
});

it('backs up a running town and restores every row and file into an empty instance, which then serves', async () => {
  // A complaint with a private photo, beside the demo's Media Library files.
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a53' } }).jpeg().toBuffer();
  const photos = (await request(app.url).post('/api/complaints/photos').attach('files', jpeg, 'pothole.jpg').expect(201)).body.data;
  const category = (await app.strapi.db.query('api::complaint-category.complaint-category').findOne({ where: { active: true } })) as { code: string };
  const filed = await request(app.url)
    .post('/api/complaints')
    .send({ data: { category: category.code, description: 'ท่อระบายน้ำอุดตันหน้าตลาด', contact: { name: 'สมหญิง รักดี', phone: '0812345678' }, consent: true, photos } })
    .expect(201);
  const trackingCode: string = filed.body.data.trackingCode;
  await app.strapi.plugin('complaint-workflow').service<{ idle(): Promise<void> }>('outbox').idle();

  const source = {
    DATABASE_CLIENT: CLIENT,
    ...(CLIENT === 'sqlite' ? { DATABASE_FILENAME: process.env.DATABASE_FILENAME! } : { DATABASE_NAME: process.env.DATABASE_NAME! }),
    PUBLIC_DIR: process.env.PUBLIC_DIR!,
    PRIVATE_FILES_DIR: process.env.PRIVATE_FILES_DIR!,
    BACKUP_DIR: path.join(work, 'backups'),
  };
  const uploads = hashes(path.join(source.PUBLIC_DIR, 'uploads'));
  const privateFiles = hashes(source.PRIVATE_FILES_DIR);
  expect(Object.keys(uploads).length).toBeGreaterThan(0);
  expect(Object.keys(privateFiles).some((f) => f.startsWith('complaint-photos/'))).toBe(true);

  const made = script('backup', source);
  expect(made.stderr).toBe('');
  expect(made.status).toBe(0);
  const archive = /Backup written: (.+)/.exec(made.stdout)![1].trim();
  expect(fs.existsSync(archive)).toBe(true);
  const before = await dumpLive(app.strapi);
  expect(before['complaints'].some((r) => r.includes(trackingCode))).toBe(true);

  // An empty instance: a database with no table, folders with no file.
  const target: Record<string, string> = {
    DATABASE_CLIENT: CLIENT,
    ...(CLIENT === 'sqlite' ? { DATABASE_FILENAME: path.join(work, 'restored', 'data.db') } : { DATABASE_NAME: restoredName }),
    PUBLIC_DIR: path.join(work, 'restored', 'public'),
    PRIVATE_FILES_DIR: path.join(work, 'restored', 'private'),
  };
  fs.mkdirSync(path.join(target.PUBLIC_DIR, 'uploads'), { recursive: true });
  if (CLIENT === 'postgres') {
    const c = new Client({ ...pgAdmin(), database: 'postgres' });
    await c.connect();
    await c.query(`CREATE DATABASE ${restoredName}`);
    await c.end();
  }
  const restored = script('restore', target, [archive]);
  expect(restored.stderr).toBe('');
  expect(restored.status).toBe(0);

  const after = CLIENT === 'sqlite' ? dumpSqlite(target.DATABASE_FILENAME) : await dumpPg(restoredName);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  expect(hashes(path.join(target.PUBLIC_DIR, 'uploads'))).toEqual(uploads);
  expect(hashes(target.PRIVATE_FILES_DIR)).toEqual(privateFiles);

  // Over data now there: refused (exit 2, nothing changed) unless --force.
  const again = script('restore', target, [archive]);
  expect(again.status).toBe(2);
  expect(again.stderr).toMatch(/Not restoring over existing data/);
  const forced = script('restore', target, [archive, '--force']);
  expect(forced.status).toBe(0);
  expect(CLIENT === 'sqlite' ? dumpSqlite(target.DATABASE_FILENAME) : await dumpPg(restoredName)).toEqual(after);

  // The restored town serves: the complaint tracks, its photo is on the case.
  await app.stop();
  app = await startApp({ ...target, SEED_DEMO: 'false', RATE_LIMIT_PER_MINUTE: '1000' });
  const tracked = await request(app.url).get(`/api/complaints/track/${trackingCode}`).expect(200);
  expect(tracked.body.data.trackingCode).toBe(trackingCode);
  const stored = (await app.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode }, populate: { photos: true } })) as { photos: Array<{ key: string }> };
  expect(stored.photos).toHaveLength(1);
  expect(fs.existsSync(path.join(target.PRIVATE_FILES_DIR, 'complaint-photos', `${stored.photos[0].key}.jpg`))).toBe(true);
}, 300_000);

it('refuses an archive that is not a backup, and a missing one', () => {
  const junk = path.join(work, 'junk.tar.gz');
  fs.writeFileSync(junk, 'not an archive');
  const r = script('restore', { DATABASE_CLIENT: CLIENT, PUBLIC_DIR: path.join(work, 'x'), PRIVATE_FILES_DIR: path.join(work, 'y'), DATABASE_FILENAME: path.join(work, 'x.db'), DATABASE_NAME: 'nokok_none' }, [junk]);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(/^Restore (failed|refused):/);
  const missing = script('restore', { DATABASE_CLIENT: CLIENT }, [path.join(work, 'nothing.tar.gz')]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(/No backup at/);
});
