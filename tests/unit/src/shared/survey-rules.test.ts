import { checkCaseRating, checkSurveyAnswers, isSurveyOpen, offersSurvey, surveyResults, type Question } from '../../../../src/shared/survey-rules';

const label = (th: string) => ({ th, en: th });
const QUESTIONS: Question[] = [
  { __component: 'survey.rating', name: 'overall', label: label('โดยรวม'), required: true },
  { __component: 'survey.choice', name: 'channel', label: label('ช่องทาง'), required: false, multiple: false, options: [{ value: 'เว็บไซต์', label: label('เว็บไซต์') }, { value: 'LINE', label: label('LINE') }] },
  { __component: 'survey.choice', name: 'topics', label: label('เรื่อง'), required: false, multiple: true, options: [{ value: 'ถนน', label: label('ถนน') }, { value: 'ไฟ', label: label('ไฟ') }] },
  { __component: 'survey.yes-no', name: 'again', label: label('ใช้อีก'), required: false },
  { __component: 'survey.text', name: 'comment', label: label('ข้อเสนอแนะ'), required: false, maxLength: 10 },
];

describe('case rating', () => {
  it('takes four scores 1–5 and an optional comment; a form’s "4" reads as 4', () => {
    expect(checkCaseRating({ speed: 5, staff: '4', result: 3, overall: 4, comment: '  ดีมาก ' })).toEqual({ data: { speed: 5, staff: 4, result: 3, overall: 4, comment: 'ดีมาก' } });
    expect(checkCaseRating({ speed: 1, staff: 1, result: 1, overall: 1, comment: '   ' })).toEqual({ data: { speed: 1, staff: 1, result: 1, overall: 1 } });
  });

  it('names each wrong or missing score', () => {
    const r = checkCaseRating({ speed: 0, staff: 6, result: 2.5, comment: 'x'.repeat(2001) });
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: ['speed'], code: 'too_small' },
        { path: ['staff'], code: 'too_large' },
        { path: ['result'], code: 'invalid_type' },
        { path: ['overall'], code: 'required' },
        { path: ['comment'], code: 'too_long' },
      ])
    );
  });

  it('offers the survey on the first finish only, and only for served cases', () => {
    const open = ['received', 'accepted', 'in_progress', 'reopened'];
    expect(offersSurvey('complaint', { from: 'in_progress', to: 'resolved' }, open)).toBe(true);
    expect(offersSurvey('complaint', { from: 'resolved', to: 'closed' }, open)).toBe(false);
    expect(offersSurvey('complaint', { from: 'received', to: 'rejected' }, open)).toBe(false);
    expect(offersSurvey('complaint', { from: 'reopened', to: 'resolved' }, open, 1)).toBe(false);
    expect(offersSurvey('e-service', { from: 'checking', to: 'refused' }, ['received', 'checking', 'approved'])).toBe(true);
    expect(offersSurvey('e-service', { from: 'approved', to: 'done' }, ['received', 'checking', 'approved'])).toBe(true);
  });
});

describe('general survey', () => {
  it('is open between opensAt and closesAt; blank ends never bind', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(isSurveyOpen({}, now)).toBe(true);
    expect(isSurveyOpen({ opensAt: '2026-12-02T00:00:00Z' }, now)).toBe(false);
    expect(isSurveyOpen({ closesAt: '2026-12-01T00:00:00Z' }, now)).toBe(false);
    expect(isSurveyOpen({ opensAt: '2026-11-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' }, now)).toBe(true);
  });

  it('checks each answer by its question, blanks read as not given', () => {
    expect(checkSurveyAnswers(QUESTIONS, { overall: 4, channel: 'LINE', topics: ['ถนน'], again: true, comment: '', extra: 1 })).toEqual({ data: { overall: 4, channel: 'LINE', topics: ['ถนน'], again: true } });
    const r = checkSurveyAnswers(QUESTIONS, { channel: 'fax', topics: ['ไฟ', 'ไฟ'], again: 'yes', comment: 'x'.repeat(11) });
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: ['overall'], code: 'required' },
        { path: ['channel'], code: 'invalid_choice' },
        { path: ['topics'], code: 'invalid_choice' },
        { path: ['again'], code: 'invalid_type' },
        { path: ['comment'], code: 'too_long' },
      ])
    );
  });

  it('counts results: averages, distributions and counts, never the text', () => {
    const r = surveyResults(QUESTIONS, [
      { overall: 5, channel: 'LINE', topics: ['ถนน', 'ไฟ'], again: true, comment: 'ความลับ' },
      { overall: 4, channel: 'LINE', again: false },
      { overall: 4, topics: ['ไฟ'] },
    ]);
    expect(r.responses).toBe(3);
    expect(r.questions[0]).toMatchObject({ kind: 'rating', answered: 3, average: 4.33, distribution: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 } });
    expect(r.questions[1]).toMatchObject({ kind: 'choice', answered: 2, options: [{ value: 'เว็บไซต์', count: 0 }, { value: 'LINE', count: 2 }] });
    expect(r.questions[2]).toMatchObject({ kind: 'choice', answered: 2, options: [{ value: 'ถนน', count: 1 }, { value: 'ไฟ', count: 2 }] });
    expect(r.questions[3]).toMatchObject({ kind: 'yes-no', answered: 2, yes: 1, no: 1 });
    expect(r.questions[4]).toEqual({ name: 'comment', label: label('ข้อเสนอแนะ'), kind: 'text', answered: 1 });
    expect(JSON.stringify(r)).not.toContain('ความลับ');
    expect(surveyResults(QUESTIONS, []).questions[0]).toMatchObject({ answered: 0, average: null });
  });
});
