import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { ROOT, randomSecrets, startApp, type TestApp } from '../../helpers/strapi';


describe('npx strapi admin:create-user', () => {
  let app: TestApp | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-cli-'));
  const dbFile = path.join(dir, 'cli.db');

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // The command does not depend on the database kind; SQLite keeps this test self-contained.
  const onSqlite = process.env.DATABASE_CLIENT === 'postgres' ? it.skip : it;
  onSqlite('creates an administrator who can then log in', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: dbFile,
      PUBLIC_DIR: dir,
      SEED_DEMO: 'false',
      ...randomSecrets(),
      STRAPI_TELEMETRY_DISABLED: 'true',
    };
    fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true });
    const res = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'admin:create-user', '--firstname', 'สมชาย', '--lastname', 'ใจดี', '--email', 'cli.admin@nokok.test', '--password', 'CliAdmin123'],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 90000 }
    );
    expect({ status: res.status, stderr: res.status === 0 ? '' : res.stderr }).toEqual({ status: 0, stderr: '' });

    // The same database, booted as the server: the new administrator logs in.
    app = await startApp({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile });
    const login = await request(app.url).post('/admin/login').send({ email: 'cli.admin@nokok.test', password: 'CliAdmin123' }).expect(200);
    expect(login.body.data.user.firstname).toBe('สมชาย');
  });
});
