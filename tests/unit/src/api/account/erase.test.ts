import { erasedAnswers } from '../../../../../src/api/account/domain/erase';
import type { FormDefinition } from '../../../../../src/shared/e-form-rules';

const field = (name: string, component: string) => ({ name, __component: component }) as unknown as FormDefinition['fields'][number];

describe('erased e-service answers', () => {
  const form = {
    fields: [
      field('name', 'eform.short-text'),
      field('id_card', 'eform.national-id'),
      field('phone', 'eform.phone'),
      field('home', 'eform.address'),
      field('where', 'eform.location'),
      field('note', 'eform.long-text'),
      field('people', 'eform.number'),
      field('day', 'eform.date'),
      field('kind', 'eform.choice'),
      field('urgent', 'eform.yes-no'),
      field('agree', 'eform.consent'),
    ],
  };

  it('keeps only the answers that cannot name, reach or locate a person', () => {
    const answers = { name: 'สมศรี', id_card: '1101700230708', phone: '0812345678', home: { houseNumber: '1' }, where: { lat: 14, lng: 102 }, note: 'ฉันชื่อสมศรี', people: 3, day: '2026-12-01', kind: 'a', urgent: true, agree: true, stray: 'x' };
    expect(erasedAnswers(form, answers)).toEqual({ people: 3, day: '2026-12-01', kind: 'a', urgent: true, agree: true });
  });

  it('keeps nothing of a free-form request or of answers that are not an object', () => {
    expect(erasedAnswers(null, { anything: 'x' })).toEqual({});
    expect(erasedAnswers(form, null)).toEqual({});
    expect(erasedAnswers(form, ['x'])).toEqual({});
  });
});
