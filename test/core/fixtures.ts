import type { LedgerSchool, NumericField, SchoolType } from '../../src/core/types.ts';

let row = 3;
/** A ledger row with cells named after the field (F_<field>) so tests can check which cell a finding points at. */
export function school(name: string, type: SchoolType | undefined, values: Partial<Record<NumericField, number>>, extra: Partial<LedgerSchool> = {}): LedgerSchool {
  const r = row++;
  const cells: LedgerSchool['cells'] = { school: `A${r}` };
  for (const k of Object.keys(values)) cells[k as NumericField] = `${k}@${r}`;
  return { name, row: r, type, values, cells, ...extra };
}

/** A primary school meeting every 2017 threshold comfortably, scaled by `k` (k < 1 weakens it). */
export function goodPrimary(name: string, students: number, k = 1, type: SchoolType = 'primary'): LedgerSchool {
  const per100 = (x: number) => (x * students * k) / 100;
  return school(name, type, {
    students_primary: students,
    above_degree_teachers_primary: per100(5),
    backbone_teachers_primary: per100(1.2),
    pe_art_teachers_primary: per100(1.1),
    teaching_area: 5 * students * k,
    sports_ground_area: 9 * students * k,
    equipment_value: 2400 * students * k,
    multimedia_rooms: per100(2.8),
    teachers_primary: per100(6),
    senior_title_teachers_primary: per100(3),
    computers: per100(12),
    books: 30 * students * k,
  });
}

export function goodJunior(name: string, students: number, k = 1): LedgerSchool {
  const per100 = (x: number) => (x * students * k) / 100;
  return school(name, 'junior', {
    students_junior: students,
    above_degree_teachers_junior: per100(6),
    backbone_teachers_junior: per100(1.2),
    pe_art_teachers_junior: per100(1.1),
    teaching_area: 6.5 * students * k,
    sports_ground_area: 11 * students * k,
    equipment_value: 2900 * students * k,
    multimedia_rooms: per100(2.9),
    teachers_junior: per100(8),
    senior_title_teachers_junior: per100(4),
    computers: per100(15),
    books: 40 * students * k,
  });
}
