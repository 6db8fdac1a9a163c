import zlib from 'zlib';
import { Stream } from 'stream';
import { promisify } from 'util';
import type { Core } from '@strapi/strapi';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /^(application\/(json|javascript|xml|xhtml\+xml|geo\+json|ld\+json)|text\/|image\/svg\+xml)/;
const MIN_BYTES = 1024;

/** The bytes of a buffered body (JSON for objects); undefined for no body or a stream. */
const toBuffer = (body: unknown): Buffer | undefined => {
  if (body == null || body instanceof Stream) return undefined;
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
};

/**
 * Compresses buffered text answers (API JSON, the website's HTML): citizens are on slow mobile
 * networks. Streams (uploads, precompressed website assets) pass untouched.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  await next();
  const accept = ctx.get('Accept-Encoding');
  if (ctx.method === 'HEAD' || ctx.status === 204 || ctx.status === 304 || ctx.response.get('Content-Encoding')) return;
  if (!COMPRESSIBLE.test(ctx.response.type || '')) return;
  const raw = toBuffer(ctx.body);
  if (!raw) return;
  ctx.vary('Accept-Encoding');
  if (raw.length < MIN_BYTES) return;
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  if (!encoding) return;
  // The whole header: ctx.response.type drops the charset, and XML (unlike JSON) does not get it back.
  const type = ctx.response.get('Content-Type');
  ctx.body =
    encoding === 'br'
      ? await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gzip(raw, { level: 6 });
  ctx.type = type;
  ctx.set('Content-Encoding', encoding);
};
