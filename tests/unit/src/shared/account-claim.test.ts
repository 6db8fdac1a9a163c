import { check } from '../../../../src/shared/field-rules';
import { canonicalPhone, claimInput, contactMatches, readContact } from '../../../../src/shared/account-claim';

describe('claim contact', () => {
  it('reads an e-mail in any case and a Thai phone in any of its written forms', () => {
    expect(readContact(' Somsri@Example.COM ')).toEqual({ email: 'somsri@example.com' });
    expect(readContact('081-234-5678')).toEqual({ phone: '0812345678' });
    expect(readContact('+66 81 234 5678')).toEqual({ phone: '0812345678' });
    expect(readContact('hello')).toBeNull();
    expect(readContact('a@b')).toBeNull();
    expect(canonicalPhone('+6621234567')).toBe('021234567');
  });

  it('matches the stored contact only, never a blank one', () => {
    expect(contactMatches({ contactEmail: 'Somsri@example.com', contactPhone: null }, { email: 'somsri@example.com' })).toBe(true);
    expect(contactMatches({ contactEmail: null, contactPhone: '+66812345678' }, { phone: '0812345678' })).toBe(true);
    expect(contactMatches({ contactEmail: null, contactPhone: null }, { phone: '0812345678' })).toBe(false);
    expect(contactMatches({ contactEmail: '', contactPhone: '' }, { email: '' })).toBe(false);
    expect(contactMatches({ contactEmail: 'a@example.com', contactPhone: '0812345678' }, { email: 'b@example.com' })).toBe(false);
  });

  it('takes a tracking code in any case and names each wrong field', () => {
    expect(check(claimInput, { trackingCode: ' nk-6912-7kq3m ', contact: '081 234 5678' })).toEqual({ data: { trackingCode: 'NK-6912-7KQ3M', contact: { phone: '0812345678' } } });
    const refused = check(claimInput, { trackingCode: 'NK-6912-0O000', contact: 'x' });
    expect(refused.issues?.map((i) => `${i.path.join('.')}:${i.code}`).sort()).toEqual(['contact:invalid_contact', 'trackingCode:invalid_tracking_code']);
    expect(check(claimInput, {}).issues?.map((i) => i.code)).toEqual(['required', 'required']);
  });
});
