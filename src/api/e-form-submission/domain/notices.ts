import type { Happening, Notice } from '../../../../plugins/complaint-workflow/server/src/public';
import { E_SERVICE_WORKFLOW } from '../workflow';

/** What an e-service request's applicant and officers are told, in the language the applicant used. */
export interface SubmissionLike {
  trackingCode: string;
  title: string;
  contactEmail?: string | null;
  language?: 'th' | 'en' | null;
  dueAt?: string | Date | null;
  assignee?: { email?: string | null } | null;
}

interface Context {
  publicUrl: string;
  caseLink: string;
}

type Lang = 'th' | 'en';

const COPY = {
  th: {
    created: { subject: 'ได้รับคำขอแล้ว', body: (c: SubmissionLike, due: string) => `เทศบาลได้รับคำขอ "${c.title}" ของท่านแล้ว รหัสติดตาม ${c.trackingCode}\nกำหนดดำเนินการภายใน ${due}` },
    transition: { subject: (state: string) => `สถานะ: ${state}`, body: (c: SubmissionLike, state: string) => `คำขอ ${c.trackingCode} เปลี่ยนสถานะเป็น "${state}"` },
    reason: (r: string) => `หมายเหตุ: ${r}`,
    reply: { subject: 'เทศบาลตอบกลับคำขอของท่าน', body: (text: string) => `คำตอบจากเทศบาล:\n${text}` },
    follow: (link: string) => `ติดตามคำขอ: ${link}`,
  },
  en: {
    created: { subject: 'Request received', body: (c: SubmissionLike, due: string) => `We have received your request "${c.title}". Tracking code ${c.trackingCode}.\nDue by ${due}.` },
    transition: { subject: (state: string) => `Status: ${state}`, body: (c: SubmissionLike, state: string) => `Request ${c.trackingCode} is now "${state}".` },
    reason: (r: string) => `Note: ${r}`,
    reply: { subject: 'A reply to your request', body: (text: string) => `The municipality replied:\n${text}` },
    follow: (link: string) => `Follow it at: ${link}`,
  },
} as const;

const date = (d: string | Date | null | undefined, lang: Lang) =>
  d ? new Date(d).toLocaleDateString(lang === 'th' ? 'th-TH' : 'en-GB', { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'long', year: 'numeric' }) : '-';

export function eServiceNotices(c: SubmissionLike, what: Happening, ctx: Context): Notice[] {
  const lang: Lang = c.language === 'en' ? 'en' : 'th';
  const copy = COPY[lang];
  const link = `${ctx.publicUrl}/track?code=${encodeURIComponent(c.trackingCode)}`;
  const toApplicant = (subject: string, lines: string[]): Notice[] =>
    c.contactEmail ? [{ channel: 'email', to: c.contactEmail, subject: `[${c.trackingCode}] ${subject}`, text: [...lines, '', copy.follow(link), ''].join('\n') }] : [];
  const toOfficer = (email: string | null | undefined, th: string): Notice[] =>
    email ? [{ channel: 'email', to: email, subject: `[${c.trackingCode}] ${th}`, text: [`${th}: ${c.title}`, ctx.caseLink].join('\n') }] : [];

  switch (what.kind) {
    case 'created':
      return toApplicant(copy.created.subject, [copy.created.body(c, date(c.dueAt, lang))]);
    case 'transition': {
      const state = E_SERVICE_WORKFLOW.states.find((s) => s.key === what.to)?.label[lang] ?? what.to;
      return toApplicant(copy.transition.subject(state), [copy.transition.body(c, state), ...(what.reason ? [copy.reason(what.reason)] : [])]);
    }
    case 'public_reply':
      return toApplicant(copy.reply.subject, [copy.reply.body(what.message)]);
    case 'assignment':
      return toOfficer(what.assignee.email, 'มอบหมายคำขอ e-Service ให้ท่าน');
    case 'overdue':
      return toOfficer(what.assignee?.email, 'คำขอ e-Service เกินกำหนดแล้ว');
  }
}
