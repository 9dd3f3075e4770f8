// Builds a sheet the way Excel stores it: each merged range's text in its top-left cell only, and the merges
// listed, so the reader's merge handling is what makes the header (rules §5: merged group cells).
import { parseRange } from '../../../src/model/a1.ts';
import type { SheetValues } from '../../../src/ledger/types.ts';

/** [range, value]: "B2:B4" merged with value at B2, or a single cell "C3". */
export type Placed = [string, unknown];

export function sheet(name: string, header: Placed[], rows: unknown[][], firstDataRow: number): SheetValues {
  const values: unknown[][] = [];
  const merges: string[] = [];
  for (const [range, value] of header) {
    const r = parseRange(range)!;
    (values[r.r1 - 1] ??= [])[r.c1 - 1] = value;
    if (r.r2 > r.r1 || r.c2 > r.c1) merges.push(range);
  }
  rows.forEach((row, i) => (values[firstDataRow - 1 + i] = [...row]));
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  return { name, values, merges };
}

/** The same sheet as ExcelJS reads it: a merged value repeated over every cell of the merge. */
export function repeated(s: SheetValues): SheetValues {
  const values = s.values.map((r) => [...r]);
  for (const m of s.merges ?? []) {
    const r = parseRange(m)!;
    const v = values[r.r1 - 1][r.c1 - 1];
    for (let y = r.r1; y <= r.r2; y++) for (let x = r.c1; x <= r.c2; x++) (values[y - 1] ??= [])[x - 1] = v;
  }
  return { ...s, values };
}
