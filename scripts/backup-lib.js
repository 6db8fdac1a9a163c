'use strict';
// What `npm run backup` and `npm run restore` share: where the data lives (the same environment
// variables as config/database.ts and config/server.ts), and the archive's layout:
//   manifest.json            what was saved, from where, when
//   database.sqlite          SQLite: a consistent copy made by SQLite's online backup
//   database.pgdump          PostgreSQL: pg_dump's custom format, restored by pg_restore
//   uploads/                 PUBLIC_DIR/uploads (the Media Library's files)
//   private/                 PRIVATE_FILES_DIR (citizens' complaint photos, e-service files)
// Packed with the system's tar and gzip: existing engines, no archive format of our own.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const FORMAT = 'nokok-backup/1';

/** .env fills what the environment does not set, as Strapi reads it at start. */
function loadEnv() {
  const file = path.join(ROOT, '.env');
  if (fs.existsSync(file)) require('dotenv').config({ path: file, override: false, quiet: true });
}

const fromRoot = (p) => path.resolve(ROOT, p);

/** The running configuration's database and folders. */
function settings(env = process.env) {
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres') throw new Error(`DATABASE_CLIENT="${client}" is not supported: sqlite or postgres.`);
  return {
    client,
    sqliteFile: fromRoot(env.DATABASE_FILENAME || '.tmp/data.db'),
    pg: {
      url: env.DATABASE_URL || '',
      host: env.DATABASE_HOST || '127.0.0.1',
      port: String(env.DATABASE_PORT || 5432),
      database: env.DATABASE_NAME || 'nokok',
      user: env.DATABASE_USERNAME || 'postgres',
      password: env.DATABASE_PASSWORD || '',
      schema: env.DATABASE_SCHEMA || 'public',
    },
    uploadsDir: path.join(fromRoot(env.PUBLIC_DIR || './public'), 'uploads'),
    privateDir: fromRoot((env.PRIVATE_FILES_DIR || '').trim() || 'private'),
    backupDir: fromRoot(env.BACKUP_DIR || './backups'),
  };
}

/** pg_dump/pg_restore/psql arguments and environment for the configured database. */
function pgTool(s) {
  const env = { ...process.env, PGHOST: s.pg.host, PGPORT: s.pg.port, PGUSER: s.pg.user, PGDATABASE: s.pg.database };
  if (s.pg.password) env.PGPASSWORD = s.pg.password;
  // A URL names the database itself; libpq reads it as the database argument.
  const target = s.pg.url ? ['--dbname', s.pg.url] : ['--dbname', s.pg.database];
  return { env, target };
}

/** Runs a tool, failing with its own words; a missing tool is named with the package that has it. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error && r.error.code === 'ENOENT') {
    const pkg = cmd.startsWith('pg_') || cmd === 'psql' ? ' (Debian: apt-get install postgresql-client)' : '';
    throw new Error(`${cmd} is not installed${pkg}.`);
  }
  if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout || '').trim().slice(0, 2000)}`);
  return r.stdout;
}

/** Every file under dir, as paths relative to it (sorted). */
function listFiles(dir) {
  const out = [];
  const walk = (d, rel) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The Media Library keeps an empty marker file in git: it is not data. */
const isData = (rel) => rel !== '.gitkeep';

module.exports = { ROOT, FORMAT, loadEnv, settings, pgTool, run, listFiles, isData };
