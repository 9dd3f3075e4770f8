// The validation pipeline shared by the task pane (any host) and the CLI:
// sheets → readLedger → rule pack → evaluate → annotation plan; then, on a host, apply and save the settings.
import { evaluate } from '../core/evaluate.ts';
import { reviewStated, reviewSummary } from '../core/review.ts';
import { readStated } from '../ledger/stated.ts';
import type { Evaluation } from '../core/report.ts';
import type { Cleared, Host, WorkbookSettings } from '../hosts/types.ts';
import { readCountySheet } from '../ledger/county-sheet.ts';
import { readLedger } from '../ledger/index.ts';
import type { HeaderMapping, SheetValues } from '../ledger/types.ts';
import type { EvaluationSettings } from '../standards/types.ts';
import { allProblems, buildPlan } from '../plan/index.ts';
import { getStandard } from '../standards/index.ts';
import { resolveSettings } from './settings.ts';
import type { ValidateOptions, ValidateOutcome } from './types.ts';

type Progress = NonNullable<ValidateOptions['onProgress']>;
const noProgress: Progress = () => {};

/** Pure: no host, no I/O. Problems are the ledger's then the evaluation's, each once; the report JSON carries them all. */
export function validateSheets(sheets: SheetValues[], opts: ValidateOptions = {}): ValidateOutcome {
  const progress = opts.onProgress ?? noProgress;
  progress(0.05, '读取台账');
  const read = readLedger(sheets, { sheet: opts.sheet, mapping: opts.mapping, fallbackCountyName: opts.fallbackCountyName, county: opts.county });
  if (!read.ok) return { ledger: read, error: read.message, problems: read.problems };
  const pack = getStandard(opts.standard);
  if (!pack.ok) return { ledger: read, error: pack.message, problems: read.problems };
  // The 县级指标 sheet's items depend on the standard, so it is read once the pack is known.
  const county = readCountySheet(sheets, pack.value);
  const ledger = county.countySheet || county.problems.length
    ? { ...read, county: { ...read.county, countySheet: county.countySheet }, problems: [...read.problems, ...county.problems] }
    : read;

  progress(0.35, '计算差异系数与学校达标情况');
  const raw = evaluate(ledger.county, pack.value, opts.settings);
  const problems = allProblems(ledger, raw);
  // 复核: a 申报表 workbook states its own means and CVs (表Ⅲ); each is checked against the recomputed one.
  const stated = readStated(sheets, ledger.sheet);
  const review = stated ? reviewStated(stated.sheet, stated.figures, raw.report) : undefined;
  if (review) {
    problems.push({ severity: review.differences.length ? 'warning' : 'info', sheet: review.sheet, message: reviewSummary(review) },
      ...review.differences.map((d) => ({ severity: 'warning' as const, sheet: d.sheet, cell: d.cell, message: d.message })));
  }
  const evaluation: Evaluation = { ...raw, report: { ...raw.report, problems, ...(review ? { review } : {}) } };

  if (opts.plan === false) return { ledger, evaluation, pack: pack.value, problems };
  progress(0.6, '生成标注与报告');
  const plan = buildPlan(evaluation, ledger, pack.value, sheets);
  return { ledger, evaluation, pack: pack.value, plan, problems };
}

/**
 * Validates the host's workbook and writes the results into it. Options given here win over the settings saved
 * in the workbook; the mapping and standard actually used are saved back so the next person gets them.
 */
export async function validateWorkbook(host: Host, opts: ValidateOptions = {}): Promise<ValidateOutcome> {
  const progress = opts.onProgress ?? noProgress;
  progress(0, '读取工作簿设置');
  const saved = await host.loadSettings();
  progress(0.02, '读取工作簿');
  const sheets = opts.sheets ?? (await host.readWorkbook());
  const resolved = resolveSettings(saved, sheets, { standard: opts.standard, sheet: opts.sheet, mapping: opts.mapping, evaluation: opts.settings });
  const settings = resolved.evaluation;
  let outcome = validateSheets(sheets, {
    ...opts,
    standard: resolved.standard,
    sheet: resolved.sheet,
    mapping: resolved.mapping,
    settings,
    onProgress: (f, label) => progress(0.05 + f * 0.75, label),
  });
  if (!outcome.plan || !outcome.evaluation || !outcome.ledger.ok) {
    progress(1, '未能完成校验');
    return { ...outcome, sheets };
  }
  const next = nextSettings(outcome, resolved.mapping, settings);
  progress(0.8, '写入标注与报告');
  const plan = outcome.plan;
  if (opts.beforeApply) outcome = opts.beforeApply(outcome);
  const { reportSheet, left } = await host.apply(plan);
  progress(0.95, '保存设置');
  await host.saveSettings(next);
  progress(1, '完成');
  return { ...outcome, sheets, reportSheet, left };
}

/**
 * The settings to save back. A function of its own: the outcome's ledger is read only in this frame, so no
 * temporary of validateWorkbook's frame keeps the school records alive (a 200,000-school county's are ~300 MB)
 * after beforeApply let them go.
 */
function nextSettings(outcome: ValidateOutcome, resolvedMapping: HeaderMapping | undefined, settings: Partial<EvaluationSettings> | undefined): WorkbookSettings {
  const { ledger, evaluation } = outcome;
  // A ledger found on several sheets (one stage each) is found so again: saving its first sheet would lose the others,
  // and one sheet's headers saved as the mapping would be forced onto the other's (its 在校生数 is the other stage's).
  const several = ledger.ok && ledger.sheetParts !== undefined;
  const mapping = several || !ledger.ok ? resolvedMapping : ledger.mapping;
  return {
    version: 1,
    standard: evaluation!.report.standard,
    ...(several || !ledger.ok ? {} : { sheet: ledger.sheet }),
    ...(mapping ? { mapping } : {}),
    ...(settings ? { evaluation: settings } : {}),
  };
}

/** 清除标注: removes what the last validation added; the saved settings stay. */
export async function clearWorkbook(host: Host): Promise<Cleared> {
  return host.clear();
}
