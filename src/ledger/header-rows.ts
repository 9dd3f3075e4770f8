// Rows that sit under a header without being one: a units row (人, ㎡, 万元 under each field) and the national
// forms' column-number row (L1, L2 … or 甲, 乙, 1, 2 …). Both belong to the header, never to the schools.
import { toHalfWidth } from './cells.ts';

const UNIT_CELL = /^[(（]?(单位[:：]?)?(人|个|名|所|间|台|套|册|万册|元|万元|㎡|m2|平方米|平米|班|年|是\/否|是或否)[)）]?$/;
const NUMBER_CELL = /^(L\d+(-\d+)?|[甲乙丙丁戊]|\d{1,3}|栏次|序号)$/i;

const clean = (t: string): string => toHalfWidth(t).replace(/[\s\u3000]/g, '');

/**
 * Every filled cell is a unit, or repeats the cell above (a field merged down over the units row), and at least
 * two are units.
 */
export function isUnitsRow(row: string[] | undefined, above: string[] | undefined): boolean {
  if (!row) return false;
  let units = 0;
  for (const [c, t] of row.entries()) {
    if (!t) continue;
    if (UNIT_CELL.test(clean(t))) units++;
    else if (t !== above?.[c]) return false;
  }
  return units >= 2;
}

/** Column numbers under the header: most filled cells are L1, L2 … (or 甲, 乙, 1, 2 …) and at least three. */
export function isColumnNumberRow(row: string[] | undefined): boolean {
  const filled = (row ?? []).filter((t) => t);
  const numbers = filled.filter((t) => NUMBER_CELL.test(clean(t))).length;
  const letters = filled.filter((t) => /^L\d/i.test(clean(t))).length;
  return numbers >= 3 && numbers >= filled.length * 0.8 && (letters >= 2 || filled.some((t) => /^[甲乙]$/.test(clean(t))));
}
