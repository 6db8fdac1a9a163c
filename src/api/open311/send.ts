import type { Context } from 'koa';
import { toXmlDocument, type XmlValue } from './domain/xml';

/** Answers in the format the path asked for: JSON as is, XML under the spec's root element. */
export function sendOpen311(ctx: Context, status: number, root: string, data: unknown, cacheControl?: string) {
  const xml = (ctx.params as Record<string, string | undefined>).format === 'xml';
  ctx.status = status;
  if (xml) {
    // The type GeoReport v2 names, and the one discovery advertises.
    ctx.type = 'text/xml; charset=utf-8';
    ctx.body = toXmlDocument(root, data as XmlValue);
  } else {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = JSON.stringify(data);
  }
  if (ctx.method === 'GET' && status === 200) {
    // The language follows Accept-Language, so shared caches must keep one copy per language.
    ctx.vary('Accept-Language');
    if (cacheControl) ctx.set('Cache-Control', cacheControl);
  }
}
