// A small hand-made county: three primary schools and one nine-year school, with cell addresses as a
// ledger reader would give them (row 3 onwards, columns as in the template).
import { evaluate } from '../../src/core/evaluate.ts';
import type { County, LedgerSchool } from '../../src/core/types.ts';
import type { LedgerReadOk } from '../../src/ledger/types.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';

const COLS = {
  school: 'A',
  students_primary: 'B',
  students_junior: 'C',
  above_degree_teachers_primary: 'D',
  above_degree_teachers_junior: 'E',
  backbone_teachers_primary: 'F',
  backbone_teachers_junior: 'G',
  pe_art_teachers_primary: 'H',
  pe_art_teachers_junior: 'I',
  teaching_area: 'J',
  indoor_sports_area: 'K',
  sports_ground_area: 'L',
  equipment_value: 'M',
  multimedia_rooms: 'N',
} as const;

function school(name: string, row: number, values: LedgerSchool['values']): LedgerSchool {
  const cells: LedgerSchool['cells'] = {};
  for (const [field, col] of Object.entries(COLS)) cells[field as keyof typeof COLS] = `${col}${row}`;
  return { name, row, values, cells };
}

/** 400 pupils meeting every primary threshold comfortably. */
const good = (name: string, row: number, scale = 1) =>
  school(name, row, {
    students_primary: 400,
    above_degree_teachers_primary: 24 * scale,
    backbone_teachers_primary: 6,
    pe_art_teachers_primary: 5,
    teaching_area: 2400 * scale,
    indoor_sports_area: 0,
    sports_ground_area: 4000 * scale,
    equipment_value: 1_000_000 * scale,
    multimedia_rooms: 12,
  });

export const county: County = {
  name: '样例县',
  sheet: '台账',
  schools: [
    good('城关小学', 3),
    good('东街小学', 4, 1.2),
    // 100 pupils, 3 teachers of higher degree (3.0 per 100 < 4.2: short 1.2 → 2 people), sports 600 ㎡ (6.0 < 7.5: short 150 ㎡).
    school('石岭村小学', 5, {
      students_primary: 100,
      above_degree_teachers_primary: 3,
      backbone_teachers_primary: 2,
      pe_art_teachers_primary: 1,
      teaching_area: 600,
      indoor_sports_area: 0,
      sports_ground_area: 600,
      equipment_value: 300_000,
      multimedia_rooms: 3,
    }),
    // Nine-year school short of multimedia rooms in both stages: one cell, two findings.
    school('新城九年一贯制学校', 6, {
      students_primary: 300,
      students_junior: 300,
      above_degree_teachers_primary: 20,
      above_degree_teachers_junior: 20,
      backbone_teachers_primary: 5,
      backbone_teachers_junior: 5,
      pe_art_teachers_primary: 4,
      pe_art_teachers_junior: 4,
      teaching_area: 4000,
      indoor_sports_area: 0,
      sports_ground_area: 8000,
      equipment_value: 2_000_000,
      multimedia_rooms: 6,
    }),
  ],
};

export const ledger: LedgerReadOk = {
  ok: true,
  county,
  sheet: '台账',
  headerRows: [2],
  dataRows: [3, 6],
  columns: [],
  mapping: {},
  missingRequired: [],
  problems: [{ severity: 'warning', sheet: '台账', cell: 'N6', message: '网络多媒体教室数偏少，请核实' }, { severity: 'warning', sheet: '台账', cell: 'B4', message: '在校生数与上年相差较大' }],
};

export const pack = national2017Quality;
export const evaluation = evaluate(county, pack);
