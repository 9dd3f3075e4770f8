// Writes the planner's report grid as a worksheet. ExcelJS cannot draw charts: the chart's data table is part
// of the grid, and the chart spec itself is left for hosts that can draw one (docs/file-host.md).
import type ExcelJS from 'exceljs';
import type { ReportCell, ReportSheetPlan } from '../../core/plan.ts';
import { parseCell } from '../../model/a1.ts';
import { hyperlinkFormula } from '../../plan/format.ts';
import { textWidth } from '../../plan/grid.ts';

export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
export const solidFill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

const BODY_FONT: Partial<ExcelJS.Font> = { name: '等线', size: 11 };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };

/**
 * Internal links as HYPERLINK formulas: ExcelJS writes its hyperlink objects with an external relationship,
 * which Excel then tries to open as a file; the formula works in Excel, WPS and LibreOffice alike.
 */
function linkValue(text: string, target: string): ExcelJS.CellFormulaValue | string {
  const link = hyperlinkFormula(target, text);
  return link ? { formula: link.formula, result: link.shown, date1904: false } : text;
}

function writeCell(c: ExcelJS.Cell, rc: ReportCell, title: boolean): void {
  const text = rc.v === null ? null : rc.v;
  c.value = rc.link && typeof text === 'string' ? linkValue(text, rc.link) : text;
  const font: Partial<ExcelJS.Font> = { ...BODY_FONT, ...(rc.bold ? { bold: true } : {}), ...(title ? { size: 14 } : {}) };
  if (rc.link) Object.assign(font, { color: { argb: 'FF0563C1' }, underline: true });
  c.font = font;
  if (rc.numFmt) c.numFmt = rc.numFmt;
  if (rc.fill) c.fill = solidFill(rc.fill);
}

const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const LINE_HEIGHT = 15;

interface Span {
  row: number;
  from: number;
  to: number;
}

/** Single-row merges of the plan ("C5:L5" → row 5, columns 3–12). */
export function spans(merges: string[]): Span[] {
  return merges.map((range) => {
    const [a, b] = range.split(':').map(parseCell);
    return { row: a.row, from: a.col, to: b.col };
  });
}

/**
 * Table rows (two or more filled cells) are boxed out to their last cell, merged text included; headings and
 * remarks (one spanning cell) stay unboxed.
 */
function boxTableRow(ws: ExcelJS.Worksheet, r: number, cells: (ReportCell | null)[], rowSpans: Span[]): void {
  const filled = cells.flatMap((c, i) => (c ? [i + 1] : []));
  if (filled.length < 2) return;
  const last = Math.max(...filled, ...rowSpans.map((s) => s.to));
  for (let c = 1; c <= last; c++) ws.getCell(r, c).border = BOX;
}

export function writeReportSheet(wb: ExcelJS.Workbook, plan: ReportSheetPlan): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.freezeRows ? [{ state: 'frozen', ySplit: plan.freezeRows }] : [],
    // Printed on landscape pages as wide as the table, as reviewers file it.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const allSpans = spans(plan.merges ?? []);
  const merged = new Set(allSpans.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, k) => `${s.row}:${s.from + k}`)));
  plan.rows.forEach((cells, r) => {
    boxTableRow(ws, r + 1, cells, allSpans.filter((s) => s.row === r + 1));
    let lines = 1;
    cells.forEach((rc, col) => {
      if (!rc) return;
      const c = ws.getCell(r + 1, col + 1);
      writeCell(c, rc, r === 0);
      // Text wider than its column wraps, and the row grows to show it: no reader autofits rows on open.
      const width = plan.columnWidths[col];
      if (typeof rc.v !== 'string' || merged.has(`${r + 1}:${col + 1}`) || width === undefined) return;
      const need = Math.ceil(textWidth(rc.v) / Math.max(1, width - 1));
      if (need > 1) {
        c.alignment = { wrapText: true };
        lines = Math.max(lines, need);
      }
    });
    if (r === 0) ws.getRow(1).height = 24;
    else if (lines > 1) {
      const row = ws.getRow(r + 1);
      row.height = LINE_HEIGHT * lines + 3;
      // The row's other cells sit in the middle beside the wrapped text rather than at its foot.
      row.eachCell((c) => (c.alignment = { ...c.alignment, vertical: 'middle' }));
    }
  });
  for (const range of plan.merges ?? []) ws.mergeCells(range);
  return ws;
}
