// The national 申报表's 表Ⅱ-2 (rules §5.1 item 1): one row per school part with the seven per-school indicator
// values already computed. The values are read as given (weighted by 在校生数 in the CVs); the stage of each row
// comes from its name, its 年级数 or the restart of 序号; placeholder rows ("小学 1", "…") are no schools.
import type { CanonicalField, LedgerSchool, Problem, SchoolType } from '../core/types.ts';
import type { IndicatorId } from '../standards/types.ts';
import { cellAddress } from '../model/a1.ts';
import { cellText, readNumber, trimAll } from './cells.ts';
import type { ReadColumn } from './columns.ts';
import { type ExtraColumns } from './extras.ts';
import { matchName, normalizeHeader } from './headers.ts';
import type { HeaderColumn } from './layout.ts';
import { singleStageOf } from './school-type.ts';

/** The field a per-school value is a ratio of → its indicator. */
const INDICATOR_OF_FIELD: Partial<Record<string, IndicatorId>> = {
  above_degree_teachers: 'above_degree_teachers_per_100',
  backbone_teachers: 'backbone_teachers_per_100',
  pe_art_teachers: 'pe_art_teachers_per_100',
  teaching_area: 'teaching_area_per_student',
  sports_area: 'sports_area_per_student',
  sports_ground_area: 'sports_area_per_student',
  equipment_value: 'equipment_value_per_student',
  multimedia_rooms: 'multimedia_rooms_per_100',
  computers: 'computers_per_100',
  books: 'books_per_student',
  teachers: 'teachers_per_100',
  senior_title_teachers: 'senior_title_teachers_per_100',
};

/** Inputs an indicator is computed from, by stage suffix where the field is per stage. */
export const INDICATOR_INPUTS: Record<IndicatorId, string[]> = {
  above_degree_teachers_per_100: ['above_degree_teachers'],
  backbone_teachers_per_100: ['backbone_teachers'],
  pe_art_teachers_per_100: ['pe_art_teachers'],
  teaching_area_per_student: ['teaching_area'],
  sports_area_per_student: ['sports_area', 'sports_ground_area'],
  equipment_value_per_student: ['equipment_value'],
  multimedia_rooms_per_100: ['multimedia_rooms'],
  computers_per_100: ['computers'],
  books_per_student: ['books'],
  teachers_per_100: ['teachers'],
  senior_title_teachers_per_100: ['senior_title_teachers'],
};

const PER_SCHOOL = /生均|每百名学生|百名学生|每百名|师生比/;
const NOT_A_VALUE = /差异系数|标准|达标|缺口|比例|占比|百分比|率|均值|平均|县域|全县/;
const VALUE_WORDS = new Set(['指标值', '数值', '值', '实际值', '学校值']);

/** The indicator a computed per-school column holds (生均教学及辅助用房面积（平方米）), or undefined. */
export function indicatorOfHeader(path: string[]): IndicatorId | undefined {
  const levels = path.map(normalizeHeader).filter((l) => l);
  // 指标值 under 生均教学仪器设备值 is the parent's value.
  while (levels.length > 1 && VALUE_WORDS.has(levels[levels.length - 1])) levels.pop();
  const own = levels[levels.length - 1] ?? '';
  if (!PER_SCHOOL.test(own) || NOT_A_VALUE.test(own)) return undefined;
  const core = own
    .replace(/每百名学生拥有|每百名学生|百名学生拥有|每百名|生均/g, '')
    .replace(/[([<](?:万?(?:万元|元|m2|平方米|平米|间|台|册|人|个|名))[)\]>]/g, '')
    .replace(/[()[\]<>/]/g, '');
  if (/^师生比/.test(own)) return 'teachers_per_100';
  const match = matchName(core.replace(/小学|初中/g, ''));
  return match ? INDICATOR_OF_FIELD[match.key] : undefined;
}

export interface GivenColumn {
  index: number;
  indicator: IndicatorId;
}

/** A table of stated values (the 申报表) names most of the seven; a ledger's odd computed column is no such table. */
const MIN_GIVEN = 4;

/**
 * The per-school value columns used: only in a table of stated values (at least four indicators, or no amounts at
 * all), and for an indicator only where the sheet has none of the inputs it is computed from.
 */
export function givenColumns(found: HeaderColumn[], columns: ReadColumn[]): GivenColumn[] {
  const fields = new Set(columns.flatMap((c) => (c.field ? [c.field.replace(/_(primary|junior)$/, '')] : [])));
  const all: GivenColumn[] = [];
  for (const h of found) {
    if (!h.info.derived || h.info.stage) continue;
    const indicator = indicatorOfHeader(h.base);
    if (!indicator || all.some((g) => g.indicator === indicator)) continue;
    all.push({ index: h.index, indicator });
  }
  const amounts = Object.values(INDICATOR_INPUTS).some((inputs) => inputs.some((f) => fields.has(f)));
  if (all.length < MIN_GIVEN && amounts) return [];
  return all.filter((g) => !INDICATOR_INPUTS[g.indicator].some((f) => fields.has(f)));
}

/** Reads the given values of every school; a value that is no number is an error naming the cell. */
export function readGiven(values: unknown[][], origin: { row: number; col: number }, schools: LedgerSchool[], given: GivenColumn[], sheet: string, headers: Map<number, string>): Problem[] {
  const problems: Problem[] = [];
  for (const s of schools) {
    for (const g of given) {
      const cell = cellAddress(s.row, origin.col + g.index);
      const read = readNumber(values[s.row - origin.row]?.[g.index]);
      s.givenCells = { ...s.givenCells, [g.indicator]: cell };
      if (read.kind === 'missing') continue;
      if (read.kind === 'bad') {
        problems.push({ severity: 'error', sheet, cell, message: `“${s.name}”的${headers.get(g.index) ?? '指标值'}${read.reason}，按缺失处理` });
        continue;
      }
      if (read.value < 0) {
        problems.push({ severity: 'error', sheet, cell, message: `“${s.name}”的${headers.get(g.index) ?? '指标值'}为负数，按缺失处理` });
        continue;
      }
      s.given = { ...s.given, [g.indicator]: read.value };
    }
  }
  return problems;
}

/** Required inputs a given value column stands for, for the missing-columns list. */
export function fieldsCoveredByGiven(given: GivenColumn[]): Set<CanonicalField> {
  const out = new Set<CanonicalField>();
  for (const g of given) {
    for (const f of INDICATOR_INPUTS[g.indicator]) {
      for (const suffix of ['', '_primary', '_junior']) out.add(`${f}${suffix}` as CanonicalField);
    }
    if (g.indicator === 'teaching_area_per_student' || g.indicator === 'sports_area_per_student') out.add('indoor_sports_area');
  }
  return out;
}

const PLACEHOLDER = /^((小学|初中|学校|中学)\s*\d{0,3}|[…．.。·-]+|(小学|初中)?\s*[…．.。]+)$/;

/** "小学 1", "初中 2", "…": the template's own example rows, left in an unfilled form. */
export const isPlaceholderName = (name: string): boolean => PLACEHOLDER.test(trimAll(name).replace(/\u3000/g, ' '));

/** Drops placeholder rows that carry no figures. */
export function dropPlaceholders(schools: LedgerSchool[]): LedgerSchool[] {
  return schools.filter((s) => !(isPlaceholderName(s.name) && Object.keys(s.values).length === 0 && !s.given));
}

/**
 * The type of each row of a table whose enrolment has no stage (申报表 表Ⅱ-2: primary parts, then junior parts):
 * from the name (…小学部, …小学, …初级中学), else 年级数 (6 or 5 → 小学, 3 or 4 → 初中), else the restart of 序号
 * (the first run of numbers is 小学, the second 初中). Keys are 0-based row indexes.
 */
export function rowTypes(values: unknown[][], start: number, nameIndex: number, extras: ExtraColumns): Map<number, SchoolType> {
  const out = new Map<number, SchoolType>();
  let run = 0;
  let previous = 0;
  const pending: number[][] = [[], []];
  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    const name = trimAll(cellText(row[nameIndex]));
    if (!name) continue;
    const serial = extras.serial === undefined ? undefined : readNumber(row[extras.serial]);
    if (serial?.kind === 'number') {
      if (serial.value <= previous && serial.value <= 1) run++;
      previous = serial.value;
    }
    const combined = /一贯制|完全中学|完中/.test(name);
    const byName = singleStageOf(undefined, name);
    const grades = extras.grades === undefined ? undefined : readNumber(row[extras.grades]);
    const g = grades?.kind === 'number' ? grades.value : undefined;
    const byGrades = g === 6 || g === 5 ? 'primary' : g === 3 || g === 4 ? 'junior' : undefined;
    const stage = byName === 'primary' || byName === 'junior' ? byName : byGrades;
    if (stage) out.set(r, typeFor(stage, combined));
    else if (run <= 1) pending[run].push(r);
  }
  // 序号 decides only when it restarted exactly once: two runs, primary then junior.
  if (run === 1) {
    for (const r of pending[0]) out.set(r, typeFor('primary', /一贯制|完全中学|完中/.test(cellText(values[r]?.[nameIndex]))));
    for (const r of pending[1]) out.set(r, typeFor('junior', /一贯制|完全中学|完中/.test(cellText(values[r]?.[nameIndex]))));
  }
  return out;
}

const typeFor = (stage: 'primary' | 'junior', combined: boolean): SchoolType =>
  combined ? (stage === 'primary' ? 'primary_part' : 'junior_part') : stage;

