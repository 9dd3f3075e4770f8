// Evaluates a county against a rule pack: per-school values and verdicts, per-stage CVs, the method's verdict.
import { getStandard } from '../standards/index.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings, type IndicatorRule, type RulePack } from '../standards/types.ts';
import { deriveIndicator, shortfall } from './derive.ts';
import { parts as methodParts } from './parts.ts';
import type { Driver, Evaluation, IndicatorResult, SchoolDetail, SchoolResult, StageResult } from './report.ts';
import { splitCounty, type SchoolPart } from './split.ts';
import { leaveOneOutImpact, roundTo, weightedStats } from './stats.ts';
import { STAGE_NAMES, STAGES, fail, ok, type County, type Problem, type Result, type Stage } from './types.ts';

const DRIVERS_PER_INDICATOR = 3;

/** Evaluates with a pack id or name; unknown ids come back as a typed error. */
export function evaluateWith(county: County, standardId: string, settings?: Partial<EvaluationSettings>): Result<Evaluation> {
  const pack = getStandard(standardId);
  return pack.ok ? ok(evaluate(county, pack.value, settings)) : pack;
}

export function evaluate(county: County, pack: RulePack, overrides: Partial<EvaluationSettings> = {}): Evaluation {
  const settings: EvaluationSettings = { ...DEFAULT_SETTINGS, ...overrides };
  const relaxations = settings.relaxations ?? pack.relaxations;
  const sheet = county.sheet;
  const { parts, problems } = splitCounty(county, pack, settings.teachingPoints ?? pack.teachingPoints);
  const compareValue = (x: number) => (settings.roundBeforeCompare ? roundTo(x, settings.valueDecimals) : x);
  const compareCV = (x: number) => (settings.roundBeforeCompare ? roundTo(x, settings.cvDecimals) : x);

  const schools: SchoolResult[] = [];
  const schoolDetails: SchoolDetail[] = [];
  for (const part of parts) {
    const { result, detail } = judgeSchool(part, pack, relaxations, compareValue, sheet, problems);
    schools.push(result);
    schoolDetails.push(detail);
  }

  const stages: Partial<Record<Stage, StageResult>> = {};
  const drivers: Evaluation['drivers'] = {};
  for (const stage of STAGES) {
    const idx = schools.flatMap((s, i) => (s.stage === stage ? [i] : []));
    const stageDrivers: Partial<Record<string, Driver[]>> = {};
    stages[stage] = judgeStage(stage, idx, schools, pack, compareCV, sheet, problems, stageDrivers);
    drivers[stage] = stageDrivers;
  }

  const partResults = methodParts(pack, stages, schools, schoolDetails);
  const report = {
    version: 1 as const,
    standard: pack.id,
    county: county.name,
    pass: partResults.every((p) => p.pass === true),
    stages,
    schools,
    problems,
    parts: partResults,
  };
  return { report, schoolDetails, drivers };
}

function judgeSchool(
  part: SchoolPart,
  pack: RulePack,
  relaxations: boolean,
  compareValue: (x: number) => number,
  sheet: string | undefined,
  problems: Problem[],
): { result: SchoolResult; detail: SchoolDetail } {
  const hasThresholds = pack.indicators.some((r) => r.threshold?.[part.stage] !== undefined);
  const values: SchoolResult['values'] = {};
  const met: NonNullable<SchoolResult['met']> = {};
  const gaps: NonNullable<SchoolResult['shortfall']> = {};
  const detail: SchoolDetail = { cells: {}, ratio: {} };
  let metCount = 0;
  let complete = true;
  let ruleHolds = true;

  for (const rule of pack.indicators) {
    const d = deriveIndicator(part, rule.id, relaxations);
    const cell = part.cells[d.cellField];
    if (cell) detail.cells[rule.id] = cell;
    if (d.value === null) {
      values[rule.id] = null;
      met[rule.id] = null;
      gaps[rule.id] = null;
      detail.ratio[rule.id] = null;
      complete = false;
      problems.push({
        severity: 'error',
        sheet,
        cell: part.cells[d.missing[0]] ?? part.nameCell,
        message: `“${part.name}”（${STAGE_NAMES[part.stage]}）缺少${rule.name}所需数据，无法计算`,
      });
      continue;
    }
    const x = compareValue(d.value);
    values[rule.id] = x;
    const threshold = rule.threshold?.[part.stage];
    if (threshold === undefined) continue;
    const isMet = x >= threshold;
    met[rule.id] = isMet;
    gaps[rule.id] = shortfall(x, threshold, part.students, d.scale);
    detail.ratio[rule.id] = x / threshold;
    if (isMet) metCount++;
    else if (pack.schoolRule && x < pack.schoolRule.minRatio * threshold) ruleHolds = false;
  }

  const judged = hasThresholds;
  let pass: boolean | null = null;
  if (judged) {
    const minMet = pack.schoolRule?.minMet ?? pack.indicators.length;
    pass = complete && metCount >= minMet && ruleHolds;
  }
  return {
    result: {
      name: part.name,
      stage: part.stage,
      row: part.row,
      students: part.students,
      values,
      met: judged ? met : null,
      metCount: judged ? metCount : null,
      pass,
      shortfall: judged ? gaps : null,
    },
    detail,
  };
}

function judgeStage(
  stage: Stage,
  idx: number[],
  schools: SchoolResult[],
  pack: RulePack,
  compareCV: (x: number) => number,
  sheet: string | undefined,
  problems: Problem[],
  drivers: Partial<Record<string, Driver[]>>,
): StageResult {
  const students = idx.reduce((sum, i) => sum + schools[i].students, 0);
  const indicators = pack.indicators.map((rule) => judgeIndicator(stage, rule, idx, schools, compareCV, sheet, problems, drivers));
  const compositeLimit = pack.compositeLimit?.[stage] ?? null;
  let composite: number | null = null;
  if (compositeLimit !== null && indicators.every((r) => r.cv !== null)) {
    composite = indicators.reduce((sum, r) => sum + (r.cv as number), 0) / indicators.length;
  }
  let pass: boolean | null = null;
  if (idx.length > 0) {
    if (pack.method === '2012') {
      pass = composite !== null && compositeLimit !== null && compareCV(composite) <= compositeLimit;
    } else {
      const cvsPass = indicators.every((r) => r.cvPass === true);
      const schoolsPass = idx.every((i) => schools[i].pass === true);
      pass = cvsPass && schoolsPass;
    }
  }
  return { schoolCount: idx.length, students, pass, composite, compositeLimit, indicators };
}

function judgeIndicator(
  stage: Stage,
  rule: IndicatorRule,
  idx: number[],
  schools: SchoolResult[],
  compareCV: (x: number) => number,
  sheet: string | undefined,
  problems: Problem[],
  drivers: Partial<Record<string, Driver[]>>,
): IndicatorResult {
  const rows = idx.filter((i) => schools[i].values[rule.id] !== null && schools[i].values[rule.id] !== undefined);
  const values = rows.map((i) => schools[i].values[rule.id] as number);
  const weights = rows.map((i) => schools[i].students);
  const threshold = rule.threshold?.[stage] ?? null;
  const cvLimit = rule.cvLimit?.[stage] ?? null;
  const schoolsBelow = threshold === null ? null : values.filter((x) => x < threshold).length;
  const base = { id: rule.id, name: rule.name, threshold, cvLimit, schoolsBelow };
  if (rows.length === 0) {
    return { ...base, mean: null, cv: null, cvPass: idx.length === 0 || cvLimit === null ? null : false };
  }
  const stats = weightedStats(values, weights);
  if (!stats.ok) {
    problems.push({ severity: 'error', sheet, message: `${STAGE_NAMES[stage]}“${rule.name}”：${stats.message}` });
    const mean = stats.code === 'zero_mean' ? 0 : null;
    return { ...base, mean, cv: null, cvPass: cvLimit === null ? null : false };
  }
  const impact = leaveOneOutImpact(values, weights);
  if (impact.ok) {
    drivers[rule.id] = rows
      .map((i, k) => ({ name: schools[i].name, row: schools[i].row, value: values[k], impact: impact.value[k] ?? 0 }))
      .filter((d) => d.impact > 0)
      .sort((p, q) => q.impact - p.impact)
      .slice(0, DRIVERS_PER_INDICATOR);
  }
  const { mean, cv } = stats.value;
  return { ...base, mean, cv, cvPass: cvLimit === null ? null : compareCV(cv) <= cvLimit };
}

/** A typed error for an unknown indicator id or name, shared by functions and hosts. */
export function unknownIndicator(key: string) {
  return fail('unknown_indicator', `未知的指标“${key}”`);
}
