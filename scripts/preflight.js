'use strict';
// Runs before Strapi: makes a first start work with no setup, and turns bad configuration into one
// clear line instead of a stack trace from deep inside Strapi.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const dotenv = require('dotenv');
const net = require('net');

const ROOT = path.resolve(__dirname, '..');
const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'SURVEY_SECRET'];
const DATABASE_CLIENTS = ['sqlite', 'postgres'];

class ConfigError extends Error {}

/** An IP address or a CIDR network (10.0.0.0/8, fd00::/8), as TRUSTED_PROXIES lists them. */
function isAddressOrNetwork(entry) {
  const [address, prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const randomSecret = () => crypto.randomBytes(24).toString('base64');

/** A fresh value for every secret Strapi needs: for .env, tests and benchmarks alike. */
const randomSecrets = () =>
  Object.fromEntries(SECRETS.map((k) => [k, k === 'APP_KEYS' ? [1, 2, 3, 4].map(randomSecret).join(',') : randomSecret()]));

/**
 * Writes .env from .env.example with fresh random secrets; never in production. A .env written by an
 * older version gets the secrets added since (SURVEY_SECRET), so an upgrade starts as it did.
 */
function ensureDotEnv(env = process.env, root = ROOT) {
  const file = path.join(root, '.env');
  if (env.NODE_ENV === 'production') return false;
  if (fs.existsSync(file)) {
    const present = dotenv.parse(fs.readFileSync(file, 'utf8'));
    const added = SECRETS.filter((k) => !present[k] && !env[k]);
    if (added.length) {
      const fresh = randomSecrets();
      fs.appendFileSync(file, `\n${added.map((k) => `${k}=${fresh[k]}`).join('\n')}\n`);
    }
    return false;
  }
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const secrets = randomSecrets();
  const text = example
    .split(/\r?\n/)
    .map((line) => {
      const m = /^([A-Z_]+)=/.exec(line);
      return m && SECRETS.includes(m[1]) ? `${m[1]}=${secrets[m[1]]}` : line;
    })
    .join('\n');
  fs.writeFileSync(file, text, { mode: 0o600 });
  return true;
}

/** Loads .env (if any) into env with dotenv, without overriding what the environment already sets. */
function loadDotEnv(env = process.env, root = ROOT) {
  dotenv.config({ path: path.join(root, '.env'), processEnv: env, override: false, quiet: true });
}

/** Throws ConfigError with a one-line message naming what to set. */
function validate(env = process.env) {
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (!DATABASE_CLIENTS.includes(client)) {
    throw new ConfigError(
      `DATABASE_CLIENT="${client}" is not supported: set DATABASE_CLIENT to one of ${DATABASE_CLIENTS.join(', ')}.`
    );
  }
  if (client === 'postgres' && !env.DATABASE_URL && !env.DATABASE_HOST) {
    throw new ConfigError('DATABASE_CLIENT=postgres needs DATABASE_URL, or DATABASE_HOST with DATABASE_NAME, DATABASE_USERNAME and DATABASE_PASSWORD.');
  }
  const missing = SECRETS.filter((k) => !env[k] || /^(changeme|tobemodified)/i.test(env[k]));
  if (missing.length && env.NODE_ENV === 'production') {
    throw new ConfigError(
      `Missing secret${missing.length > 1 ? 's' : ''} for production: set ${missing.join(', ')} (each a random string, e.g. from \`openssl rand -base64 32\`).`
    );
  }
  if (missing.length) {
    throw new ConfigError(`Missing secret${missing.length > 1 ? 's' : ''}: set ${missing.join(', ')} in .env or the environment (delete .env to have fresh ones generated).`);
  }
  if (env.PROMPTPAY_BILLER_ID !== undefined && !/^\d{15}$/.test(env.PROMPTPAY_BILLER_ID)) {
    throw new ConfigError('PROMPTPAY_BILLER_ID must be 15 digits: the municipality\'s 13-digit tax ID and the 2-digit suffix its bank registered.');
  }
  if (env.PUBLIC_URL && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(env.PUBLIC_URL.trim())) {
    throw new ConfigError(`PUBLIC_URL="${env.PUBLIC_URL}" is not the site's address: set it to what citizens type, e.g. https://nokok.go.th (links, QR codes and e-mails start with it).`);
  }
  const badProxy = (env.TRUSTED_PROXIES || '').split(',').map((s) => s.trim()).filter(Boolean).find((entry) => !isAddressOrNetwork(entry));
  if (badProxy !== undefined) {
    throw new ConfigError(`TRUSTED_PROXIES: "${badProxy}" is not an IP address or a CIDR network: list your reverse proxies, e.g. TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8.`);
  }
  if (env.RATE_LIMIT_PER_MINUTE !== undefined && !/^[1-9]\d*$/.test(env.RATE_LIMIT_PER_MINUTE.trim())) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE="${env.RATE_LIMIT_PER_MINUTE}" is not a number of requests: set it to a whole number above 0, e.g. 20.`);
  }
  // 0 or less would erase every finished complaint's personal data at the next sweep.
  if (env.COMPLAINT_RETENTION_DAYS !== undefined && env.COMPLAINT_RETENTION_DAYS.trim() !== '' && !/^[1-9]\d*$/.test(env.COMPLAINT_RETENTION_DAYS.trim())) {
    throw new ConfigError(`COMPLAINT_RETENTION_DAYS="${env.COMPLAINT_RETENTION_DAYS}" is not a number of days: set it to a whole number above 0, e.g. 730 (two years).`);
  }
  if (env.MAP_TILE_URL && !(/^(https?:\/\/|\/)/i.test(env.MAP_TILE_URL) && ['{z}', '{x}', '{y}'].every((p) => env.MAP_TILE_URL.includes(p)))) {
    throw new ConfigError(`MAP_TILE_URL="${env.MAP_TILE_URL}" is not a tile URL template: it needs {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.`);
  }
  // Tag 59 of the Thai QR is EMV's "ans" set (printable ASCII); the QR builder refuses anything else.
  if (env.PROMPTPAY_MERCHANT_NAME !== undefined && !/^[\x20-\x7E]+$/.test(env.PROMPTPAY_MERCHANT_NAME)) {
    throw new ConfigError('PROMPTPAY_MERCHANT_NAME must be Latin letters, digits, spaces and punctuation (tag 59 of the Thai QR; the first 25 characters are used): a Thai name cannot go there.');
  }
  const port = env.PORT === undefined ? 1337 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT="${env.PORT}" is not a port number: set PORT to a number from 1 to 65535.`);
  }
}

/** The whole preflight; returns a message for the operator or exits with one line. */
function preflight(env = process.env, root = ROOT) {
  const created = ensureDotEnv(env, root);
  loadDotEnv(env, root);
  try {
    validate(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  return created;
}

module.exports = { preflight, randomSecrets, validate, ensureDotEnv, loadDotEnv, ConfigError, SECRETS, DATABASE_CLIENTS, ROOT };
