import { check } from '../../../../src/shared/field-rules';
import { profileInput, ACCOUNT_GROUPS, ANNOUNCEMENT_AUDIENCES } from '../../../../src/shared/account';

describe('profile input', () => {
  it('takes a profile, normalizing phone and groups', () => {
    expect(check(profileInput, { fullName: ' สมศรี ใจดี ', phone: '081-234-5678', village: 3, groups: ['elderly', 'elderly'], notifyBy: 'none', language: 'en' })).toEqual({
      data: { fullName: 'สมศรี ใจดี', phone: '0812345678', village: 3, groups: ['elderly'], notifyBy: 'none', language: 'en' },
    });
  });

  it('clears a name and phone sent blank or null', () => {
    expect(check(profileInput, { fullName: null, phone: '', village: null })).toEqual({ data: { fullName: null, phone: null, village: null } });
  });

  it('names every wrong field with its code', () => {
    const r = check(profileInput, { fullName: 'x'.repeat(121), phone: '12', village: 21, groups: ['pilots'], notifyBy: 'fax', language: 'fr', role: 'admin' });
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: ['fullName'], code: 'too_long' },
        { path: ['phone'], code: 'invalid_phone' },
        { path: ['village'], code: 'too_large' },
        { path: ['groups', 0], code: 'invalid_choice' },
        { path: ['notifyBy'], code: 'invalid_choice' },
        { path: ['language'], code: 'invalid_choice' },
        { path: ['role'], code: 'unknown_field' },
      ])
    );
  });

  it('audiences are everyone, a village, or a group', () => {
    expect(ANNOUNCEMENT_AUDIENCES).toEqual(['everyone', 'village', ...ACCOUNT_GROUPS]);
  });
});
