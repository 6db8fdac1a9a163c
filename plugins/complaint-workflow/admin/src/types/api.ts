/** The shapes the plugin's admin routes answer (server/src/controllers/cases.ts, services/engine.ts). */
export type State = string;
export type Action = string;

/** Both languages; the admin's language picks one. */
export interface Label {
  th: string;
  en: string;
}

export type StateTone = 'neutral' | 'primary' | 'secondary' | 'success' | 'warning' | 'alternative';
export type ActionTone = 'default' | 'secondary' | 'tertiary' | 'danger-light';

export interface StateDef {
  key: State;
  label: Label;
  meaning: 'open' | 'closed';
  tone?: StateTone;
}

export interface Transition {
  action: Action;
  label: Label;
  from: State[];
  to: State;
  who: string[];
  reasonRequired: boolean;
  tone?: ActionTone;
}

/** A registered case type as the pages need it: its names, workflow and which fields its records have. */
export interface CaseTypeInfo {
  key: string;
  label: Label;
  itemLabel: Label;
  canManage: boolean;
  /** Staff may attach photos on the case page (the proof of a fix). */
  takesPhotos?: boolean;
  fields: string[];
  states: StateDef[];
  transitions: Transition[];
  initialState: State;
}

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

/** The map's background tiles, as the server is configured (the plugin's `map`). */
export interface MapTiles {
  tileUrl: string;
  attribution: string;
}

export interface Meta {
  type: CaseTypeInfo;
  states: State[];
  transitions: Transition[];
  staff: StaffUser[];
  /** Complaint-like types offer their categories as a filter. */
  categories?: Category[];
  me: { id: number };
  map: MapTiles;
}

/** A case's photo: private, fetched through GET /complaint-workflow/cases/:id/photos/:photoId (no URL of its own). */
export interface Photo {
  id: number;
  width?: number | null;
  height?: number | null;
  /** The citizen's photo of the problem, or staff's photo of the fix. */
  kind?: 'before' | 'after' | null;
}

export interface CaseSummary {
  id: number;
  trackingCode: string;
  [field: string]: unknown;
  title?: string | null;
  description?: string | null;
  village?: number | null;
  channel?: string;
  state: State;
  priority?: string;
  receivedAt?: string | null;
  dueAt?: string | null;
  resolvedAt?: string | null;
  confidential?: boolean;
  category?: Pick<Category, 'id' | 'code' | 'nameTh' | 'nameEn' | 'department' | 'confidential'> | null;
  assignee?: StaffUser | null;
  overdue: boolean;
  /** How many times the case was reopened (by staff, or by the citizen's "not fixed"). */
  reopenCount?: number | null;
}

export interface CaseEvent {
  id: number;
  kind: 'created' | 'transition' | 'public_reply' | 'internal_note' | 'assignment' | 'citizen_message' | 'personal_data_erased' | 'photos_added';
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
  /** A form's answers (e-service requests): shown as label and value. */
  answers?: Record<string, unknown> | null;
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
  /** The language of `default` and `value`, as asked for. */
  language: 'th' | 'en';
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
