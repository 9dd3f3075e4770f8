// Contract of the ledger reader: a workbook's cell values in, typed school records and problems out.
import type { CanonicalField, County, Problem, Stage } from '../core/types.ts';

/** One sheet's used range as plain values. values[0][0] is the cell at `origin` (1-based row/col; default A1). */
export interface SheetValues {
  name: string;
  values: unknown[][];
  origin?: { row: number; col: number };
  /** Merged ranges ("A1:H1"), when the host knows them. */
  merges?: string[];
}

/** The user's own mapping: canonical field → header text (as typed after --map 字段=表头) or column letter. */
export type HeaderMapping = Partial<Record<CanonicalField, string>>;

export interface LedgerOptions {
  /** Use this sheet; otherwise the first sheet whose header row matches. */
  sheet?: string;
  mapping?: HeaderMapping;
  /** County name when the workbook names none (the CLI passes the file name). */
  fallbackCountyName?: string;
  /** On a sheet with several counties (统计三级, 区县), the one to read. */
  county?: string;
}

export interface LedgerColumn {
  /** Column letter, e.g. "F". */
  col: string;
  /** Header text as shown (group header and sub-header joined with "/"). */
  header: string;
  field: CanonicalField | null;
  /** Unit read from the header, e.g. '万元'. */
  unit?: string;
  /** Multiplier to the base unit (万元 → 10000). */
  factor: number;
  /** A stage-less 在校生数 column (field null): read per row as the stage of each single-stage school. */
  byType?: 'students';
}

/** One sheet of a ledger read from several, one stage per sheet (a 小学 and a 初中 statistics export). */
export interface LedgerSheetPart {
  sheet: string;
  stage: Stage;
  headerRows: number[];
  dataRows: [number, number];
  columns: LedgerColumn[];
}

export interface LedgerReadOk {
  ok: true;
  county: County;
  /** The ledger sheet; the first one when several were read (`sheetParts`). */
  sheet: string;
  /** Every sheet read, in workbook order, when the schools come from more than one; the fields below are the first's. */
  sheetParts?: LedgerSheetPart[];
  /** 1-based sheet rows of the header (two for merged two-row headers). */
  headerRows: number[];
  /** 1-based first and last data rows. */
  dataRows: [number, number];
  columns: LedgerColumn[];
  /** field → header text actually used; what the task pane shows and the workbook settings save. */
  mapping: HeaderMapping;
  /** Required fields no column maps to: shown in red, evaluation may still run without them. */
  missingRequired: CanonicalField[];
  problems: Problem[];
}

export interface LedgerReadError {
  ok: false;
  /** Chinese message naming the file/sheet (and cell where there is one). */
  message: string;
  problems: Problem[];
  /** The sheet holds several counties and none was chosen (or the chosen one is not there): their names. */
  counties?: string[];
}

export type LedgerRead = LedgerReadOk | LedgerReadError;
