// The report sheet plan as the few whole-range writes Excel needs: one values grid and runs of equal
// formatting (number formats down columns, bold and fills along rows), so no write is per cell.
import type { ReportSheetPlan, ReportValue } from '../../core/plan.ts';

export interface Run {
  row: number;
  col: number;
  count: number;
}

export interface ReportLayout {
  width: number;
  values: (string | number | boolean)[][];
  /** Vertical runs of one number format down a column (tables format by column); General cells are left alone. */
  formats: (Run & { format: string })[];
  bold: Run[];
  fills: (Run & { color: string })[];
  links: { row: number; col: number; target: string; text: string }[];
}

/** Text Excel would turn into a formula, number or date when written as a value (e.g. a school named "001"). */
const MISREAD = /^\s*([=+\-@]|\d|\.\d)/;

const cellValue = (v: ReportValue | undefined): string | number | boolean => (v === null || v === undefined ? '' : v);

export function layoutReport(plan: ReportSheetPlan): ReportLayout {
  const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
  const values: ReportLayout['values'] = [];
  const formats: ReportLayout['formats'] = [];
  const openFormat: ((Run & { format: string }) | null)[] = new Array(width).fill(null);
  const bold: Run[] = [];
  const fills: ReportLayout['fills'] = [];
  const links: ReportLayout['links'] = [];
  plan.rows.forEach((cells, row) => {
    const vr: (string | number | boolean)[] = new Array(width).fill('');
    let boldRun: Run | null = null;
    let fillRun: (Run & { color: string }) | null = null;
    for (let col = 0; col < width; col++) {
      const c = cells[col] ?? null;
      // Text stays text: a school named "=1" or "001" must not turn into a formula or a number.
      vr[col] = cellValue(c?.v);
      const format = c?.numFmt ?? (typeof c?.v === 'string' && MISREAD.test(c.v) ? '@' : null);
      const open = openFormat[col];
      if (format && open && open.format === format && open.row + open.count === row) open.count++;
      else if (format) formats.push((openFormat[col] = { row, col, count: 1, format }));
      if (c?.bold) {
        if (boldRun && boldRun.col + boldRun.count === col) boldRun.count++;
        else bold.push((boldRun = { row, col, count: 1 }));
      }
      if (c?.fill) {
        if (fillRun && fillRun.color === c.fill && fillRun.col + fillRun.count === col) fillRun.count++;
        else fills.push((fillRun = { row, col, count: 1, color: c.fill }));
      }
      if (c?.link) links.push({ row, col, target: c.link, text: String(cellValue(c.v)) });
    }
    values.push(vr);
  });
  return { width, values, formats, bold, fills, links };
}
