// The roll-up of many counties (`balance rollup`): per county, per stage, every indicator's CV and verdict,
// and the county verdict, taken from each county's Report without recomputing anything.
import type { IndicatorResult, PartId, Report } from '../core/report.ts';
import { STAGES, type Stage } from '../core/types.ts';
import { indicatorJson } from './report-json.ts';

export interface RollupStage {
  schoolCount: number;
  students: number;
  pass: boolean | null;
  /** Why pass is null (数据不全 with sheet and cells). */
  reason?: string;
  composite: number | null;
  compositeLimit: number | null;
  /** Schools of the stage that fail the per-school rule (null where the standard has none). */
  schoolsFailing: number | null;
  indicators: IndicatorResult[];
}

export interface RollupCounty {
  county: string;
  file: string;
  /** The ledger sheets its schools were read from (two when its stages are on separate sheets). */
  sheets: string[];
  standard: string;
  /** As the report's: null when a part could not be judged (never 通过 on data that was not read). */
  pass: boolean | null;
  reason?: string;
  stages: Partial<Record<Stage, RollupStage>>;
  parts: { id: PartId; name: string; pass: boolean | null; reason?: string }[];
  problems: { error: number; warning: number; info: number };
  /** 复核 of the workbook's stated 表Ⅲ figures; null when it states none. */
  review: { checked: number; differences: number } | null;
}

export interface RollupSummary {
  version: 1;
  standard: string;
  counties: RollupCounty[];
  /** Files that could not be read as a ledger, with the reason. */
  skipped: { file: string; message: string }[];
}

export function rollupCounty(file: string, report: Report): RollupCounty {
  const stages: Partial<Record<Stage, RollupStage>> = {};
  for (const stage of STAGES) {
    const st = report.stages[stage];
    if (!st) continue;
    const judged = report.schools.filter((s) => s.stage === stage && s.pass !== null);
    stages[stage] = {
      schoolCount: st.schoolCount,
      students: st.students,
      pass: st.pass,
      ...(st.reason ? { reason: st.reason } : {}),
      composite: st.composite,
      compositeLimit: st.compositeLimit,
      schoolsFailing: judged.length === 0 ? null : judged.filter((s) => s.pass === false).length,
      indicators: st.indicators.map(indicatorJson),
    };
  }
  const count = (severity: string) => report.problems.filter((p) => p.severity === severity).length;
  return {
    county: report.county,
    file,
    sheets: report.sheets ?? (report.rows ? [report.rows.sheet] : []),
    standard: report.standard,
    pass: report.pass,
    ...(report.reason ? { reason: report.reason } : {}),
    stages,
    parts: report.parts.map((p) => ({ id: p.id, name: p.name, pass: p.pass, ...(p.reason ? { reason: p.reason } : {}) })),
    problems: { error: count('error'), warning: count('warning'), info: count('info') },
    review: report.review ? { checked: report.review.checked, differences: report.review.differences.length } : null,
  };
}

export function buildRollup(standard: string, counties: RollupCounty[], skipped: RollupSummary['skipped']): RollupSummary {
  return { version: 1, standard, counties, skipped };
}
