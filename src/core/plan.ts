// The annotation plan: everything a host writes into a workbook after a validation, as plain data.
// Hosts never decide what is wrong; they only apply this (and undo exactly what they applied).

// The sheets we own and the marker that tells them apart live in the vocabulary below every layer.
export { REPORT_MARKER, REPORT_MARKER_CELL, REPORT_SHEET, STATE_SHEET } from '../model/sheets.ts';

/** Light, print-friendly shade for failing cells (the filing convention: shaded = non-compliant). */
export const FAIL_FILL = '#F8CBAD';
/** Softer shade for cells that carry only a data warning. */
export const WARN_FILL = '#FFF2CC';

/** One ledger cell to shade and annotate. Several findings on one cell are merged into one mark. */
export interface CellMark {
  sheet: string;
  /** Bare A1 address, e.g. "F9". */
  cell: string;
  /** '#RRGGBB'. Hosts convert (WPS wants BGR integers). */
  fill: string;
  /** Note text (multi-line), Chinese: indicator, value, threshold, shortfall. */
  note: string;
  kind: 'fail' | 'warning';
  /** Which school and column the cell belongs to (plan/identity.ts), so a later clear finds it after rows move. */
  id?: CellIdentity;
}

export type ReportValue = string | number | boolean | null;

export interface ReportCell {
  v: ReportValue;
  /** Excel number format, e.g. '0.000' for CVs, '0.00' for means. */
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  /** Hyperlink target inside the workbook, e.g. "'台账'!F9". */
  link?: string;
  /**
   * Text a sheet would read as a formula, number or date when written as a value ("=cmd|…", "+1", "@x", "001",
   * a tab or CR first): hosts must store it as text (Excel/WPS: the '@' format before the value). Decided here,
   * by the planner, for every host alike.
   */
  text?: true;
}

/** What a sheet would not keep as text when typed or written as a value (rules: text from a workbook is data). */
export const MISREAD_AS_VALUE = /^\s*([=+\-@\uff1d\uff0b\uff0d\uff20]|\d|\.\d)/;

/** The cell with its `text` mark when its string would be misread. */
export const markText = (c: ReportCell): ReportCell =>
  typeof c.v === 'string' && MISREAD_AS_VALUE.test(c.v) && !c.text ? { ...c, text: true } : c;

export interface ReportChart {
  title: string;
  /** A1 range on the report sheet holding category labels, e.g. "A5:A11". */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left anchor cell for the chart. */
  anchor: string;
}

export interface ReportSheetPlan {
  name: string;
  /** Row-major grid starting at A1; null = empty cell. */
  rows: (ReportCell | null)[][];
  /** Character widths per column, from A. */
  columnWidths: number[];
  /** Merged ranges, e.g. "A1:H1". */
  merges?: string[];
  chart?: ReportChart;
  /** Rows to freeze at the top of a table section (optional hint). */
  freezeRows?: number;
}

/**
 * How to find a ledger cell again after the clerk sorts, inserts or deletes rows: the header rows (1-based)
 * that name its column, and the column holding the school name that, with the row's text, names its row.
 */
export interface LedgerAnchor {
  headerRows: number[];
  /** 1-based column of the school name, or null when the ledger has none. */
  nameColumn: number | null;
}

/** A marked cell's school and column, as it was when marked (plan/identity.ts makes and places them). */
export interface CellIdentity {
  /** The school name in the row (trimmed), '' when none. */
  school: string;
  /** Hash of the row's cell texts when marked. */
  row: string;
  /** Texts of the column in each header row, and those rows (1-based) when marked. */
  header: string[];
  headerRows: number[];
  /** 1-based column of the school name. */
  nameColumn: number | null;
}

/** A ledger sheet's values as read (origin: the sheet row and column of values[0][0], 1-based; A1 when absent). */
export interface PlanGrid {
  sheet: string;
  values: unknown[][];
  origin?: { row: number; col: number };
}

export interface AnnotationPlan {
  ledgerSheet: string;
  marks: CellMark[];
  /** Present when the marks are on a ledger table; hosts record it with each mark so clear finds the cell again. */
  anchor?: LedgerAnchor;
  /** The further ledger sheets when the ledger spans several (one stage per sheet), each with its own anchor. */
  moreLedgerSheets?: { sheet: string; anchor: LedgerAnchor }[];
  /**
   * The ledger sheets' values the plan was made from (the arrays read, not copies): where a host re-validating
   * finds its earlier marks again (plan/identity.ts placeMarks) without reading the sheet a second time.
   */
  grids?: PlanGrid[];
  reportSheet: ReportSheetPlan;
}
