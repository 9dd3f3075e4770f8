// The annotation planner: an Evaluation and the ledger it came from → the plain-data AnnotationPlan hosts apply.
import type { AnnotationPlan, LedgerAnchor } from '../core/plan.ts';
import type { Evaluation } from '../core/report.ts';
import type { Problem } from '../core/types.ts';
import type { LedgerReadOk } from '../ledger/types.ts';
import type { RulePack } from '../standards/types.ts';
import { columnNumber } from '../model/a1.ts';
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

/** Pure: the same inputs give the same plan (no timestamps, no randomness). */
export function buildPlan(evaluation: Evaluation, ledger: LedgerReadOk, pack: RulePack): AnnotationPlan {
  const problems = allProblems(ledger, evaluation);
  const anchor = (headerRows: number[], columns: LedgerReadOk['columns']): LedgerAnchor => {
    const nameColumn = columns.find((c) => c.field === 'school')?.col;
    return { headerRows, nameColumn: nameColumn ? columnNumber(nameColumn) : null };
  };
  const more = (ledger.sheetParts ?? []).slice(1).map((p) => ({ sheet: p.sheet, anchor: anchor(p.headerRows, p.columns) }));
  return {
    ledgerSheet: ledger.sheet,
    anchor: anchor(ledger.headerRows, ledger.columns),
    ...(more.length ? { moreLedgerSheets: more } : {}),
    marks: buildMarks(evaluation, ledger.sheet, pack, problems),
    reportSheet: buildReportSheet(evaluation, ledger, pack, problems),
  };
}
