import { E_FORM_CODES, bangkokToday, checkAnswers, checkFiles, fileRules, isIsoDay, lines, nationalIdValid, sniffFile, type Field } from '../../../../src/shared/e-form-rules';
import th from '../../../../src/http/messages/th.json';
import en from '../../../../src/http/messages/en.json';

const base = { help: null, required: false };
const label = (th: string) => ({ th, en: th });
const F = {
  name: { ...base, name: 'name', label: label('ชื่อ'), __component: 'eform.short-text', maxLength: 20, required: true },
  note: { ...base, name: 'note', label: label('หมายเหตุ'), __component: 'eform.long-text', maxLength: 50 },
  age: { ...base, name: 'age', label: label('อายุ'), __component: 'eform.number', min: 60, max: 120, integer: true, unit: null, required: true },
  born: { ...base, name: 'born', label: label('วันเกิด'), __component: 'eform.date', allow: 'past' },
  visit: { ...base, name: 'visit', label: label('วันนัด'), __component: 'eform.date', allow: 'future' },
  size: { ...base, name: 'size', label: label('ขนาด'), __component: 'eform.choice', multiple: false, options: [{ value: 'เล็ก', label: { th: 'เล็ก', en: 'Small' } }, { value: 'ใหญ่', label: { th: 'ใหญ่', en: 'Large' } }] },
  needs: { ...base, name: 'needs', label: label('ความต้องการ'), __component: 'eform.choice', multiple: true, required: true, options: [{ value: 'ก', label: label('ก') }, { value: 'ข', label: label('ข') }] },
  owner: { ...base, name: 'owner', label: label('เป็นเจ้าของ'), __component: 'eform.yes-no' },
  id: { ...base, name: 'id', label: label('เลขประจำตัวประชาชน'), __component: 'eform.national-id', required: true },
  phone: { ...base, name: 'phone', label: label('โทร'), __component: 'eform.phone' },
  email: { ...base, name: 'email', label: label('อีเมล'), __component: 'eform.email' },
  home: { ...base, name: 'home', label: label('ที่อยู่'), __component: 'eform.address', required: true, defaults: { subdistrict: 'นกออก', district: 'ปักธงชัย', province: 'นครราชสีมา' } },
  spot: { ...base, name: 'spot', label: label('ตำแหน่ง'), __component: 'eform.location' },
  agree: { ...base, name: 'agree', label: label('ยินยอม'), __component: 'eform.consent', required: true, text: label('ข้าพเจ้ายินยอม') },
  docs: { ...base, name: 'docs', label: label('เอกสาร'), __component: 'eform.file', required: true, accept: 'pdf', mimeTypes: ['application/pdf'], maxSizeMb: 1, maxFiles: 2 },
} satisfies Record<string, Field>;
const fields: Field[] = Object.values(F);
const today = () => '2026-12-02';

const valid = {
  name: '  สมชาย ใจดี ',
  age: 72,
  needs: ['ก'],
  id: '1-1017-00230-70-8',
  home: { houseNumber: '12', village: 'หมู่ 3', subdistrict: 'นกออก', district: 'ปักธงชัย', province: 'นครราชสีมา', postcode: '30150' },
  agree: true,
};
const codes = (answers: Record<string, unknown>) => (checkAnswers(fields, answers, { today }).issues ?? []).map((i) => `${i.path.join('.')}:${i.code}`);

describe('e-form answers', () => {
  it('accepts valid answers, trims and normalises them, drops unknown keys and blanks', () => {
    const r = checkAnswers(fields, { ...valid, note: '', phone: '081-234-5678', email: ' A@B.CO ', size: null, stranger: 'x', born: '1950-01-31', visit: '2026-12-02', spot: { lat: 14.71, lng: 102.01 }, owner: false }, { today });
    expect(r.issues).toBeUndefined();
    expect(r.data).toEqual({
      name: 'สมชาย ใจดี',
      age: 72,
      needs: ['ก'],
      id: '1101700230708',
      home: valid.home,
      agree: true,
      phone: '0812345678',
      email: 'a@b.co',
      born: '1950-01-31',
      visit: '2026-12-02',
      spot: { lat: 14.71, lng: 102.01 },
      owner: false,
    });
  });

  it('names every missing required answer at once', () => {
    expect(codes({})).toEqual(['name:required', 'age:required', 'needs:required', 'id:required', 'home:required', 'agree:required']);
    expect(codes({ ...valid, name: '   ', needs: [], id: null, home: { subdistrict: 'นกออก' } })).toEqual(['name:required', 'needs:required', 'id:required', 'home.district:required', 'home.province:required']);
  });

  const wrong: Array<[string, Record<string, unknown>, string]> = [
    ['a long name', { name: 'ก'.repeat(21) }, 'name:too_long'],
    ['a control character', { note: 'a\u0007' }, 'note:control_characters'],
    ['a numeric string', { age: '72' }, 'age:invalid_type'],
    ['too young', { age: 59 }, 'age:too_small'],
    ['too old', { age: 121 }, 'age:too_large'],
    ['a fraction', { age: 70.5 }, 'age:not_integer'],
    ['not a date', { born: '31/01/2493' }, 'born:invalid_date'],
    ['30 February', { born: '2026-02-30' }, 'born:invalid_date'],
    ['a Buddhist year', { visit: '2569-12-31' }, 'visit:invalid_date'],
    ['a future birth', { born: '2026-12-03' }, 'born:date_not_past'],
    ['a past appointment', { visit: '2026-12-01' }, 'visit:date_not_future'],
    ['an unknown option', { size: 'กลาง' }, 'size:invalid_choice'],
    ['a list for one choice', { size: ['เล็ก'] }, 'size:invalid_choice'],
    ['a duplicate', { needs: ['ก', 'ก'] }, 'needs:invalid_choice'],
    ['an unknown option among several', { needs: ['ก', 'ค'] }, 'needs.1:invalid_choice'],
    ['a text for yes/no', { owner: 'yes' }, 'owner:invalid_type'],
    ['a wrong check digit', { id: '1101700230709' }, 'id:invalid_national_id'],
    ['12 digits', { id: '110170023070' }, 'id:invalid_national_id'],
    ['a bad phone', { phone: '12345' }, 'phone:invalid_phone'],
    ['a bad e-mail', { email: 'not-an-address' }, 'email:invalid_email'],
    ['a bad postcode', { home: { ...valid.home, postcode: '3015' } }, 'home.postcode:invalid_postcode'],
    ['a point in Paris', { spot: { lat: 48.85, lng: 2.35 } }, 'spot:out_of_area'],
    ['consent refused', { agree: false }, 'agree:consent_required'],
  ];
  it.each(wrong)('refuses %s', (_what, change, expected) => {
    expect(codes({ ...valid, ...change })).toEqual([expected]);
  });

  it("uses Bangkok's today", () => {
    expect(bangkokToday(new Date('2026-12-01T17:30:00Z'))).toBe('2026-12-02');
    expect(bangkokToday(new Date('2026-12-01T16:59:00Z'))).toBe('2026-12-01');
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2027-02-29')).toBe(false);
  });
});

describe('national ID', () => {
  it.each([
    ['1101700230708', true],
    ['1 1017 00230 70 8', true],
    ['3-1005-01164-88-3', true],
    ['1101700230707', false],
    ['110170023070a', false],
    ['', false],
  ])('%s → %s', (id, ok) => expect(nationalIdValid(id)).toBe(ok));
});

describe('e-form files', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ');
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
  const exe = new TextEncoder().encode('MZ\u0090\u0000');
  const imgField = { ...F.docs, name: 'photo', accept: 'images' as const, required: false, maxFiles: 1 };

  it('tells file types by content', () => {
    expect([pdf, png, jpeg, webp, exe].map(sniffFile)).toEqual(['pdf', 'png', 'jpeg', 'webp', null]);
    expect(fileRules({ accept: 'pdf_images', maxSizeMb: 5, maxFiles: 1 })).toMatchObject({ mimeTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'], maxBytes: 5 * 1024 * 1024 });
  });

  it('checks count, type and size per field; ignores files under other names', () => {
    expect(checkFiles([F.docs, imgField], [{ name: 'docs', size: 100, head: pdf }, { name: 'other', size: 1, head: exe }])).toEqual([]);
    expect(checkFiles([F.docs, imgField], [])).toEqual([{ path: ['docs'], code: 'required' }]);
    const issues = checkFiles([F.docs, imgField], [
      { name: 'docs', size: 100, head: png },
      { name: 'docs', size: 2 * 1024 * 1024, head: pdf },
      { name: 'docs', size: 100, head: pdf },
      { name: 'photo', size: 100, head: pdf },
    ]);
    expect(issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['docs:too_many_files', 'docs.0:file_type', 'docs.1:file_too_large', 'photo.0:file_type']);
  });
});

describe('helpers', () => {
  it('splits one-per-line text', () => expect(lines(' ก \r\n\n ข\n')).toEqual(['ก', 'ข']));
  it('words every code in both catalogues', () => {
    for (const code of [...E_FORM_CODES, 'form_not_found', 'form_closed']) {
      expect([code, (th as Record<string, string>)[code]]).toEqual([code, expect.any(String)]);
      expect([code, (en as Record<string, string>)[code]]).toEqual([code, expect.any(String)]);
    }
  });
});
