// The indicator registry: each indicator of the rules page (§3, §4.1) described once — its English id, Chinese
// names, unit, the ledger fields its numerator is made of, its scale, how it is displayed and what an addition to
// it is bought in. Derivation (core/derive.ts), the rule packs (standards/), the planner's notes and report
// (plan/format.ts), the rectification plan (core/rectify/units.ts) and the pane read it from here.
import type { NumericField } from './fields.ts';

/** Indicator ids of the rules page (§3, §4.1). */
export const INDICATOR_IDS = [
  'above_degree_teachers_per_100',
  'backbone_teachers_per_100',
  'pe_art_teachers_per_100',
  'teaching_area_per_student',
  'sports_area_per_student',
  'equipment_value_per_student',
  'multimedia_rooms_per_100',
  'computers_per_100',
  'books_per_student',
  'teachers_per_100',
  'senior_title_teachers_per_100',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** A resource a county budgets for; unit costs are set per resource (元 per unit). */
export type ResourceKind = 'teacher' | 'teaching_area' | 'sports_area' | 'equipment' | 'multimedia_room' | 'computer' | 'book';

/**
 * 元 per unit, by resource kind; an indicator id as key overrides its kind (e.g. a backbone teacher costing more
 * than another teacher). A county setting: absent means the plan is in natural units only.
 */
export type UnitCosts = Partial<Record<ResourceKind | IndicatorId, number>>;

/** What an addition to an indicator's numerator is counted in, and how finely (rules §7). */
export interface ResourceUnit {
  kind: ResourceKind;
  /** Unit of the amount added, as the report prints it. */
  unit: string;
  /** Amounts are multiples of this, rounded up: whole teachers, rooms, computers and books; 0.01 ㎡; whole 元. */
  step: number;
  /** Whole things (teachers, rooms): the plan is rounded to whole units and checked again. */
  whole: boolean;
}

export interface IndicatorInfo {
  id: IndicatorId;
  /** Chinese name as the national template prints it. */
  name: string;
  /** Short label for narrow columns (the compliance matrix, the rectification plan). */
  short: string;
  /** Unit of the per-school value, e.g. '㎡/生', '人/百生'. */
  unit: string;
  /** Unit of the numerator amount (the value's unit before the '/'): what a shortfall is counted in. */
  amountUnit: string;
  /**
   * Ledger fields the numerator is made of, the main one first: the cell a failing school's mark goes on. The
   * others adjust it (indoor sports rooms move from teaching area to sports area; itinerant PE/art teachers
   * count under the 规程's relaxation): core/derive.ts holds how.
   */
  numerator: readonly NumericField[];
  /**
   * Value = scale × numerator ÷ pupils: 1 per pupil (生均), 100 per 100 pupils (每百名学生). The numerator is in
   * amountUnit: a ledger's 万元 is made 元 as it is read (ledger/headers.ts), never here.
   */
  scale: 1 | 100;
  /** Decimals school values and county means are displayed to (rules §1; stored numbers stay unrounded). */
  decimals: number;
  resource: ResourceUnit;
}

const people = (kind: ResourceKind): ResourceUnit => ({ kind, unit: '人', step: 1, whole: true });
const things = (kind: ResourceKind, unit: string): ResourceUnit => ({ kind, unit, step: 1, whole: true });

const info = (id: IndicatorId, name: string, short: string, unit: string, numerator: NumericField[], resource: ResourceUnit): IndicatorInfo => ({
  id,
  name,
  short,
  unit,
  amountUnit: unit.split('/')[0],
  numerator,
  scale: unit.endsWith('/百生') ? 100 : 1,
  decimals: 2,
  resource,
});

export const INDICATORS: Readonly<Record<IndicatorId, IndicatorInfo>> = {
  above_degree_teachers_per_100: info('above_degree_teachers_per_100', '每百名学生拥有高于规定学历教师数', '高学历教师', '人/百生', ['above_degree_teachers'], people('teacher')),
  backbone_teachers_per_100: info('backbone_teachers_per_100', '每百名学生拥有县级以上骨干教师数', '骨干教师', '人/百生', ['backbone_teachers'], people('teacher')),
  pe_art_teachers_per_100: info('pe_art_teachers_per_100', '每百名学生拥有体育、艺术（美术、音乐）专任教师数', '体育艺术教师', '人/百生', ['pe_art_teachers', 'pe_art_itinerant_teachers'], people('teacher')),
  teaching_area_per_student: info('teaching_area_per_student', '生均教学及辅助用房面积', '教学辅助用房', '㎡/生', ['teaching_area', 'indoor_sports_area'], { kind: 'teaching_area', unit: '㎡', step: 0.01, whole: false }),
  sports_area_per_student: info('sports_area_per_student', '生均体育运动场馆面积', '体育场馆', '㎡/生', ['sports_area', 'sports_ground_area', 'indoor_sports_area', 'rented_sports_area', 'other_sports_area'], { kind: 'sports_area', unit: '㎡', step: 0.01, whole: false }),
  equipment_value_per_student: info('equipment_value_per_student', '生均教学仪器设备值', '仪器设备值', '元/生', ['equipment_value'], { kind: 'equipment', unit: '元', step: 1, whole: false }),
  multimedia_rooms_per_100: info('multimedia_rooms_per_100', '每百名学生拥有网络多媒体教室数', '多媒体教室', '间/百生', ['multimedia_rooms'], things('multimedia_room', '间')),
  computers_per_100: info('computers_per_100', '每百名学生拥有计算机台数', '计算机', '台/百生', ['computers'], things('computer', '台')),
  books_per_student: info('books_per_student', '生均图书册数', '图书', '册/生', ['books'], things('book', '册')),
  teachers_per_100: info('teachers_per_100', '师生比（每百名学生专任教师数）', '专任教师', '人/百生', ['teachers'], people('teacher')),
  senior_title_teachers_per_100: info('senior_title_teachers_per_100', '每百名学生拥有中级及以上专业技术职务教师数', '中级职称教师', '人/百生', ['senior_title_teachers'], people('teacher')),
};
