// Plain data shared by every layer: the ledger reader produces LedgerSchool[], the engine turns them
// into a Report, the planner turns a Report into an AnnotationPlan that hosts apply.

export type Stage = 'primary' | 'junior';
export const STAGES: readonly Stage[] = ['primary', 'junior'];
export const STAGE_NAMES: Record<Stage, string> = { primary: '小学', junior: '初中' };

/** School types of rules §2, plus the 申报表 layout's already-split parts. */
export type SchoolType =
  | 'primary'
  | 'junior'
  | 'nine_year'
  | 'complete_secondary'
  | 'twelve_year'
  | 'teaching_point'
  | 'primary_part'
  | 'junior_part';

/**
 * The national statistics' 班额 bands (rules §4.2 class size): a ledger may give, per stage, the number of classes
 * in each band instead of its largest class. `lo`/`hi` are pupils per class, both inclusive; `hi` null is open.
 */
export const CLASS_BANDS = [
  { id: '25_below', lo: 0, hi: 25, label: '25人及以下' },
  { id: '26_30', lo: 26, hi: 30, label: '26-30人' },
  { id: '31_35', lo: 31, hi: 35, label: '31-35人' },
  { id: '36_40', lo: 36, hi: 40, label: '36-40人' },
  { id: '41_45', lo: 41, hi: 45, label: '41-45人' },
  { id: '46_50', lo: 46, hi: 50, label: '46-50人' },
  { id: '51_55', lo: 51, hi: 55, label: '51-55人' },
  { id: '56_60', lo: 56, hi: 60, label: '56-60人' },
  { id: '61_65', lo: 61, hi: 65, label: '61-65人' },
  { id: '66_above', lo: 66, hi: null, label: '66人及以上' },
] as const;
export type ClassBand = (typeof CLASS_BANDS)[number];
export type ClassBandId = ClassBand['id'];
/** Classes in a band: `class_band_46_50_primary`; without a stage suffix, the whole school's. */
export type ClassBandField = `class_band_${ClassBandId}` | `class_band_${ClassBandId}_${Stage}`;
export const classBandField = (band: ClassBandId, stage?: Stage): ClassBandField =>
  stage ? `class_band_${band}_${stage}` : `class_band_${band}`;
const CLASS_BAND_FIELDS: ClassBandField[] = CLASS_BANDS.flatMap((b) => [classBandField(b.id), classBandField(b.id, 'primary'), classBandField(b.id, 'junior')]);

/** Numeric canonical fields of rules §5. Per-stage teacher counts carry a suffix; without one it is a school total. */
export const NUMERIC_FIELDS = [
  'students_primary',
  'students_junior',
  'students_senior',
  'teachers_primary',
  'teachers_junior',
  'teachers',
  'above_degree_teachers_primary',
  'above_degree_teachers_junior',
  'above_degree_teachers',
  'backbone_teachers_primary',
  'backbone_teachers_junior',
  'backbone_teachers',
  'pe_art_teachers_primary',
  'pe_art_teachers_junior',
  'pe_art_teachers',
  'senior_title_teachers_primary',
  'senior_title_teachers_junior',
  'senior_title_teachers',
  'teaching_area',
  'indoor_sports_area',
  'sports_ground_area',
  'sports_area',
  'equipment_value',
  'multimedia_rooms',
  'computers',
  'books',
  'classes',
  'max_class_size',
  'max_class_size_primary',
  'max_class_size_junior',
  'pe_art_itinerant_teachers',
  'rented_sports_area',
  'other_sports_area',
  // Government guarantee (rules §4.2), per school.
  'music_rooms',
  'art_rooms',
  'music_room_area',
  'art_room_area',
  'built_year',
  'migrant_students',
  'public_funding',
  ...CLASS_BAND_FIELDS,
] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

export const TEXT_FIELDS = ['school', 'type', 'central_school', 'ownership'] as const;
export const FLAG_FIELDS = ['small_rural_school', 'dense_city_centre', 'basic_standard_met', 'counted_as_school'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];
export type CanonicalField = NumericField | TextField | FlagField;

/**
 * One ledger row after reading: numbers already in base units (元, ㎡, 人, 间, 台, 册).
 * `cells` maps a field to the bare A1 address it came from, so findings can point at the cell.
 */
export interface LedgerSchool {
  name: string;
  /** 1-based sheet row. */
  row: number;
  type?: SchoolType;
  centralSchool?: string;
  values: Partial<Record<NumericField, number>>;
  flags?: Partial<Record<FlagField, boolean>>;
  cells?: Partial<Record<CanonicalField, string>>;
  /**
   * Per-school indicator values stated by the ledger itself (the 申报表's 表Ⅱ-2), by indicator id: used as given,
   * weighted by the part's enrolment, where the ledger has no amounts to compute them from.
   */
  given?: Partial<Record<string, number>>;
  /** Bare A1 address of each given value. */
  givenCells?: Partial<Record<string, string>>;
}

export interface County {
  name: string;
  /** Sheet the ledger was read from, used in problems and annotations. */
  sheet?: string;
  schools: LedgerSchool[];
  /** County-level figures of the 县级指标 sheet, when the workbook has one. */
  countySheet?: CountySheet;
  /** What the reader could not take: each makes its stage 未评估 (rules §5.2). */
  gaps?: DataGap[];
  /** How every row below the ledger's header was used. */
  rows?: RowAccounting;
  /** Inputs no header of the ledger maps to: told once per column, never once per school (rules §5.2). */
  absentColumns?: AbsentColumn[];
}

/** An input no column gives: a school-part field (backbone_teachers, teaching_area, students) and its stage. */
export interface AbsentColumn {
  /** The field as school parts carry it: a per-stage ledger field without its suffix. */
  field: string;
  /** The stage of a per-stage field (backbone_teachers_primary → primary); null for a whole-school field. */
  stage: Stage | null;
  /** The header the ledger would need (the template's), for messages. */
  header: string;
}

/** A value entered on the county sheet: numbers as numbers, 是/否 as booleans, monitoring levels as 1–4. */
export interface CountyEntry {
  value: number | boolean | null;
  /** Bare A1 address of the value cell. */
  cell?: string;
  /** Where the evidence is (document number, file name), for 是/否 items. */
  evidence?: string;
  /** Sheet of `cell` when it is not the county sheet's own (a 申报表's 表4, 表5, 表6). */
  sheet?: string;
}

export interface CountySheet {
  sheet: string;
  /** By county item id (rules pack), e.g. teacher_exchange_rate, social_recognition, and 2012 item scores. */
  entries: Partial<Record<string, CountyEntry>>;
  /** The five inputs of 初中三年巩固率 (graduates, transfers_in, transfers_out, grade7_enrolment, deaths). */
  retention?: Partial<Record<string, CountyEntry>>;
  /** The inputs a check is computed from (rules §4.2: "全县教师__人"), by input id. */
  inputs?: Partial<Record<string, CountyEntry>>;
}

export type { Problem, ProblemCode, Severity } from '../model/problem.ts';

/** Typed failure of a pure computation: never NaN, never a silent 0. */
export interface CalcError {
  ok: false;
  code: 'negative_weight' | 'no_weight' | 'zero_mean' | 'length_mismatch' | 'no_data' | 'unknown_indicator' | 'unknown_standard' | 'invalid_value';
  message: string;
}
export type Result<T> = { ok: true; value: T } | CalcError;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: CalcError['code'], message: string): CalcError => ({ ok: false, code, message });

/**
 * Data the verdict would rest on but the reader could not take (rules §5.2): an unreadable enrolment, a
 * required column no header maps to, a row with figures but no usable name. The affected stage (null: every
 * stage) is 数据不全 — 未评估, never 通过.
 */
export interface DataGap {
  stage: Stage | null;
  sheet?: string;
  /** Bare A1 addresses the gap is about (empty when it is a missing column). */
  cells: string[];
  /** Chinese, short: what is missing (在校生数无法读取, 缺少列“初中在校生数”). */
  reason: string;
}

/** Why a row below the header is not a school of the evaluation. */
export type SkipReason =
  | 'total'
  | 'subtotal'
  | 'note'
  | 'blank'
  | 'section'
  | 'header'
  | 'private'
  | 'not_compulsory'
  | 'teaching_point'
  | 'placeholder'
  | 'other_county';

export const SKIP_REASON_NAMES: Record<SkipReason, string> = {
  total: '合计/小计行',
  subtotal: '未标注的小计行',
  note: '说明/备注行',
  blank: '空行',
  section: '分段标题行',
  header: '表头/栏次行',
  private: '民办学校',
  not_compulsory: '非义务教育学校',
  teaching_point: '不计入的教学点',
  placeholder: '未填写的示例行',
  other_county: '其他县的学校',
};

/** Every row below the header, accounted for: read as a school, skipped with a reason, or an error (1-based rows). */
export interface RowAccounting {
  sheet: string;
  /** First and last sheet row below the header (last = the used range's end). */
  first: number;
  last: number;
  schools: number[];
  skipped: Partial<Record<SkipReason, number[]>>;
  /** Rows with figures that could not be read as a school (no name, an error value as the name). */
  errors: number[];
}
