/**
 * The staff guide (docs/staff-guide.md, served at /staff-guide by src/middlewares/staff-guide.ts)
 * and the sections the home page widget links to. An anchor is its heading's id, made by GitHub's
 * rule (src/staff-guide/markdown.ts `headingId`), so the same link works on the repository's page;
 * tests/api/src/middlewares/staff-guide.test.ts checks that every anchor here is on the page.
 */
export const STAFF_GUIDE_PATH = '/staff-guide';

export interface GuideSection {
  /** Its title is the message `nokok.guide.section.<key>`. */
  key: string;
  anchor: string;
  /** The admin role codes (src/admin-roles.ts) whose daily work the section describes. */
  roles: readonly string[];
}

export const GUIDE_SECTIONS: readonly GuideSection[] = [
  { key: 'login', anchor: 'เข้าสู่ระบบและบัญชีของฉัน', roles: [] },
  { key: 'editor', anchor: 'ผู้ดูแลเนื้อหาเว็บไซต์', roles: ['nokok-content-editor'] },
  { key: 'complaints', anchor: 'เจ้าหน้าที่รับเรื่องร้องเรียน', roles: ['nokok-complaint-officer'] },
  { key: 'finance', anchor: 'เจ้าหน้าที่การเงินและจัดเก็บรายได้', roles: ['nokok-finance-officer'] },
  { key: 'executive', anchor: 'ผู้บริหาร', roles: ['nokok-executive'] },
  { key: 'auditor', anchor: 'ผู้ตรวจสอบภายใน', roles: ['nokok-auditor'] },
  { key: 'admin', anchor: 'ผู้ดูแลระบบ', roles: ['strapi-super-admin'] },
  { key: 'problems', anchor: 'ถ้าเกิดปัญหา', roles: [] },
];
