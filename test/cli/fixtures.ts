// Small county ledgers for the CLI tests, written with ExcelJS under the template headers, and the same
// schools as a County so a test can compare the CLI's output with evaluate() on identical data.
import ExcelJS from 'exceljs';
import type { County, LedgerSchool, NumericField } from '../../src/core/types.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';

export interface FixtureSchool {
  name: string;
  type: '小学' | '初中' | '九年一贯制';
  values: Partial<Record<NumericField, number>>;
}

const primary = (name: string, k: number, a: number): FixtureSchool => ({
  name,
  type: '小学',
  values: {
    students_primary: Math.round(500 * k),
    above_degree_teachers_primary: Math.round(32 * k),
    backbone_teachers_primary: Math.round(8 * k),
    pe_art_teachers_primary: Math.round(6 * k),
    teaching_area: Math.round(3000 * k * a),
    indoor_sports_area: Math.round(200 * k),
    sports_ground_area: Math.round(4800 * k / a),
    equipment_value: 150 * k * a,
    multimedia_rooms: Math.round(15 * k),
    // 2012 inputs, so the same ledgers serve the basic-balance method too.
    teachers_primary: Math.round(34 * k),
    senior_title_teachers_primary: Math.round(18 * k),
    computers: Math.round(60 * k * a),
    books: Math.round(15000 * k / a),
  },
});

const junior = (name: string, k: number, a: number): FixtureSchool => ({
  name,
  type: '初中',
  values: {
    students_junior: Math.round(800 * k),
    above_degree_teachers_junior: Math.round(52 * k),
    backbone_teachers_junior: Math.round(12 * k),
    pe_art_teachers_junior: Math.round(9 * k),
    teaching_area: Math.round(5600 * k * a),
    indoor_sports_area: Math.round(400 * k),
    sports_ground_area: Math.round(9000 * k / a),
    equipment_value: 260 * k * a,
    multimedia_rooms: Math.round(24 * k),
    teachers_junior: Math.round(60 * k),
    senior_title_teachers_junior: Math.round(30 * k),
    computers: Math.round(100 * k * a),
    books: Math.round(28000 * k / a),
  },
});

/** Every school well above every 2017 threshold, with a small spread: the county's resources pass. */
export const PASSING: FixtureSchool[] = [
  primary('城关第一小学', 1.2, 1.1),
  primary('城关第二小学', 1, 0.95),
  primary('河口小学', 0.8, 1),
  primary('石桥小学', 0.9, 0.9),
  junior('城关中学', 1.1, 1.05),
  junior('河口中学', 0.9, 0.92),
];

/** The same county plus a small rural school short of nearly everything: it fails the per-school rule. */
export const FAILING: FixtureSchool[] = [
  ...PASSING,
  {
    name: '山背村小学',
    type: '小学',
    values: {
      students_primary: 120,
      above_degree_teachers_primary: 3,
      backbone_teachers_primary: 0,
      pe_art_teachers_primary: 0,
      teaching_area: 300,
      indoor_sports_area: 0,
      sports_ground_area: 400,
      equipment_value: 8,
      multimedia_rooms: 1,
      teachers_primary: 6,
      senior_title_teachers_primary: 1,
      computers: 4,
      books: 900,
    },
  },
];

export interface LedgerFileOptions {
  title?: string;
  sheetName?: string;
  /** Sheets written before the ledger (e.g. an explanation sheet). */
  before?: { name: string; rows: unknown[][] }[];
  /** Header text to write instead of the template's, by field. */
  headers?: Partial<Record<string, string>>;
}

const COLUMNS = TEMPLATE_COLUMNS.filter((c) => ['school', 'type'].includes(c.field) || NUMERIC(c.field));
function NUMERIC(field: string): boolean {
  return [...PASSING, ...FAILING].some((s) => (s.values as Record<string, number | undefined>)[field] !== undefined);
}

/** First data row of a ledger written by writeLedger: a title row (when given) and the header row above it. */
export const firstDataRow = (options: LedgerFileOptions = {}): number => (options.title ? 3 : 2);

/** The ledger sheet's rows as plain values: the title (when given), the header row, one row per school. */
export function ledgerGrid(schools: FixtureSchool[], options: LedgerFileOptions = {}): (string | number | null)[][] {
  return [
    ...(options.title ? [[options.title]] : []),
    COLUMNS.map((c) => options.headers?.[c.field] ?? c.header),
    ...schools.map((s) =>
      COLUMNS.map((c) =>
        c.field === 'school' ? s.name : c.field === 'type' ? s.type : ((s.values as Record<string, number | undefined>)[c.field] ?? null),
      ),
    ),
  ];
}

export async function writeLedger(path: string, schools: FixtureSchool[], options: LedgerFileOptions = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const extra of options.before ?? []) wb.addWorksheet(extra.name).addRows(extra.rows);
  wb.addWorksheet(options.sheetName ?? '台账').addRows(ledgerGrid(schools, options));
  await wb.xlsx.writeFile(path);
}

/** The same schools as the reader should see them: equipment in 元 (the column is 万元). */
export function countyOf(name: string, schools: FixtureSchool[], options: LedgerFileOptions = {}): County {
  const start = firstDataRow(options);
  const type = { 小学: 'primary', 初中: 'junior', 九年一贯制: 'nine_year' } as const;
  return {
    name,
    sheet: options.sheetName ?? '台账',
    schools: schools.map(
      (s, i): LedgerSchool => ({
        name: s.name,
        row: start + i,
        type: type[s.type],
        values: { ...s.values, ...(s.values.equipment_value !== undefined ? { equipment_value: s.values.equipment_value * 10000 } : {}) },
      }),
    ),
  };
}
