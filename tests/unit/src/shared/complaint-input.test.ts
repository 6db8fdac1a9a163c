import { complaintInput } from '../../../../src/shared/complaint-input';
import { check } from '../../../../src/shared/field-rules';
import { TRACKING_CODE_PATTERN } from '../../../../src/api/complaint/domain/tracking-code';
import { TRACKING_CODE, complaintIssues, toComplaintData, type FormValues } from '../../../../website/src/complaint-rules';

// One schema: the server validates POST /api/complaints with it and the website checks its form with it.
const form = (v: Partial<FormValues> = {}): FormValues => ({
  category: 'road',
  title: '',
  description: 'ถนนหน้าวัดเป็นหลุม',
  location: null,
  address: '',
  village: '',
  name: '',
  phone: '',
  email: '',
  consent: false,
  ...v,
});

const cases: Array<[string, Partial<FormValues>, string[]]> = [
  ['a minimal complaint', {}, []],
  ['everything filled in', { title: 'หลุม', location: { lat: 14.72, lng: 102.02 }, address: 'หน้าวัด', village: '5', name: 'สมหญิง', phone: '081 234 5678', email: 'a@b.co', consent: true }, []],
  ['no category', { category: '' }, ['category:required']],
  ['a blank description', { description: '   ' }, ['description:required']],
  ['a zero-width description', { description: '\u200b\u200b' }, ['description:required']],
  ['a control character', { description: 'a\u0007b' }, ['description:control_characters']],
  ['a NUL description', { description: '\u0000' }, ['description:control_characters']],
  ['a NUL title', { title: '\u0000' }, ['title:control_characters']],
  ['a long title', { title: 'ก'.repeat(201) }, ['title:too_long']],
  ['a long description', { description: 'ข'.repeat(5001) }, ['description:too_long']],
  ['a long address', { address: 'ค'.repeat(301) }, ['address:too_long']],
  ['a point in Paris', { location: { lat: 48.85, lng: 2.35 } }, ['location:out_of_area']],
  ['village 0', { village: '0' }, ['village:too_small']],
  ['village 100', { village: '100' }, ['village:invalid_type']],
  ['village "abc"', { village: 'abc' }, ['village:invalid_type']],
  ['a bad phone', { phone: 'call me', consent: true }, ['contact.phone:invalid_phone']],
  ['a long phone', { phone: '0'.repeat(31), consent: true }, ['contact.phone:too_long']],
  ['a bad e-mail', { email: 'not-an-address', consent: true }, ['contact.email:invalid_format']],
  ['contact without consent', { phone: '0812345678' }, ['consent:consent_required']],
  ['consent without contact', { consent: true }, []],
];

const codes = (d: unknown) => {
  return (check(complaintInput, d).issues ?? []).map((i) => `${i.path.join('.')}:${i.code}`);
};

describe('the complaint input schema', () => {
  it.each(cases)('names %s by field and code, on both sides', (_label, v, expected) => {
    const data = toComplaintData(form(v));
    expect(codes(data)).toEqual(expected);
    expect(complaintIssues(data).map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(expected);
  });

  it('normalises what it accepts: trimmed text, compact phone, lower-case e-mail, rounded point, unique photos', () => {
    const r = check(complaintInput, {
      category: ' road ',
      description: ' หลุม ',
      location: { lat: 14.123456789, lng: 102.987654321 },
      contact: { phone: '081-234 5678', email: 'A@B.CO' },
      consent: true,
      photos: [4, 4, 5].map((id) => ({ id, token: `t${id}` })),
      status: 'closed', // the server's: dropped, never stored
    });
    expect(r.data).toEqual({
      category: 'road',
      description: 'หลุม',
      location: { lat: 14.123457, lng: 102.987654 },
      contact: { phone: '0812345678', email: 'a@b.co' },
      consent: true,
      photos: [4, 5].map((id) => ({ id, token: `t${id}` })),
    });
  });

  it('limits photos to three, on both sides', () => {
    const data = { ...toComplaintData(form()), photos: [1, 2, 3, 4].map((id) => ({ id, token: `t${id}` })) };
    expect(codes(data)).toEqual(['photos:too_many']);
    expect(complaintIssues(data, 4).map((i) => i.code)).toContain('too_many');
  });

  it('shares the tracking code pattern with the engine', () => {
    expect(TRACKING_CODE.source).toBe(TRACKING_CODE_PATTERN.source);
  });
});
