// The custom functions of DESIGN.md, defined once: Excel's entry (excel.ts) and the WPS add-in both call these.
// Each is a thin wrapper over src/core and src/standards; errors come back as FnError values, never thrown.
import { MESSAGES, VERDICT_TEXT } from '../model/messages.ts';
import { FORMULAS, shortfall } from '../core/derive.ts';
import { schoolPasses } from '../core/kernel.ts';
import { compositeCV, leaveOneOutImpact } from '../core/stats.ts';
import { STAGE_NAMES } from '../core/types.ts';
import type { IndicatorRule, RulePack } from '../standards/index.ts';
import {
  asMatrix,
  cellNumber,
  fromCalcError,
  isOmitted,
  parseIndicator,
  parseStage,
  parseStandard,
  positionName,
  scalarNumber,
} from './args.ts';
import { readPairs } from './pairs.ts';
import { planOne } from './plan.ts';
import { rangeStats } from './range-stats.ts';
import { fnError, isFnError, type FnError, type FnMatrix, type FnResult, type FunctionDef, type FunctionParam } from './types.ts';

const PASS_TEXT = VERDICT_TEXT.pass;
const FAIL_TEXT = VERDICT_TEXT.fail;

const values: FunctionParam = { name: 'values', description: '各校的指标值区域（一行或一列一所学校）', type: 'number', dimensionality: 'matrix' };
const weights: FunctionParam = { name: 'weights', description: '各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与', type: 'number', dimensionality: 'matrix' };
const stage = (optional = false): FunctionParam => ({ name: 'stage', description: '学段：“小学”或“初中”', type: 'string', dimensionality: 'scalar', optional });
const standard: FunctionParam = {
  name: 'standard',
  description: '评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））',
  type: 'string',
  dimensionality: 'scalar',
  optional: true,
};
const indicator: FunctionParam = { name: 'indicator', description: '指标 id 或中文名，如 books_per_student 或 生均图书册数', type: 'string', dimensionality: 'scalar' };
const number = { type: 'number', dimensionality: 'scalar' } as const;
const text = { type: 'string', dimensionality: 'scalar' } as const;

function cv(v: unknown, w: unknown): FnResult {
  const s = rangeStats(v, w);
  if (isFnError(s)) return s;
  return s.ok ? s.value.cv : fromCalcError(s);
}

function mean(v: unknown, w: unknown): FnResult {
  const s = rangeStats(v, w);
  if (isFnError(s)) return s;
  if (s.ok) return s.value.mean;
  return s.code === 'zero_mean' ? 0 : fromCalcError(s);
}

/**
 * The average of the CVs given. Blanks are skipped, and so are zeros: desktop Excel passes a blank as 0, and a CV of
 * exactly 0 (every school identical) does not occur in a real ledger, so a trailing empty row cannot pull the average
 * down on one host and not the other. With a stage, the count must match the standard's indicators.
 */
function composite(cvs: unknown, stageArg?: unknown, standardArg?: unknown): FnResult {
  const m = asMatrix(cvs);
  const list: number[] = [];
  let k = 0;
  for (const row of m) {
    for (const cell of row) {
      const x = cellNumber(cell);
      if (x === undefined) return fnError('#VALUE!', `差异系数${positionName(m, k)}“${String(cell)}”不是数字`);
      if (x !== null && x !== 0) list.push(x);
      k++;
    }
  }
  if (!isOmitted(stageArg)) {
    const st = parseStage(stageArg);
    if (isFnError(st)) return st;
    const pack = parseStandard(standardArg);
    if (isFnError(pack)) return pack;
    if (list.length !== pack.indicators.length) {
      return fnError('#VALUE!', `${pack.name}${STAGE_NAMES[st]}应有 ${pack.indicators.length} 个指标的差异系数，收到 ${list.length} 个（空格与 0 不计）`);
    }
  }
  const r = compositeCV(list);
  return r.ok ? r.value : fromCalcError(r);
}

const PER_WORDS: Record<string, number> = { '1': 1, 生均: 1, '100': 100, 每百: 100, 百: 100, 万元: 10000, 万元生均: 10000 };

/** amount / students × per; per is 1 (生均), 100 (每百名学生) or “万元” (an amount in 万元 to 元 per pupil). */
function per(amount: unknown, students: unknown, perArg?: unknown): FnResult {
  const a = scalarNumber(amount, '数量');
  if (isFnError(a)) return a;
  const n = scalarNumber(students, '学生数');
  if (isFnError(n)) return n;
  if (n < 0) return fnError('#NUM!', `学生数为负数（${n}）`);
  if (n === 0) return fnError('#DIV/0!', '学生数为 0，无法计算生均值');
  let factor = 1;
  if (!isOmitted(perArg)) {
    const f = PER_WORDS[String(perArg).trim()];
    if (f === undefined) return fnError('#VALUE!', `换算方式“${String(perArg)}”无效，应为 1（生均）、100（每百名学生）或“万元”（万元折合元的生均值）`);
    factor = f;
  }
  return (a * factor) / n;
}

interface Context {
  rule: IndicatorRule;
  threshold: number;
  pack: RulePack;
}

/** The rule and threshold of an indicator for a stage under a standard, or why there is none. */
function thresholdOf(indicatorArg: unknown, stageArg: unknown, standardArg: unknown): Context | FnError {
  const id = parseIndicator(indicatorArg);
  if (isFnError(id)) return id;
  const st = parseStage(stageArg);
  if (isFnError(st)) return st;
  const pack = parseStandard(standardArg);
  if (isFnError(pack)) return pack;
  const rule = pack.indicators.find((r) => r.id === id);
  if (!rule) return fnError('#N/A', MESSAGES.packLacksIndicator(pack.name, id));
  const threshold = rule.threshold?.[st];
  if (threshold === undefined) return fnError('#N/A', `${pack.name}未规定${rule.name}（${STAGE_NAMES[st]}）的学校标准，由省定办学标准决定`);
  return { rule, threshold, pack };
}

function standardValue(indicatorArg: unknown, stageArg: unknown, standardArg?: unknown): FnResult {
  const t = thresholdOf(indicatorArg, stageArg, standardArg);
  return isFnError(t) ? t : t.threshold;
}

function check(value: unknown, indicatorArg: unknown, stageArg: unknown, standardArg?: unknown): FnResult {
  const t = thresholdOf(indicatorArg, stageArg, standardArg);
  if (isFnError(t)) return t;
  const x = scalarNumber(value, '学校指标值');
  if (isFnError(x)) return x;
  return x >= t.threshold ? PASS_TEXT : FAIL_TEXT;
}

/** 2017 per-school rule: at least minMet indicators met and every unmet one at least minRatio of its threshold. */
function school(row: unknown, stageArg: unknown, standardArg?: unknown): FnResult {
  const st = parseStage(stageArg);
  if (isFnError(st)) return st;
  const pack = parseStandard(standardArg);
  if (isFnError(pack)) return pack;
  const rules = pack.indicators;
  if (rules.some((r) => r.threshold?.[st] === undefined)) {
    return fnError('#N/A', `${pack.name}未规定${STAGE_NAMES[st]}各指标的学校标准，无法判断单校是否达标`);
  }
  const m = asMatrix(row);
  const cells = m.flat();
  if (cells.length !== rules.length) {
    return fnError('#VALUE!', `应按顺序给出 ${rules.length} 个指标值（${rules.map((r) => r.name).join('、')}），收到 ${cells.length} 个`);
  }
  const minRatio = pack.schoolRule?.minRatio ?? 1;
  let met = 0;
  let belowMinRatio = 0;
  for (let i = 0; i < rules.length; i++) {
    const x = cellNumber(cells[i]);
    if (x === null) return fnError('#VALUE!', `${rules[i].name}（${positionName(m, i)}）为空，缺少数据`);
    if (x === undefined) return fnError('#VALUE!', `${rules[i].name}（${positionName(m, i)}）“${String(cells[i])}”不是数字`);
    const threshold = rules[i].threshold?.[st] as number;
    if (x >= threshold) met++;
    else if (x < minRatio * threshold) belowMinRatio++;
  }
  return schoolPasses(met, belowMinRatio, rules.length, pack.schoolRule) ? PASS_TEXT : FAIL_TEXT;
}

function gap(value: unknown, indicatorArg: unknown, stageArg: unknown, students: unknown, standardArg?: unknown): FnResult {
  const t = thresholdOf(indicatorArg, stageArg, standardArg);
  if (isFnError(t)) return t;
  const x = scalarNumber(value, '学校指标值');
  if (isFnError(x)) return x;
  const n = scalarNumber(students, '学生数');
  if (isFnError(n)) return n;
  if (n < 0) return fnError('#NUM!', `学生数为负数（${n}）`);
  return shortfall(x, t.threshold, n, FORMULAS[t.rule.id].scale);
}

/** Each school's leave-one-out effect on the CV, spilled in the shape of the values range; rows taking no part are blank. */
function impact(v: unknown, w: unknown): FnResult {
  const pairs = readPairs(v, w);
  if (isFnError(pairs)) return pairs;
  const r = leaveOneOutImpact(pairs.values, pairs.weights);
  if (!r.ok) return fromCalcError(r);
  const shape = asMatrix(v);
  const flat: (number | string)[] = new Array(pairs.cells).fill('');
  for (let i = 0; i < pairs.count; i++) flat[pairs.index[i]] = r.value[i] ?? '';
  const out: FnMatrix = [];
  let k = 0;
  for (const row of shape) {
    out.push(flat.slice(k, k + row.length));
    k += row.length;
  }
  return out;
}

const cvDef = (id: string, description: string): FunctionDef => ({
  id,
  description,
  params: [values, weights],
  result: number,
  impl: (...a) => cv(a[0], a[1]),
});

export const FUNCTIONS: FunctionDef[] = [
  cvDef('CV', '差异系数：以在校生数加权的变异系数（标准差 ÷ 平均值）'),
  cvDef('DIFFCOEF', '差异系数（BALANCE.CV 的别名）：以在校生数加权的变异系数'),
  {
    id: 'COMPOSITE',
    description: '综合差异系数：各指标差异系数的平均值（2012 基本均衡方法）',
    params: [
      { name: 'cvs', description: '各指标的差异系数区域，空格与 0 不计', type: 'number', dimensionality: 'matrix' },
      { ...stage(true), description: '学段（可选）：“小学”或“初中”；给出时核对差异系数个数与标准的指标数一致' },
      standard,
    ],
    result: number,
    impl: (...a) => composite(a[0], a[1], a[2]),
  },
  {
    id: 'MEAN',
    description: '县域均值：以在校生数加权的平均值（全县总量 ÷ 全县学生数）',
    params: [values, weights],
    result: number,
    impl: (...a) => mean(a[0], a[1]),
  },
  {
    id: 'PER',
    description: '生均值或每百名学生值；可把万元换算为元',
    params: [
      { name: 'amount', description: '数量（面积、设备值、教师数、册数……）', type: 'number', dimensionality: 'scalar' },
      { name: 'students', description: '在校生数', type: 'number', dimensionality: 'scalar' },
      { name: 'per', description: '可选：1＝生均（默认），100＝每百名学生，“万元”＝万元折合元的生均值', type: 'any', dimensionality: 'scalar', optional: true },
    ],
    result: number,
    impl: (...a) => per(a[0], a[1], a[2]),
  },
  {
    id: 'STANDARD',
    description: '某指标在某学段的学校达标标准值',
    params: [indicator, stage(), standard],
    result: number,
    impl: (...a) => standardValue(a[0], a[1], a[2]),
  },
  {
    id: 'CHECK',
    description: '单校单项指标是否达标：返回“达标”或“未达标”',
    params: [{ name: 'value', description: '学校的指标值', type: 'number', dimensionality: 'scalar' }, indicator, stage(), standard],
    result: text,
    impl: (...a) => check(a[0], a[1], a[2], a[3]),
  },
  {
    id: 'SCHOOL',
    description: '单校综合评估：2017 标准下至少 6 项达标且其余不低于标准的 85% 为“达标”',
    params: [
      { name: 'row_of_values', description: '该校按标准指标顺序排列的指标值（2017：高学历、骨干、体艺教师，教学用房，体育场馆，设备值，多媒体教室）', type: 'number', dimensionality: 'matrix' },
      stage(),
      standard,
    ],
    result: text,
    impl: (...a) => school(a[0], a[1], a[2]),
  },
  {
    id: 'GAP',
    description: '达到标准还差的数量（㎡、元、人、间），已达标为 0',
    params: [
      { name: 'value', description: '学校的指标值', type: 'number', dimensionality: 'scalar' },
      indicator,
      stage(),
      { name: 'students', description: '该校该学段在校生数', type: 'number', dimensionality: 'scalar' },
      standard,
    ],
    result: number,
    impl: (...a) => gap(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    id: 'IMPACT',
    description: '各校对差异系数的影响：全体的差异系数减去去掉该校后的差异系数（正数＝拉高差异），按区域形状溢出',
    params: [values, weights],
    result: { type: 'number', dimensionality: 'matrix' },
    impl: (...a) => impact(a[0], a[1]),
  },
  {
    id: 'PLAN',
    description: '整改测算（单项指标）：各校先补到达标值，再把最低的学校补到同一水平直至差异系数达标；每校一行溢出：序号、需增加量（人、㎡、元、间）、增加后的指标值',
    params: [values, weights, stage(), indicator, standard],
    result: { type: 'any', dimensionality: 'matrix' },
    impl: (...a) => planOne(a[0], a[1], a[2], a[3], a[4]),
  },
];

/** Looks a definition up by its bare id. */
export const functionById = (id: string): FunctionDef | undefined => FUNCTIONS.find((f) => f.id === id.toUpperCase());

