/**
 * Staff roles as code: what each kind of officer may do in the admin. Applied at every start
 * (src/bootstrap/admin-roles.ts): each role below is created when missing and its permissions made
 * equal to this table, so a click in Settings cannot quietly widen it. Change this table (and its
 * test) instead. Roles made by hand in Settings stay, but lose any access to workflow records.
 */

/**
 * Records that belong to a workflow: only the purpose-built pages change them (the case inbox and
 * case page, the tax import and review), so no role gets them in the Content Manager and the
 * super admin only reads them there.
 */
export const WORKFLOW_RECORDS = [
  'api::complaint.complaint',
  'api::complaint-event.complaint-event',
  // Citizens' photos: only the complaint flow stores them and only the retention sweep removes them.
  'api::complaint-photo.complaint-photo',
  'api::e-form-submission.e-form-submission',
  'api::e-form-submission.e-form-submission-event',
  'plugin::complaint-workflow.outbox-message',
  'api::channel-event.channel-event',
  'api::tax-payment.tax-payment',
] as const;

/**
 * Logs: written by the app as things happen, read in the Content Manager (by roles the table gives
 * them), changed by nobody there, the super admin included: the access log of partners' reads.
 */
export const LOG_RECORDS = [
  'api::dataset.dataset-access',
  // Citizens' answers to surveys and their ratings of finished cases: as sent, never edited.
  'api::survey.survey-response',
  'api::survey.case-rating',
  // Who got which notice: made on publish, read by the person.
  'api::announcement.notice-delivery',
] as const;

/** Content Manager actions that change a record. */
export const CONTENT_WRITE_ACTIONS = [
  'plugin::content-manager.explorer.create',
  'plugin::content-manager.explorer.update',
  'plugin::content-manager.explorer.delete',
  'plugin::content-manager.explorer.publish',
] as const;

const READ = 'plugin::content-manager.explorer.read';
const [CREATE, UPDATE, DELETE, PUBLISH] = CONTENT_WRITE_ACTIONS;

/** One permission of a role: an admin action, on a content type for Content Manager actions. */
export interface StaffPermission {
  action: string;
  subject?: string;
  /** Fields of `subject` left out (derived or relational fields only a workflow sets). */
  exceptFields?: readonly string[];
}

export interface StaffRole {
  /** The role's stable code in the admin (admin::role.code). */
  code: string;
  name: { th: string; en: string };
  /** Shown in Settings → Roles; the admin stores the Thai one (staff work in Thai). */
  description: { th: string; en: string };
  permissions: readonly StaffPermission[];
}

const NEWS = 'api::news.news-item';
const PAGE = 'api::page.page';
const MUNICIPALITY = 'api::municipality.municipality';
const CATEGORY = 'api::complaint-category.complaint-category';
const POLE = 'api::pole.pole';
const TAX_BILL = 'api::tax-bill.tax-bill';
const DATASET = 'api::dataset.dataset';
const PARTNER_AGENCY = 'api::dataset.partner-agency';
const DATASET_ACCESS = 'api::dataset.dataset-access';
const DATASET_REQUEST = 'api::dataset.dataset-request';
/** Data sharing's admin permissions (src/api/dataset/staff-permissions.ts, spelled out: this table imports nothing). */
const SHARING_READ_LOG = 'api::data-sharing.read-log';
/** E-service forms: staff compose them in the Content Manager from field components. */
const E_FORM = 'api::e-form.e-form';
/** The e-service dashboard's admin permission (src/api/e-form-submission/staff-permissions.ts, spelled out). */
const E_SERVICE_DASHBOARD = 'api::e-service.dashboard';
/** The ITA/OIT checklist: its items in the Content Manager, its page and the good-governance dashboard (src/api/transparency/staff-permissions.ts, spelled out). */
const TRANSPARENCY_ITEM = 'api::transparency.transparency-item';
const TRANSPARENCY_READ = 'api::transparency.read';
const GOVERNANCE_READ = 'api::governance.read';
/** The map layers (the gis plugin): their settings in the Content Manager, their features in the map editor. */
const MAP_LAYER = 'plugin::gis.layer';

/** Targeted announcements: staff write and publish them; deliveries to accounts follow on publish. */
const ANNOUNCEMENT = 'api::announcement.announcement';

/** Surveys: staff compose them in the Content Manager; answers and case ratings are read there. */
const SURVEY = 'api::survey.survey';
const SURVEY_RESPONSE = 'api::survey.survey-response';
/** Citizens' ratings of their cases (with their comments): for those who work or oversee the cases. */
const CASE_RATING = 'api::survey.case-rating';

const content = (subject: string, actions: readonly string[], exceptFields?: readonly string[]): StaffPermission[] =>
  actions.map((action) => ({ action, subject, ...(exceptFields ? { exceptFields } : {}) }));
const plain = (...actions: string[]): StaffPermission[] => actions.map((action) => ({ action }));
const MAP_READ = plain('plugin::gis.read');
const MAP_EDIT = [...plain('plugin::gis.read', 'plugin::gis.edit'), ...content(MAP_LAYER, [CREATE, READ, UPDATE, DELETE])];

const MEDIA_LIBRARY = plain(
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link'
);
// A bill's payments and what they add up to come from the bank's report, never from a hand edit.
const BILL_DERIVED = ['payments', 'paidAmount', 'billKey', 'sourceHash'];
// A pole's complaints are linked by the complaint form, not by hand.
const POLE_DERIVED = ['complaints'];
const CASES_READ = plain('plugin::complaint-workflow.inbox.read', 'plugin::complaint-workflow.cases.read', 'plugin::complaint-workflow.e-service.read', 'plugin::complaint-workflow.channels.read');
const READ_EVERYTHING_PUBLIC = [NEWS, PAGE, MUNICIPALITY, CATEGORY, POLE].flatMap((s) => content(s, [READ]));
// Open data, read-only: the catalogue, who it is shared with, requests and the access log of partners' reads.
// A form that has requests is closed (isOpen), never deleted: its requests and the dashboard name it.
const E_FORMS_EDIT = content(E_FORM, [CREATE, READ, UPDATE, PUBLISH]);
const E_SERVICE_READ = [...content(E_FORM, [READ]), ...plain(E_SERVICE_DASHBOARD)];
// The ITA/OIT checklist and the good-governance dashboard, read-only (executives, auditors).
const TRANSPARENCY_AUDIT = [...content(TRANSPARENCY_ITEM, [READ]), ...plain(TRANSPARENCY_READ, GOVERNANCE_READ)];
// A survey that has answers is closed (closesAt), never deleted: its results name it.
const SURVEYS_EDIT = [...content(SURVEY, [CREATE, READ, UPDATE, PUBLISH]), ...content(SURVEY_RESPONSE, [READ])];
const SURVEYS_READ = [SURVEY, SURVEY_RESPONSE, CASE_RATING].flatMap((s) => content(s, [READ]));
const READ_OPEN_DATA = [...[DATASET, PARTNER_AGENCY, DATASET_REQUEST, DATASET_ACCESS].flatMap((s) => content(s, [READ])), ...plain(SHARING_READ_LOG)];

export const STAFF_ROLES: readonly StaffRole[] = [
  {
    code: 'nokok-content-editor',
    name: { th: 'ผู้ดูแลเนื้อหาเว็บไซต์', en: 'Content editor' },
    description: { th: 'ข่าว หน้าเว็บ ข้อมูลเทศบาล คลังสื่อ ชุดข้อมูลเปิด แผนที่ และแบบฟอร์ม e-Service', en: 'News, pages, the municipality, the Media Library, open datasets, the map and e-service forms' },
    permissions: [
      ...content(NEWS, [CREATE, READ, UPDATE, DELETE, PUBLISH]),
      ...content(PAGE, [CREATE, READ, UPDATE, DELETE, PUBLISH]),
      ...content(MUNICIPALITY, [CREATE, READ, UPDATE, PUBLISH]),
      ...MEDIA_LIBRARY,
      // Open data: datasets and their resources, shared with the partner agencies the administrator named.
      ...content(DATASET, [CREATE, READ, UPDATE, DELETE, PUBLISH]),
      ...content(PARTNER_AGENCY, [READ]),
      ...content(DATASET_REQUEST, [READ, UPDATE]),
      // The town map: layers, their features, imports.
      ...MAP_EDIT,
      // E-service forms as the website shows them, with the department that answers them.
      ...E_FORMS_EDIT,
      // The ITA/OIT checklist: its items each year, and its page of what is missing or stale.
      ...content(TRANSPARENCY_ITEM, [CREATE, READ, UPDATE, DELETE]),
      ...plain(TRANSPARENCY_READ),
      // Surveys of the town's services, and what people answered.
      ...SURVEYS_EDIT,
      // Notices for a village, a group or everyone, on account holders' pages and by their channel.
      ...content(ANNOUNCEMENT, [CREATE, READ, UPDATE, DELETE, PUBLISH]),
    ],
  },
  {
    code: 'nokok-complaint-officer',
    name: { th: 'เจ้าหน้าที่รับเรื่องร้องเรียน', en: 'Complaint officer' },
    description: {
      th: 'กล่องงานเรื่องร้องเรียนและคำขอ e-Service แบบฟอร์ม e-Service และแดชบอร์ด',
      en: 'The case inbox and case pages of complaints and e-service requests, e-service forms and their dashboard',
    },
    permissions: [
      ...plain(
        'plugin::complaint-workflow.inbox.read',
        'plugin::complaint-workflow.cases.read',
        'plugin::complaint-workflow.cases.manage',
        'plugin::complaint-workflow.e-service.read',
        'plugin::complaint-workflow.e-service.manage',
        'plugin::complaint-workflow.channels.read',
        'plugin::complaint-workflow.channels.manage'
      ),
      // The categories route complaints (department, deadline, default assignee).
      ...content(CATEGORY, [CREATE, READ, UPDATE]),
      ...content(POLE, [READ, UPDATE], POLE_DERIVED),
      // The officers who answer e-service requests keep their forms (documents, deadlines, fields).
      ...E_FORMS_EDIT,
      ...plain(E_SERVICE_DASHBOARD),
      // Satisfaction surveys, and how citizens rated the cases they answered.
      ...SURVEYS_EDIT,
      ...content(CASE_RATING, [READ]),
    ],
  },
  {
    code: 'nokok-finance-officer',
    name: { th: 'เจ้าหน้าที่การเงินและจัดเก็บรายได้', en: 'Finance officer' },
    description: { th: 'ใบแจ้งภาษี นำเข้าข้อมูล และกระทบยอดรับชำระ', en: 'Tax bills, imports and reconciliation' },
    permissions: [
      ...plain('plugin::spreadsheet-import.page.read', 'plugin::spreadsheet-import.tax-bills', 'plugin::spreadsheet-import.tax-payments'),
      ...content(TAX_BILL, [READ], ['payments']),
      ...content(TAX_BILL, [UPDATE], BILL_DERIVED),
    ],
  },
  {
    code: 'nokok-executive',
    name: { th: 'ผู้บริหาร', en: 'Executive' },
    description: { th: 'ดูกล่องงานและข้อมูลได้อย่างเดียว', en: 'Reads the inboxes and the data, changes nothing' },
    permissions: [...CASES_READ, ...READ_EVERYTHING_PUBLIC, ...content(TAX_BILL, [READ], ['payments']), ...READ_OPEN_DATA, ...MAP_READ, ...content(MAP_LAYER, [READ]), ...E_SERVICE_READ, ...SURVEYS_READ, ...TRANSPARENCY_AUDIT],
  },
  {
    code: 'nokok-auditor',
    name: { th: 'ผู้ตรวจสอบภายใน', en: 'Auditor' },
    description: { th: 'ตรวจสอบได้อย่างเดียว', en: 'Reads the inboxes and the data, changes nothing' },
    permissions: [...CASES_READ, ...READ_EVERYTHING_PUBLIC, ...content(TAX_BILL, [READ], ['payments']), ...READ_OPEN_DATA, ...MAP_READ, ...content(MAP_LAYER, [READ]), ...E_SERVICE_READ, ...SURVEYS_READ, ...TRANSPARENCY_AUDIT],
  },
];

/** True for a Content Manager permission on a workflow record. */
export const isWorkflowRecord = (subject: string | null | undefined): boolean => (WORKFLOW_RECORDS as readonly string[]).includes(subject ?? '');

/** True for a Content Manager permission on a log. */
export const isLogRecord = (subject: string | null | undefined): boolean => (LOG_RECORDS as readonly string[]).includes(subject ?? '');
