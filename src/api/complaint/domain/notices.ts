import { STATE_LABELS } from '../workflow';

/** Fills a chat text by its key (staff may have reworded it): the channels service's render. */
export type RenderText = (key: string, vars?: Record<string, string | number>) => string;

/**
 * What the complaint channel tells people, in Thai then English. Plain TypeScript: the workflow
 * engine decides when, this decides what and to whom.
 */
export interface NoticeContext {
  publicUrl: string;
  staffEmail?: string;
  /** The bot's wording for chat cases (staff may have changed it). */
  chatText: RenderText;
  /** The case's page in the admin, for messages to staff. */
  caseLink: string;
}

export interface ComplaintLike {
  id?: number;
  trackingCode: string;
  channel?: string | null;
  platformUserId?: string | null;
  title?: string | null;
  description?: string | null;
  contactEmail?: string | null;
  dueAt?: string | Date | null;
  category?: { nameTh?: string; nameEn?: string } | null;
  assignee?: { email?: string | null } | null;
}

export type NoticeHappening =
  | { kind: 'created' }
  | { kind: 'transition'; from: string; to: string; reason?: string }
  | { kind: 'public_reply'; message: string }
  | { kind: 'assignment'; assignee: { email?: string | null; firstname?: string | null } }
  | { kind: 'overdue'; assignee?: { email?: string | null } | null };


export const thDate = (d: string | Date | null | undefined) =>
  d ? new Date(d).toLocaleDateString('th-TH', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }) : '-';
const enDate = (d: string | Date | null | undefined) =>
  d ? new Date(d).toLocaleDateString('en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }) : '-';

/** Where a citizen follows a case on the website. */
export const trackingLink = (publicUrl: string, code: string) => `${publicUrl}/track?code=${encodeURIComponent(code)}`;

export function complaintNotices(c: ComplaintLike, what: NoticeHappening, ctx: NoticeContext) {
  const code = c.trackingCode;
  const link = trackingLink(ctx.publicUrl, code);
  const toCitizen = (subjectTh: string, subjectEn: string, th: string[], en: string[]) =>
    c.contactEmail
      ? [
          {
            channel: 'email',
            to: c.contactEmail,
            subject: `[${code}] ${subjectTh} / ${subjectEn}`,
            text: [...th, '', `ติดตามเรื่อง: ${link}`, '', '----', '', ...en, '', `Follow it at: ${link}`, ''].join('\n'),
          },
        ]
      : [];
  // A case that came by chat is answered in the same chat (LINE push, Messenger update), in Thai.
  const toChat = (message: string) =>
    (c.channel === 'line' || c.channel === 'facebook') && c.platformUserId ? [{ channel: c.channel, to: c.platformUserId, subject: `[${code}]`, text: message }] : [];
  const caseLink = ctx.caseLink;
  const summary = `${c.category?.nameTh ?? ''} — ${c.title || (c.description ?? '').slice(0, 80)}`;

  const toAssignee = (email: string | null | undefined, subjectTh: string, subjectEn: string, th: string, en: string) =>
    email ? [{ channel: 'email', to: email, subject: `[${code}] ${subjectTh} / ${subjectEn}`, text: [th, caseLink, '', en].join('\n') }] : [];

  switch (what.kind) {
    case 'created':
      return [
        // A category with a default assignee routes the new case straight to that officer.
        ...toAssignee(
          c.assignee?.email,
          'เรื่องใหม่มอบหมายให้ท่าน',
          'New case assigned to you',
          `มีเรื่องใหม่: ${summary} กำหนดเสร็จ ${thDate(c.dueAt)}`,
          `A new case was assigned to you, due ${enDate(c.dueAt)}.`
        ),
        ...toCitizen(
        'ได้รับเรื่องร้องเรียนแล้ว',
        'Complaint received',
        [`เทศบาลได้รับเรื่องของท่านแล้ว รหัสติดตาม ${code}`, `กำหนดดำเนินการภายใน ${thDate(c.dueAt)}`],
        [`We have received your complaint. Tracking code ${code}.`, `Due by ${enDate(c.dueAt)}.`]
      ),
      ];
    case 'transition': {
      const to = STATE_LABELS[what.to as keyof typeof STATE_LABELS] ?? { th: what.to, en: what.to };
      return [
        ...toChat([ctx.chatText('stateChanged', { code, state: to.th }), ...(what.reason ? [ctx.chatText('reasonLine', { reason: what.reason })] : [])].join('\n')),
        ...toCitizen(
          `สถานะ: ${to.th}`,
          `Status: ${to.en}`,
          [`เรื่อง ${code} เปลี่ยนสถานะเป็น "${to.th}"`, ...(what.reason ? [`หมายเหตุ: ${what.reason}`] : [])],
          [`Complaint ${code} is now "${to.en}".`, ...(what.reason ? [`Note: ${what.reason}`] : [])]
        ),
      ];
    }
    case 'public_reply':
      return [
        ...toChat(ctx.chatText('staffReply', { code, text: what.message })),
        ...toCitizen('เทศบาลตอบกลับเรื่องของท่าน', 'A reply to your complaint', [`คำตอบจากเทศบาล:`, what.message], [`The municipality replied:`, what.message]),
      ];
    case 'assignment':
      return toAssignee(what.assignee.email, 'มอบหมายเรื่องให้ท่าน', 'Assigned to you', `มีเรื่องมอบหมายให้ท่าน: ${summary} กำหนดเสร็จ ${thDate(c.dueAt)}`, `A case was assigned to you, due ${enDate(c.dueAt)}.`);
    case 'overdue':
      return toAssignee(
        what.assignee?.email || ctx.staffEmail,
        'เกินกำหนดแล้ว',
        'Overdue',
        `เรื่องนี้เกินกำหนด ${thDate(c.dueAt)} แล้ว: ${summary}`,
        `This case passed its due date (${enDate(c.dueAt)}).`
      );
  }
}
