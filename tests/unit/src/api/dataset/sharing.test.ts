import {
  accessLogQuery,
  accessRows,
  bangkokTime,
  credentialsOf,
  exportName,
  hasExpired,
  isCalendarDay,
  issueTokenBody,
  partnerTokenName,
  readsOnly,
  timeWindow,
  toCsv,
  tokenState,
  type AccessEntry,
} from '../../../../../src/api/dataset/domain/sharing';
import { check } from '../../../../../src/shared/field-rules';
import { restrictedFileUrls, servedPath } from '../../../../../src/api/dataset/restricted-files';

describe('a partner key in the Authorization header', () => {
  it('is read from Bearer, or bare as CKAN clients send it', () => {
    expect(credentialsOf('Bearer abc123')).toEqual({ kind: 'key', key: 'abc123' });
    expect(credentialsOf('bearer   abc123 ')).toEqual({ kind: 'key', key: 'abc123' });
    expect(credentialsOf('abc123')).toEqual({ kind: 'key', key: 'abc123' });
  });

  it('is none without a header or with another scheme, and malformed when Bearer holds more than one word', () => {
    expect(credentialsOf(undefined)).toEqual({ kind: 'none' });
    expect(credentialsOf('   ')).toEqual({ kind: 'none' });
    expect(credentialsOf('Basic dXNlcjpwYXNz')).toEqual({ kind: 'none' });
    expect(credentialsOf('Bearer a b')).toEqual({ kind: 'malformed' });
  });
});

describe('a token as staff see it', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  const inDays = (d: number) => new Date(now.getTime() + d * 86400_000).toISOString();

  it('is none, active, expiring within 14 days, or expired', () => {
    expect(tokenState(null, now)).toBe('none');
    expect(tokenState({ expiresAt: null }, now)).toBe('active');
    expect(tokenState({ expiresAt: inDays(30) }, now)).toBe('active');
    expect(tokenState({ expiresAt: inDays(14) }, now)).toBe('expiring');
    expect(tokenState({ expiresAt: inDays(0.5) }, now)).toBe('expiring');
    expect(tokenState({ expiresAt: inDays(-1) }, now)).toBe('expired');
    expect(tokenState({ expiresAt: now.toISOString() }, now)).toBe('expired');
  });

  it('has expired only with an expiry in the past', () => {
    expect(hasExpired(null, now)).toBe(false);
    expect(hasExpired(inDays(1), now)).toBe(false);
    expect(hasExpired(inDays(-1), now)).toBe(true);
  });

  it('only reads: Strapi read-only, or custom with finds at most (none, as issued to partners)', () => {
    expect(readsOnly({ type: 'read-only' })).toBe(true);
    expect(readsOnly({ type: 'custom', permissions: [] })).toBe(true);
    expect(readsOnly({ type: 'custom', permissions: ['api::news.news-item.find', 'api::page.page.findOne'] })).toBe(true);
    expect(readsOnly({ type: 'custom', permissions: ['api::news.news-item.create'] })).toBe(false);
    expect(readsOnly({ type: 'full-access' })).toBe(false);
  });

  it('is named by its agency and the Thai day it was issued', () => {
    // 20:00 UTC on 30 April is already 1 May in Thailand.
    expect(partnerTokenName(12, new Date('2026-04-30T20:00:00Z'), 'a1b2c3')).toBe('partner-12-20260501-a1b2c3');
  });

  it('lasts one of the offered lifetimes', () => {
    expect(check(issueTokenBody, { days: 365 }).data).toEqual({ days: 365 });
    expect(check(issueTokenBody, { days: 7 }).issues).toEqual([{ path: ['days'], code: 'invalid_choice' }]);
    expect(check(issueTokenBody, {}).issues).toEqual([{ path: ['days'], code: 'required' }]);
  });
});

describe('the access log filters', () => {
  it('take Thai days: from the start of the first to the end of the last', () => {
    expect(timeWindow({ from: '2026-05-01', to: '2026-05-02' })).toEqual({ $gte: new Date('2026-04-30T17:00:00Z'), $lt: new Date('2026-05-02T17:00:00Z') });
    expect(timeWindow({})).toEqual({});
    expect(bangkokTime('2026-04-30T17:00:00Z')).toBe('2026-05-01T00:00:00+07:00');
  });

  it('accept real days only, in order, and default the page', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('1/5/2569')).toBe(false);
    expect(check(accessLogQuery, { agency: '3', from: '2026-05-01' }).data).toEqual({ agency: 3, from: '2026-05-01', page: 1, pageSize: 25, locale: 'th' });
    expect(check(accessLogQuery, { from: '2026-05-02', to: '2026-05-01' }).issues).toEqual([{ path: ['to'], code: 'invalid_format' }]);
    expect(check(accessLogQuery, { from: '2026-13-01' }).issues).toEqual([{ path: ['from'], code: 'invalid_format' }]);
    expect(check(accessLogQuery, { pageSize: '1000' }).issues?.[0]).toMatchObject({ path: ['pageSize'] });
  });
});

describe('the access log export', () => {
  const entry: AccessEntry = {
    id: 1,
    at: '2026-05-01T03:04:05.000Z',
    agency: { id: 2, name: 'สำนักงานสาธารณสุขจังหวัดนครราชสีมา' },
    tokenName: 'partner-2-20260501-abcdef',
    dataset: 'health-survey',
    resource: '8f1c0c1e-0000-4000-8000-000000000000',
    action: 'datastore_search',
    path: '/api/3/action/datastore_search?resource_id=8f1c&q="ไข้", เลือดออก',
    clientAddress: '203.0.113.9',
  };

  it('has a header row in the staff language and Thai local times', () => {
    const rows = accessRows([entry], 'th');
    expect(rows[0][0]).toBe('เวลา');
    expect(accessRows([], 'en')).toEqual([['Time', 'Agency', 'API token', 'Dataset', 'Resource', 'Action', 'Path', 'IP address']]);
    expect(rows[1].slice(0, 2)).toEqual(['2026-05-01T10:04:05+07:00', 'สำนักงานสาธารณสุขจังหวัดนครราชสีมา']);
  });

  it('is CSV Excel opens in Thai: a byte order mark, CRLF, quotes doubled, formulas written as text', () => {
    const csv = toCsv([
      ['a', 'b,c', 'say "hi"'],
      ['=SUM(A1)', '-1', 'line\nbreak'],
    ]);
    expect(csv).toBe('\uFEFFa,"b,c","say ""hi"""\r\n\'=SUM(A1),\'-1,"line\nbreak"\r\n');
    expect(toCsv(accessRows([entry], 'th'))).toContain('"/api/3/action/datastore_search?resource_id=8f1c&q=""ไข้"", เลือดออก"');
  });

  it('is named by the days it covers', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(exportName({}, 'csv', now)).toBe('data-access-log_2026-05-01.csv');
    expect(exportName({ from: '2026-04-01' }, 'xlsx', now)).toBe('data-access-log_2026-04-01_2026-05-01.xlsx');
  });
});

describe('restricted files', () => {
  const file = (name: string) => ({ url: `/uploads/${name}`, formats: { thumbnail: { url: `/uploads/thumbnail_${name}` } } });

  it('are every file of a restricted or non-public dataset, and the files of restricted resources', () => {
    const urls = restrictedFileUrls([
      { accessLevel: 'restricted', dataCategory: 'public', resources: [{ restricted: false, file: file('a.png') }, { restricted: false, file: null }] },
      { accessLevel: 'public', dataCategory: 'personal', resources: [{ restricted: null, file: file('b.csv') }] },
      { accessLevel: 'public', dataCategory: 'public', resources: [{ restricted: true, file: file('c.csv') }, { restricted: false, file: file('d.csv') }] },
    ]);
    expect([...urls].sort()).toEqual(['/uploads/a.png', '/uploads/b.csv', '/uploads/c.csv', '/uploads/thumbnail_a.png', '/uploads/thumbnail_b.csv', '/uploads/thumbnail_c.csv']);
  });

  it('are named by the path the static server reads', () => {
    expect(servedPath('/uploads/%2e/a.csv')).toBe('/uploads/a.csv');
    expect(servedPath('/uploads//x/../a.csv')).toBe('/uploads/a.csv');
    expect(servedPath('/uploads/%E0%B8%81.csv')).toBe('/uploads/ก.csv');
    expect(servedPath('/uploads/%zz.csv')).toBe('/uploads/%zz.csv');
  });
});
