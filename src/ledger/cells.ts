// Cell values as the ledger reads them. What a cell shows and its number are shared with the custom functions
// (model/cell-value.ts, model/cell-number.ts); addresses: model/a1.ts.
import { LEDGER_CELL, isMissingMarker, readCellNumber, type NumberRead } from '../model/cell-number.ts';
import { plain, toHalfWidth } from '../model/cell-value.ts';

export { NO_RESULT, cellText, plain, toHalfWidth, trimAll, type Plain } from '../model/cell-value.ts';
export type { NumberRead } from '../model/cell-number.ts';

/**
 * A numeric ledger cell: numbers, numbers typed as text ("1,234", "１２３", " 45 ", "120㎡", "12.5万"), and the
 * missing markers of rules §5 ("—", "/", "无", blank), which are missing and never 0.
 */
export const readNumber = (v: unknown): NumberRead => readCellNumber(v, LEDGER_CELL);

const YES = new Set(['是', '√', '✓', 'y', 'yes', 'true', '有']);
const NO = new Set(['否', '×', '✗', 'x', 'n', 'no', 'false', '不是']);

/** 是/否 columns; blank is unknown (undefined). */
export function readFlag(v: unknown): boolean | undefined | 'bad' {
  if (v === null || v === undefined) return undefined;
  const p = plain(v);
  if (p.kind === 'blank') return undefined;
  if (p.kind === 'bool') return p.value;
  if (p.kind === 'number') return p.value === 1 ? true : p.value === 0 ? false : 'bad';
  if (p.kind === 'error') return 'bad';
  const s = toHalfWidth(p.value).replace(/[\s\u3000]/g, '').toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  if (isMissingMarker(s)) return undefined;
  return 'bad';
}
