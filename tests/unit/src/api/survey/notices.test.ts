import { complaintNotices, type RenderText } from '../../../../../src/api/complaint/domain/notices';
import { eServiceNotices } from '../../../../../src/api/e-form-submission/domain/notices';
import { BOT_TEXTS } from '../../../../../src/api/channel/domain/bot-texts';
import { fill } from '../../../../../src/shared/messages';

const chatText: RenderText = (key, vars = {}, lang = 'th') => fill(BOT_TEXTS.find((d) => d.key === key)!.default[lang], vars);
const surveyLink = (id: number, lang: 'th' | 'en') => `https://nokok.example${lang === 'en' ? '/en' : ''}/survey?token=complaint.${id}.sig`;
const ctx = { publicUrl: 'https://nokok.example', chatText, caseLink: 'https://nokok.example/admin', surveyLink };
const base = { id: 7, trackingCode: 'NK-6911-ABCDE', description: 'ไฟดับ', category: { nameTh: 'ไฟฟ้า', nameEn: 'Lights' } };

describe('the satisfaction link in the notices of a finished case', () => {
  it('goes by e-mail when the complaint is first resolved, and by LINE for a chat case', () => {
    const [mail] = complaintNotices({ ...base, contactEmail: 'a@example.test' }, { kind: 'transition', from: 'in_progress', to: 'resolved', reason: 'เปลี่ยนหลอด' }, ctx);
    expect(mail.text).toContain('ช่วยประเมินความพึงพอใจต่อการให้บริการเรื่องนี้ (ใช้เวลาไม่ถึง 1 นาที): https://nokok.example/survey?token=complaint.7.sig');
    const [push] = complaintNotices({ ...base, channel: 'line', platformUserId: 'Uabc', language: 'en' }, { kind: 'transition', from: 'accepted', to: 'resolved' }, ctx);
    expect(push).toMatchObject({ channel: 'line', to: 'Uabc' });
    expect(push.text.split('\n').at(-1)).toBe('How did we do with NK-6911-ABCDE? Please rate it at https://nokok.example/en/survey?token=complaint.7.sig');
  });

  it('is not sent on closing a resolved case, on a rejection, after a reopen, or without a link builder', () => {
    const mail = { ...base, contactEmail: 'a@example.test' };
    const texts = [
      complaintNotices(mail, { kind: 'transition', from: 'resolved', to: 'closed' }, ctx),
      complaintNotices(mail, { kind: 'transition', from: 'received', to: 'rejected', reason: 'นอกเขต' }, ctx),
      complaintNotices({ ...mail, reopenCount: 1 }, { kind: 'transition', from: 'reopened', to: 'resolved', reason: 'ซ่อมอีกครั้ง' }, ctx),
      complaintNotices(mail, { kind: 'transition', from: 'in_progress', to: 'resolved', reason: 'x' }, { ...ctx, surveyLink: undefined }),
    ].flatMap((n) => n.map((m) => m.text));
    expect(texts.length).toBe(4);
    for (const t of texts) expect(t).not.toContain('/survey?token=');
  });

  it('goes to an e-service applicant when the request is done or refused', () => {
    const req = { id: 9, trackingCode: 'ES-6911-ABCDE', title: 'ถังขยะ', contactEmail: 'b@example.test', language: 'th' as const };
    const link = (id: number, lang: 'th' | 'en') => `https://nokok.example${lang === 'en' ? '/en' : ''}/survey?token=e-service.${id}.sig`;
    const [done] = eServiceNotices(req, { kind: 'transition', from: 'checking', to: 'done' }, { publicUrl: 'https://nokok.example', caseLink: 'x', surveyLink: link });
    expect(done.text).toContain('https://nokok.example/survey?token=e-service.9.sig');
    const [checking] = eServiceNotices(req, { kind: 'transition', from: 'received', to: 'checking' }, { publicUrl: 'https://nokok.example', caseLink: 'x', surveyLink: link });
    expect(checking.text).not.toContain('/survey?token=');
  });
});
