import type { TransitionDefinition, WorkflowDefinition } from '../../../plugins/complaint-workflow/server/src/public';

/**
 * The complaint workflow as data, registered with the case engine: nine staff states grouped into
 * two public meanings (FixMyStreet's pattern), who may take each action, and when a reason is owed
 * to the citizen. Plain data: unit tested on its own.
 */
const OPEN_WORK = ['received', 'accepted', 'in_progress', 'reopened'] as const;

const transitions: TransitionDefinition[] = [
  { action: 'accept', label: { th: 'รับเรื่อง', en: 'Accept' }, from: ['received', 'reopened'], to: 'accepted', who: ['staff'], reasonRequired: false, tone: 'default' },
  { action: 'start', label: { th: 'เริ่มดำเนินการ', en: 'Start work' }, from: ['accepted', 'reopened'], to: 'in_progress', who: ['staff'], reasonRequired: false, tone: 'default' },
  { action: 'resolve', label: { th: 'ดำเนินการเสร็จ', en: 'Resolve' }, from: ['accepted', 'in_progress', 'reopened'], to: 'resolved', who: ['staff'], reasonRequired: true, tone: 'default' },
  { action: 'close', label: { th: 'ปิดเรื่อง', en: 'Close' }, from: ['resolved'], to: 'closed', who: ['staff', 'system'], reasonRequired: false, tone: 'secondary' },
  { action: 'reject', label: { th: 'ไม่รับเรื่อง', en: 'Reject' }, from: OPEN_WORK, to: 'rejected', who: ['staff'], reasonRequired: true, tone: 'danger-light' },
  { action: 'refer', label: { th: 'ส่งต่อหน่วยงานอื่น', en: 'Refer to another agency' }, from: OPEN_WORK, to: 'referred', who: ['staff'], reasonRequired: true, tone: 'tertiary' },
  { action: 'mark_duplicate', label: { th: 'เรื่องซ้ำ', en: 'Mark as duplicate' }, from: OPEN_WORK, to: 'duplicate', who: ['staff'], reasonRequired: true, tone: 'tertiary' },
  { action: 'reopen', label: { th: 'เปิดเรื่องใหม่', en: 'Reopen' }, from: ['resolved', 'closed', 'rejected'], to: 'reopened', who: ['staff', 'citizen'], reasonRequired: true, tone: 'secondary' },
];

export const COMPLAINT_WORKFLOW: WorkflowDefinition = {
  states: [
    { key: 'received', label: { th: 'รับเรื่องแล้ว', en: 'Received' }, meaning: 'open', tone: 'secondary' },
    { key: 'accepted', label: { th: 'รับเรื่องไว้พิจารณา', en: 'Accepted' }, meaning: 'open', tone: 'primary' },
    { key: 'in_progress', label: { th: 'กำลังดำเนินการ', en: 'In progress' }, meaning: 'open', tone: 'warning' },
    { key: 'resolved', label: { th: 'ดำเนินการแล้วเสร็จ', en: 'Resolved' }, meaning: 'closed', tone: 'success' },
    { key: 'closed', label: { th: 'ปิดเรื่อง', en: 'Closed' }, meaning: 'closed', tone: 'neutral' },
    { key: 'rejected', label: { th: 'ไม่รับเรื่อง', en: 'Rejected' }, meaning: 'closed', tone: 'neutral' },
    { key: 'referred', label: { th: 'ส่งต่อหน่วยงานอื่น', en: 'Referred to another agency' }, meaning: 'closed', tone: 'alternative' },
    { key: 'duplicate', label: { th: 'เรื่องซ้ำ', en: 'Duplicate' }, meaning: 'closed', tone: 'neutral' },
    { key: 'reopened', label: { th: 'เปิดเรื่องใหม่', en: 'Reopened' }, meaning: 'open', tone: 'warning' },
  ],
  transitions,
  initialState: 'received',
  resolvedStates: ['resolved'],
};

export type ComplaintState = 'received' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'referred' | 'duplicate' | 'reopened';

export const COMPLAINT_STATES = COMPLAINT_WORKFLOW.states.map((s) => s.key) as ComplaintState[];

/** What citizens and Open311 clients see of each state. */
export const PUBLIC_STATUS = Object.fromEntries(COMPLAINT_WORKFLOW.states.map((s) => [s.key, s.meaning])) as Record<ComplaintState, 'open' | 'closed'>;

/** The states in which a complaint is still being worked on (its deadline runs). */
export const OPEN_STATES = COMPLAINT_WORKFLOW.states.filter((s) => s.meaning === 'open').map((s) => s.key) as ComplaintState[];

export const STATE_LABELS = Object.fromEntries(COMPLAINT_WORKFLOW.states.map((s) => [s.key, s.label])) as Record<ComplaintState, { th: string; en: string }>;
