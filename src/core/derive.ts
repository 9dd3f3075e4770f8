// Per-school indicator values from a school part's raw amounts (rules §3, §4.1): how each numerator is made of
// its fields; the fields and the scale themselves are the registry's (model/indicators.ts).
import { INDICATORS, type IndicatorId } from '../model/indicators.ts';
import type { PartField, SchoolPart } from './split.ts';

/** What a formula reads of a school part: its fields, enrolment and flags (a SchoolPart or a split Part). */
export interface PartValues {
  value(f: PartField): number | undefined;
  students: number;
  flags: SchoolPart['flags'];
}

/** A plain SchoolPart read through the formulas' interface. */
export const partValuesOf = (p: SchoolPart): PartValues => ({ value: (f) => p.values[f], students: p.students, flags: p.flags });

export interface Derived {
  /** Per-school indicator value, or null when an input is missing. */
  value: number | null;
  /** Amount in the indicator's base unit (㎡, 元, 人, 间, 台, 册) that the value is a ratio of. */
  amount: number | null;
  /** 1 for per pupil, 100 for per 100 pupils. */
  scale: number;
  /** The ledger field whose cell is annotated when the school misses the threshold. */
  cellField: PartField;
  /** Inputs the ledger lacks. */
  missing: PartField[];
}

interface Formula {
  scale: number;
  cellField: (p: PartValues) => PartField;
  /** The inputs that must be filled (the same array each call: callers do not change it). */
  required: (p: PartValues) => readonly PartField[];
  /** NaN when one of `required` is blank: each is read with `need`, so the amount is read in one pass. */
  amount: (p: PartValues, relaxations: boolean) => number;
}

/** An input that may be blank (counts as 0). */
const v = (p: PartValues, f: PartField): number => p.value(f) ?? 0;
/** A required input: blank makes the amount NaN (not computable). */
const need = (p: PartValues, f: PartField): number => p.value(f) ?? Number.NaN;

/** A plain ratio: the registry's one numerator field over pupils, at its scale. */
const ratio = (id: IndicatorId): Formula => {
  const field = INDICATORS[id].numerator[0] as PartField;
  const required = [field];
  return { scale: INDICATORS[id].scale, cellField: () => field, required: () => required, amount: (p) => need(p, field) };
};

const TEACHING_AREA: readonly PartField[] = ['teaching_area'];
const SPORTS_AREA: readonly PartField[] = ['sports_area'];
const SPORTS_GROUND_AREA: readonly PartField[] = ['sports_ground_area'];
const PE_ART_TEACHERS: readonly PartField[] = ['pe_art_teachers'];

/** 规程: rural small schools and teaching points with 50–99 pupils may count itinerant PE/art teachers. */
const itinerantAllowed = (p: PartValues): boolean =>
  (p.flags.smallRuralSchool || p.flags.teachingPoint) && p.students >= 50 && p.students < 100;

export const FORMULAS: Record<IndicatorId, Formula> = {
  // Indoor sports rooms are counted in the teaching area by the statistics; both methods move them to sports.
  teaching_area_per_student: {
    scale: INDICATORS.teaching_area_per_student.scale,
    cellField: () => 'teaching_area',
    required: () => TEACHING_AREA,
    amount: (p) => need(p, 'teaching_area') - v(p, 'indoor_sports_area'),
  },
  sports_area_per_student: {
    scale: INDICATORS.sports_area_per_student.scale,
    // A ledger's own 体育运动场馆面积 already includes the gym and is used as is.
    cellField: (p) => (p.value('sports_area') !== undefined ? 'sports_area' : 'sports_ground_area'),
    required: (p) => (p.value('sports_area') !== undefined ? SPORTS_AREA : SPORTS_GROUND_AREA),
    amount: (p, relaxations) => {
      const base = p.value('sports_area') ?? need(p, 'sports_ground_area') + v(p, 'indoor_sports_area');
      const extra = relaxations && p.flags.denseCityCentre ? v(p, 'rented_sports_area') + v(p, 'other_sports_area') : 0;
      return base + extra;
    },
  },
  equipment_value_per_student: ratio('equipment_value_per_student'),
  multimedia_rooms_per_100: ratio('multimedia_rooms_per_100'),
  computers_per_100: ratio('computers_per_100'),
  books_per_student: ratio('books_per_student'),
  teachers_per_100: ratio('teachers_per_100'),
  above_degree_teachers_per_100: ratio('above_degree_teachers_per_100'),
  backbone_teachers_per_100: ratio('backbone_teachers_per_100'),
  senior_title_teachers_per_100: ratio('senior_title_teachers_per_100'),
  pe_art_teachers_per_100: {
    scale: INDICATORS.pe_art_teachers_per_100.scale,
    cellField: () => 'pe_art_teachers',
    required: () => PE_ART_TEACHERS,
    amount: (p, relaxations) =>
      need(p, 'pe_art_teachers') + (relaxations && itinerantAllowed(p) ? v(p, 'pe_art_itinerant_teachers') : 0),
  },
};

export function deriveIndicator(p: SchoolPart, id: IndicatorId, relaxations: boolean): Derived {
  return derivePart(partValuesOf(p), p.given, id, relaxations);
}

/** deriveIndicator of any part: `given` holds the values the ledger states for it, by indicator id. */
export function derivePart(p: PartValues, given: Partial<Record<string, number>> | undefined, id: IndicatorId, relaxations: boolean): Derived {
  const f = FORMULAS[id];
  const cellField = f.cellField(p);
  deriveInto(p, given, id, relaxations, ONE_AMOUNT, ONE_VALUE, 0);
  const value = ONE_VALUE[0];
  if (value === value) return { value, amount: ONE_AMOUNT[0], scale: f.scale, cellField, missing: [] };
  return { value: null, amount: null, scale: f.scale, cellField, missing: f.required(p).filter((field) => p.value(field) === undefined) };
}

const ONE_AMOUNT = new Float64Array(1);
const ONE_VALUE = new Float64Array(1);

/**
 * A part's amount (base units) and value into columns at row k: the ledger's stated value as it is, else the
 * formula's amount over pupils; NaN in both when an input is missing or the part has no pupils (derivePart
 * says which inputs). No object per call: this runs per indicator per school part of every county.
 */
export function deriveInto(
  p: PartValues, given: Partial<Record<string, number>> | undefined, id: IndicatorId, relaxations: boolean,
  amounts: Float64Array, values: Float64Array, k: number,
): void {
  const f = FORMULAS[id];
  const students = p.students;
  const stated = given?.[id];
  if (stated !== undefined && students > 0) {
    amounts[k] = (stated * students) / f.scale;
    values[k] = stated;
    return;
  }
  // NaN (an input blank) stays NaN in both columns.
  const amount = students > 0 ? f.amount(p, relaxations) : Number.NaN;
  amounts[k] = amount;
  values[k] = (f.scale * amount) / students;
}

/**
 * Amount in base units the school must add to reach the threshold: (threshold − value) × pupils ÷ scale.
 * Exactly 0 when the threshold is met.
 */
export function shortfall(value: number, threshold: number, students: number, scale: number): number {
  return value >= threshold ? 0 : ((threshold - value) * students) / scale;
}
