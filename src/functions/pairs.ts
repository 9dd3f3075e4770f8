// Reading a values range and a weights range of the same size (BALANCE.CV, MEAN, IMPACT, PLAN): which pairs take
// part, their numbers, and the message for the first thing wrong. Every cell that is not a plain finite number is
// read by cellNumber (the shared cell-number reader); a plain number is taken as it is.
import { MESSAGES } from '../model/messages.ts';
import { asMatrix, cellCount, cellNumber, isBlank, positionName, show } from './args.ts';
import { fnError, type FnError } from './types.ts';

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

/** Sums over the kept pairs of a range, in reading order. */
interface Sums {
  count: number;
  cells: number;
  /** Σ P and Σ P·X (the first pass of the two-pass CV). */
  sumWeights: number;
  sumWeighted: number;
}

/** A column's sums, with its spread about a value near the mean summed in the same pass (see range-stats.ts). */
export interface ColumnSums extends Sums {
  /** The value given, or else the first kept value. */
  shift: number;
  /** Σ P·(X − shift) and Σ P·(X − shift)², each summed in blocks of rows. */
  sumShifted: number;
  sumShiftedSquares: number;
}

export interface Paired extends Sums {
  values: Float64Array;
  weights: Float64Array;
  /** Position in the range of each kept pair, for spilling results back. */
  index: Int32Array;
}

/**
 * A values range and a weights range into typed arrays (views of shared scratch, see above) with their sums.
 * A pair whose weight is blank or 0 takes no part (desktop Excel passes blanks as 0, the web as null);
 * a blank value with a positive weight is missing data and an error naming its position.
 */
export function readPairs(valuesArg: unknown, weightsArg: unknown): Paired | FnError {
  const sums = columnOf(valuesArg, weightsArg) && readColumn(valuesArg as unknown[], weightsArg as unknown[], Number.NaN, true);
  return sums ? { ...sums, ...views(sums.count) } : readPairsChecked(valuesArg, weightsArg);
}

/**
 * The sums of readPairs without the arrays, the spread summed about `shift` (NaN: about the first kept value);
 * null when the ranges are not a plain column or hold an error (then read them with readPairs).
 */
export function readColumnSums(valuesArg: unknown, weightsArg: unknown, shift = Number.NaN): ColumnSums | null {
  return columnOf(valuesArg, weightsArg) ? readColumn(valuesArg as unknown[], weightsArg as unknown[], shift, false) : null;
}

/** Two arrays of rows of the same length: a column pair, if every row turns out to be one cell. */
const columnOf = (v: unknown, w: unknown): boolean => Array.isArray(v) && Array.isArray(w) && w.length === v.length;

const views = (count: number) => ({
  values: scratch.values.subarray(0, count),
  weights: scratch.weights.subarray(0, count),
  index: scratch.index.subarray(0, count),
});

// A block of rows whose shifted sums are added up on their own first: the rounding of Σ P·(X − shift)² then grows
// with √BLOCK + √(rows / BLOCK) instead of √rows.
const BLOCK = 256;

/**
 * A column (what Excel passes for a range of schools: rows of one cell) read once, summing as it goes: on 100,000
 * rows that read is the whole cost, so nothing is flattened, wrapped or written that the caller does not need (the
 * arrays only when `store`), and a plain number costs no call. Null when a row is not one cell, a cell is wrong or
 * no pair takes part: readPairsChecked then reads cell by cell and finds the exact message.
 */
function readColumn(valuesArg: unknown[], weightsArg: unknown[], shiftGiven: number, store: boolean): ColumnSums | null {
  const rows = valuesArg.length;
  const { values, weights, index } = store ? scratchFor(rows) : scratch;
  let count = 0;
  let sumW = 0;
  let sumWX = 0;
  let shift = shiftGiven;
  let sumD = 0;
  let sumDD = 0;
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    let blockD = 0;
    let blockDD = 0;
    for (let r = start; r < end; r++) {
      const vr: unknown = valuesArg[r];
      const wr: unknown = weightsArg[r];
      if (!Array.isArray(vr) || !Array.isArray(wr) || vr.length !== 1 || wr.length !== 1) return null;
      const wc: unknown = wr[0];
      const vc: unknown = vr[0];
      let w: number;
      let x: number;
      if (typeof wc === 'number' && wc > 0 && wc < Infinity && typeof vc === 'number' && vc - vc === 0) {
        w = wc;
        x = vc;
      } else if (wc === null || wc === 0 || wc === undefined) {
        continue;
      } else {
        // Numeric text, a blank string, WPS's marker, an error: the shared reader decides.
        const kept = readPair(vc, wc, valuesArg as unknown[][], weightsArg as unknown[][], r);
        if (kept === false) continue;
        if (kept !== true) return null;
        w = pair.weight;
        x = pair.value;
      }
      if (shift !== shift) shift = x;
      if (store) {
        values[count] = x;
        weights[count] = w;
        index[count] = r;
      }
      const d = x - shift;
      const wd = w * d;
      sumW += w;
      sumWX += w * x;
      blockD += wd;
      blockDD += wd * d;
      count++;
    }
    sumD += blockD;
    sumDD += blockDD;
  }
  if (count === 0) return null;
  return { count, cells: rows, sumWeights: sumW, sumWeighted: sumWX, shift, sumShifted: sumD, sumShiftedSquares: sumDD };
}

// The pair readPair kept (a module-level slot, so the column loop allocates nothing).
const pair = { value: 0, weight: 0 };

/**
 * One value cell and its weight cell through the shared cell-number reader: true when the pair takes part (its
 * numbers in `pair`), false when its weight is blank or 0, else the message for what is wrong (k: its position).
 */
function readPair(v: unknown, w: unknown, vm: unknown[][], wm: unknown[][], k: number): boolean | FnError {
  const weight = cellNumber(w);
  if (weight === undefined) return fnError('#VALUE!', `权重${positionName(wm, k)}${show(w)}不是数字`);
  if (weight !== null && weight < 0) return fnError('#VALUE!', `权重含负数（${positionName(wm, k)}：${weight}）`);
  if (weight === null || weight === 0) return false;
  const value = cellNumber(v);
  if (value === null) {
    const said = isBlank(v) ? '为空' : `${show(v)}表示数据缺失`;
    return fnError('#VALUE!', `数值${positionName(vm, k)}${said}，但其权重（在校生数）为 ${weight}：缺少数据`);
  }
  if (value === undefined) return fnError('#VALUE!', `数值${positionName(vm, k)}${show(v)}不是数字`);
  pair.value = value;
  pair.weight = weight;
  return true;
}

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
      const kept = readPair(vr[c], wr[c], vm, wm, k);
      if (kept === false) continue;
      if (kept !== true) return kept;
      values[count] = pair.value;
      weights[count] = pair.weight;
      index[count] = k;
      sumW += pair.weight;
      sumWX += pair.weight * pair.value;
      count++;
    }
  }
  if (count === 0) return fnError('#DIV/0!', MESSAGES.noWeight);
  return { count, cells, sumWeights: sumW, sumWeighted: sumWX, ...views(count) };
}
