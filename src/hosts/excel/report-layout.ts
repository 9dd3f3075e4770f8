// The report sheet plan as the few whole-range writes Excel needs: one values grid, one number-format grid,
// and runs of equal formatting per row, so the write cost grows with the table, not with per-cell calls.
import type { ReportSheetPlan, ReportValue } from '../../core/plan.ts';

export interface Run {
  row: number;
  col: number;
  count: number;
}

export interface ReportLayout {
  width: number;
  values: (string | number | boolean)[][];
  numberFormats: string[][];
  bold: Run[];
  fills: (Run & { color: string })[];
  links: { row: number; col: number; target: string; text: string }[];
}

const cellValue = (v: ReportValue | undefined): string | number | boolean => (v === null || v === undefined ? '' : v);

export function layoutReport(plan: ReportSheetPlan): ReportLayout {
  const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
  const values: ReportLayout['values'] = [];
  const numberFormats: string[][] = [];
  const bold: Run[] = [];
  const fills: ReportLayout['fills'] = [];
  const links: ReportLayout['links'] = [];
  plan.rows.forEach((cells, row) => {
    const vr: (string | number | boolean)[] = new Array(width).fill('');
    const fr: string[] = new Array(width).fill('General');
    let boldRun: Run | null = null;
    let fillRun: (Run & { color: string }) | null = null;
    for (let col = 0; col < width; col++) {
      const c = cells[col] ?? null;
      // Text stays text: a school named "=1" or "001" must not turn into a formula or a number.
      vr[col] = cellValue(c?.v);
      if (c?.numFmt) fr[col] = c.numFmt;
      else if (typeof c?.v === 'string') fr[col] = '@';
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
    numberFormats.push(fr);
  });
  return { width, values, numberFormats, bold, fills, links };
}
