// The 县级指标 sheet (src/ledger/county-sheet.ts reads it back) in an ExcelJS workbook, for `balance template`
// (blank) and the sample county (filled in); written like the report sheet, from a sheet plan.
import type ExcelJS from 'exceljs';
import { COUNTY_SHEET, COUNTY_SHEET_WIDTHS, countySheetGrid } from '../../ledger/county-sheet.ts';
import { dataSheetPlan } from '../../plan/data-sheet.ts';
import type { RulePack } from '../../standards/types.ts';
import { writeReportSheet } from './report.ts';

/** 0-based row of the 编号/指标/填报值 header in countySheetGrid. */
const COUNTY_HEADER_ROW = 2;

/** Adds the 县级指标 sheet; `values` fills 填报值 by item id (and retention.<input> for the 巩固率 inputs). */
export function addCountySheet(
  wb: ExcelJS.Workbook,
  pack: RulePack,
  countyName = '',
  values: Partial<Record<string, number | string>> = {},
): ExcelJS.Worksheet {
  const rows = countySheetGrid(pack, countyName).map((row, i) => {
    const id = i > COUNTY_HEADER_ROW ? String(row[0]) : '';
    return id && values[id] !== undefined ? [row[0], row[1], values[id] as string | number, ...row.slice(3)] : row;
  });
  return writeReportSheet(wb, dataSheetPlan(COUNTY_SHEET, rows, COUNTY_SHEET_WIDTHS));
}
