// Display conventions shared by the notes and the report sheet (rules §1 rounding: means and school values
// to 2 decimals, CVs to 3; the stored numbers stay unrounded).
import { INDICATORS, type IndicatorId } from '../model/indicators.ts';
import type { IndicatorRule } from '../standards/types.ts';

export const FMT_VALUE = '0.00';
export const FMT_CV = '0.000';
export const FMT_COUNT = '0';
export const FMT_RATIO = '0.0%';

/** Header fill of report tables (light, prints well in grey). */
export const HEADER_FILL = '#DDEBF7';
export const PASS_FILL = '#E2EFDA';

/** Base unit of an indicator's amount: the numerator of its per-pupil unit ('㎡/生' → '㎡'). */
export const baseUnit = (id: IndicatorId): string => INDICATORS[id].amountUnit;

/** People, rooms, computers and books come in whole units: a shortfall is shown rounded up. */
export const isCountUnit = (unit: string): boolean => ['人', '间', '台', '册'].includes(unit);

/** Shortfall as shown: whole units rounded up (需补足 2 人), areas and money to 2 decimals. */
export function displayShortfall(amount: number, unit: string): number {
  // A tiny float excess over a whole number must not add a whole teacher.
  return isCountUnit(unit) ? Math.ceil(amount - 1e-9) : Math.round(amount * 100) / 100;
}

export const shortfallFormat = (unit: string): string => (isCountUnit(unit) ? FMT_COUNT : FMT_VALUE);

export const fixed = (x: number, decimals: number): string => x.toFixed(decimals);

/** Short column labels for the compliance matrix and the plan; the indicator table prints the full names. */
export const shortName = (id: IndicatorId): string => INDICATORS[id].short;

/** A school value or county mean as the notes print it, to the registry's decimals. */
export const valueText = (id: IndicatorId, x: number): string => x.toFixed(INDICATORS[id].decimals);

export const thresholdText = (rule: IndicatorRule, threshold: number): string => `≥ ${threshold} ${rule.unit}`;

/** A sheet-qualified A1 reference for internal links: '台账'!F9 (quotes doubled inside the name). */
export const sheetRef = (sheet: string, cell: string): string => `'${sheet.replace(/'/g, "''")}'!${cell}`;

/** A part item's value as a clerk reads it: 是/否, numbers to 2 decimals without trailing zeros. */
export function itemValueText(value: number | string | boolean | null, unit = ''): string {
  if (value === null) return '未填报';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return `${Number(value.toFixed(2))}${unit ? ` ${unit}` : ''}`;
  return value;
}

/** Excel's limits: a formula's length, and a string literal inside one. */
export const MAX_FORMULA = 8192;
export const MAX_LITERAL = 255;

/**
 * Our internal link as a HYPERLINK formula, for hosts that write links as formulas: quotes doubled, so a name
 * such as 城关"小学" or =cmd|… stays a string literal; the shown text cut to Excel's 255 characters a literal,
 * so the formula stays within 8,192. `shown` is the text the cell displays. Null when the target alone is too long.
 */
export function hyperlinkFormula(target: string, text: string): { formula: string; shown: string } | null {
  const q = (s: string) => s.replace(/"/g, '""');
  const head = `HYPERLINK("#${q(target)}","`;
  const room = Math.min(MAX_LITERAL, MAX_FORMULA - head.length - 2);
  if (room <= 0) return null;
  // The usual case, a short name without quotes, without splitting it into characters (250,000 links a big county).
  if (text.length <= room && !text.includes('"')) return { formula: `${head}${text}")`, shown: text };
  const chars = Array.from(text).slice(0, room);
  while (q(chars.join('')).length > room) chars.pop();
  const shown = chars.join('');
  return { formula: `${head}${q(shown)}")`, shown };
}
