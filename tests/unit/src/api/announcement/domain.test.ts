import { addressOf, alreadyTold, reaches } from '../../../../../src/api/announcement/domain/audience';
import { hashLinkCode, linkCodeIn, newLinkCode, LINK_CODE_PATTERN } from '../../../../../src/api/announcement/domain/link-code';
import { inForce, toPublicNotice } from '../../../../../src/api/announcement/domain/public-view';
import { catalogueProblems } from '../../../../../src/shared/messages';
import th from '../../../../../src/api/announcement/messages/th.json';
import en from '../../../../../src/api/announcement/messages/en.json';

describe('who an announcement reaches', () => {
  const person = { id: 1, email: 'a@example.test', village: 3, groups: ['elderly'] };
  it('everyone, their village only, their groups only', () => {
    expect(reaches({ audience: 'everyone' }, person)).toBe(true);
    expect(reaches({ audience: 'village', village: 3 }, person)).toBe(true);
    expect(reaches({ audience: 'village', village: 4 }, person)).toBe(false);
    expect(reaches({ audience: 'village', village: null }, person)).toBe(false);
    expect(reaches({ audience: 'village', village: 3 }, { ...person, village: null })).toBe(false);
    expect(reaches({ audience: 'elderly' }, person)).toBe(true);
    expect(reaches({ audience: 'farmers' }, person)).toBe(false);
    expect(reaches({ audience: 'farmers' }, { ...person, groups: 'farmers' })).toBe(false);
    expect(reaches({ audience: 'unknown' }, { ...person, groups: ['unknown'] })).toBe(false);
  });

  it('by the channel the person chose: LINE only when linked, none is none', () => {
    expect(addressOf(person)).toEqual({ channel: 'email', to: 'a@example.test' });
    expect(addressOf({ ...person, notifyBy: 'line', lineUserId: 'U1' })).toEqual({ channel: 'line', to: 'U1' });
    expect(addressOf({ ...person, notifyBy: 'line', lineUserId: null })).toEqual({ channel: 'email', to: 'a@example.test' });
    expect(addressOf({ ...person, notifyBy: 'none', lineUserId: 'U1' })).toBeNull();
    expect(addressOf({ id: 2, notifyBy: 'email' })).toBeNull();
  });

  it('knows an address already told (e-mail without case)', () => {
    const queued = [{ channel: 'email', to: 'A@Example.test' }, { channel: 'line', to: 'U1' }];
    expect(alreadyTold(queued, { channel: 'email', to: 'a@example.test' })).toBe(true);
    expect(alreadyTold(queued, { channel: 'line', to: 'u1' })).toBe(false);
    expect(alreadyTold(queued, { channel: 'line', to: 'U1' })).toBe(true);
    expect(alreadyTold([], { channel: 'email', to: 'a@example.test' })).toBe(false);
  });
});

describe('LINE link codes', () => {
  it('are NOKOK- and six digits, recognised only as a whole message', () => {
    for (let i = 0; i < 50; i++) expect(newLinkCode()).toMatch(LINK_CODE_PATTERN);
    expect(linkCodeIn(' nokok-012345 ')).toBe('NOKOK-012345');
    expect(linkCodeIn('NOKOK - 012345')).toBe('NOKOK-012345');
    expect(linkCodeIn('รหัส NOKOK-012345')).toBeNull();
    expect(linkCodeIn('NOKOK-01234')).toBeNull();
    expect(linkCodeIn('ไฟดับ')).toBeNull();
  });

  it('are stored as a keyed hash', () => {
    expect(hashLinkCode('NOKOK-012345', 'k1')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkCode('NOKOK-012345', 'k1')).not.toBe(hashLinkCode('NOKOK-012345', 'k2'));
  });
});

describe('a notice as anyone reads it', () => {
  const a = { documentId: 'doc1', titleTh: 'ประปาหยุด', titleEn: 'Water off', bodyTh: 'หมู่ 3', bodyEn: 'Village 3', audience: 'village', village: 3, public: true, publishedAt: '2026-12-01T03:00:00.000Z', expiresAt: null };
  it('in the language asked for when written, else Thai, from an allow-list', () => {
    expect(toPublicNotice(a, 'en')).toEqual({ id: 'doc1', title: 'Water off', body: 'Village 3', language: 'en', audience: 'village', village: 3, publishedAt: '2026-12-01T03:00:00.000Z', expiresAt: null });
    expect(toPublicNotice({ ...a, bodyEn: '' }, 'en')).toMatchObject({ title: 'ประปาหยุด', language: 'th' });
    expect(toPublicNotice({ ...a, audience: 'everyone' }, 'th').village).toBeNull();
  });

  it('is in force until it expires', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(inForce({ expiresAt: null }, now)).toBe(true);
    expect(inForce({ expiresAt: '2026-12-03T00:00:00Z' }, now)).toBe(true);
    expect(inForce({ expiresAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
  });
});

it('has its copy in Thai and English with the same placeholders', () => {
  expect(catalogueProblems({ th, en })).toEqual([]);
});
