// Writes the report sheet of an annotation plan onto a fresh worksheet: values in one Value2 write,
// formats, bold and fills in runs, then per-cell hyperlinks, merges and column widths.
import type { ReportSheetPlan } from '../../core/plan.ts';
import { cellAddress, columnLetter } from '../../model/a1.ts';
import { hexToBgr } from './color.ts';
import type { EtWorksheet } from './et.ts';
import { verticalRuns, writeBlock } from './ranges.ts';

export function writeReportSheet(ws: EtWorksheet, plan: ReportSheetPlan): void {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const cells = plan.rows.flatMap((r, i) => r.map((c, j) => ({ c, row: i + 1, col: j + 1 })));
  // Text the plan marks (a school named "=HYPERLINK(…)" or "=cmd|…") is formatted as text before its value
  // arrives: Value2 parses strings as if typed, so it would otherwise become a live formula.
  const asText = verticalRuns(cells.map(({ c, row, col }) => ({ row, col, value: c?.text ? '@' : undefined })));
  for (const run of asText) ws.Range(run.address).NumberFormat = run.value;
  if (plan.rows.length > 0) {
    writeBlock(ws, 1, 1, plan.rows.map((r) => Array.from({ length: width }, (_, j) => r[j]?.v ?? null)));
  }
  const styled = (pick: (c: NonNullable<(typeof cells)[number]['c']>) => string | undefined) =>
    verticalRuns(cells.map(({ c, row, col }) => ({ row, col, value: c ? pick(c) : undefined })));

  for (const run of styled((c) => c.numFmt)) ws.Range(run.address).NumberFormat = run.value;
  for (const run of styled((c) => (c.bold ? 'bold' : undefined))) ws.Range(run.address).Font.Bold = true;
  for (const run of styled((c) => c.fill)) ws.Range(run.address).Interior.Color = hexToBgr(run.value);

  // Links point inside the workbook: Address empty, SubAddress "'台账'!F9" (Hyperlinks.Add, lib.et.d.ts).
  // No TextToDisplay, which would overwrite the cell's value (a number would become text).
  for (const { c, row, col } of cells) {
    if (c?.link) ws.Hyperlinks.Add(ws.Range(cellAddress(row, col)), '', c.link);
  }
  for (const m of plan.merges ?? []) ws.Range(m).Merge();
  plan.columnWidths.forEach((w, i) => {
    ws.Range(`${columnLetter(i + 1)}1`).ColumnWidth = w;
  });
}
