// Per-school indicator values from a school part's raw amounts (rules §3, §4.1): how each numerator is made of
// its fields; the fields and the scale themselves are the registry's (model/indicators.ts).
import { INDICATORS, type IndicatorId } from '../model/indicators.ts';
import type { PartField, SchoolPart } from './split.ts';

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
  cellField: (p: SchoolPart) => PartField;
  required: (p: SchoolPart) => PartField[];
  amount: (p: SchoolPart, relaxations: boolean) => number;
}

const v = (p: SchoolPart, f: PartField): number => p.values[f] ?? 0;

/** A plain ratio: the registry's one numerator field over pupils, at its scale. */
const ratio = (id: IndicatorId): Formula => {
  const field = INDICATORS[id].numerator[0] as PartField;
  return { scale: INDICATORS[id].scale, cellField: () => field, required: () => [field], amount: (p) => v(p, field) };
};

/** 规程: rural small schools and teaching points with 50–99 pupils may count itinerant PE/art teachers. */
const itinerantAllowed = (p: SchoolPart): boolean =>
  (p.flags.smallRuralSchool || p.flags.teachingPoint) && p.students >= 50 && p.students < 100;

export const FORMULAS: Record<IndicatorId, Formula> = {
  // Indoor sports rooms are counted in the teaching area by the statistics; both methods move them to sports.
  teaching_area_per_student: {
    scale: INDICATORS.teaching_area_per_student.scale,
    cellField: () => 'teaching_area',
    required: () => ['teaching_area'],
    amount: (p) => v(p, 'teaching_area') - v(p, 'indoor_sports_area'),
  },
  sports_area_per_student: {
    scale: INDICATORS.sports_area_per_student.scale,
    // A ledger's own 体育运动场馆面积 already includes the gym and is used as is.
    cellField: (p) => (p.values.sports_area !== undefined ? 'sports_area' : 'sports_ground_area'),
    required: (p) => [p.values.sports_area !== undefined ? 'sports_area' : 'sports_ground_area'],
    amount: (p, relaxations) => {
      const base = p.values.sports_area ?? v(p, 'sports_ground_area') + v(p, 'indoor_sports_area');
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
    required: () => ['pe_art_teachers'],
    amount: (p, relaxations) =>
      v(p, 'pe_art_teachers') + (relaxations && itinerantAllowed(p) ? v(p, 'pe_art_itinerant_teachers') : 0),
  },
};

export function deriveIndicator(p: SchoolPart, id: IndicatorId, relaxations: boolean): Derived {
  const f = FORMULAS[id];
  const cellField = f.cellField(p);
  const given = p.given?.[id];
  if (given !== undefined && p.students > 0) return { value: given, amount: (given * p.students) / f.scale, scale: f.scale, cellField, missing: [] };
  const missing = f.required(p).filter((field) => p.values[field] === undefined);
  if (missing.length > 0 || p.students <= 0) return { value: null, amount: null, scale: f.scale, cellField, missing };
  const amount = f.amount(p, relaxations);
  return { value: (f.scale * amount) / p.students, amount, scale: f.scale, cellField, missing };
}

/**
 * Amount in base units the school must add to reach the threshold: (threshold − value) × pupils ÷ scale.
 * Exactly 0 when the threshold is met.
 */
export function shortfall(value: number, threshold: number, students: number, scale: number): number {
  return value >= threshold ? 0 : ((threshold - value) * students) / scale;
}
