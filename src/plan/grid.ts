// A small row-by-row builder for the report sheet grid: it tracks row numbers (for links and the chart),
// merges, and the column widths the content needs.
import { markText, type ReportCell, type ReportSheetPlan, type ReportValue } from '../core/plan.ts';
import { columnLetter } from '../model/a1.ts';

export type Cell = ReportCell | null;

/** Display width in Excel character units: CJK and full-width characters take two. */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
];
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    w += code >= 0x1100 && WIDE.some(([lo, hi]) => code >= lo && code <= hi) ? 2 : 1;
  }
  return w;
}

/** A report cell; text a sheet would misread (a school named "=cmd|…") is marked to be stored as text. */
export const cell = (v: ReportValue, extra: Omit<ReportCell, 'v'> = {}): ReportCell => markText({ v, ...extra });

export class Grid {
  readonly rows: Cell[][] = [];
  readonly merges: string[] = [];
  /** Cells inside merges do not size their column. */
  private readonly mergedCells = new Set<string>();
  /** Table header rows: hosts wrap their text, so they size a column by half their width. */
  private readonly wrapRows = new Set<number>();

  constructor(readonly width: number) {}

  /** 1-based number of the next row to be added. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  add(cells: Cell[], opts: { wrapped?: boolean } = {}): number {
    this.rows.push(cells);
    if (opts.wrapped) this.wrapRows.add(this.rows.length);
    return this.rows.length;
  }

  blank(): void {
    this.rows.push([]);
  }

  /** A row whose cell at `from` spans to the last column (headings, long reasons). */
  spanning(lead: Cell[], text: Cell, from = lead.length + 1): number {
    const cells: Cell[] = [...lead];
    while (cells.length < from - 1) cells.push(null);
    cells.push(text);
    const row = this.add(cells);
    this.merge(row, from, this.width);
    return row;
  }

  merge(row: number, fromCol: number, toCol: number): void {
    if (toCol <= fromCol) return;
    this.merges.push(`${columnLetter(fromCol)}${row}:${columnLetter(toCol)}${row}`);
    for (let c = fromCol; c <= toCol; c++) this.mergedCells.add(`${row}:${c}`);
  }

  /** Widths from the unmerged cells' text, within [min, max] character units (longer text wraps). */
  columnWidths(min = 8, max = 40): number[] {
    const widths = Array.from({ length: this.width }, () => min);
    this.rows.forEach((cells, r) =>
      cells.forEach((c, i) => {
        if (!c || c.v === null || i >= this.width || this.mergedCells.has(`${r + 1}:${i + 1}`)) return;
        const shown = typeof c.v === 'number' ? formatForWidth(c.v, c.numFmt) : String(c.v);
        const w = this.wrapRows.has(r + 1) ? Math.ceil(textWidth(shown) / 2) : textWidth(shown);
        widths[i] = Math.min(max, Math.max(widths[i], w + 2));
      }),
    );
    return widths;
  }

  toPlan(name: string, extra: Partial<ReportSheetPlan> = {}): ReportSheetPlan {
    return { name, rows: this.rows, columnWidths: this.columnWidths(), merges: this.merges, ...extra };
  }
}

function formatForWidth(v: number, numFmt?: string): string {
  const decimals = numFmt?.match(/\.(0+)/)?.[1].length ?? 0;
  return numFmt?.endsWith('%') ? `${(v * 100).toFixed(decimals)}%` : v.toFixed(numFmt ? decimals : 2);
}
