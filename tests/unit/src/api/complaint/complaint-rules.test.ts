import { THAILAND, complaintIssues, toComplaintData, type FormValues } from '../../../../../website/src/complaint-rules';
import { THAILAND as SERVER_THAILAND, validateComplaintInput } from '../../../../../src/api/complaint/domain/validate';
import { TRACKING_CODE_PATTERN } from '../../../../../src/api/complaint/domain/tracking-code';
import { TRACKING_CODE } from '../../../../../website/src/complaint-rules';

// The website checks a complaint before sending it; these cases keep its checks and the server's in step.
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

const cases: Array<[string, Partial<FormValues>]> = [
  ['a minimal complaint', {}],
  ['everything filled in', { title: 'หลุม', location: { lat: 14.72, lng: 102.02 }, address: 'หน้าวัด', village: '5', name: 'สมหญิง', phone: '081 234 5678', email: 'a@b.co', consent: true }],
  ['no category', { category: '' }],
  ['a blank description', { description: '   ' }],
  ['a long title', { title: 'ก'.repeat(201) }],
  ['a long description', { description: 'ข'.repeat(5001) }],
  ['a long address', { address: 'ค'.repeat(301) }],
  ['a point in Paris', { location: { lat: 48.85, lng: 2.35 } }],
  ['village 0', { village: '0' }],
  ['village 100', { village: '100' }],
  ['village "abc"', { village: 'abc' }],
  ['a bad phone', { phone: 'call me', consent: true }],
  ['a long phone', { phone: '0'.repeat(31), consent: true }],
  ['a bad e-mail', { email: 'not-an-address', consent: true }],
  ['contact without consent', { phone: '0812345678' }],
  ['consent without contact', { consent: true }],
];

describe('the website complaint checks mirror the server', () => {
  it.each(cases)('agree on %s', (_label, v) => {
    const data = toComplaintData(form(v));
    const client = complaintIssues(data).map((i) => i.path.join('.')).sort();
    const server = validateComplaintInput({ data }).issues.map((i) => i.path.join('.')).sort();
    expect(client).toEqual([...new Set(server)]);
  });

  it('limit photos to three, as the server does', () => {
    const data = { ...toComplaintData(form()), photos: [1, 2, 3, 4] };
    expect(complaintIssues(data).map((i) => i.path.join('.'))).toEqual(['photos']);
    expect(validateComplaintInput({ data }).issues.map((i) => i.path.join('.'))).toEqual(['photos']);
  });

  it('share the bounding box and the tracking code pattern', () => {
    expect(THAILAND).toEqual(SERVER_THAILAND);
    expect(TRACKING_CODE.source).toBe(TRACKING_CODE_PATTERN.source);
  });
});
