// The report JSON of rules §6, with its keys in the order the rules page prints them (the engine builds its
// objects in its own order; readers of the file compare it with the page). Numbers stay unrounded.
import type { IndicatorResult, Report, SchoolResult, StageResult } from '../core/report.ts';
import type { Rectification } from '../core/rectify/types.ts';
import { STAGES } from '../core/types.ts';
import { jsonChunks } from './json-stream.ts';

export const indicatorJson = (r: IndicatorResult): IndicatorResult => ({
  id: r.id,
  name: r.name,
  mean: r.mean,
  cv: r.cv,
  cvLimit: r.cvLimit,
  cvPass: r.cvPass,
  threshold: r.threshold,
  schoolsBelow: r.schoolsBelow,
});

const stage = (s: StageResult) => ({
  schoolCount: s.schoolCount,
  students: s.students,
  pass: s.pass,
  ...(s.reason ? { reason: s.reason } : {}),
  composite: s.composite,
  compositeLimit: s.compositeLimit,
  indicators: s.indicators.map(indicatorJson),
});

const school = (s: SchoolResult) => ({
  name: s.name,
  stage: s.stage,
  row: s.row,
  ...(s.sheet ? { sheet: s.sheet } : {}),
  students: s.students,
  values: s.values,
  met: s.met,
  metCount: s.metCount,
  pass: s.pass,
  shortfall: s.shortfall,
});

/** §7: the additions, totals and cost first, as the page prints them; then what the plan checked. */
const rectification = (r: Rectification) => ({
  additions: r.additions.map((a) => ({ school: a.school, stage: a.stage, row: a.row, ...(a.sheet ? { sheet: a.sheet } : {}), indicator: a.indicator, amount: a.amount, unit: a.unit, reason: a.reason })),
  byIndicator: r.byIndicator.map((b) => ({
    stage: b.stage,
    indicator: b.indicator,
    cvBefore: b.cvBefore,
    cvAfter: b.cvAfter,
    limit: b.limit,
    total: b.total,
    unit: b.unit,
    schools: b.schools,
    name: b.name,
    schoolTotal: b.schoolTotal,
    cvTotal: b.cvTotal,
    cost: b.cost,
  })),
  cost: r.cost,
  composite: r.composite,
  stagesAfter: r.stagesAfter,
  passAfter: r.passAfter,
  notes: r.notes,
});

export const reportJsonObject = (report: Report) => jsonFields(report, report.schools.map(school));

/** The report's fields in the page's order, with its schools as given (mapped, or still to be mapped one by one). */
function jsonFields<S>(report: Report, schools: S) {
  const stages: Record<string, ReturnType<typeof stage>> = {};
  for (const id of STAGES) {
    const s = report.stages[id];
    if (s) stages[id] = stage(s);
  }
  return {
    version: report.version,
    standard: report.standard,
    county: report.county,
    pass: report.pass,
    ...(report.reason ? { reason: report.reason } : {}),
    stages,
    schools,
    problems: report.problems,
    parts: report.parts,
    gaps: report.gaps,
    ...(report.sheets ? { sheets: report.sheets } : {}),
    ...(report.rows ? { rows: report.rows } : {}),
    ...(report.moreRows ? { moreRows: report.moreRows } : {}),
    ...(report.rectification ? { rectification: rectification(report.rectification) } : {}),
    ...(report.review ? { review: report.review } : {}),
  };
}

/**
 * The report JSON as JSON.stringify(…, null, 2) prints it, with a newline at the end, in pieces of about a
 * megabyte (cli/json-stream.ts): the schools are put in the page's key order one at a time as they are printed,
 * not copied all at once (200,000 of them).
 */
export function* reportJsonChunks(report: Report): Generator<string> {
  const schools = report.schools;
  yield* jsonChunks(jsonFields(report, schools), {
    indent: 2,
    replacer(key, value) {
      return this === schools ? school(value as SchoolResult) : value;
    },
  });
  yield '\n';
}

/** The whole report JSON as one string (a county small enough for one; the CLI writes reportJsonChunks). */
export const reportJsonText = (report: Report): string => [...reportJsonChunks(report)].join('');
