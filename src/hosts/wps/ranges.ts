// Whole-range helpers: ET pays per call, so values go in one Value2 write per block and formats go to
// runs of adjacent cells that share them.
import { blockAddress, cellAddress, columnLetter } from '../../model/a1.ts';
import type { EtRange, EtWorksheet } from './et.ts';

/** Range.Value2 as rows: a single cell reads as a scalar, several as an array of row arrays (wps-notes §4). */
export function valueRows(v: unknown): unknown[][] {
  const norm = (c: unknown) => (c === undefined ? null : c);
  if (!Array.isArray(v)) return [[norm(v)]];
  if (v.length > 0 && !Array.isArray(v[0])) return [v.map(norm)];
  return (v as unknown[][]).map((row) => row.map(norm));
}

/** Writes a rectangular grid with its top-left at (row, col) in one Value2 write. */
export function writeBlock(ws: EtWorksheet, row: number, col: number, grid: unknown[][]): EtRange {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const rng = ws.Range(blockAddress(row, col, rows, cols));
  rng.Value2 = rows === 1 && cols === 1 ? grid[0][0] : grid;
  return rng;
}

export interface Run<T> {
  address: string;
  value: T;
}

/**
 * Groups cells (1-based row/col) that share a value into vertical runs within a column:
 * "F3:F7" instead of five calls. Cells without a value (undefined) are skipped.
 */
export function verticalRuns<T>(cells: { row: number; col: number; value: T | undefined }[]): Run<T>[] {
  const sorted = cells.filter((c) => c.value !== undefined).sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run<T>[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (b && b.col === a.col && b.row === a.row + 1 && b.value === a.value) continue;
    const first = sorted[start];
    runs.push({
      address: first.row === a.row ? cellAddress(a.row, a.col) : `${cellAddress(first.row, first.col)}:${cellAddress(a.row, a.col)}`,
      value: first.value as T,
    });
    start = i;
  }
  return runs;
}

/** Where merged cells are looked for: the title and one- to three-row header sit at the top left. */
export const MERGE_SCAN = { rows: 10, cols: 256 };

/**
 * Merged ranges ("A2:A3") near the top of the used range, which the ledger reader needs for multi-row
 * headers (Value2 leaves all but a merge's top-left cell empty). A row without merges costs one call;
 * in a row with some, each merge is read once and its cells skipped.
 */
export function headerMerges(ws: EtWorksheet, used: EtRange): string[] {
  const rows = Math.min(used.Rows.Count, MERGE_SCAN.rows);
  const first = used.Column;
  const last = first + Math.min(used.Columns.Count, MERGE_SCAN.cols) - 1;
  const found = new Set<string>();
  for (let r = used.Row; r < used.Row + rows; r++) {
    if (ws.Range(`${columnLetter(first)}${r}:${columnLetter(last)}${r}`).MergeCells === false) continue;
    for (let c = first; c <= last; c++) {
      const cell = ws.Range(cellAddress(r, c));
      if (!cell.MergeCells) continue;
      const area = cell.MergeArea;
      found.add(area.Address(false, false));
      c = area.Column + area.Columns.Count - 1;
    }
  }
  return [...found];
}
