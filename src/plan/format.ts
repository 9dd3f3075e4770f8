// Display conventions shared by the notes and the report sheet (rules §1 rounding: means and school values
// to 2 decimals, CVs to 3; the stored numbers stay unrounded).
import type { IndicatorId, IndicatorRule } from '../standards/types.ts';
import { INDICATOR_INFO } from '../standards/index.ts';

export const FMT_VALUE = '0.00';
export const FMT_CV = '0.000';
export const FMT_COUNT = '0';
export const FMT_RATIO = '0.0%';

/** Header fill of report tables (light, prints well in grey). */
export const HEADER_FILL = '#DDEBF7';
export const PASS_FILL = '#E2EFDA';

/** Base unit of an indicator's amount: the numerator of its per-pupil unit ('㎡/生' → '㎡'). */
export const baseUnit = (id: IndicatorId): string => INDICATOR_INFO[id].unit.split('/')[0];

/** People, rooms, computers and books come in whole units: a shortfall is shown rounded up. */
export const isCountUnit = (unit: string): boolean => ['人', '间', '台', '册'].includes(unit);

/** Shortfall as shown: whole units rounded up (需补足 2 人), areas and money to 2 decimals. */
export function displayShortfall(amount: number, unit: string): number {
  // A tiny float excess over a whole number must not add a whole teacher.
  return isCountUnit(unit) ? Math.ceil(amount - 1e-9) : Math.round(amount * 100) / 100;
}

export const shortfallFormat = (unit: string): string => (isCountUnit(unit) ? FMT_COUNT : FMT_VALUE);

export const fixed = (x: number, decimals: number): string => x.toFixed(decimals);


/** Short column labels for the compliance matrix; the indicator table prints the full names. */
const SHORT: Record<IndicatorId, string> = {
  above_degree_teachers_per_100: '高学历教师',
  backbone_teachers_per_100: '骨干教师',
  pe_art_teachers_per_100: '体育艺术教师',
  teaching_area_per_student: '教学辅助用房',
  sports_area_per_student: '体育场馆',
  equipment_value_per_student: '仪器设备值',
  multimedia_rooms_per_100: '多媒体教室',
  computers_per_100: '计算机',
  books_per_student: '图书',
  teachers_per_100: '专任教师',
  senior_title_teachers_per_100: '中级职称教师',
};
export const shortName = (id: IndicatorId): string => SHORT[id];

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
  const chars = Array.from(text).slice(0, room);
  while (q(chars.join('')).length > room) chars.pop();
  const shown = chars.join('');
  return { formula: `${head}${q(shown)}")`, shown };
}
