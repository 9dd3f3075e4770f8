// The indicators of the rules page by their English ids, and the resources an addition to an indicator's
// numerator is bought in: the words the engine, the rule packs, the planner and the pane share.

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
