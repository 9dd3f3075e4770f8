// Data-quality checks on rows that read fine: duplicate names, missing enrolment, sub-counts above their
// total, values off by a unit factor, negative numbers. Each problem names the cell.
import { resolveType } from '../core/split.ts';
import type { LedgerSchool, NumericField, Problem, SchoolType } from '../core/types.ts';

/** Below this many 元 of equipment per pupil a value is surely in 万元 (rules §5). */
export const EQUIPMENT_WAN_BELOW = 50;
/** Above this many 元 per pupil a 万元 column surely holds 元. */
export const EQUIPMENT_YUAN_ABOVE = 500_000;
/** Above this many ㎡ per pupil an area is surely in the wrong unit. */
export const AREA_PER_PUPIL_ABOVE = 1000;

const AREA_FIELDS: NumericField[] = ['teaching_area', 'indoor_sports_area', 'sports_ground_area', 'sports_area'];
const SUB_COUNTS = ['above_degree_teachers', 'backbone_teachers', 'pe_art_teachers', 'senior_title_teachers'] as const;

export type HeaderOf = (field: NumericField) => string;

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toString() : (Math.round(x * 100) / 100).toString());

/** Negative numbers are errors and are dropped (missing), never used. */
export function dropNegatives(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    for (const [f, v] of Object.entries(s.values) as [NumericField, number][]) {
      if (v >= 0) continue;
      problems.push({ severity: 'error', sheet, cell: s.cells?.[f], message: `“${s.name}”的${headerOf(f)}为负数（${fmt(v)}），按缺失处理` });
      delete s.values[f];
    }
  }
  return problems;
}

/** A 班额 band holds a number of classes: a fraction (2.5) is an error and is dropped (missing), never used. */
export function dropFractionalBandCounts(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    for (const [f, v] of Object.entries(s.values) as [NumericField, number][]) {
      if (!f.startsWith('class_band_') || Number.isInteger(v)) continue;
      problems.push({ severity: 'error', sheet, cell: s.cells?.[f], message: `“${s.name}”的${headerOf(f)}应为整数个班（填了 ${fmt(v)}），按缺失处理` });
      delete s.values[f];
    }
  }
  return problems;
}

export function duplicateNames(schools: LedgerSchool[], sheet: string): Problem[] {
  const seen = new Map<string, LedgerSchool>();
  const problems: Problem[] = [];
  for (const s of schools) {
    const first = seen.get(s.name);
    if (!first) {
      seen.set(s.name, s);
      continue;
    }
    problems.push({ severity: 'warning', sheet, cell: s.cells?.school,
      message: `学校名称“${s.name}”与第 ${first.row} 行（${first.cells?.school ?? ''}）重复，请核对是否重复填报` });
  }
  return problems;
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

export function enrolment(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf, reported: Set<LedgerSchool>): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    if (reported.has(s)) continue;
    const type = resolveType(s);
    if (!type) {
      const cell = s.cells?.students_primary ?? s.cells?.students_junior ?? s.cells?.school;
      problems.push({ severity: 'warning', sheet, cell, message: `“${s.name}”没有填写在校生数（或为 0）` });
      continue;
    }
    for (const f of EXPECTED[type]) {
      const v = s.values[f];
      if (v !== undefined && v > 0) continue;
      problems.push({ severity: 'warning', sheet, cell: s.cells?.[f] ?? s.cells?.school,
        message: `“${s.name}”的${headerOf(f)}${v === undefined ? '为空' : '为 0'}` });
    }
  }
  return problems;
}

/** A count of some teachers larger than the teachers it is a part of (骨干教师 > 专任教师). */
export function countsAboveTotal(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    for (const suffix of ['_primary', '_junior', ''] as const) {
      const totalField = `teachers${suffix}` as NumericField;
      const total = s.values[totalField];
      if (total === undefined) continue;
      for (const sub of SUB_COUNTS) {
        const f = `${sub}${suffix}` as NumericField;
        const v = s.values[f];
        if (v === undefined || v <= total) continue;
        problems.push({ severity: 'warning', sheet, cell: s.cells?.[f],
          message: `“${s.name}”的${headerOf(f)}（${fmt(v)}）大于${headerOf(totalField)}（${fmt(total)}）` });
      }
    }
    const { teachers_primary: p, teachers_junior: j, teachers: t } = s.values;
    if (t !== undefined && (p ?? 0) + (j ?? 0) > t) {
      problems.push({ severity: 'warning', sheet, cell: s.cells?.teachers,
        message: `“${s.name}”各学段专任教师数之和（${fmt((p ?? 0) + (j ?? 0))}）大于${headerOf('teachers')}（${fmt(t)}）` });
    }
  }
  return problems;
}

const STAGE_OF: Partial<Record<SchoolType, 'primary' | 'junior'>> = {
  primary: 'primary', teaching_point: 'primary', primary_part: 'primary', junior: 'junior', junior_part: 'junior', complete_secondary: 'junior',
};

/** Per-stage figures of a stage a single-stage school does not have are not used (rules §5): say so. */
export function otherStageValues(schools: LedgerSchool[], sheet: string, headerOf: HeaderOf): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    const type = resolveType(s);
    const stage = type && STAGE_OF[type];
    if (!stage) continue;
    const other = stage === 'primary' ? '_junior' : '_primary';
    for (const [f, v] of Object.entries(s.values) as [NumericField, number][]) {
      if (!f.endsWith(other) || !(v > 0)) continue;
      problems.push({ severity: 'warning', sheet, cell: s.cells?.[f],
        message: `“${s.name}”没有${stage === 'primary' ? '初中' : '小学'}学段，${headerOf(f)}（${fmt(v)}）不计入` });
    }
  }
  return problems;
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
      problems.push({ severity: 'warning', sheet, cell: s.cells?.[col.field],
        message: `“${s.name}”的${col.header}折合每生 ${fmt(v / n)} ${unit}${hint(v / n)}` });
    }
  }
  return problems;
}
