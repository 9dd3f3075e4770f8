// Writes the planner's report grid as a worksheet. ExcelJS cannot draw charts: the chart's data table is part
// of the grid, and the chart spec itself is left for hosts that can draw one (docs/file-host.md).
import type ExcelJS from 'exceljs';
import type { ReportCell, ReportSheetPlan } from '../../core/plan.ts';

export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
export const solidFill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

const BODY_FONT: Partial<ExcelJS.Font> = { name: '等线', size: 11 };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };

/**
 * Internal links as HYPERLINK formulas: ExcelJS writes its hyperlink objects with an external relationship,
 * which Excel then tries to open as a file; the formula works in Excel, WPS and LibreOffice alike.
 */
function linkValue(text: string, target: string): ExcelJS.CellFormulaValue {
  const q = (s: string) => s.replace(/"/g, '""');
  return { formula: `HYPERLINK("#${q(target)}","${q(text)}")`, result: text, date1904: false };
}

function writeCell(c: ExcelJS.Cell, rc: ReportCell, title: boolean): void {
  const text = rc.v === null ? null : rc.v;
  c.value = rc.link && typeof text === 'string' ? linkValue(text, rc.link) : text;
  const font: Partial<ExcelJS.Font> = { ...BODY_FONT, ...(rc.bold ? { bold: true } : {}), ...(title ? { size: 14 } : {}) };
  if (rc.link) Object.assign(font, { color: { argb: 'FF0563C1' }, underline: true });
  c.font = font;
  if (rc.numFmt) c.numFmt = rc.numFmt;
  if (rc.fill) c.fill = solidFill(rc.fill);
  // Tables read better boxed; headings and free text (first column bold or spanning) stay unboxed.
  if (rc.fill || typeof rc.v === 'number' || rc.numFmt) c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

export function writeReportSheet(wb: ExcelJS.Workbook, plan: ReportSheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.freezeRows ? [{ state: 'frozen', ySplit: plan.freezeRows }] : [],
    properties: { defaultRowHeight: 18 },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((cells, r) =>
    cells.forEach((rc, col) => {
      if (rc) writeCell(ws.getCell(r + 1, col + 1), rc, r === 0);
    }),
  );
  for (const range of plan.merges ?? []) ws.mergeCells(range);
  return ws;
}
