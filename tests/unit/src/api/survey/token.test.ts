import { readSurveyToken, surveyLink, surveyToken } from '../../../../../src/api/survey/domain/token';
import { toQuestions, toSurveyDefinition } from '../../../../../src/api/survey/domain/definition';

describe('survey link token', () => {
  it('names its case and is signed with the secret', () => {
    const t = surveyToken('s3cret', 'complaint', 42);
    expect(t).toMatch(/^complaint\.42\.[A-Za-z0-9_-]{32}$/);
    expect(readSurveyToken('s3cret', t)).toEqual({ caseType: 'complaint', caseId: 42 });
    expect(readSurveyToken('s3cret', surveyToken('s3cret', 'e-service', 7))).toEqual({ caseType: 'e-service', caseId: 7 });
  });

  it('refuses another secret, another case, a changed type and junk', () => {
    const t = surveyToken('s3cret', 'complaint', 42);
    expect(readSurveyToken('other', t)).toBeNull();
    expect(readSurveyToken('s3cret', t.replace('.42.', '.43.'))).toBeNull();
    expect(readSurveyToken('s3cret', t.replace('complaint.', 'e-service.'))).toBeNull();
    expect(readSurveyToken('s3cret', 'complaint.42')).toBeNull();
    expect(readSurveyToken('', t)).toBeNull();
    expect(() => surveyToken('', 'complaint', 1)).toThrow();
  });

  it('links to the website’s page, under /en for English cases', () => {
    expect(surveyLink('https://nokok.example', 'complaint.1.abc')).toBe('https://nokok.example/survey?token=complaint.1.abc');
    expect(surveyLink('https://nokok.example', 'complaint.1.abc', 'en')).toBe('https://nokok.example/en/survey?token=complaint.1.abc');
  });
});

describe('stored survey → public definition', () => {
  it('names questions like form fields, splits options by line and falls back to Thai', () => {
    const qs = toQuestions([
      { __component: 'survey.rating', labelTh: 'ความพึงพอใจ', labelEn: 'Overall satisfaction', required: true },
      { __component: 'survey.choice', labelTh: 'ช่องทาง', optionsTh: 'เว็บไซต์\nLINE\n\nLINE', optionsEn: 'Website', multiple: true },
      { __component: 'survey.text', name: 'comment', labelTh: 'ข้อเสนอแนะ', maxLength: 5000 },
      { __component: 'eform.short-text', name: 'nope', labelTh: 'ไม่ใช่' },
    ]);
    expect(qs).toEqual([
      { __component: 'survey.rating', name: 'overall_satisfaction', label: { th: 'ความพึงพอใจ', en: 'Overall satisfaction' }, required: true },
      {
        __component: 'survey.choice',
        name: 'field_2',
        label: { th: 'ช่องทาง', en: 'ช่องทาง' },
        required: false,
        multiple: true,
        options: [
          { value: 'เว็บไซต์', label: { th: 'เว็บไซต์', en: 'Website' } },
          { value: 'LINE', label: { th: 'LINE', en: 'LINE' } },
        ],
      },
      { __component: 'survey.text', name: 'comment', label: { th: 'ข้อเสนอแนะ', en: 'ข้อเสนอแนะ' }, required: false, maxLength: 1000 },
    ]);
    const def = toSurveyDefinition({ slug: 's', titleTh: 'ก', closesAt: '2026-01-01T00:00:00Z', questions: [] }, new Date('2026-06-01T00:00:00Z'));
    expect(def).toMatchObject({ isOpen: false, showResults: true, questionCount: 0, title: { th: 'ก', en: 'ก' } });
  });
});
