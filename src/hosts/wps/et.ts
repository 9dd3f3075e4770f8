// The part of WPS's ET object model (global `Application`) that WpsHost uses, and nothing more.
// Member names and shapes follow the official typings et-jsapi-declare@2.5.0 (lib.et.d.ts: Application,
// Worksheets, Worksheet, Range, Interior, Comment, Font) as summarised in /work/shared/wps-notes.md §4.
// Declared here rather than taken from the typings' globals so the host can be handed a stand-in in tests
// and so the typings' global `Application`/`wps`/`confirm` never leak into the rest of the project.

/** Range.Value2: a scalar for one cell, an array of row arrays for several (wps-notes §4 [XL]). */
export type EtValue2 = unknown;

export interface EtInterior {
  /** Excel RGB long: r + g*256 + b*65536 (BGR order). */
  Color: number;
  /** XlPattern: xlPatternSolid 1, xlPatternNone -4142. */
  Pattern: number;
}

export interface EtComment {
  /** A method, not a property: Text() reads, Text(s) writes. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtRange {
  Value2: EtValue2;
  readonly Interior: EtInterior;
  readonly Font: { Bold: boolean | null };
  NumberFormat: string;
  ColumnWidth: number;
  /** 1-based row/column of the range's top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Comment: EtComment | null;
  AddComment(text?: string): EtComment;
  ClearComments(): void;
  ClearContents(): unknown;
  Merge(across?: boolean): void;
  /** true when every cell is in a merged area, false when none is, null when mixed. */
  readonly MergeCells: boolean | null;
  /** The merged area holding the range's top-left cell (the cell itself when unmerged). */
  readonly MergeArea: EtRange;
  Select(): unknown;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
}

export interface EtWorksheet {
  Name: string;
  /** XlSheetVisibility: visible -1, hidden 0, very hidden 2 (some bridges report true/false). */
  Visible: number | boolean;
  readonly UsedRange: EtRange;
  Range(cell1: string, cell2?: string): EtRange;
  readonly Cells: { Item(row: number, col: number): EtRange };
  readonly Hyperlinks: { Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown };
  Activate(): void;
  Delete(): void;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index or sheet name; throws (as COM does) when the name is unknown. */
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtApplication {
  readonly ActiveWorkbook: { readonly Worksheets: EtWorksheets } | null;
  readonly ActiveSheet: EtWorksheet | null;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
export const XL_PATTERN_SOLID = 1;
export const XL_PATTERN_NONE = -4142;
