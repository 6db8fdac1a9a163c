import { clientAddress, normalizeAddress, trustedProxies } from '../../../../src/middlewares/client-address';

describe('trustedProxies', () => {
  it('matches addresses and CIDR networks, IPv4 and IPv6, and IPv4 seen through an IPv6 socket', () => {
    const trusted = trustedProxies(['127.0.0.1', ' 10.0.0.0/8 ', '::1', 'fd00::/8', '']);
    for (const a of ['127.0.0.1', '::ffff:127.0.0.1', '10.1.2.3', '::1', 'fd12::1']) expect(trusted(a)).toBe(true);
    for (const a of ['127.0.0.2', '11.0.0.1', '2001:db8::1', 'unknown', '']) expect(trusted(a)).toBe(false);
  });

  it('trusts nobody when none is listed', () => {
    expect(trustedProxies([])('127.0.0.1')).toBe(false);
  });

  it('refuses an entry that is not an address or a network', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129']) expect(() => trustedProxies([bad])).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('clientAddress', () => {
  const trusted = trustedProxies(['127.0.0.1', '10.0.0.0/8']);

  it('is the socket peer when that is not a trusted proxy, whatever the header says', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.1', trusted)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:203.0.113.5', undefined, trustedProxies([]))).toBe('203.0.113.5');
  });

  it('behind a trusted proxy, is the right-most forwarded address that is not a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    // The client forged the left-most entry; the proxy appended the real one.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.5', trusted)).toBe('203.0.113.5');
    // Two of our proxies in a row.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.5, 10.0.0.7', trusted)).toBe('203.0.113.5');
    // Every hop trusted: the first of them; no header: the proxy itself.
    expect(clientAddress('127.0.0.1', '10.0.0.8, 10.0.0.7', trusted)).toBe('10.0.0.8');
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
  });

  it('reads addresses as proxies write them', () => {
    expect(normalizeAddress(' 203.0.113.5:4711 ')).toBe('203.0.113.5');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
  });
});
