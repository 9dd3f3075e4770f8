// The canonical ledger fields (rules §5) every layer names: numeric, text and flag fields, and the 班额 bands.
import type { Stage } from './stages.ts';

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
