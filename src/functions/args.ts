// Turning what a spreadsheet passes (numbers, text, null on the web, 0 on desktop, WPS's "missing" marker)
// into plain values, with Chinese errors that name the position in the range.
import { getIndicator, getStandard, type IndicatorId, type RulePack } from '../standards/index.ts';
import type { CalcError, Stage } from '../core/types.ts';
import { FUNCTION_ARGUMENT, readCellNumber } from '../model/cell-number.ts';
import { fnError, type FnError } from './types.ts';

/** WPS passes omitted optional arguments as DISP_E_PARAMNOTFOUND (wps-notes §5). */
const WPS_MISSING = -2147352572;

export const isBlank = (x: unknown): boolean => x === null || x === undefined || (typeof x === 'string' && x.trim() === '');

/** An optional argument the caller left out (blank cell, omitted, or WPS's marker). */
export const isOmitted = (x: unknown): boolean => isBlank(x) || x === WPS_MISSING;

/** A range argument as rows; a scalar is a 1×1 range. */
export function asMatrix(x: unknown): unknown[][] {
  if (Array.isArray(x)) return x.map((row) => (Array.isArray(row) ? row : [row]));
  return [[x]];
}

export const cellCount = (m: unknown[][]): number => m.reduce((n, row) => n + row.length, 0);

/** How to name the k-th cell (0-based, row-major) of a range in a message: by row for a column, by column for a row. */
export function positionName(m: unknown[][], k: number): string {
  if (m.length > 0 && m[0].length === 1) return `第 ${k + 1} 行`;
  if (m.length === 1) return `第 ${k + 1} 列`;
  const width = m[0]?.length ?? 1;
  return `第 ${Math.floor(k / width) + 1} 行第 ${(k % width) + 1} 列`;
}

/**
 * A cell as a number, read as the ledger reads it (model/cell-number.ts: full-width digits, "1,234", the
 * missing markers "—", "/", "无") under the functions' policy (bare numbers, Excel's 1.2e3 and 12%):
 * blank or a missing marker → null; anything else that is not a number → undefined (an error to name).
 */
export function cellNumber(x: unknown): number | null | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  const read = readCellNumber(x, FUNCTION_ARGUMENT);
  return read.kind === 'number' ? read.value : read.kind === 'missing' ? null : undefined;
}

/** A cell as a message shows it; an error value or rich value arrives as an object. */
export const show = (x: unknown): string => (typeof x === 'string' ? `“${x}”` : typeof x === 'object' && x !== null ? '（错误值或非数字内容）' : String(x));

/** A scalar numeric argument; blank is an error here because a blank is not a value to judge. */
export function scalarNumber(x: unknown, what: string): number | FnError {
  const cell = Array.isArray(x) ? asMatrix(x)[0]?.[0] : x;
  const n = cellNumber(cell);
  if (n === null) return fnError('#VALUE!', isBlank(cell) ? `${what}为空` : `${what}${show(cell)}表示数据缺失，不是数值`);
  if (n === undefined) return fnError('#VALUE!', `${what}${show(cell)}不是数字`);
  return n;
}

const STAGE_WORDS: Record<string, Stage> = { primary: 'primary', 小学: 'primary', junior: 'junior', 初中: 'junior' };

export function parseStage(x: unknown): Stage | FnError {
  const key = typeof x === 'string' ? x.trim().toLowerCase() : '';
  return STAGE_WORDS[key] ?? fnError('#VALUE!', `学段${isBlank(x) ? '为空' : show(x)}无效，应为“小学”或“初中”`);
}

export function parseStandard(x: unknown): RulePack | FnError {
  if (isOmitted(x)) {
    const pack = getStandard();
    return pack.ok ? pack.value : fnError('#VALUE!', pack.message);
  }
  const pack = getStandard(String(x));
  return pack.ok ? pack.value : fnError('#VALUE!', pack.message);
}

export function parseIndicator(x: unknown): IndicatorId | FnError {
  const found = typeof x === 'string' ? getIndicator(x) : undefined;
  if (found?.ok) return found.value;
  return fnError('#VALUE!', `未知的指标${isBlank(x) ? '（为空）' : show(x)}；可用指标 id 或中文名，如 books_per_student 或 生均图书册数`);
}

/** Core's typed failures as spreadsheet errors. */
export function fromCalcError(e: CalcError): FnError {
  switch (e.code) {
    case 'no_weight':
    case 'zero_mean':
      return fnError('#DIV/0!', e.message);
    case 'no_data':
      return fnError('#N/A', e.message);
    default:
      return fnError('#VALUE!', e.message);
  }
}
