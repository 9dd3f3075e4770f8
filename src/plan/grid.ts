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
    w += code >= 0x1100 && isWide(code) ? 2 : 1;
  }
  return w;
}

function isWide(code: number): boolean {
  for (const [lo, hi] of WIDE) if (code >= lo && code <= hi) return true;
  return false;
}

/** A report cell; text a sheet would misread (a school named "=cmd|…") is marked to be stored as text. */
export const cell = (v: ReportValue, extra?: Omit<ReportCell, 'v'>): ReportCell => (extra ? markText({ v, ...extra }) : markText({ v }));

/**
 * A number cell in its display format: one small object of a fixed shape (a report on 200,000 schools holds
 * some 1.8 million of them; built through cell()'s spread each took about twice the memory).
 */
export const numberCell = (v: number, numFmt: string, fill?: string): ReportCell => (fill ? { v, numFmt, fill } : { v, numFmt });

const sharedCells = new Map<string, ReportCell>();

/**
 * The one frozen cell of a text that repeats on every row (a stage name, 缺数据, a verdict, a unit): rows share
 * it instead of each holding a copy. Only for cells without a link.
 */
export function sharedCell(v: string, extra: Omit<ReportCell, 'v' | 'link'> = {}): ReportCell {
  const key = `${v}\u0000${extra.fill ?? ''}\u0000${extra.bold ? 1 : 0}\u0000${extra.numFmt ?? ''}`;
  let c = sharedCells.get(key);
  if (!c) sharedCells.set(key, (c = Object.freeze(cell(v, extra))));
  return c;
}

export class Grid {
  readonly rows: Cell[][] = [];
  readonly merges: string[] = [];
  /** Cells inside merges do not size their column: row → its merged [from, to] column ranges. */
  private readonly mergedCells = new Map<number, [number, number][]>();
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
    const ranges = this.mergedCells.get(row);
    if (ranges) ranges.push([fromCol, toCol]);
    else this.mergedCells.set(row, [[fromCol, toCol]]);
  }

  /** Widths from the unmerged cells' text, within [min, max] character units (longer text wraps). */
  columnWidths(min = 8, max = 40): number[] {
    const widths = Array.from({ length: this.width }, () => min);
    this.rows.forEach((cells, r) => {
      const merged = this.mergedCells.get(r + 1);
      const wrapped = this.wrapRows.has(r + 1);
      cells.forEach((c, i) => {
        if (!c || c.v === null || i >= this.width || merged?.some(([a, b]) => i + 1 >= a && i + 1 <= b)) return;
        const width = typeof c.v === 'number' ? numberWidth(c.v, c.numFmt) : textWidth(String(c.v));
        const w = wrapped ? Math.ceil(width / 2) : width;
        widths[i] = Math.min(max, Math.max(widths[i], w + 2));
      });
    });
    return widths;
  }

  toPlan(name: string, extra: Partial<ReportSheetPlan> = {}): ReportSheetPlan {
    return { name, rows: this.rows, columnWidths: this.columnWidths(), merges: this.merges, ...extra };
  }
}

/** Decimals of each number format seen ('0.000' → 3), looked up once per format rather than once per cell. */
const formatDecimals = new Map<string, number>();

/** The width of a number as its format shows it (digits, point, sign and % are all narrow). */
function numberWidth(v: number, numFmt?: string): number {
  if (!numFmt) return v.toFixed(2).length;
  let decimals = formatDecimals.get(numFmt);
  if (decimals === undefined) formatDecimals.set(numFmt, (decimals = numFmt.match(/\.(0+)/)?.[1].length ?? 0));
  return numFmt.endsWith('%') ? (v * 100).toFixed(decimals).length + 1 : v.toFixed(decimals).length;
}
