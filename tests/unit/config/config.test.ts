import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ensureDotEnv, parseDotEnv, validate, SECRETS } from '../../../scripts/preflight';

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
    const a = parseDotEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const k of SECRETS) expect(a[k]).toMatch(/^[A-Za-z0-9+/=,]{20,}$/);
    expect(a.APP_KEYS.split(',')).toHaveLength(4);
    expect(() => validate(a)).not.toThrow();
    expect(ensureDotEnv({}, dir)).toBe(false); // never overwritten
    fs.rmSync(path.join(dir, '.env'));
    ensureDotEnv({}, dir);
    const b = parseDotEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(b.JWT_SECRET).not.toBe(a.JWT_SECRET);
    expect((fs.statSync(path.join(dir, '.env')).mode & 0o777).toString(8)).toBe('600');
  });

  it('never writes secrets in production', () => {
    expect(ensureDotEnv({ NODE_ENV: 'production' }, dir)).toBe(false);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
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
