// Data-quality checks on rows that read fine: duplicate names, missing enrolment, sub-counts above their
// total, values off by a unit factor, negative numbers. Each problem names the cell.
import { MESSAGES } from '../model/messages.ts';
import { cellOf } from '../model/school.ts';
import { cellText } from '../model/cell-value.ts';
import { resolveType } from '../core/split.ts';
import type { DataGap, LedgerSchool, NumericField, Problem, SchoolType } from '../core/types.ts';

/** Below this many 元 of equipment per pupil a value is surely in 万元 (rules §5). */
export const EQUIPMENT_WAN_BELOW = 50;
/** Above this many 元 per pupil a 万元 column surely holds 元. */
export const EQUIPMENT_YUAN_ABOVE = 500_000;
/** Above this many ㎡ per pupil an area is surely in the wrong unit. */
export const AREA_PER_PUPIL_ABOVE = 1000;

/** More pupils than this in one stage of one school is no school (rules §5.2). */
export const MAX_STAGE_ENROLMENT = 20_000;
/** A number this many digits long is an ID (15- or 18-digit 身份证号) or a code pasted into a figure. */
export const ID_DIGITS = 15;
const ENROLMENT = new Set<NumericField>(['students_primary', 'students_junior', 'students_senior']);
const PUPIL_UNITS = new Set(['人', '名']);

/**
 * A figure that read as a number but cannot be one (rules §5.2), as the end of a message after the header;
 * null when plausible. `unit` is the unit the text carried, `digits` its digits as typed, `cell` the cell as
 * read (its text is made only for a message).
 */
export function implausibleValue(field: NumericField, value: number, unit: string | undefined, typedDigits: number | undefined, cell: unknown): string | null {
  // Only a number of at least 1e13 can have ID_DIGITS digits: the logarithm is taken for those alone.
  const digits = typedDigits ?? (Math.abs(value) < 1e13 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1);
  if (digits >= ID_DIGITS) return `为 ${digits} 位数字（${cellText(cell).trim().slice(0, 24)}），疑为身份证号或编码误填`;
  if (!ENROLMENT.has(field)) return null;
  if (unit && !PUPIL_UNITS.has(unit)) return `填了“${cellText(cell).trim()}”，单位不是人`;
  if (!Number.isInteger(value)) return `填了 ${value}，不是整数个学生`;
  if (value > MAX_STAGE_ENROLMENT) return `为 ${value} 人，超过一所学校一个学段 ${MAX_STAGE_ENROLMENT} 人的合理范围`;
  return null;
}

const AREA_FIELDS: NumericField[] = ['teaching_area', 'indoor_sports_area', 'sports_ground_area', 'sports_area'];
const SUB_COUNTS = ['above_degree_teachers', 'backbone_teachers', 'pe_art_teachers', 'senior_title_teachers'] as const;

export type HeaderOf = (field: NumericField) => string;

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toString() : (Math.round(x * 100) / 100).toString());

/** The value checks of one school, each list in school order (index.ts reports them in this order). */
export interface ValueChecks {
  negatives: Problem[];
  fractionalBands: Problem[];
  aboveTotal: Problem[];
  otherStage: Problem[];
}

/**
 * One pass over every school's values for the checks that look at one school alone: negative numbers are errors
 * and are dropped (missing), never used; a 班额 band holds a number of classes, so a fraction (2.5) is an error
 * and is dropped; a count of some teachers larger than the teachers it is a part of (骨干教师 > 专任教师) is a
 * warning; per-stage figures of a stage a single-stage school does not have are not used (rules §5): said.
 * `bad` receives the cells dropped as negative, so later checks do not call them blank.
 */
export function checkValues(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf, bad?: Set<string>): ValueChecks {
  const out: ValueChecks = { negatives: [], fractionalBands: [], aboveTotal: [], otherStage: [] };
  // Positive per-stage figures, kept for the other-stage check once the school's type is known.
  const staged: NumericField[] = [];
  for (const s of schools) {
    staged.length = 0;
    // for…in rather than Object.entries: no pair array per field of every school.
    for (const key in s.values) {
      const f = key as NumericField;
      const v = s.values[f]!;
      if (v < 0) {
        const cell = cellOf(s, f);
        if (cell) bad?.add(cell);
        out.negatives.push({ severity: 'error', sheet, cell, message: `“${s.name}”的${headerOf(f)}为负数（${fmt(v)}），按缺失处理` });
        delete s.values[f];
        continue;
      }
      if (f.startsWith('class_band_') && !Number.isInteger(v)) {
        out.fractionalBands.push({ severity: 'error', sheet, cell: cellOf(s, f), message: `“${s.name}”的${headerOf(f)}应为整数个班（填了 ${fmt(v)}），按缺失处理` });
        delete s.values[f];
        continue;
      }
      if (v > 0 && (f.endsWith('_primary') || f.endsWith('_junior'))) staged.push(f);
    }
    countsAboveTotal(s, sheet, headerOf, out.aboveTotal);
    if (staged.length > 0) otherStageValues(s, staged, sheet, headerOf, out.otherStage);
  }
  return out;
}

/** Invisible characters and spaces of any width: "城关第一\u200b小学" and "城关第一\u3000小学" are 城关第一小学 (rules §5.2). */
const INVISIBLE = /[\s\u3000\u00a0\u200b-\u200f\u2060\ufeff]/g;
export const nameKey = (name: string): string => name.replace(INVISIBLE, '');

export function duplicateNames(schools: LedgerSchool[], sheet: string): Problem[] {
  const seen = new Map<string, LedgerSchool>();
  const problems: Problem[] = [];
  for (const s of schools) {
    const key = nameKey(s.name);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, s);
      continue;
    }
    problems.push({ severity: 'warning', sheet, cell: cellOf(s, 'school'),
      message: `学校名称“${s.name}”与第 ${first.row} 行（${cellOf(first, 'school') ?? ''}）重复，请核对是否重复填报` });
  }
  return problems;
}

const SUBTOTAL_MIN_ROWS = 2;
const SUBTOTAL_MIN_FIELDS = 2;
const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The last of sorted `rows` below `row` (0 when none), by bisection: it is asked for every school. */
function lastBelow(rows: number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? rows[lo - 1] : 0;
}

const pupilsOf = (s: LedgerSchool): number => (s.values.students_primary ?? 0) + (s.values.students_junior ?? 0) + (s.values.students_senior ?? 0);

function allSame(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (!sameNumber(a[k], b[k])) return false;
  return true;
}

/**
 * An unlabelled subtotal (a row named 城区 or 全县 whose figures equal the sum of the rows just above it, back
 * to the previous total): left out with a warning, since counting it would count its schools twice (rules
 * §5.2). `bounds` are the sheet rows of labelled totals, where a run of summed rows restarts.
 */
export function subtotalRows(schools: LedgerSchool[], sheet: string, bounds: number[]): { kept: LedgerSchool[]; subtotals: LedgerSchool[]; problems: Problem[] } {
  const kept: LedgerSchool[] = [];
  const subtotals: LedgerSchool[] = [];
  const problems: Problem[] = [];
  const stops = [...bounds].sort((a, b) => a - b);
  let groupStart = 0;
  // The row's non-zero fields and the sums of the rows above, in arrays reused from row to row.
  const fields: NumericField[] = [];
  const own: number[] = [];
  const sums: number[] = [];
  for (const s of schools) {
    const pupils = pupilsOf(s);
    const stop = lastBelow(stops, s.row);
    while (groupStart < kept.length && kept[groupStart].row < stop) groupStart++;
    let summed = 0;
    // Most rows are no subtotal: fewer pupils than the two rows above together ends the search below before any
    // comparison (the same sums in the same order), so the row's fields are not even listed.
    const n = kept.length;
    const possible = pupils > 0 && n - groupStart >= SUBTOTAL_MIN_ROWS && pupilsOf(kept[n - 1]) + pupilsOf(kept[n - 2]) <= pupils * (1 + 1e-9);
    fields.length = 0;
    own.length = 0;
    if (possible) {
      for (const key in s.values) {
        const v = s.values[key as NumericField]!;
        if (v === 0) continue;
        fields.push(key as NumericField);
        own.push(v);
      }
    }
    if (possible && fields.length >= SUBTOTAL_MIN_FIELDS) {
      sums.length = 0;
      for (let k = 0; k < fields.length; k++) sums.push(0);
      let below = 0;
      for (let j = kept.length - 1; j >= groupStart; j--) {
        const above = kept[j];
        for (let k = 0; k < fields.length; k++) sums[k] += above.values[fields[k]] ?? 0;
        below += (above.values.students_primary ?? 0) + (above.values.students_junior ?? 0) + (above.values.students_senior ?? 0);
        if (below > pupils * (1 + 1e-9)) break;
        const rows = kept.length - j;
        if (rows >= SUBTOTAL_MIN_ROWS && allSame(sums, own)) {
          summed = rows;
          break;
        }
      }
    }
    if (summed === 0) {
      kept.push(s);
      continue;
    }
    const from = kept[kept.length - summed].row;
    const to = kept[kept.length - 1].row;
    subtotals.push(s);
    groupStart = kept.length;
    problems.push({ severity: 'warning', sheet, cell: cellOf(s, 'school'),
      message: `“${s.name}”（第 ${s.row} 行）的各项数字等于其上第 ${from}–${to} 行共 ${summed} 所学校之和，按小计行处理，未计入；如确为一所学校，请核对数据` });
  }
  return { kept, subtotals, problems };
}

const EXPECTED: Record<SchoolType, ('students_primary' | 'students_junior')[]> = {
  primary: ['students_primary'],
  teaching_point: ['students_primary'],
  primary_part: ['students_primary'],
  junior: ['students_junior'],
  junior_part: ['students_junior'],
  complete_secondary: ['students_junior'],
  nine_year: ['students_primary', 'students_junior'],
  twelve_year: ['students_primary', 'students_junior'],
};

const STAGE_OF_FIELD = { students_primary: 'primary', students_junior: 'junior' } as const;

/**
 * Every school's enrolment per stage it has. One that could not be read (blank, text, an error value, an
 * uncalculated formula, implausible) is a gap of its stage (rules §5.2); `bad` holds cells already reported
 * as unreadable, so they are not called blank as well. A count of 0 was read: a warning, not a gap.
 */
export function enrolment(
  schools: LedgerSchool[], sheet: string, headerOf: HeaderOf, reported: Set<LedgerSchool>, bad: Set<string>, unmapped: Set<string>,
): { problems: Problem[]; gaps: DataGap[] } {
  const problems: Problem[] = [];
  const gaps: DataGap[] = [];
  const gap = (stage: DataGap['stage'], cell: string | undefined, reason: string) => gaps.push({ stage, sheet, cells: cell ? [cell] : [], reason });
  for (const s of schools) {
    const type = resolveType(s);
    if (reported.has(s)) {
      gap(null, cellOf(s, 'students_primary') ?? cellOf(s, 'school'), '在校生数无法分学段');
      continue;
    }
    if (!type) {
      const cell = cellOf(s, 'students_primary') ?? cellOf(s, 'students_junior') ?? cellOf(s, 'school');
      const unreadable = [cellOf(s, 'students_primary'), cellOf(s, 'students_junior')].some((c) => c !== undefined && bad.has(c));
      const zero = s.values.students_primary === 0 || s.values.students_junior === 0;
      const noColumn = unmapped.has('students_primary') || unmapped.has('students_junior');
      if (!unreadable && !noColumn) problems.push({ severity: 'warning', sheet, cell, message: `“${s.name}”没有填写在校生数（或为 0）` });
      if (!zero || unreadable) gap(null, cell, MESSAGES.enrolmentUnreadable);
      continue;
    }
    for (const f of EXPECTED[type]) {
      const v = s.values[f];
      // No column at all: the stage's gap (and the one message) say so for the column, not for each school.
      if ((v !== undefined && v > 0) || unmapped.has(f)) continue;
      const cell = cellOf(s, f) ?? cellOf(s, 'school');
      if (v === undefined) gap(STAGE_OF_FIELD[f], cell, MESSAGES.enrolmentUnreadable);
      if (cell !== undefined && bad.has(cell)) continue;
      problems.push({ severity: 'warning', sheet, cell,
        message: `“${s.name}”的${headerOf(f)}${v === undefined ? '为空' : '为 0'}` });
    }
  }
  return { problems, gaps };
}

/** A count of some teachers larger than the teachers it is a part of (骨干教师 > 专任教师). */
function countsAboveTotal(s: LedgerSchool, sheet: string, headerOf: HeaderOf, problems: Problem[]): void {
  for (const [totalField, subFields] of TEACHER_PARTS) {
    const total = s.values[totalField];
    if (total === undefined) continue;
    for (const f of subFields) {
      const v = s.values[f];
      if (v === undefined || v <= total) continue;
      problems.push({ severity: 'warning', sheet, cell: cellOf(s, f),
        message: `“${s.name}”的${headerOf(f)}（${fmt(v)}）大于${headerOf(totalField)}（${fmt(total)}）` });
    }
  }
  const { teachers_primary: p, teachers_junior: j, teachers: t } = s.values;
  if (t !== undefined && (p ?? 0) + (j ?? 0) > t) {
    problems.push({ severity: 'warning', sheet, cell: cellOf(s, 'teachers'),
      message: `“${s.name}”各学段专任教师数之和（${fmt((p ?? 0) + (j ?? 0))}）大于${headerOf('teachers')}（${fmt(t)}）` });
  }
}

// Field names made once: a name built per school is a new string each time, slower to look up.
const TEACHER_PARTS: [NumericField, NumericField[]][] = (['_primary', '_junior', ''] as const).map((suffix) =>
  [`teachers${suffix}` as NumericField, SUB_COUNTS.map((sub) => `${sub}${suffix}` as NumericField)]);

const STAGE_OF: Partial<Record<SchoolType, 'primary' | 'junior'>> = {
  primary: 'primary', teaching_point: 'primary', primary_part: 'primary', junior: 'junior', junior_part: 'junior', complete_secondary: 'junior',
};

/** Per-stage figures (`staged`: the school's positive ones) of a stage a single-stage school does not have. */
function otherStageValues(s: LedgerSchool, staged: NumericField[], sheet: string, headerOf: HeaderOf, problems: Problem[]): void {
  const type = resolveType(s);
  const stage = type && STAGE_OF[type];
  if (!stage) return;
  const other = stage === 'primary' ? '_junior' : '_primary';
  for (const f of staged) {
    if (!f.endsWith(other)) continue;
    problems.push({ severity: 'warning', sheet, cell: cellOf(s, f),
      message: `“${s.name}”没有${stage === 'primary' ? '初中' : '小学'}学段，${headerOf(f)}（${fmt(s.values[f]!)}）不计入` });
  }
}

const pupils = (s: LedgerSchool): number =>
  (s.values.students_primary ?? 0) + (s.values.students_junior ?? 0) + (s.values.students_senior ?? 0);

/** County average per pupil of a field, over schools with both the value and pupils; null when none. */
export function averagePerPupil(schools: LedgerSchool[], value: (s: LedgerSchool) => number | undefined): number | null {
  let amount = 0;
  let count = 0;
  for (const s of schools) {
    const v = value(s);
    const n = pupils(s);
    if (v === undefined || n <= 0) continue;
    amount += v;
    count += n;
  }
  return count > 0 ? amount / count : null;
}

export interface UnitColumn {
  field: NumericField;
  header: string;
  headerCell: string;
}

/**
 * Values whose size disagrees with their unit: equipment worth under 50 元 per pupil is surely 万元, over
 * 500,000 元 per pupil surely 元 typed in a 万元 column; over 1,000 ㎡ per pupil is no school. One warning on the
 * header when the whole column is off, else one per school.
 */
export function unitMismatch(schools: LedgerSchool[], sheet: string, columns: UnitColumn[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<NumericField>();
  for (const col of columns) {
    if (seen.has(col.field)) continue;
    seen.add(col.field);
    const isMoney = col.field === 'equipment_value';
    if (!isMoney && !AREA_FIELDS.includes(col.field)) continue;
    const off = (perPupil: number) =>
      isMoney ? perPupil < EQUIPMENT_WAN_BELOW || perPupil > EQUIPMENT_YUAN_ABOVE : perPupil > AREA_PER_PUPIL_ABOVE;
    const hint = (perPupil: number) =>
      !isMoney ? `，超过 ${AREA_PER_PUPIL_ABOVE} ㎡，疑为单位错误` : perPupil < EQUIPMENT_WAN_BELOW ? '，疑为以万元填报' : '，疑为以元填报';
    const unit = isMoney ? '元' : '㎡';
    const average = averagePerPupil(schools, (s) => s.values[col.field]);
    if (average !== null && off(average)) {
      problems.push({ severity: 'warning', sheet, cell: col.headerCell,
        message: `${col.header}：全县平均每生 ${fmt(average)} ${unit}${hint(average)}，请核对表头单位` });
      continue;
    }
    for (const s of schools) {
      const v = s.values[col.field];
      const n = pupils(s);
      if (v === undefined || n <= 0 || v === 0 || !off(v / n)) continue;
      problems.push({ severity: 'warning', sheet, cell: cellOf(s, col.field),
        message: `“${s.name}”的${col.header}折合每生 ${fmt(v / n)} ${unit}${hint(v / n)}` });
    }
  }
  return problems;
}
