// The annotation planner: an Evaluation and the ledger it came from → the plain-data AnnotationPlan hosts apply.
import type { AnnotationPlan, CellMark, LedgerAnchor, PlanGrid } from '../core/plan.ts';
import type { Evaluation } from '../core/report.ts';
import type { Problem } from '../core/types.ts';
import type { LedgerReadOk, SheetValues } from '../ledger/types.ts';
import type { RulePack } from '../standards/types.ts';
import { columnNumber, parseCell } from '../model/a1.ts';
import { Identities } from './identity.ts';
import { buildMarks } from './marks.ts';
import { buildReportSheet } from './report-sheet.ts';

export { buildMarks } from './marks.ts';
export { buildReportSheet } from './report-sheet.ts';

/** Ledger problems then evaluation problems, each once (the pipeline may already have merged them). */
export function allProblems(ledger: LedgerReadOk, evaluation: Evaluation): Problem[] {
  const seen = new Set<string>();
  return [...ledger.problems, ...evaluation.report.problems].filter((p) => {
    const key = `${p.severity}|${p.sheet ?? ''}|${p.cell ?? ''}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Pure: the same inputs give the same plan (no timestamps, no randomness). Given the sheets the ledger was read
 * from, each mark on a ledger table carries its cell's identity and the plan the ledger sheets' values
 * (plan/identity.ts), so every host finds the cell again after the clerk moves rows.
 */
export function buildPlan(evaluation: Evaluation, ledger: LedgerReadOk, pack: RulePack, sheets?: readonly SheetValues[]): AnnotationPlan {
  const problems = allProblems(ledger, evaluation);
  const anchor = (headerRows: number[], columns: LedgerReadOk['columns']): LedgerAnchor => {
    const nameColumn = columns.find((c) => c.field === 'school')?.col;
    return { headerRows, nameColumn: nameColumn ? columnNumber(nameColumn) : null };
  };
  const more = (ledger.sheetParts ?? []).slice(1).map((p) => ({ sheet: p.sheet, anchor: anchor(p.headerRows, p.columns) }));
  const main = anchor(ledger.headerRows, ledger.columns);
  const marks = buildMarks(evaluation, ledger.sheet, pack, problems);
  const grids = sheets ? ledgerGrids(sheets, [{ sheet: ledger.sheet, anchor: main }, ...more]) : [];
  return {
    ledgerSheet: ledger.sheet,
    anchor: main,
    ...(more.length ? { moreLedgerSheets: more } : {}),
    marks: grids.length ? withIdentities(marks, grids) : marks,
    ...(grids.length ? { grids: grids.map((g) => g.grid) } : {}),
    reportSheet: buildReportSheet(evaluation, ledger, pack, problems),
  };
}

function ledgerGrids(sheets: readonly SheetValues[], anchors: { sheet: string; anchor: LedgerAnchor }[]): { grid: PlanGrid; anchor: LedgerAnchor }[] {
  return anchors.flatMap(({ sheet, anchor }) => {
    const s = sheets.find((x) => x.name === sheet);
    return s ? [{ grid: { sheet, values: s.values, ...(s.origin ? { origin: s.origin } : {}) }, anchor }] : [];
  });
}

function withIdentities(marks: CellMark[], grids: { grid: PlanGrid; anchor: LedgerAnchor }[]): CellMark[] {
  const bySheet = new Map(grids.map((g) => [g.grid.sheet, new Identities(g.grid, g.anchor)]));
  return marks.map((m) => {
    const id = bySheet.get(m.sheet)?.of(...rowCol(m.cell));
    return id ? { ...m, id } : m;
  });
}

function rowCol(cell: string): [number, number] {
  const { row, col } = parseCell(cell);
  return [row, col];
}
