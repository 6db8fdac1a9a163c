import { complaintNotices, type RenderText } from '../../../../../src/api/complaint/domain/notices';
import { BOT_TEXTS } from '../../../../../src/api/channel/domain/bot-texts';
import { fill } from '../../../../../src/shared/messages';

// The bot's default wording, as the plugin renders it when staff changed nothing.
const chatText: RenderText = (key, vars = {}, lang = 'th') => fill(BOT_TEXTS.find((d) => d.key === key)!.default[lang], vars);
const ctx = { publicUrl: 'https://nokok.example', staffEmail: 'duty@nokok.example', chatText, caseLink: 'https://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint' };
const base = { id: 7, trackingCode: 'NK-6911-ABCDE', description: 'น้ำท่วมขังหน้าตลาด', dueAt: '2026-12-10T03:00:00Z', category: { nameTh: 'ระบายน้ำ', nameEn: 'Drainage' } };
const THAI = /[\u0E00-\u0E7F]/;

describe('complaint notices', () => {
  it('acknowledges to a citizen who filed in Thai in Thai only, and tells a default assignee', () => {
    const n = complaintNotices({ ...base, contactEmail: 'a@example.test', assignee: { email: 'officer@example.test' } }, { kind: 'created' }, ctx);
    expect(n.map((m) => m.to)).toEqual(['officer@example.test', 'a@example.test']);
    expect(n[1]).toEqual({
      channel: 'email',
      to: 'a@example.test',
      subject: '[NK-6911-ABCDE] ได้รับเรื่องร้องเรียนแล้ว',
      text: 'เทศบาลได้รับเรื่องของท่านแล้ว รหัสติดตาม NK-6911-ABCDE\nกำหนดดำเนินการภายใน 10 ธันวาคม 2569\n\nติดตามเรื่อง: https://nokok.example/track?code=NK-6911-ABCDE\n',
    });
    expect(n[0]).toEqual({
      channel: 'email',
      to: 'officer@example.test',
      subject: '[NK-6911-ABCDE] เรื่องใหม่มอบหมายให้ท่าน',
      text: 'มีเรื่องใหม่: ระบายน้ำ — น้ำท่วมขังหน้าตลาด กำหนดเสร็จ 10 ธันวาคม 2569\nhttps://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint\n',
    });
  });

  it('counts a complaint with no language (filed before languages were stored) as Thai', () => {
    const [m] = complaintNotices({ ...base, contactEmail: 'a@example.test', language: null }, { kind: 'public_reply', message: 'ลอกท่อแล้ว' }, ctx);
    expect(m.subject).toBe('[NK-6911-ABCDE] เทศบาลตอบกลับเรื่องของท่าน');
    expect(m.text).toBe('คำตอบจากเทศบาล:\nลอกท่อแล้ว\n\nติดตามเรื่อง: https://nokok.example/track?code=NK-6911-ABCDE\n');
  });

  it('writes to a citizen who filed in English in English only, dates in the Gregorian calendar', () => {
    const en = { ...base, contactEmail: 'a@example.test', language: 'en' };
    const [ack] = complaintNotices(en, { kind: 'created' }, ctx);
    expect(ack.subject).toBe('[NK-6911-ABCDE] Complaint received');
    expect(ack.text).toBe('We have received your complaint. Tracking code NK-6911-ABCDE.\nDue by 10 December 2026.\n\nFollow it at: https://nokok.example/en/track?code=NK-6911-ABCDE\n');
    const [moved] = complaintNotices(en, { kind: 'transition', from: 'accepted', to: 'resolved', reason: 'Drain cleared' }, ctx);
    expect(moved.subject).toBe('[NK-6911-ABCDE] Status: Resolved');
    expect(moved.text).toBe('Complaint NK-6911-ABCDE is now "Resolved".\nNote: Drain cleared\n\nFollow it at: https://nokok.example/en/track?code=NK-6911-ABCDE\n');
    const [reply] = complaintNotices(en, { kind: 'public_reply', message: 'Tomorrow morning' }, ctx);
    expect(reply.subject).toBe('[NK-6911-ABCDE] A reply to your complaint');
    for (const m of [ack, moved, reply]) expect(`${m.subject}\n${m.text}`).not.toMatch(THAI);
  });

  it('says nothing to a citizen who left no e-mail', () => {
    expect(complaintNotices(base, { kind: 'created' }, ctx)).toEqual([]);
    expect(complaintNotices(base, { kind: 'public_reply', message: 'x' }, ctx)).toEqual([]);
  });

  it('names the new state and the reason on a status change', () => {
    const [m] = complaintNotices({ ...base, contactEmail: 'a@example.test' }, { kind: 'transition', from: 'accepted', to: 'resolved', reason: 'ลอกท่อแล้ว' }, ctx);
    expect(m.subject).toBe('[NK-6911-ABCDE] สถานะ: ดำเนินการแล้วเสร็จ');
    expect(m.text).toBe('เรื่อง NK-6911-ABCDE เปลี่ยนสถานะเป็น "ดำเนินการแล้วเสร็จ"\nหมายเหตุ: ลอกท่อแล้ว\n\nติดตามเรื่อง: https://nokok.example/track?code=NK-6911-ABCDE\n');
  });

  it('writes to staff in Thai, or in English when their admin language is English, whatever the citizen filed in', () => {
    const en = { ...base, language: 'en' };
    const [thai] = complaintNotices(en, { kind: 'assignment', assignee: { email: 'o@example.test', preferedLanguage: null } }, ctx);
    expect(thai.subject).toBe('[NK-6911-ABCDE] มอบหมายเรื่องให้ท่าน');
    expect(thai.text).toBe('มีเรื่องมอบหมายให้ท่าน: ระบายน้ำ — น้ำท่วมขังหน้าตลาด กำหนดเสร็จ 10 ธันวาคม 2569\nhttps://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint\n');
    const [english] = complaintNotices(base, { kind: 'assignment', assignee: { email: 'o@example.test', preferedLanguage: 'en' } }, ctx);
    expect(english.subject).toBe('[NK-6911-ABCDE] Assigned to you');
    expect(english.text).toBe('A case was assigned to you: Drainage — น้ำท่วมขังหน้าตลาด, due 10 December 2026.\nhttps://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint\n');
  });

  it('sends an overdue case to its assignee, or to the duty address (in Thai) when nobody has it', () => {
    const [toAssignee] = complaintNotices(base, { kind: 'overdue', assignee: { email: 'o@example.test' } }, ctx);
    expect(toAssignee).toMatchObject({ to: 'o@example.test', subject: '[NK-6911-ABCDE] เกินกำหนดแล้ว' });
    expect(toAssignee.text).toBe('เรื่องนี้เกินกำหนด 10 ธันวาคม 2569 แล้ว: ระบายน้ำ — น้ำท่วมขังหน้าตลาด\nhttps://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint\n');
    expect(complaintNotices(base, { kind: 'overdue', assignee: null }, ctx)[0]).toMatchObject({ to: 'duty@nokok.example', subject: '[NK-6911-ABCDE] เกินกำหนดแล้ว' });
    expect(complaintNotices(base, { kind: 'overdue', assignee: null }, { publicUrl: ctx.publicUrl, chatText, caseLink: ctx.caseLink })).toEqual([]);
  });

  it('answers a LINE case in its chat, but leaves the first answer to the bot', () => {
    const line = { ...base, channel: 'line', platformUserId: 'U42' };
    expect(complaintNotices(line, { kind: 'created' }, ctx)).toEqual([]);
    const [reply] = complaintNotices(line, { kind: 'public_reply', message: 'ลอกท่อพรุ่งนี้' }, ctx);
    expect(reply).toEqual({ channel: 'line', to: 'U42', subject: '[NK-6911-ABCDE]', text: 'ตอบกลับเรื่อง NK-6911-ABCDE จากเทศบาล:\nลอกท่อพรุ่งนี้' });
    const [moved] = complaintNotices(line, { kind: 'transition', from: 'received', to: 'accepted' }, ctx);
    expect(moved.text).toBe('เรื่อง NK-6911-ABCDE เปลี่ยนสถานะเป็น "รับเรื่องไว้พิจารณา"');
    const [rejected] = complaintNotices(line, { kind: 'transition', from: 'received', to: 'rejected', reason: 'อยู่นอกเขตเทศบาล' }, ctx);
    expect(rejected.text).toBe('เรื่อง NK-6911-ABCDE เปลี่ยนสถานะเป็น "ไม่รับเรื่อง"\nหมายเหตุ: อยู่นอกเขตเทศบาล');
  });

  it('answers a chat case stored in English in English', () => {
    const line = { ...base, channel: 'facebook', platformUserId: 'P42', language: 'en' };
    const [rejected] = complaintNotices(line, { kind: 'transition', from: 'received', to: 'rejected', reason: 'Outside the municipality' }, ctx);
    expect(rejected).toEqual({ channel: 'facebook', to: 'P42', subject: '[NK-6911-ABCDE]', text: 'Case NK-6911-ABCDE is now "Rejected"\nNote: Outside the municipality' });
  });
});
