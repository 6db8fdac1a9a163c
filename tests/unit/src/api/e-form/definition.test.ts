import { fillFieldNames, keyFromLabel, toFormDefinition, toFormSummary } from '../../../../../src/api/e-form/domain/definition';
import { answerRows, answersSummary } from '../../../../../src/api/e-form-submission/domain/answers-view';
import { processingDaysOf } from '../../../../../src/api/e-form-submission/case-type';

describe('field names', () => {
  it.each([
    ['Date of birth', 'date_of_birth'],
    ['  E-mail ', 'e_mail'],
    ['2. Address (house registration)', 'address_house_registration'],
    ['Copies of the ID card, house registration and bank book', 'copies_of_the_id_card_house_registration'],
    ['Café owner’s name', 'cafe_owner_s_name'],
    ['ชื่อ', ''],
    [null, ''],
  ])('%s → %s', (label, key) => expect(keyFromLabel(label)).toBe(key));

  it('fills blank names from the English label, else field_<n>, unique, keeping names already there', () => {
    const named = fillFieldNames([
      { name: 'full_name', labelEn: 'Name' },
      { name: '', labelEn: 'Full name' },
      { name: null, labelEn: '' },
      { labelEn: 'Full name' },
      { name: ' ', labelEn: 'ที่อยู่' },
    ]);
    expect(named.map((f) => f.name)).toEqual(['full_name', 'full_name_2', 'field_3', 'full_name_3', 'field_5']);
  });
});

describe('a stored form as the public definition', () => {
  const stored = {
    slug: 'water-truck',
    titleTh: 'ขอรถบรรทุกน้ำ',
    titleEn: '',
    descriptionTh: 'รายละเอียด',
    department: '  ',
    documentsTh: 'สำเนาบัตร\n\n สำเนาทะเบียนบ้าน ',
    documentsEn: null,
    processingDays: 3,
    fee: '20.00',
    isOpen: true,
    workflow: 'short',
    paperPages: 1,
    updatedAt: '2026-12-01T00:00:00.000Z',
    fields: [
      { __component: 'eform.choice', id: 1, name: 'purpose', labelTh: 'วัตถุประสงค์', labelEn: 'Purpose', required: true, optionsTh: 'งานศพ\nงานบุญ\nงานศพ', optionsEn: 'Funeral', multiple: false },
      { __component: 'eform.number', id: 2, name: '', labelTh: 'ปริมาณ', labelEn: 'Litres', min: '1000', max: null, integer: true, unitTh: 'ลิตร', unitEn: '' },
      { __component: 'eform.file', id: 3, name: 'photo', labelTh: 'รูป', accept: 'images', maxSizeMb: null, maxFiles: 2 },
      { __component: 'eform.unknown', id: 4, name: 'x', labelTh: 'x' },
    ],
  };

  it('falls back to Thai, reads options and documents one per line, and fills defaults', () => {
    const def = toFormDefinition(stored);
    expect(def).toMatchObject({ title: { th: 'ขอรถบรรทุกน้ำ', en: 'ขอรถบรรทุกน้ำ' }, department: null, fee: 20, workflow: 'short', documents: { th: ['สำเนาบัตร', 'สำเนาทะเบียนบ้าน'], en: ['สำเนาบัตร', 'สำเนาทะเบียนบ้าน'] } });
    expect(def.fields).toEqual([
      { __component: 'eform.choice', name: 'purpose', label: { th: 'วัตถุประสงค์', en: 'Purpose' }, help: null, required: true, multiple: false, options: [{ value: 'งานศพ', label: { th: 'งานศพ', en: 'Funeral' } }, { value: 'งานบุญ', label: { th: 'งานบุญ', en: 'งานบุญ' } }] },
      { __component: 'eform.number', name: 'litres', label: { th: 'ปริมาณ', en: 'Litres' }, help: null, required: false, min: 1000, max: null, integer: true, unit: { th: 'ลิตร', en: 'ลิตร' } },
      { __component: 'eform.file', name: 'photo', label: { th: 'รูป', en: 'รูป' }, help: null, required: false, accept: 'images', mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], maxSizeMb: 5, maxFiles: 2 },
    ]);
    expect(toFormSummary(stored)).toMatchObject({ fieldCount: 3, acceptsFiles: true, processingDays: 3 });
  });

  it('writes answers as text for staff and for search', () => {
    const def = toFormDefinition(stored);
    const files = [{ key: 'a'.repeat(32), field: 'photo', name: 'bin.jpg', size: 2048, mime: 'image/jpeg' }];
    const rows = answerRows(def, { purpose: 'งานศพ', litres: 6000 }, files);
    expect(rows.map((r) => r.text)).toEqual([
      { th: 'งานศพ', en: 'Funeral' },
      { th: '6000 ลิตร', en: '6000 ลิตร' },
      { th: 'bin.jpg (2 KB)', en: 'bin.jpg (2 KB)' },
    ]);
    expect(answersSummary(def, { purpose: 'งานศพ' })).toBe('วัตถุประสงค์: งานศพ');
  });

  it("takes the due date's days from the form's snapshot, 15 for a free-form request", () => {
    expect(processingDaysOf({ formSnapshot: { processingDays: 3 } })).toBe(3);
    expect(processingDaysOf({ title: 'x' })).toBe(15);
    expect(processingDaysOf({ formSnapshot: { processingDays: 0 } })).toBe(15);
  });
});
