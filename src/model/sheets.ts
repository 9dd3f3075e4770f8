// The sheets the add-in owns in a clerk's workbook, and how every layer tells them apart from the clerk's:
// by a marker the plan writes into our report, never by a sheet's name nor by a record naming it.

/** The name our report sheet is planned under; when a sheet of the clerk's has it, the plan takes the next free one. */
export const REPORT_SHEET = '均衡校验报告';

/** The very hidden sheet where every host keeps the annotation record and the saved settings (hosts/state.ts). */
export const STATE_SHEET = '_balance_state';

/**
 * Our report sheet carries this text in REPORT_MARKER_CELL: every plan writes it, and a sheet is ours to skip,
 * replace or delete only when it holds it — never because of its name, nor because a `_balance_state` record
 * (stale, crafted or copied from another workbook) names it.
 */
export const REPORT_MARKER = '本表由均衡督导助手生成：重新校验时整表替换，清除标注时删除，请勿在本表录入数据。';
export const REPORT_MARKER_CELL = 'A3';
/** REPORT_MARKER_CELL as 1-based row and column. */
const MARKER_AT = { row: 3, col: 1 };

/** Whether a value read from REPORT_MARKER_CELL is our marker. */
export const isReportMarker = (value: unknown): boolean => value === REPORT_MARKER;

/** Whether a block of cell values (top-left at `origin`, 1-based) is one of our report sheets. */
export function carriesReportMarker(values: readonly (readonly unknown[] | undefined)[], origin = { row: 1, col: 1 }): boolean {
  return isReportMarker(values[MARKER_AT.row - origin.row]?.[MARKER_AT.col - origin.col]);
}
