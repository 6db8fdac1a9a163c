'use strict';
// `npm run backup`: the database and every stored file (Media Library uploads, private files) in one
// archive under BACKUP_DIR (default ./backups), safe to run while the app serves: SQLite's online
// backup and pg_dump both read one consistent snapshot. Prints the archive's path.
// Files uploaded while the copy runs may miss the archive; a nightly run (README, Deployment) is the
// intended use. Uploads kept in an S3-compatible store are not copied: the store keeps its own.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { FORMAT, ROOT, loadEnv, settings, pgTool, run, listFiles, isData } = require('./backup-lib');

async function backup() {
  loadEnv();
  const s = settings();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-backup-'));
  try {
    if (s.client === 'sqlite') {
      if (!fs.existsSync(s.sqliteFile)) throw new Error(`No database at ${s.sqliteFile} (DATABASE_FILENAME).`);
      const Database = require('better-sqlite3');
      const db = new Database(s.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        await db.backup(path.join(work, 'database.sqlite'));
      } finally {
        db.close();
      }
    } else {
      const { env, target } = pgTool(s);
      // Naming `public` explicitly would add a CREATE SCHEMA that an empty database refuses.
      const schema = s.pg.schema === 'public' ? [] : ['--schema', s.pg.schema];
      run('pg_dump', ['--format=custom', '--no-owner', '--no-acl', ...schema, '--file', path.join(work, 'database.pgdump'), ...target], { env });
    }
    const files = {};
    for (const [name, dir] of [['uploads', s.uploadsDir], ['private', s.privateDir]]) {
      const list = listFiles(dir).filter(isData);
      for (const rel of list) {
        const dest = path.join(work, name, rel);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(path.join(dir, rel), dest);
      }
      files[name] = list.length;
    }
    const manifest = {
      format: FORMAT,
      app: require(path.join(ROOT, 'package.json')).version,
      client: s.client,
      createdAt: new Date().toISOString(),
      files,
    };
    fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(s.backupDir, { recursive: true });
    const archive = path.join(s.backupDir, `nokok-${s.client}-${stamp}.tar.gz`);
    run('tar', ['-czf', archive, '-C', work, '.']);
    return { archive, manifest };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  backup()
    .then(({ archive, manifest }) => {
      console.log(`Backup written: ${archive}`);
      console.log(`  database: ${manifest.client}; files: ${manifest.files.uploads} uploads, ${manifest.files.private} private`);
    })
    .catch((err) => {
      console.error(`Backup failed: ${err.message}`);
      process.exit(1);
    });
}

module.exports = { backup };
