import { BlockList, isIP } from 'net';
import type { Core } from '@strapi/strapi';

/**
 * Who is asking: the address of the client behind any reverse proxies we trust, set as
 * ctx.request.ip before anything else runs, so the rate limits (and Strapi's own login limits) key
 * on the real client. The socket's peer is the client unless it is one of TRUSTED_PROXIES
 * (config/server.ts); only then is X-Forwarded-For believed, read from the right (what our proxy
 * appended) past every trusted hop, so entries a client forged on the left never count. From any
 * other peer the X-Forwarded-* headers are dropped, so Koa's protocol and host ignore them too.
 */

/** An address as written by a socket or a proxy, made comparable: no IPv4-mapped prefix, no port. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  return (mapped ? mapped[1] : a).toLowerCase();
}

/** Whether an address is one of the trusted proxies. */
export type TrustCheck = (address: string) => boolean;

/**
 * A check for the given addresses and CIDR networks (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`).
 * An entry that is neither throws: a typo must not silently trust nobody, or everybody.
 */
export function trustedProxies(entries: readonly string[]): TrustCheck {
  const list = new BlockList();
  let any = false;
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR network such as 10.0.0.0/8`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
    any = true;
  }
  if (!any) return () => false;
  return (raw) => {
    const address = normalizeAddress(raw);
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: the peer itself unless it is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not a trusted proxy (the left-most when every hop is trusted).
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, isTrusted: TrustCheck): string {
  const direct = normalizeAddress(peer);
  if (!isTrusted(direct)) return direct;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(hops[i])) return hops[i];
  return hops[0] ?? direct;
}

const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const isTrusted = trustedProxies(strapi.config.get<string[]>('server.trustedProxies', []));
  return async (ctx, next) => {
    const peer = ctx.req.socket.remoteAddress ?? '';
    const ipHeader = ctx.app.proxyIpHeader.toLowerCase();
    if (!isTrusted(peer)) {
      for (const name of [...FORWARDED_HEADERS, ipHeader]) delete ctx.req.headers[name];
    }
    ctx.request.ip = clientAddress(peer, ctx.get(ipHeader) || undefined, isTrusted);
    await next();
  };
};
