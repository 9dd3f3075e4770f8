// Excel's custom functions: one JSDoc-tagged function per id, each calling the shared definition.
// custom-functions-metadata-plugin reads these tags to write functions.json and appends the
// CustomFunctions.associate calls at build time; the namespace BALANCE comes from manifest.xml. Each @helpurl
// is written for the development server; the build moves it to the deployment address (scripts/site-url.mjs).
// Ranges are typed any[][] (the metadata generator requires the TS type to match the JSDoc one) so Excel hands over raw cells (blank = 0 on desktop, null on the web, text as text).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { functionById } from './definitions.ts';
import { isFnError, type FnError, type FnResult } from './types.ts';

const CODES: Record<FnError['error'], keyof typeof CustomFunctions.ErrorCode> = {
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#REF!': 'invalidReference',
};

// Excel shows a custom message only with #VALUE! and #N/A; the other codes must come without one.
const TAKES_MESSAGE = new Set<FnError['error']>(['#VALUE!', '#N/A']);

/** An FnError as the CustomFunctions.Error Excel displays. */
export function toExcelError(e: FnError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODES[e.error]];
  return TAKES_MESSAGE.has(e.error) ? new CustomFunctions.Error(code, e.message) : new CustomFunctions.Error(code);
}

/** Runs a shared definition; an error value is thrown as Excel's error, which shows in the cell. */
export function call<T>(id: string, ...args: unknown[]): T {
  const def = functionById(id);
  if (!def) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `未定义的函数 ${id}`);
  let result: FnResult;
  try {
    result = def.impl(...args);
  } catch (e) {
    // A bug must still show as an error value with a message, not a silent #VALUE!.
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `内部错误：${(e as Error).message}`);
  }
  if (isFnError(result)) throw toExcelError(result);
  return result as T;
}

/**
 * 差异系数：以在校生数加权的变异系数（标准差 ÷ 平均值）
 * @customfunction CV
 * @helpurl https://localhost:3000/help.html#CV
 * @param {any[][]} values 各校的指标值区域（一行或一列一所学校）
 * @param {any[][]} weights 各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与
 * @returns {number} 差异系数
 */
export function cv(values: any[][], weights: any[][]): number {
  return call('CV', values, weights);
}

/**
 * 差异系数（BALANCE.CV 的别名）：以在校生数加权的变异系数
 * @customfunction DIFFCOEF
 * @helpurl https://localhost:3000/help.html#DIFFCOEF
 * @param {any[][]} values 各校的指标值区域（一行或一列一所学校）
 * @param {any[][]} weights 各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与
 * @returns {number} 差异系数
 */
export function diffcoef(values: any[][], weights: any[][]): number {
  return call('DIFFCOEF', values, weights);
}

/**
 * 综合差异系数：各指标差异系数的平均值（2012 基本均衡方法）
 * @customfunction COMPOSITE
 * @helpurl https://localhost:3000/help.html#COMPOSITE
 * @param {any[][]} cvs 各指标的差异系数区域，空格与 0 不计
 * @param {string} [stage] 学段（可选）：“小学”或“初中”；给出时核对差异系数个数与标准的指标数一致
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {number} 综合差异系数
 */
export function composite(cvs: any[][], stage?: string, standard?: string): number {
  return call('COMPOSITE', cvs, stage, standard);
}

/**
 * 县域均值：以在校生数加权的平均值（全县总量 ÷ 全县学生数）
 * @customfunction MEAN
 * @helpurl https://localhost:3000/help.html#MEAN
 * @param {any[][]} values 各校的指标值区域（一行或一列一所学校）
 * @param {any[][]} weights 各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与
 * @returns {number} 加权平均值
 */
export function mean(values: any[][], weights: any[][]): number {
  return call('MEAN', values, weights);
}

/**
 * 生均值或每百名学生值；可把万元换算为元
 * @customfunction PER
 * @helpurl https://localhost:3000/help.html#PER
 * @param {any} amount 数量（面积、设备值、教师数、册数……）
 * @param {any} students 在校生数
 * @param {any} [per] 可选：1＝生均（默认），100＝每百名学生，“万元”＝万元折合元的生均值
 * @returns {number} 生均值
 */
export function per(amount: any, students: any, per?: any): number {
  return call('PER', amount, students, per);
}

/**
 * 某指标在某学段的学校达标标准值
 * @customfunction STANDARD
 * @helpurl https://localhost:3000/help.html#STANDARD
 * @param {string} indicator 指标 id 或中文名，如 books_per_student 或 生均图书册数
 * @param {string} stage 学段：“小学”或“初中”
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {number} 标准值
 */
export function standard(indicator: string, stage: string, standard?: string): number {
  return call('STANDARD', indicator, stage, standard);
}

/**
 * 单校单项指标是否达标：返回“达标”或“未达标”
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help.html#CHECK
 * @param {any} value 学校的指标值
 * @param {string} indicator 指标 id 或中文名，如 books_per_student 或 生均图书册数
 * @param {string} stage 学段：“小学”或“初中”
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {string} 达标 / 未达标
 */
export function check(value: any, indicator: string, stage: string, standard?: string): string {
  return call('CHECK', value, indicator, stage, standard);
}

/**
 * 单校综合评估：2017 标准下至少 6 项达标且其余不低于标准的 85% 为“达标”
 * @customfunction SCHOOL
 * @helpurl https://localhost:3000/help.html#SCHOOL
 * @param {any[][]} row_of_values 该校按标准指标顺序排列的指标值（2017：高学历、骨干、体艺教师，教学用房，体育场馆，设备值，多媒体教室）
 * @param {string} stage 学段：“小学”或“初中”
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {string} 达标 / 未达标
 */
export function school(row_of_values: any[][], stage: string, standard?: string): string {
  return call('SCHOOL', row_of_values, stage, standard);
}

/**
 * 达到标准还差的数量（㎡、元、人、间），已达标为 0
 * @customfunction GAP
 * @helpurl https://localhost:3000/help.html#GAP
 * @param {any} value 学校的指标值
 * @param {string} indicator 指标 id 或中文名，如 books_per_student 或 生均图书册数
 * @param {string} stage 学段：“小学”或“初中”
 * @param {any} students 该校该学段在校生数
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {number} 差额
 */
export function gap(value: any, indicator: string, stage: string, students: any, standard?: string): number {
  return call('GAP', value, indicator, stage, students, standard);
}

/**
 * 各校对差异系数的影响：全体的差异系数减去去掉该校后的差异系数（正数＝拉高差异），按区域形状溢出
 * @customfunction IMPACT
 * @helpurl https://localhost:3000/help.html#IMPACT
 * @param {any[][]} values 各校的指标值区域（一行或一列一所学校）
 * @param {any[][]} weights 各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与
 * @returns {any[][]} 每校的影响值
 */
export function impact(values: any[][], weights: any[][]): any[][] {
  return call('IMPACT', values, weights);
}

/**
 * 整改测算（单项指标）：各校先补到达标值，再把最低的学校补到同一水平直至差异系数达标；每校一行溢出：序号、需增加量（人、㎡、元、间）、增加后的指标值
 * @customfunction PLAN
 * @helpurl https://localhost:3000/help.html#PLAN
 * @param {any[][]} values 各校的指标值区域（一行或一列一所学校）
 * @param {any[][]} weights 各校该学段在校生数区域，与数值区域同样大小；为空或 0 的学校不参与
 * @param {string} stage 学段：“小学”或“初中”
 * @param {string} indicator 指标 id 或中文名，如 books_per_student 或 生均图书册数
 * @param {string} [standard] 评估标准 id 或中文名，默认 national-2017-quality（全国县域义务教育优质均衡（2017））
 * @returns {any[][]} 每校：序号、需增加量、增加后的值
 */
export function plan(values: any[][], weights: any[][], stage: string, indicator: string, standard?: string): any[][] {
  return call('PLAN', values, weights, stage, indicator, standard);
}
