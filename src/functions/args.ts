// Turning what a spreadsheet passes (numbers, text, null on the web, 0 on desktop, WPS's "missing" marker)
// into plain values, with Chinese errors that name the position in the range.
import { getIndicator, getStandard, type IndicatorId, type RulePack } from '../standards/index.ts';
import type { CalcError, Stage } from '../core/types.ts';
import { FUNCTION_ARGUMENT, readCellNumber } from '../model/cell-number.ts';
import { MESSAGES } from '../model/messages.ts';
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
const show = (x: unknown): string => (typeof x === 'string' ? `“${x}”` : typeof x === 'object' && x !== null ? '（错误值或非数字内容）' : String(x));

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

// Columns reused from call to call: a fresh 800 KB typed array page-faults on first touch, which on 100,000 rows
// costs as much as reading the range. So the arrays of a Paired are views valid until the next readPairs call
// (every caller reduces them at once).
let scratch = { values: new Float64Array(0), weights: new Float64Array(0), index: new Int32Array(0) };

function scratchFor(cells: number): typeof scratch {
  if (scratch.values.length < cells) {
    const size = Math.max(cells, 2 * scratch.values.length);
    scratch = { values: new Float64Array(size), weights: new Float64Array(size), index: new Int32Array(size) };
  }
  return scratch;
}

export interface Paired {
  values: Float64Array;
  weights: Float64Array;
  /** Position in the range of each kept pair, for spilling results back. */
  index: Int32Array;
  count: number;
  cells: number;
  /** Σ P and Σ P·X over the kept pairs, summed in reading order (the first pass of the CV). */
  sumWeights: number;
  sumWeighted: number;
}

/**
 * Reads a values range and a weights range of the same size into typed arrays in one pass.
 * A pair whose weight is blank or 0 takes no part (desktop Excel passes blanks as 0, the web as null);
 * a blank value with a positive weight is missing data and an error naming its position.
 *
 * A column (what Excel passes for a range of schools: rows of one cell) is read once, straight into the typed
 * arrays, summing the CV's first pass on the way: on 100,000 rows that read is the whole cost, so nothing is
 * flattened, wrapped or counted first. Anything else (a row, a block, a scalar, ragged rows, a cell that is an
 * error) goes through readPairsChecked, which reads the same way cell by cell and finds the exact message.
 */
export function readPairs(valuesArg: unknown, weightsArg: unknown): Paired | FnError {
  const column = Array.isArray(valuesArg) && Array.isArray(weightsArg) && weightsArg.length === valuesArg.length;
  return (column && readColumnPairs(valuesArg, weightsArg)) || readPairsChecked(valuesArg, weightsArg);
}

/** The column fast path: null when any cell needs more than a number check (the caller then reads cell by cell). */
function readColumnPairs(valuesArg: unknown[], weightsArg: unknown[]): Paired | null {
  const rows = valuesArg.length;
  const { values, weights, index } = scratchFor(rows);
  let count = 0;
  let sumW = 0;
  let sumWX = 0;
  for (let r = 0; r < rows; r++) {
    const vr: unknown = valuesArg[r];
    const wr: unknown = weightsArg[r];
    if (!Array.isArray(vr) || !Array.isArray(wr) || vr.length !== 1 || wr.length !== 1) return null;
    const w: unknown = wr[0];
    const x: unknown = vr[0];
    if (typeof w === 'number' && w > 0 && w < Infinity && typeof x === 'number' && x - x === 0) {
      values[count] = x;
      weights[count] = w;
      index[count] = r;
      sumW += w;
      sumWX += w * x;
      count++;
    } else if (w !== null && w !== 0 && w !== undefined) {
      // Numeric text, a blank string, WPS's marker or an error: rare, read cell by cell.
      return null;
    }
  }
  return count === 0 ? null : paired(count, rows, sumW, sumWX);
}

const paired = (count: number, cells: number, sumWeights: number, sumWeighted: number): Paired => ({
  values: scratch.values.subarray(0, count),
  weights: scratch.weights.subarray(0, count),
  index: scratch.index.subarray(0, count),
  count,
  cells,
  sumWeights,
  sumWeighted,
});

/** readPairs cell by cell, with the message for the first thing wrong (in reading order, shape first). */
function readPairsChecked(valuesArg: unknown, weightsArg: unknown): Paired | FnError {
  const vm = asMatrix(valuesArg);
  const wm = asMatrix(weightsArg);
  const cells = cellCount(vm);
  const wcells = cellCount(wm);
  if (cells !== wcells || vm.length !== wm.length) {
    return fnError('#VALUE!', `数值区域与权重区域大小不一致（${vm.length} 行 ${cells} 格与 ${wm.length} 行 ${wcells} 格）`);
  }
  const { values, weights, index } = scratchFor(cells);
  let count = 0;
  let sumW = 0;
  let sumWX = 0;
  let k = 0;
  for (let r = 0; r < vm.length; r++) {
    const vr = vm[r];
    const wr = wm[r];
    if (vr.length !== wr.length) return fnError('#VALUE!', `数值区域与权重区域形状不一致（第 ${r + 1} 行）`);
    for (let c = 0; c < vr.length; c++, k++) {
      // No number-pair shortcut here: a column of 100,000 rows takes readColumnPairs; this reader is for the
      // rest, and a second copy of the pair loop once left the sums out (a row of schools read as a zero mean).
      const w = cellNumber(wr[c]);
      if (w === undefined) return fnError('#VALUE!', `权重${positionName(wm, k)}${show(wr[c])}不是数字`);
      if (w !== null && w < 0) return fnError('#VALUE!', `权重含负数（${positionName(wm, k)}：${w}）`);
      if (w === null || w === 0) continue;
      const x = cellNumber(vr[c]);
      if (x === null) {
        const said = isBlank(vr[c]) ? '为空' : `${show(vr[c])}表示数据缺失`;
        return fnError('#VALUE!', `数值${positionName(vm, k)}${said}，但其权重（在校生数）为 ${w}：缺少数据`);
      }
      if (x === undefined) return fnError('#VALUE!', `数值${positionName(vm, k)}${show(vr[c])}不是数字`);
      values[count] = x;
      weights[count] = w;
      index[count] = k;
      sumW += w;
      sumWX += w * x;
      count++;
    }
  }
  if (count === 0) return fnError('#DIV/0!', MESSAGES.noWeight);
  return paired(count, cells, sumW, sumWX);
}
