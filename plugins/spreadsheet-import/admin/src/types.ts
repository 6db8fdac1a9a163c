/** The answers of the plugin's admin routes (see server/src/controllers/imports.ts). */
export interface Text {
  th: string;
  en: string;
}
export interface FieldDef extends Text {
  key: string;
  required: boolean;
}
export interface Target {
  id: string;
  label: Text;
  description: Text | null;
  headerRow: 'required' | 'optional';
  summary: Text;
  fields: FieldDef[];
}
export interface Upload {
  id: string;
  fileName: string;
  hasHeader: boolean;
  headers: string[];
  rowCount: number;
  mapping: Record<string, number>;
  sample: string[][];
  /** How the target read each sample row, by field key (a date as `1 ธ.ค. 2569`). */
  read: Array<Record<string, Text>>;
}
export interface Issue extends Text {
  field: string;
  code: string;
  confirmable?: boolean;
}
export interface Failure {
  row: number;
  issues: Issue[];
}
export interface Check {
  total: number;
  valid: number;
  invalid: number;
  /** Rows refused only for a far date: imported when the run confirms far dates. */
  toConfirm: number;
  missing: string[];
  failed: Failure[];
  confirm: Failure[];
  read: Array<Record<string, Text>>;
}
export interface Status {
  state: 'ready' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: { total: number; counts: Record<string, number>; failed: Failure[] } | null;
  error: string | null;
}
