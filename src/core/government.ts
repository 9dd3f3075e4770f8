// Per-school government-guarantee checks (rules §4.2): class size, school size, music and art rooms, public funding.
// (Special-education schools are not in the ledger's school list: their funding is a county item.)
import type { RulePack } from '../standards/types.ts';
import type { SchoolGovernmentRules } from '../standards/government.ts';
import type { PartItem } from './report.ts';
import { STAGE_NAMES, type SchoolType, type Stage } from './types.ts';

/** What the ledger says about one school for these checks; every field optional (a missing column is 未评估). */
export interface SchoolGovernmentFacts {
  name: string;
  type: SchoolType;
  students: { primary: number; junior: number };
  classes?: number;
  /** Largest class per stage; `any` is a single column on a combined school. */
  maxClassSize: { primary?: number; junior?: number; any?: number };
  musicRooms?: number;
  artRooms?: number;
  /** Area of the smallest music / art room, ㎡. */
  musicRoomArea?: number;
  artRoomArea?: number;
  builtYear?: number;
  migrantStudents?: number;
  /** 公用经费 actually allotted to the school in the year, 元. */
  publicFunding?: number;
  smallRuralSchool?: boolean;
  /** Cells of the inputs, by canonical ledger field (music_rooms, max_class_size_primary, students_junior…). */
  cells: Partial<Record<string, string>>;
}

const COMBINED: ReadonlySet<SchoolType> = new Set(['nine_year', 'twelve_year']);

const item = (
  facts: SchoolGovernmentFacts,
  id: string,
  name: string,
  value: number | null,
  [op, threshold, unit]: [PartItem['op'], number, string],
  pass: boolean | null,
  cell?: string,
): PartItem => ({
  id,
  name,
  value,
  threshold,
  op,
  unit,
  pass,
  school: facts.name,
  ...(cell ? { cell } : {}),
});

/** Class size: every class within the stage's limit; a single column on a combined school is held to the junior limit. */
function classSize(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, warnings: GovernmentWarning[]): PartItem[] {
  const out: PartItem[] = [];
  for (const stage of ['primary', 'junior'] as Stage[]) {
    if (f.students[stage] <= 0) continue;
    const own = f.maxClassSize[stage];
    const value = own ?? f.maxClassSize.any;
    if (value === undefined) continue;
    const combined = f.students.primary > 0 && f.students.junior > 0;
    const limit = own === undefined && combined ? rules.maxClassSize.junior : rules.maxClassSize[stage];
    if (own === undefined && combined && stage === 'primary') {
      warnings.push({
        cell: f.cells.max_class_size,
        message: `“${f.name}”只有一列最大班额，已按初中 ${limit} 人核对；小学班额需单列（≤ ${rules.maxClassSize.primary} 人）`,
      });
    }
    const cell = f.cells[own === undefined ? 'max_class_size' : `max_class_size_${stage}`];
    out.push(item(f, `class_size_${stage}`, `${STAGE_NAMES[stage]}最大班额（≤ ${limit} 人）`, value, ['≤', limit, '人'], value <= limit, cell));
  }
  return out;
}

function schoolSize(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, relaxations: boolean): PartItem[] {
  // 完全中学: its junior pupils only; other schools: all compulsory-stage pupils.
  const pupils = f.type === 'complete_secondary' ? f.students.junior : f.students.primary + f.students.junior;
  if (pupils <= 0) return [];
  const combined = COMBINED.has(f.type);
  const r = rules.schoolSizeRelaxed;
  const relaxed =
    relaxations &&
    ((f.builtYear !== undefined && f.builtYear <= r.builtBy) || (f.migrantStudents !== undefined && f.migrantStudents / pupils > r.migrantShareAbove));
  const limit = relaxed ? (combined ? r.combined : r.single) : combined ? rules.schoolSize.combined : rules.schoolSize.single;
  return [item(f, 'school_size', `学校规模（义务教育阶段 ≤ ${limit} 人${relaxed ? '，规程放宽' : ''}）`, pupils, ['≤', limit, '人'], pupils <= limit, f.cells.students_primary ?? f.cells.students_junior)];
}

function specialRooms(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, relaxations: boolean): PartItem[] {
  if (f.classes === undefined) return [];
  const needed = Math.ceil(f.classes / rules.specialRooms.classesPerRoom);
  const stage: Stage = f.students.primary > 0 ? 'primary' : 'junior';
  const r = rules.specialRoomsRelaxed;
  const largestClass = Math.max(f.maxClassSize.primary ?? 0, f.maxClassSize.junior ?? 0, f.maxClassSize.any ?? 0);
  const smallRural = relaxations && f.smallRuralSchool === true && largestClass > 0 && largestClass < r.smallRuralMaxClassBelow;
  const old = relaxations && f.builtYear !== undefined && f.builtYear <= r.builtBy;
  const areaFor = (room: 'music' | 'art') =>
    smallRural ? r.smallRuralArea[stage] : old ? (room === 'music' ? r.musicArea : r.artArea) : room === 'music' ? rules.specialRooms.musicArea : rules.specialRooms.artArea;
  const out: PartItem[] = [];
  for (const room of ['music', 'art'] as const) {
    const label = room === 'music' ? '音乐' : '美术';
    const count = room === 'music' ? f.musicRooms : f.artRooms;
    const area = room === 'music' ? f.musicRoomArea : f.artRoomArea;
    if (count !== undefined) {
      out.push(item(f, `${room}_rooms`, `${label}专用教室间数（${f.classes} 个班需 ≥ ${needed} 间）`, count, ['≥', needed, '间'], count >= needed, f.cells[`${room}_rooms`]));
    }
    if (area !== undefined && (count ?? 1) > 0) {
      const min = areaFor(room);
      out.push(item(f, `${room}_room_area`, `${label}专用教室面积（每间 ≥ ${min} ㎡）`, area, ['≥', min, '㎡'], area >= min, f.cells[`${room}_room_area`]));
    }
  }
  return out;
}

function publicFunding(f: SchoolGovernmentFacts, pack: RulePack): PartItem[] {
  const funding = pack.publicFunding;
  const pupils = f.students.primary + f.students.junior;
  if (!funding?.perStudent || f.publicFunding === undefined || pupils <= 0) return [];
  const stage: Stage = f.students.primary >= f.students.junior ? 'primary' : 'junior';
  const standard = funding.perStudent[stage];
  // Schools under minFundedStudents pupils are funded as if they had that many: per actual pupil the floor is higher.
  const funded = Math.max(pupils, funding.minFundedStudents);
  const note = funded > pupils ? `，不足 ${funding.minFundedStudents} 人按 ${funding.minFundedStudents} 人核定` : '';
  const perPupil = f.publicFunding / pupils;
  const floor = (standard * funded) / pupils;
  return [item(f, 'public_funding', `生均公用经费（≥ ${standard} 元${note}）`, perPupil, ['≥', floor, '元'], f.publicFunding >= standard * funded, f.cells.public_funding)];
}

export interface GovernmentWarning {
  cell?: string;
  message: string;
}

/** Every per-school government check the ledger has data for; warnings name what the ledger should add. */
export function judgeSchoolGovernment(
  facts: SchoolGovernmentFacts,
  rules: SchoolGovernmentRules,
  pack: RulePack,
  relaxations: boolean,
): { items: PartItem[]; warnings: GovernmentWarning[] } {
  const warnings: GovernmentWarning[] = [];
  const items = [...classSize(facts, rules, warnings), ...schoolSize(facts, rules, relaxations), ...specialRooms(facts, rules, relaxations), ...publicFunding(facts, pack)];
  return { items, warnings };
}
