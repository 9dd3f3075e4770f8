// One reader of a number from a cell, for the ledger (src/ledger/cells.ts) and the custom functions
// (src/functions/args.ts). Both read the same way: numbers as they are; text with full-width digits, stray
// spaces of any width and thousands separators in groups of three ("1,234.5", "１２３", " 12 "); the missing
// markers of rules §5 ("—", "-", "/", "无", blank) as missing, never 0; booleans, dates, Excel error values and
// other text are not numbers.
//
// Where the two differ, on purpose, the caller says so with a NumberPolicy (and only here):
// - units: a ledger cell may carry its unit ("12.5万", "1200元", "120㎡", "30人"): the ledger reads it (万 → ×10000,
//   and a money unit overrides the column's header) and checks the unit against the column. A function argument
//   is a bare number: BALANCE.PER converts 万元 itself when asked, so "12万" there would be converted twice or
//   silently; it is not a number.
// - Excel notation: a function receives what the sheet's own formulas would coerce, and Excel's VALUE() reads
//   "1.2e3" as 1200 and "12%" as 0.12, so the functions do too. In a ledger a figure is a count, area or amount:
//   "1.2E+17" is an ID Excel shortened, and a percent is no amount (the county sheet strips its own % first),
//   so the ledger refuses both.
import { isErrorText, plain, toHalfWidth, trimAll } from './cell-value.ts';

export interface NumberPolicy {
  /** A unit after the digits is read (万, 万元, 元, m2/㎡/平方米/平米, 间, 台, 册, 人, 个, 名). */
  units: boolean;
  /** Scientific notation (1.2e3) and a trailing percent (12% → 0.12) are read, as Excel's VALUE() does. */
  excelNotation: boolean;
}

/** The ledger's cells: units read, Excel notation refused. */
export const LEDGER_CELL: NumberPolicy = { units: true, excelNotation: false };
/** A custom function's arguments: bare numbers, in Excel's notation. */
export const FUNCTION_ARGUMENT: NumberPolicy = { units: false, excelNotation: true };

export type NumberRead =
  | { kind: 'missing' }
  | { kind: 'number'; value: number; /** the text carried its own money unit (万, 元): value is in 元 already */ absolute?: boolean;
      /** The unit the text carried (元, 人, 间 …), for checks of the column's kind. */ unit?: string;
      /** Digits as typed, for IDs pasted into a count (text only). */ digits?: number }
  | { kind: 'bad'; reason: string };

const MISSING_MARKERS = new Set(['', '-', '--', '—', '——', '–', '－', '/', '／', '\\', '无', '空', '暂无', '/a', 'n/a', 'na', '#n/a', '…', '...']);

/** Missing markers, after half-width, spaces removed and lower case. */
export const isMissingMarker = (squeezed: string): boolean => MISSING_MARKERS.has(squeezed);

const MISSING: NumberRead = Object.freeze({ kind: 'missing' });

// Plain ASCII digits, the common case by far, read without normalising: "1234", "1,234", "-12.5".
const ASCII_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(e[+-]?\d+)?(%)?(万元|万|元|m2|平方米|平米|间|台|册|人|个|名)?$/;

/**
 * Plain ASCII digits ("1234", "1,234", "-12.5": by far the most common text in a numeric cell) as a number,
 * read without normalising; NaN for any other text, which then takes readCellNumber's full way.
 */
export function asciiNumber(s: string): number {
  if (!ASCII_NUMBER.test(s)) return NaN;
  return Number(s.includes(',') ? s.replace(/,/g, '') : s);
}

/** How many digits a number's text has (not the sign, separators or point). */
export function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** A cell's number under `policy`; blank and the missing markers are missing. */
export function readCellNumber(v: unknown, policy: NumberPolicy): NumberRead {
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'bad', reason: `数值无效（${String(v)}）` };
  if (v === null || v === undefined) return MISSING;
  if (typeof v === 'string') {
    const n = asciiNumber(v);
    if (n - n === 0) return { kind: 'number', value: n, digits: digitCount(v) };
    return readText(v, policy);
  }
  const p = plain(v);
  switch (p.kind) {
    case 'blank':
      return MISSING;
    case 'number':
      return { kind: 'number', value: p.value };
    case 'bool':
      return { kind: 'bad', reason: `是逻辑值 ${p.value ? 'TRUE' : 'FALSE'}，不是数字` };
    case 'error':
      return { kind: 'bad', reason: p.value.startsWith('#') ? `是错误值 ${p.value}` : p.value };
    case 'text':
      return readText(p.value, policy);
  }
}

function readText(text: string, policy: NumberPolicy): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return MISSING;
  if (isErrorText(trimmed)) return { kind: 'bad', reason: `是错误值 ${trimmed}` };
  const s = toHalfWidth(text).replace(/[\s\u3000\u00a0]/g, '').toLowerCase();
  if (isMissingMarker(s)) return MISSING;
  const m = NUMBER.exec(s);
  const [, mantissa, exponent, percent, unit] = m ?? [];
  const refused = !m || ((exponent || percent) && !policy.excelNotation) || (unit && (!policy.units || percent));
  if (refused) return { kind: 'bad', reason: `“${trimAll(text)}”不是数字` };
  const n = Number(mantissa.replace(/,/g, '') + (exponent ?? '')) / (percent ? 100 : 1);
  if (!Number.isFinite(n)) return { kind: 'bad', reason: `“${trimAll(text).slice(0, 24)}…”位数过长，不是有效的数字` };
  const digits = digitCount(mantissa);
  // A cell that states its own money unit overrides the column's: "12.5万" and "1200元" are in 元 whatever the header says.
  if (unit === '万' || unit === '万元') return { kind: 'number', value: n * 10000, absolute: true, digits, unit };
  if (unit === '元') return { kind: 'number', value: n, absolute: true, digits, unit };
  return unit ? { kind: 'number', value: n, digits, unit } : { kind: 'number', value: n, digits };
}
