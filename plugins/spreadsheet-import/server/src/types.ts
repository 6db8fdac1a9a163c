/** The types of an import target and the plugin id: shared by the plugin's modules and its public entry. */
export const PLUGIN_ID = 'spreadsheet-import';

/** A text in both languages the admin speaks. */
export interface Text {
  th: string;
  en: string;
}

/** One thing a row may carry; staff match it to a column of the file. */
export interface ImportField extends Text {
  key: string;
  required?: boolean;
  /**
   * Header words that mean this column, besides the key and both labels. Compared lower case with
   * spaces and underscores removed, so 'Bank ref' and 'bank_ref' are the same word.
   */
  aliases?: string[];
}

/**
 * Why a row cannot be imported: the field, a stable code (`required`, `invalid_date`, …) and its text
 * in each language, kept apart: the admin shows its user's language, never the two joined.
 */
export interface RowIssue extends Text {
  field: string;
  code: string;
  /**
   * Staff may let the row in anyway: today a date more than a year from today, far more often a wrong
   * year than a real one. The check lists such rows apart; the run imports them only when it is
   * started with `confirmFarDates: true`, and refuses them otherwise.
   */
  confirmable?: boolean;
}

/** What a target is told about the row it checks. */
export interface RowContext {
  /** The row's line in the file, so a message can name it. */
  row: number;
  /** Staff confirmed the far dates: a target leaves out its `confirmable` issues. */
  confirmFarDates: boolean;
}

/** One row checked: why not (empty when fine), and how it was read for the preview. */
export interface RowCheck {
  issues: RowIssue[];
  /**
   * How a cell was read, by field key, where it differs from what was written: a date as
   * `{ th: '1 ธ.ค. 2569', en: '1 Dec 2026' }`, so staff see the year taken before anything is stored.
   */
  read?: Record<string, Text>;
}

/** A refused row: its line in the spreadsheet (1-based, the header row counted) and why. */
export interface RowFailure {
  row: number;
  issues: RowIssue[];
}

/** Each field's column index (0-based); fields without a column are absent. */
export type ColumnMapping = Record<string, number>;

/** What a run did: named counts ("created", "applied", …) and the refused rows. */
export interface RunReport {
  total: number;
  counts: Record<string, number>;
  failed: RowFailure[];
}

export interface RunContext {
  /** The spreadsheet line of rows[0]: 2 below a header row, 1 when the file has none. */
  firstRow: number;
  /** Call as work gets done; the admin's progress bar shows done / total. */
  onProgress: (done: number, total: number) => void;
  /** The admin user who started the run. */
  userId: number;
  /** Staff confirmed the rows with far dates (`confirmable` issues): import them. */
  confirmFarDates: boolean;
}

/**
 * What a content type registers to be importable from a spreadsheet. Everything the admin shows
 * comes from here (labels, fields, the summary line), so the plugin's pages know no content type.
 */
export interface ImportTarget {
  /** Lower case letters and hyphens: the route segment and the permission `plugin::spreadsheet-import.<id>`. */
  id: string;
  label: Text;
  /** What file is expected and what an import does, shown above the upload. */
  description?: Text;
  fields: ImportField[];
  /**
   * 'required' (default): the first row names the columns. 'optional': the first row is taken as a
   * header only when a cell matches a field; otherwise every row is data and columns follow the
   * order of `fields`.
   */
  headerRow?: 'required' | 'optional';
  /** The final report line; `{total}`, `{refused}` and each key of `RunReport.counts` are filled in. */
  summary: Text;
  /** The name of the target's permission in the admin's role editor (default: "Import: <label.en>"). */
  permissionName?: string;
  /** Checks one row with nothing stored: the per-row report staff read before running, and the preview. */
  checkRow(cells: string[], mapping: ColumnMapping, context: RowContext): RowCheck;
  /** Imports the rows (the header row excluded); called in the background, one run per upload. */
  run(rows: string[][], mapping: ColumnMapping, context: RunContext): Promise<RunReport>;
}

/** The `targets` service, as the app reaches it through `strapi.plugin('spreadsheet-import').service('targets')`. */
export interface TargetRegistry {
  /** Call in the app's `register()`: the target's permission is registered at bootstrap. */
  register(target: ImportTarget): void;
  get(id: string): ImportTarget | undefined;
  list(): ImportTarget[];
}

/** The admin permission (action id) that lets a user import into a target. */
export const importPermission = (targetId: string) => `plugin::${PLUGIN_ID}.${targetId}`;
/** Shows the import page in the admin's menu (a target's id has no dot, so it never collides). */
export const MENU_PERMISSION_UID = 'page.read';
