'use strict';
// `npm run restore -- <archive> [--force]`: puts a backup of `npm run backup` back into the
// configured database and folders. Stop the app first. Without --force it refuses a database that
// already holds tables or folders that already hold files, so a slip of the keyboard never
// overwrites a running town's data; with --force those are replaced. A backup restores into the
// same kind of database it was taken from (SQLite or PostgreSQL).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { FORMAT, loadEnv, settings, pgTool, run, listFiles, isData } = require('./backup-lib');

class Refused extends Error {}

function pgTableCount(s) {
  const { env, target } = pgTool(s);
  const out = run('psql', ['-XAtq', '-c', `SELECT count(*) FROM information_schema.tables WHERE table_schema = '${s.pg.schema.replace(/'/g, "''")}'`, ...target], { env });
  return Number(out.trim());
}

function sqliteTableCount(file) {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get().n;
  } finally {
    db.close();
  }
}

async function restore(archive, { force = false } = {}) {
  loadEnv();
  const s = settings();
  if (!archive || !fs.existsSync(archive)) throw new Refused(`No backup at ${archive || '(none given)'}: npm run restore -- <file.tar.gz> [--force]`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-restore-'));
  try {
    run('tar', ['-xzf', path.resolve(archive), '-C', work]);
    const manifestFile = path.join(work, 'manifest.json');
    const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : null;
    if (!manifest || manifest.format !== FORMAT) throw new Refused(`${archive} is not a backup of this app (no ${FORMAT} manifest).`);
    if (manifest.client !== s.client) {
      throw new Refused(`This backup holds a ${manifest.client} database; the configuration uses ${s.client} (DATABASE_CLIENT). Restore it into the same kind.`);
    }

    // Everything checked before anything is changed.
    const tables = s.client === 'sqlite' ? sqliteTableCount(s.sqliteFile) : pgTableCount(s);
    const busy = [s.uploadsDir, s.privateDir].filter((d) => listFiles(d).some(isData));
    if (!force && (tables > 0 || busy.length)) {
      const what = [tables > 0 ? `the database has ${tables} tables` : null, ...busy.map((d) => `${d} holds files`)].filter(Boolean).join('; ');
      throw new Refused(`Not restoring over existing data (${what}). Stop the app and add --force to replace it.`);
    }

    if (s.client === 'sqlite') {
      fs.mkdirSync(path.dirname(s.sqliteFile), { recursive: true });
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${s.sqliteFile}${suffix}`, { force: true });
      fs.copyFileSync(path.join(work, 'database.sqlite'), s.sqliteFile);
    } else {
      const { env, target } = pgTool(s);
      if (tables > 0) {
        const schema = `"${s.pg.schema.replace(/"/g, '""')}"`;
        run('psql', ['-Xq', '-v', 'ON_ERROR_STOP=1', '-c', `DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema};`, ...target], { env });
      }
      run('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', ...target, path.join(work, 'database.pgdump')], { env });
    }

    for (const [name, dir] of [['uploads', s.uploadsDir], ['private', s.privateDir]]) {
      for (const rel of listFiles(dir).filter(isData)) fs.rmSync(path.join(dir, rel), { force: true });
      const from = path.join(work, name);
      for (const rel of listFiles(from)) {
        const dest = path.join(dir, rel);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(path.join(from, rel), dest);
      }
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  restore(file, { force })
    .then((m) => console.log(`Restored the ${m.client} backup of ${m.createdAt} (${m.files.uploads} uploads, ${m.files.private} private files).`))
    .catch((err) => {
      console.error(`Restore ${err instanceof Refused ? 'refused' : 'failed'}: ${err.message}`);
      process.exit(err instanceof Refused ? 2 : 1);
    });
}

module.exports = { restore };
