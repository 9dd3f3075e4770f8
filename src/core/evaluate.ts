// Evaluates a county against a rule pack: per-school values and verdicts, per-stage CVs, the method's verdict.
// The arithmetic runs in the columnar kernel; this file turns a ledger into its columns and its results into the report.
import { MESSAGES } from '../model/messages.ts';
import { cellOf } from '../model/school.ts';
import { getStandard } from '../standards/index.ts';
import { DEFAULT_SETTINGS, type EvaluationSettings, type RulePack } from '../standards/types.ts';
import { FORMULAS, deriveInto, derivePart, shortfall, type Derived } from './derive.ts';
import { CV_OK, CV_ZERO_MEAN, judgeStageTable, type IndicatorSpec, type StageVerdicts } from './kernel.ts';
import { parts as methodParts } from './parts.ts';
import { planIndicators, rectify, type Rectification, type StageToPlan } from './rectify/index.ts';
import type { Driver, Evaluation, IndicatorResult, Report, SchoolDetail, SchoolResult, StageResult } from './report.ts';
import { absentColumnProblem, absentHeader, countyVerdict, gapsOfStage, rowSummary, stageGapReason, uniqueGaps } from './completeness.ts';
import { classBandsOf, type SchoolGovernmentFacts } from './government.ts';
import { recordOf } from './records.ts';
import { resolveType, splitParts, type Part } from './split.ts';
import { leaveOneOutInto, roundTo } from './stats.ts';
import { STAGE_NAMES, STAGES, ok, type County, type DataGap, type Problem, type Result, type Stage } from './types.ts';

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
  const split = splitParts(county, pack, settings.teachingPoints ?? pack.teachingPoints, settings.mergeCampuses === true);
  const { parts, problems } = split;
  const gaps: DataGap[] = [...(county.gaps ?? []), ...split.gaps];
  const absent = absentHeader(county.absentColumns);
  const compareValue = (x: number) => (settings.roundBeforeCompare ? roundTo(x, settings.valueDecimals) : x);
  const compareCV = (x: number) => (settings.roundBeforeCompare ? roundTo(x, settings.cvDecimals) : x);

  const schools: SchoolResult[] = new Array(parts.length);
  const schoolDetails: SchoolDetail[] = new Array(parts.length);
  const stages: Partial<Record<Stage, StageResult>> = {};
  const drivers: Evaluation['drivers'] = {};
  const toPlan: StageToPlan[] = [];

  const ids = pack.indicators.map((r) => r.id);
  const scales = pack.indicators.map((r) => FORMULAS[r.id].scale);
  const k = ids.length;
  for (const stage of STAGES) {
    const idx: number[] = [];
    for (let i = 0; i < parts.length; i++) if (parts[i].stage === stage) idx.push(i);
    const n = idx.length;
    const stageParts: Part[] = new Array(n);
    const weights = new Float64Array(n);
    const amounts = columns(k, n);
    const values = columns(k, n);
    for (let q = 0; q < n; q++) {
      const part = parts[idx[q]];
      stageParts[q] = part;
      weights[q] = part.students;
      for (let j = 0; j < k; j++) deriveInto(part, part.given, ids[j], relaxations, amounts[j], values[j], q);
    }
    const unmapped = new Map<string, { headers: string[]; indicator: string; schools: number }>();
    for (let q = 0; q < n; q++) {
      for (let j = 0; j < k; j++) {
        // Only a value that could not be computed needs its inputs told apart.
        if (values[j][q] === values[j][q]) continue;
        const part = stageParts[q];
        reportMissing(part, pack, j, derivePart(part, part.given, ids[j], relaxations), sheet, problems, gaps, absent, unmapped);
      }
    }
    for (const u of unmapped.values()) {
      problems.push({ severity: 'error', sheet, message: absentColumnProblem(u.headers, `${STAGE_NAMES[stage]} ${u.schools} 所学校无法计算${u.indicator}`) });
      gaps.push({ stage, sheet, cells: [], reason: `没有${u.headers.map((h) => `“${h}”`).join('、')}列（表头未对应），无法计算${u.indicator}` });
    }
    if (settings.roundBeforeCompare) {
      for (let j = 0; j < k; j++) for (let q = 0; q < n; q++) if (values[j][q] === values[j][q]) values[j][q] = compareValue(values[j][q]);
    }

    const specs: IndicatorSpec[] = pack.indicators.map((r) => ({ threshold: r.threshold?.[stage] ?? null, cvLimit: r.cvLimit?.[stage] ?? null }));
    const valueDecimals = settings.roundBeforeCompare ? settings.valueDecimals : null;
    const table = { groupStart: [0, n], weights, amounts, scales, valueDecimals };
    const verdicts = judgeStageTable(table, specs, pack.schoolRule, compareCV);

    schoolResults(stageParts, idx, pack, specs, values, verdicts, schools, schoolDetails);
    const stageDrivers: Partial<Record<string, Driver[]>> = {};
    const result = stageResult(stage, pack, specs, stageParts, values, weights, verdicts, compareCV, sheet, problems, stageDrivers, new Set(unmapped.keys()));
    stages[stage] = result;
    drivers[stage] = stageDrivers;
    toPlan.push({
      input: { stage, weights, amounts, indicators: planIndicators(pack, stage, settings.unitCosts), schoolRule: pack.schoolRule, compositeLimit: pack.compositeLimit?.[stage] ?? null, compareCV, valueDecimals },
      parts: stageParts,
      cvBefore: result.indicators.map((r) => r.cv),
      compositeBefore: result.composite,
    });
  }
  // Rules §5.2: a stage resting on data that was not read is 未评估, never 通过 (and not 未通过 either).
  const allGaps = uniqueGaps(gaps);
  for (const stage of STAGES) {
    const own = gapsOfStage(allGaps, stage);
    const st = stages[stage];
    if (st && own.length > 0) stages[stage] = { ...st, pass: null, reason: stageGapReason(stage, own) };
  }

  const inputs = { county, governmentFacts: pack.government ? governmentFacts(county) : [], basicStandard: basicStandard(county), relaxations };
  const partResults = methodParts(pack, stages, schools, schoolDetails, inputs, problems, allGaps);
  const verdict = countyVerdict(partResults);
  const report: Report = {
    version: 1 as const,
    standard: pack.id,
    county: county.name,
    pass: verdict.pass,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    stages,
    schools,
    problems,
    parts: partResults,
    gaps: allGaps,
    ...(county.sheets ? { sheets: county.sheets } : {}),
    ...(county.rows ? { rows: rowSummary(county.rows, split.teachingPointsLeftOut) } : {}),
    ...(county.moreRows ? { moreRows: county.moreRows.map((r) => rowSummary(r, split.teachingPointsLeftOut, county.sheet)) } : {}),
    rectification: withGaps(rectify(toPlan, settings.unitCosts), allGaps),
  };
  return { report, schoolDetails, drivers };
}

/** A plan over a stage with data gaps covers only the schools read: it cannot say the stage will pass. */
function withGaps(plan: Rectification, gaps: DataGap[]): Rectification {
  const short = STAGES.filter((stage) => stage in plan.stagesAfter && gapsOfStage(gaps, stage).length > 0);
  if (short.length === 0) return plan;
  const stagesAfter = { ...plan.stagesAfter };
  for (const stage of short) stagesAfter[stage] = null;
  const notes = [...plan.notes, ...short.map((stage) => `${STAGE_NAMES[stage]}数据不全：测算只涵盖已读取的学校，补齐数据后重新校验才能确定能否达标`)];
  return { ...plan, stagesAfter, passAfter: null, notes };
}

/** k columns of n values, views of one buffer (one allocation, not k). */
function columns(k: number, n: number): Float64Array[] {
  const all = new Float64Array(k * n);
  const out: Float64Array[] = new Array(k);
  for (let j = 0; j < k; j++) out[j] = all.subarray(j * n, (j + 1) * n);
  return out;
}

/**
 * A school part's indicator j that could not be computed, named by cell; one whose inputs have no column at all
 * is counted into `unmapped` instead, to be told once per stage and indicator.
 */
function reportMissing(
  part: Part, pack: RulePack, j: number, d: Derived, sheet: string | undefined, problems: Problem[], gaps: DataGap[],
  absent: (field: string, stage: Stage) => string | undefined, unmapped: Map<string, { headers: string[]; indicator: string; schools: number }>,
): void {
  const headers = d.missing.map((f) => absent(f, part.stage));
  if (headers.length > 0 && headers.every((h) => h !== undefined)) {
    const key = pack.indicators[j].id;
    const u = unmapped.get(key) ?? { headers: headers as string[], indicator: pack.indicators[j].name, schools: 0 };
    u.schools++;
    unmapped.set(key, u);
    return;
  }
  const cell = part.cell(d.missing[0]) ?? part.nameCell;
  const at = part.sheet ?? sheet;
  problems.push({
    severity: 'error',
    sheet: at,
    cell,
    message: `“${part.name}”（${STAGE_NAMES[part.stage]}）缺少${pack.indicators[j].name}所需数据，无法计算`,
  });
  gaps.push({ stage: part.stage, sheet: at, cells: cell ? [cell] : [], reason: `缺少${pack.indicators[j].name}所需数据` });
}

/** Each part's values and verdicts into schools[idx[q]] and its cells and ratios into details[idx[q]]. */
function schoolResults(
  parts: Part[],
  idx: number[],
  pack: RulePack,
  specs: IndicatorSpec[],
  values: Float64Array[],
  verdicts: StageVerdicts,
  schools: SchoolResult[],
  details: SchoolDetail[],
): void {
  const k = specs.length;
  const ids = pack.indicators.map((r) => r.id);
  const formulas = ids.map((id) => FORMULAS[id]);
  const judgedAt = specs.flatMap((s, j) => (s.threshold === null ? [] : [j]));
  const judgedIds = judgedAt.map((j) => ids[j]);
  const judged = judgedAt.length > 0;
  const m = judgedAt.length;
  const valueOf: (number | null)[] = new Array(k);
  const cellKeys: string[] = new Array(k);
  const cellOf: string[] = new Array(k);
  const metOf: (boolean | null)[] = new Array(m);
  const shortOf: (number | null)[] = new Array(m);
  const ratioOf: (number | null)[] = new Array(m);
  for (let q = 0; q < parts.length; q++) {
    const part = parts[q];
    let cells = 0;
    for (let j = 0; j < k; j++) {
      const x = values[j][q];
      valueOf[j] = x === x ? x : null;
      const cell = part.givenCells?.[ids[j]] ?? part.cell(formulas[j].cellField(part));
      if (cell) {
        cellKeys[cells] = ids[j];
        cellOf[cells++] = cell;
      }
    }
    for (let t = 0; t < m; t++) {
      const j = judgedAt[t];
      const x = values[j][q];
      const threshold = specs[j].threshold as number;
      metOf[t] = x === x ? x >= threshold : null;
      shortOf[t] = x === x ? shortfall(x, threshold, part.students, formulas[j].scale) : null;
      ratioOf[t] = x === x ? x / threshold : null;
    }
    const out = recordOf(ids, valueOf, k);
    const met = judged ? recordOf(judgedIds, metOf, m) : null;
    const metCount = judged ? verdicts.metCount[q] : null;
    const pass = judged ? verdicts.schoolPass[q] === 1 : null;
    const short = judged ? recordOf(judgedIds, shortOf, m) : null;
    schools[idx[q]] = part.sheet
      ? { name: part.name, stage: part.stage, row: part.row, sheet: part.sheet, students: part.students, values: out, met, metCount, pass, shortfall: short }
      : { name: part.name, stage: part.stage, row: part.row, students: part.students, values: out, met, metCount, pass, shortfall: short };
    details[idx[q]] = { cells: recordOf(cellKeys, cellOf, cells), ratio: recordOf(judgedIds, ratioOf, m) };
  }
}

function stageResult(
  stage: Stage,
  pack: RulePack,
  specs: IndicatorSpec[],
  parts: Part[],
  values: Float64Array[],
  weights: Float64Array,
  verdicts: StageVerdicts,
  compareCV: (x: number) => number,
  sheet: string | undefined,
  problems: Problem[],
  drivers: Partial<Record<string, Driver[]>>,
  /** Indicators whose inputs have no column: already told, and their CV is not judged (未评估, not 未达标). */
  unmapped: Set<string>,
): StageResult {
  const students = weights.reduce((a, b) => a + b, 0);
  // One column of leave-one-out impacts for every indicator: each is read into its drivers before the next.
  const impacts = new Float64Array(parts.length);
  const indicators: IndicatorResult[] = pack.indicators.map((rule, j) => {
    const { threshold, cvLimit } = specs[j];
    const xs = values[j];
    let schoolsBelow: number | null = null;
    if (threshold !== null) {
      schoolsBelow = 0;
      for (let i = 0; i < xs.length; i++) if (xs[i] < threshold) schoolsBelow++;
    }
    // Literals, not a spread of a shared base: one shape, built once per indicator per stage of every county.
    if (parts.length === 0) return { id: rule.id, name: rule.name, threshold, cvLimit, schoolsBelow, mean: null, cv: null, cvPass: null };
    const status = verdicts.cvStatus[j][0];
    if (status !== CV_OK) {
      const zero = status === CV_ZERO_MEAN;
      if (!unmapped.has(rule.id)) problems.push({ severity: 'error', sheet, message: `${STAGE_NAMES[stage]}“${rule.name}”：${zero ? MESSAGES.zeroMean : MESSAGES.noCvData}` });
      // A mean of 0 is a county without any of it: not met. No data at all is a CV nobody can judge.
      return { id: rule.id, name: rule.name, threshold, cvLimit, schoolsBelow, mean: zero ? 0 : null, cv: null, cvPass: cvLimit === null || !zero ? null : false };
    }
    const cv = verdicts.cv[j][0];
    drivers[rule.id] = topDrivers(parts, xs, weights, impacts);
    return { id: rule.id, name: rule.name, threshold, cvLimit, schoolsBelow, mean: verdicts.mean[j][0], cv, cvPass: cvLimit === null ? null : compareCV(cv) <= cvLimit };
  });

  const compositeLimit = pack.compositeLimit?.[stage] ?? null;
  const composite =
    compositeLimit !== null && indicators.every((r) => r.cv !== null)
      ? indicators.reduce((sum, r) => sum + (r.cv as number), 0) / indicators.length
      : null;
  let pass: boolean | null = null;
  if (parts.length > 0) {
    pass = pack.method === '2012' ? composite !== null && compositeLimit !== null && compareCV(composite) <= compositeLimit : verdicts.groupPass[0] === 1;
  }
  return { schoolCount: parts.length, students, pass, composite, compositeLimit, indicators };
}

/** The schools whose leave-one-out effect raises the CV most (ties in ledger order). */
function topDrivers(parts: Part[], xs: Float64Array, weights: Float64Array, impacts: Float64Array): Driver[] {
  let complete = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) complete++;
  // The columns as they are when every school has the value (row k is school k); else the schools that have it.
  let rows: number[] | null = null;
  let x = xs;
  let w = weights;
  if (complete < xs.length) {
    rows = [];
    for (let i = 0; i < xs.length; i++) if (xs[i] === xs[i]) rows.push(i);
    x = new Float64Array(rows.length);
    w = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) {
      x[k] = xs[rows[k]];
      w[k] = weights[rows[k]];
    }
  }
  const impact = impacts.subarray(0, x.length);
  if (!leaveOneOutInto(x, w, impact).ok) return [];
  // A running top three instead of an object per school and a sort: this runs per indicator per stage per county.
  const top: { k: number; impact: number }[] = [];
  for (let k = 0; k < impact.length; k++) {
    const v = impact[k];
    if (!(v > 0)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].impact < v) at--;
    if (at < DRIVERS_PER_INDICATOR) top.splice(at, 0, { k, impact: v });
    if (top.length > DRIVERS_PER_INDICATOR) top.pop();
  }
  return top.map(({ k, impact: v }) => {
    const i = rows ? rows[k] : k;
    return { name: parts[i].name, row: parts[i].row, ...(parts[i].sheet ? { sheet: parts[i].sheet } : {}), value: xs[i], impact: v };
  });
}

/** The ledger's facts for the per-school government checks (rules §4.2); absent columns stay undefined. */

function governmentFacts(county: County): SchoolGovernmentFacts[] {
  const out: SchoolGovernmentFacts[] = [];
  for (const s of county.schools) {
    const type = resolveType(s);
    const v = s.values;
    if (!type) continue;
    out.push({
      name: s.name,
      sheet: s.sheet,
      type,
      students: { primary: Math.max(0, v.students_primary ?? 0), junior: Math.max(0, v.students_junior ?? 0) },
      classes: v.classes,
      maxClassSize: { primary: v.max_class_size_primary, junior: v.max_class_size_junior, any: v.max_class_size },
      classBands: classBandsOf(v, s),
      musicRooms: v.music_rooms,
      artRooms: v.art_rooms,
      musicRoomArea: v.music_room_area,
      artRoomArea: v.art_room_area,
      builtYear: v.built_year,
      migrantStudents: v.migrant_students,
      publicFunding: v.public_funding,
      smallRuralSchool: s.flags?.small_rural_school,
      row: s.row,
      columns: s.columns,
      cells: s.cells,
    });
  }
  return out;
}

function basicStandard(county: County): { school: string; met: boolean; cell?: string }[] {
  const out: { school: string; met: boolean; cell?: string }[] = [];
  for (const s of county.schools) {
    const met = s.flags?.basic_standard_met;
    if (met !== undefined) out.push({ school: s.name, met, cell: cellOf(s, 'basic_standard_met') });
  }
  return out;
}
