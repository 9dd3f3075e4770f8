// The report sheet plan as the few whole-range writes Excel needs: one values grid, number formats as runs
// down columns, and bold and fills as lists of rectangles (one write per list, not per cell or row).
import type { ReportSheetPlan, ReportValue } from '../../core/plan.ts';
import { columnLetter } from '../../model/a1.ts';

export interface Run {
  row: number;
  col: number;
  count: number;
}

export interface ReportLayout {
  width: number;
  values: (string | number | boolean)[][];
  /** Vertical runs of one number format down a column (tables format by column); General cells are left alone, except plain text inside a text run. */
  formats: (Run & { format: string })[];
  /** Bold cells as A1 rectangles ("A5:C5", "J20:J31"). */
  bold: string[];
  /** Filled cells as A1 rectangles, per colour. */
  fills: { color: string; areas: string[] }[];
  links: { row: number; col: number; target: string; text: string }[];
}


const cellValue = (v: ReportValue | undefined): string | number | boolean => (v === null || v === undefined ? '' : v);

export function layoutReport(plan: ReportSheetPlan): ReportLayout {
  const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
  const values: ReportLayout['values'] = [];
  const formats: ReportLayout['formats'] = [];
  const openFormat: ((Run & { format: string }) | null)[] = new Array(width).fill(null);
  const bold: Run[] = [];
  const fills: (Run & { color: string })[] = [];
  const links: ReportLayout['links'] = [];
  plan.rows.forEach((cells, row) => {
    const vr: (string | number | boolean)[] = new Array(width).fill('');
    let boldRun: Run | null = null;
    let fillRun: (Run & { color: string }) | null = null;
    for (let col = 0; col < width; col++) {
      const c = cells[col] ?? null;
      // Text stays text: a school named "=1" or "001" must not turn into a formula or a number.
      vr[col] = cellValue(c?.v);
      const format = c?.numFmt ?? (c?.text ? '@' : null);
      const open = openFormat[col];
      const follows = open !== null && open.row + open.count === row;
      if (format && follows && open.format === format) open.count++;
      else if (format) formats.push((openFormat[col] = { row, col, count: 1, format }));
      // Plain text reads the same as text: an open '@' run goes on over it instead of ending (a verdict column
      // where only some texts start with a digit then takes one format write, not one per such cell).
      else if (follows && open.format === '@' && typeof c?.v === 'string' && c.v !== '') open.count++;
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
  const colours = [...new Set(fills.map((f) => f.color))];
  return {
    width,
    values,
    formats,
    bold: rectangles(bold),
    fills: colours.map((color) => ({ color, areas: rectangles(fills.filter((f) => f.color === color)) })),
    links,
  };
}

/** Row runs → rectangles: runs over the same columns on consecutive rows become one (a table's column of verdicts). */
export function rectangles(runs: Run[]): string[] {
  const sorted = [...runs].sort((a, b) => a.col - b.col || a.count - b.count || a.row - b.row);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i];
    let last = first;
    while (++i < sorted.length && sorted[i].col === first.col && sorted[i].count === first.count && sorted[i].row === last.row + 1) last = sorted[i];
    const from = `${columnLetter(first.col + 1)}${first.row + 1}`;
    const to = `${columnLetter(first.col + first.count)}${last.row + 1}`;
    out.push(from === to ? from : `${from}:${to}`);
  }
  return out;
}
