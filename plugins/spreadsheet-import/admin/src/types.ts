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
}
export interface Issue extends Text {
  field: string;
  code: string;
}
export interface Failure {
  row: number;
  issues: Issue[];
}
export interface Check {
  total: number;
  valid: number;
  invalid: number;
  missing: string[];
  failed: Failure[];
}
export interface Status {
  state: 'ready' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: { total: number; counts: Record<string, number>; failed: Failure[] } | null;
  error: string | null;
}
