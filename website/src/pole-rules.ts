/** The pole page's rules: the server's own schema and lists (src/shared/pole-report.ts). */
export { FAULT_KEYS, MAX_NOTE, POLE_CODE, POLE_STATUSES, poleReportInput } from '../../src/shared/pole-report';
