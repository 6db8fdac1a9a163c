import { complaintNotices } from '../../../../../src/api/complaint/domain/notices';
import { BOT_TEXTS } from '../../../../../src/api/channel/domain/bot-texts';

// The bot's default wording, as the plugin renders it when staff changed nothing.
const chatText = (key: string, vars: Record<string, string | number> = {}) => BOT_TEXTS.find((d) => d.key === key)!.default.th.replace(/\{(\w+)\}/g, (_, n: string) => String(vars[n]));
const ctx = { publicUrl: 'https://nokok.example', staffEmail: 'duty@nokok.example', chatText, caseLink: 'https://nokok.example/admin/plugins/complaint-workflow/cases/7?type=complaint' };
const base = { id: 7, trackingCode: 'NK-6911-ABCDE', description: 'น้ำท่วมขังหน้าตลาด', dueAt: '2026-12-10T03:00:00Z', category: { nameTh: 'ระบายน้ำ', nameEn: 'Drainage' } };

describe('complaint notices', () => {
  it('acknowledges to the citizen in Thai and English with the tracking link, and tells a default assignee', () => {
    const n = complaintNotices({ ...base, contactEmail: 'a@example.test', assignee: { email: 'officer@example.test' } }, { kind: 'created' }, ctx);
    expect(n.map((m) => m.to)).toEqual(['officer@example.test', 'a@example.test']);
    const ack = n[1];
    expect(ack.subject).toBe('[NK-6911-ABCDE] ได้รับเรื่องร้องเรียนแล้ว / Complaint received');
    expect(ack.text).toContain('https://nokok.example/track?code=NK-6911-ABCDE');
    expect(ack.text).toMatch(/กำหนดดำเนินการภายใน 10 ธันวาคม 2569/);
    expect(ack.text).toContain('Due by 10 December 2026');
    expect(n[0].text).toContain('https://nokok.example/admin/plugins/complaint-workflow/cases/7');
  });

  it('says nothing to a citizen who left no e-mail', () => {
    expect(complaintNotices(base, { kind: 'created' }, ctx)).toEqual([]);
    expect(complaintNotices(base, { kind: 'public_reply', message: 'x' }, ctx)).toEqual([]);
  });

  it('names the new state and the reason on a status change', () => {
    const [m] = complaintNotices({ ...base, contactEmail: 'a@example.test' }, { kind: 'transition', from: 'accepted', to: 'resolved', reason: 'ลอกท่อแล้ว' }, ctx);
    expect(m.subject).toContain('ดำเนินการแล้วเสร็จ / Status: Resolved');
    expect(m.text).toContain('ลอกท่อแล้ว');
  });

  it('sends an overdue case to its assignee, or to the duty address when nobody has it', () => {
    expect(complaintNotices(base, { kind: 'overdue', assignee: { email: 'o@example.test' } }, ctx)[0].to).toBe('o@example.test');
    expect(complaintNotices(base, { kind: 'overdue', assignee: null }, ctx)[0].to).toBe('duty@nokok.example');
    expect(complaintNotices(base, { kind: 'overdue', assignee: null }, { publicUrl: ctx.publicUrl, chatText, caseLink: ctx.caseLink })).toEqual([]);
  });

  it('answers a LINE case in its chat, but leaves the first answer to the bot', () => {
    const line = { ...base, channel: 'line', platformUserId: 'U42' };
    expect(complaintNotices(line, { kind: 'created' }, ctx)).toEqual([]);
    const [reply] = complaintNotices(line, { kind: 'public_reply', message: 'ลอกท่อพรุ่งนี้' }, ctx);
    expect(reply).toMatchObject({ channel: 'line', to: 'U42' });
    expect(reply.text).toContain('ลอกท่อพรุ่งนี้');
    const [moved] = complaintNotices(line, { kind: 'transition', from: 'received', to: 'accepted' }, ctx);
    expect(moved.text).toBe('เรื่อง NK-6911-ABCDE เปลี่ยนสถานะเป็น "รับเรื่องไว้พิจารณา"');
    const [rejected] = complaintNotices(line, { kind: 'transition', from: 'received', to: 'rejected', reason: 'อยู่นอกเขตเทศบาล' }, ctx);
    expect(rejected.text).toBe('เรื่อง NK-6911-ABCDE เปลี่ยนสถานะเป็น "ไม่รับเรื่อง"\nหมายเหตุ: อยู่นอกเขตเทศบาล');
  });
});
