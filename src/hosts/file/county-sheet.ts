// Writes the 县级指标 sheet (src/ledger/county-sheet.ts reads it back) into an ExcelJS workbook: for
// `balance template` (blank) and the sample county (filled in).
import type ExcelJS from 'exceljs';
import { COUNTY_SHEET, countySheetGrid } from '../../ledger/county-sheet.ts';
import type { RulePack } from '../../standards/types.ts';

const WIDTHS = [26, 52, 12, 8, 30, 30];
const HEADER_ROW = 3;

/** Adds the sheet; `values` fills 填报值 by item id (and retention.<input> for the 巩固率 inputs). */
export function addCountySheet(
  wb: ExcelJS.Workbook,
  pack: RulePack,
  countyName = '',
  values: Partial<Record<string, number | string>> = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(COUNTY_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const grid = countySheetGrid(pack, countyName);
  grid.forEach((row, i) => {
    const id = i >= HEADER_ROW ? String(row[0]) : '';
    ws.addRow(id && values[id] !== undefined ? [row[0], row[1], values[id], ...row.slice(3)] : row);
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return ws;
}
