import type { WorkflowDefinition } from '../../../plugins/complaint-workflow/server/src/public';

/**
 * The e-service request workflow, registered with the same case engine as complaints: an officer
 * checks the request, may ask for documents, decides, and hands over the result. Plain data.
 */
export const E_SERVICE_WORKFLOW: WorkflowDefinition = {
  states: [
    { key: 'received', label: { th: 'รับคำขอแล้ว', en: 'Received' }, meaning: 'open', tone: 'secondary' },
    { key: 'checking', label: { th: 'กำลังตรวจสอบ', en: 'Checking' }, meaning: 'open', tone: 'primary' },
    { key: 'waiting_documents', label: { th: 'รอเอกสารเพิ่มเติม', en: 'Waiting for documents' }, meaning: 'open', tone: 'warning' },
    { key: 'approved', label: { th: 'อนุมัติแล้ว', en: 'Approved' }, meaning: 'open', tone: 'success' },
    { key: 'refused', label: { th: 'ไม่อนุมัติ', en: 'Refused' }, meaning: 'closed', tone: 'neutral' },
    { key: 'done', label: { th: 'เสร็จสิ้น', en: 'Done' }, meaning: 'closed', tone: 'neutral' },
  ],
  transitions: [
    { action: 'check', label: { th: 'เริ่มตรวจสอบ', en: 'Start checking' }, from: ['received'], to: 'checking', who: ['staff'], reasonRequired: false, tone: 'default' },
    { action: 'request_documents', label: { th: 'ขอเอกสารเพิ่มเติม', en: 'Ask for documents' }, from: ['checking'], to: 'waiting_documents', who: ['staff'], reasonRequired: true, tone: 'secondary' },
    { action: 'documents_received', label: { th: 'ได้รับเอกสารแล้ว', en: 'Documents received' }, from: ['waiting_documents'], to: 'checking', who: ['staff'], reasonRequired: false, tone: 'default' },
    { action: 'approve', label: { th: 'อนุมัติ', en: 'Approve' }, from: ['checking'], to: 'approved', who: ['staff'], reasonRequired: false, tone: 'default' },
    { action: 'refuse', label: { th: 'ไม่อนุมัติ', en: 'Refuse' }, from: ['checking', 'waiting_documents'], to: 'refused', who: ['staff'], reasonRequired: true, tone: 'danger-light' },
    { action: 'complete', label: { th: 'ส่งมอบผลแล้ว', en: 'Hand over the result' }, from: ['approved'], to: 'done', who: ['staff'], reasonRequired: false, tone: 'default' },
  ],
  initialState: 'received',
  resolvedStates: ['refused', 'done'],
};

/**
 * The short way through the same states, for a form whose requests need no separate approval (a
 * waste bin, the water truck): an officer checks the request, then hands over the result or refuses.
 * The actions are the full workflow's, so their labels and reasons are the same.
 */
const action = (key: string) => E_SERVICE_WORKFLOW.transitions.find((t) => t.action === key)!;
export const E_SERVICE_SHORT_WORKFLOW: WorkflowDefinition = {
  ...E_SERVICE_WORKFLOW,
  transitions: [action('check'), { ...action('complete'), from: ['checking'] }, { ...action('refuse'), from: ['checking'] }],
};

/** Calendar days from receipt to the due date, until the e-service forms set their own. */
export const E_SERVICE_DEADLINE_DAYS = 15;
