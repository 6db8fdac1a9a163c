/** The shapes the plugin's admin routes answer (server/src/controllers/cases.ts, services/engine.ts). */
export type State = 'received' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'referred' | 'duplicate' | 'reopened';
export type Action = 'accept' | 'start' | 'resolve' | 'close' | 'reject' | 'refer' | 'mark_duplicate' | 'reopen';

export interface StaffUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export interface Category {
  id: number;
  code: string;
  nameTh: string;
  nameEn: string;
  department?: string | null;
  deadlineDays?: number;
  confidential?: boolean;
}

export interface Transition {
  action: Action;
  from: State[];
  to: State;
  who: string[];
  reasonRequired: boolean;
}

export interface Meta {
  states: State[];
  transitions: Transition[];
  staff: StaffUser[];
  categories: Category[];
  me: { id: number };
}

export interface Photo {
  id: number;
  url: string;
  name?: string;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, { url: string; width?: number; height?: number }> | null;
}

export interface CaseSummary {
  id: number;
  trackingCode: string;
  title?: string | null;
  description: string;
  village?: number | null;
  channel: string;
  state: State;
  priority?: string;
  receivedAt: string;
  dueAt?: string | null;
  resolvedAt?: string | null;
  confidential?: boolean;
  category?: Pick<Category, 'id' | 'code' | 'nameTh' | 'nameEn' | 'department' | 'confidential'> | null;
  assignee?: StaffUser | null;
  overdue: boolean;
}

export interface CaseEvent {
  id: number;
  kind: 'created' | 'transition' | 'public_reply' | 'internal_note' | 'assignment' | 'citizen_message';
  action?: Action | null;
  fromState?: State | null;
  toState?: State | null;
  message?: string | null;
  isPublic: boolean;
  actorType: 'staff' | 'citizen' | 'system';
  actor?: StaffUser | null;
  at: string;
}

export interface CaseDetail extends CaseSummary {
  lat?: number | string | null;
  lng?: number | string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  consent?: boolean | null;
  photos?: Photo[] | null;
  /** The loudspeaker pole a QR report came from, and how many reports joined the case. */
  pole?: { id: number; code: string; name: string; status: string } | null;
  reportCount?: number | null;
  events: CaseEvent[];
  deliveries: Delivery[];
  allowedActions: Action[];
}

/** One message to the citizen or staff about the case, and whether it arrived. */
export interface Delivery {
  id: number;
  channel: string;
  subject?: string | null;
  state: 'pending' | 'sent' | 'skipped' | 'failed';
  attempts: number;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  sentAt?: string | null;
  createdAt: string;
}

/** A bot text staff may reword (server/src/services/channels.ts). */
export interface BotText {
  key: string;
  label: { th: string; en: string };
  default: string;
  vars: string[];
  value: string;
  edited: boolean;
}

export interface CaseList {
  results: CaseSummary[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
  counts: { all: number; overdue: number; byState: Partial<Record<State, number>> };
}
