import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import dotenv from 'dotenv';
import { ensureDotEnv, loadDotEnv, validate, SECRETS } from '../../../scripts/preflight';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const goodSecrets = Object.fromEntries(SECRETS.map((k: string) => [k, `test-${k}-value`]));

/**
 * Runs `npm start`'s script with the given environment; it must stop before building or serving.
 * NODE_ENV=production unless overridden, so the script never writes a .env into the checkout.
 */
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...goodSecrets, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });

describe('first start', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-env-'));
    fs.copyFileSync(path.join(ROOT, '.env.example'), path.join(dir, '.env.example'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes .env with fresh random secrets, different on each machine', () => {
    expect(ensureDotEnv({}, dir)).toBe(true);
    const a = dotenv.parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const k of SECRETS) expect(a[k]).toMatch(/^[A-Za-z0-9+/=,]{20,}$/);
    expect(a.APP_KEYS.split(',')).toHaveLength(4);
    expect(() => validate(a)).not.toThrow();
    expect(ensureDotEnv({}, dir)).toBe(false); // never overwritten
    fs.rmSync(path.join(dir, '.env'));
    ensureDotEnv({}, dir);
    const b = dotenv.parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(b.JWT_SECRET).not.toBe(a.JWT_SECRET);
    expect((fs.statSync(path.join(dir, '.env')).mode & 0o777).toString(8)).toBe('600');
  });

  it('adds a secret an older .env lacks (SURVEY_SECRET), keeping the rest as it was', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'JWT_SECRET=kept-as-it-was\n');
    expect(ensureDotEnv({}, dir)).toBe(false);
    const a = dotenv.parse(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(a.JWT_SECRET).toBe('kept-as-it-was');
    expect(a.SURVEY_SECRET).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    ensureDotEnv({}, dir);
    expect(dotenv.parse(fs.readFileSync(path.join(dir, '.env'), 'utf8')).SURVEY_SECRET).toBe(a.SURVEY_SECRET);
  });

  it('never writes secrets in production', () => {
    expect(ensureDotEnv({ NODE_ENV: 'production' }, dir)).toBe(false);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
  });
});

describe('loading .env (dotenv)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nokok-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fills what the environment leaves unset, and never overrides what it sets', () => {
    fs.writeFileSync(
      path.join(dir, '.env'),
      ['# a comment', 'PORT=1400', 'EMAIL_FROM="เทศบาล <no-reply@nokok.go.th>"', "SMTP_PASS='p#ss word'", 'SMTP_HOST=mail.example # inline comment', 'JWT_SECRET=from-file', ''].join('\n')
    );
    const env: NodeJS.ProcessEnv = { JWT_SECRET: 'from-environment', SMTP_USER: '' };
    loadDotEnv(env, dir);
    expect(env).toEqual({
      PORT: '1400',
      EMAIL_FROM: 'เทศบาล <no-reply@nokok.go.th>',
      SMTP_PASS: 'p#ss word',
      SMTP_HOST: 'mail.example',
      JWT_SECRET: 'from-environment',
      SMTP_USER: '',
    });
  });

  it('leaves the environment as it is without a .env', () => {
    const env: NodeJS.ProcessEnv = { PORT: '1337' };
    loadDotEnv(env, dir);
    expect(env).toEqual({ PORT: '1337' });
  });
});

describe('bad configuration stops the start with one clear line', () => {
  it('names DATABASE_CLIENT when it is unknown', () => {
    const res = start({ DATABASE_CLIENT: 'mongodb' });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DATABASE_CLIENT="mongodb" is not supported: set DATABASE_CLIENT to one of sqlite, postgres/);
  });

  it('names the missing secret in production', () => {
    const res = start({ NODE_ENV: 'production', JWT_SECRET: '' });
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/set JWT_SECRET\b/);
    expect(lines[0]).not.toMatch(/APP_KEYS/);
  });

  it('asks for a placeholder secret to be replaced in production', () => {
    const res = start({ NODE_ENV: 'production', ADMIN_JWT_SECRET: 'changeme' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toMatch(/^Configuration error: Missing secret for production: set ADMIN_JWT_SECRET/);
  });

  it('refuses a Thai QR payee name outside the EMV "ans" characters', () => {
    expect(() => validate({ ...goodSecrets, PROMPTPAY_MERCHANT_NAME: 'เทศบาลตำบลนกออก' })).toThrow(/PROMPTPAY_MERCHANT_NAME must be Latin letters/);
    expect(() => validate({ ...goodSecrets, PROMPTPAY_MERCHANT_NAME: 'NOK OK MUNICIPALITY' })).not.toThrow();
  });

  it('names what PostgreSQL needs', () => {
    const res = start({ DATABASE_CLIENT: 'postgres', DATABASE_URL: '', DATABASE_HOST: '' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/DATABASE_URL/);
  });
});

describe('the addresses and limits are checked before the start', () => {
  const check = (env: Record<string, string>) => () => validate({ ...goodSecrets, ...env });

  it('accepts what the .env.example describes', () => {
    expect(
      check({ PUBLIC_URL: 'https://nokok.go.th/', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, ::1', RATE_LIMIT_PER_MINUTE: '20', MAP_TILE_URL: 'https://{s}.tiles.example.test/{z}/{x}/{y}.png' })
    ).not.toThrow();
    expect(check({ PUBLIC_URL: '', TRUSTED_PROXIES: '', MAP_TILE_URL: '' })).not.toThrow();
  });

  it('names the variable that is wrong', () => {
    expect(check({ PUBLIC_URL: 'nokok.go.th' })).toThrow(/^PUBLIC_URL="nokok.go.th"/);
    expect(check({ TRUSTED_PROXIES: '127.0.0.1,my-proxy' })).toThrow(/^TRUSTED_PROXIES: "my-proxy"/);
    expect(check({ TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/^TRUSTED_PROXIES: "10.0.0.0\/40"/);
    expect(check({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/^RATE_LIMIT_PER_MINUTE="0"/);
    expect(check({ MAP_TILE_URL: 'https://tiles.example.test/{z}/{x}.png' })).toThrow(/^MAP_TILE_URL=.*needs \{z\}, \{x\} and \{y\}/);
    // A retention of 0 days (or a negative one) would erase every finished complaint at once.
    for (const days of ['0', '-30', '2 years', '1.5']) expect(check({ COMPLAINT_RETENTION_DAYS: days })).toThrow(new RegExp(`^COMPLAINT_RETENTION_DAYS="${days}"`));
    expect(check({ COMPLAINT_RETENTION_DAYS: '365' })).not.toThrow();
  });
});
