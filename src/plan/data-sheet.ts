// A data-entry sheet (县级指标) as a sheet plan, so every host writes it with the code that writes the report
// sheet: the title row merged and bold, the column header bold and shaded, rows below it frozen.
import { markText, type ReportSheetPlan } from '../core/plan.ts';
import { HEADER_FILL } from './format.ts';
import { columnLetter } from '../model/a1.ts';

export function dataSheetPlan(name: string, rows: (string | number | null)[][], columnWidths: number[]): ReportSheetPlan {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== '';
  // The column header is the first row filled across every column.
  const header = rows.findIndex((r) => columnWidths.every((_, i) => filled(r[i])));
  return {
    name,
    rows: rows.map((r, i) =>
      r.map((v) => (v === null ? null : markText({ v, ...(i === 0 || i === header ? { bold: true } : {}), ...(i === header ? { fill: HEADER_FILL } : {}) }))),
    ),
    columnWidths,
    merges: rows.length > 0 && columnWidths.length > 1 ? [`A1:${columnLetter(columnWidths.length)}1`] : [],
    ...(header >= 0 ? { freezeRows: header + 1 } : {}),
  };
}
