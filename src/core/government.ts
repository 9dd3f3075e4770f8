// Per-school government-guarantee checks (rules §4.2): class size, school size, music and art rooms, public funding.
// (Special-education schools are not in the ledger's school list: their funding is a county item.)
import type { RulePack } from '../standards/types.ts';
import type { SchoolGovernmentRules } from '../standards/government.ts';
import type { PartItem } from './report.ts';
import { cellOf, type CellSource } from '../model/school.ts';
import { CLASS_BANDS, STAGE_NAMES, classBandField, type NumericField, type SchoolType, type Stage } from './types.ts';

/** Classes in one 班额 band of the ledger; `hi` null is open above (66人及以上). */
export interface BandCount {
  lo: number;
  hi: number | null;
  label: string;
  count: number;
  /** Bare A1 address of the count. */
  cell?: string;
}
type BandsByStage = { primary?: BandCount[]; junior?: BandCount[]; any?: BandCount[] };

/** What the ledger says about one school for these checks; every field optional (a missing column is 未评估). */
export interface SchoolGovernmentFacts extends CellSource {
  name: string;
  /** Sheet of the cells when the ledger spans several sheets. */
  sheet?: string;
  type: SchoolType;
  students: { primary: number; junior: number };
  classes?: number;
  /** Largest class per stage; `any` is a single column on a combined school. */
  maxClassSize: { primary?: number; junior?: number; any?: number };
  /** Classes per 班额 band, per stage; `any` is a stage-less band table. Only the bands the ledger filled. */
  classBands?: BandsByStage;
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
  // The inputs' cells (cellOf by canonical ledger field: music_rooms, max_class_size_primary…) are the ledger row's.
}

const COMBINED: ReadonlySet<SchoolType> = new Set(['nine_year', 'twelve_year']);
const COMPULSORY: readonly Stage[] = ['primary', 'junior'];

const item = (
  facts: SchoolGovernmentFacts,
  id: string,
  name: string,
  value: number | null,
  [op, threshold, unit]: [PartItem['op'], number, string],
  pass: boolean | null,
  cell?: string,
): PartItem => {
  // No spreads: an item per school per check of every county.
  const out: PartItem = { id, name, value, threshold, op, unit, pass, school: facts.name };
  if (cell) {
    out.cell = cell;
    if (facts.sheet) out.sheet = facts.sheet;
  }
  return out;
};

// The band fields of each stage, named once: this runs for every school of every county.
const BAND_FIELDS = (['primary', 'junior', undefined] as const).map((stage) => ({
  key: stage ?? ('any' as const),
  bands: CLASS_BANDS.map((band) => ({ band, field: classBandField(band.id, stage) })),
}));

/** The ledger's band counts per stage (blank bands left out), in band order. */
export function classBandsOf(values: Partial<Record<NumericField, number>>, at: CellSource = {}): BandsByStage {
  const out: BandsByStage = {};
  // Most ledgers give the largest class instead: one look at the row's own fields, not thirty misses.
  if (!hasBandField(values)) return out;
  for (const { key, bands } of BAND_FIELDS) {
    let list: BandCount[] | undefined;
    for (const { band: b, field } of bands) {
      const count = values[field];
      if (count === undefined) continue;
      const cell = cellOf(at, field);
      (list ??= []).push({ lo: b.lo, hi: b.hi, label: b.label, count, ...(cell ? { cell } : {}) });
    }
    if (list) out[key] = list;
  }
  return out;
}

function hasBandField(values: Partial<Record<NumericField, number>>): boolean {
  for (const field in values) if (field.startsWith('class_band_')) return true;
  return false;
}

/**
 * Class size: every class within the stage's limit, from the largest class and from the band counts; either
 * failing fails. A single (stage-less) column on a combined school is held to the junior limit.
 */
function classSize(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, warnings: GovernmentWarning[], out: PartItem[]): void {
  for (const stage of COMPULSORY) {
    if (f.students[stage] <= 0) continue;
    const combined = f.students.primary > 0 && f.students.junior > 0;
    const own = f.maxClassSize[stage];
    const value = own ?? f.maxClassSize.any;
    if (value !== undefined) {
      const limit = own === undefined && combined ? rules.maxClassSize.junior : rules.maxClassSize[stage];
      if (own === undefined && combined && stage === 'primary') {
        warnings.push({
          cell: cellOf(f, 'max_class_size'),
          message: `“${f.name}”只有一列最大班额，已按初中 ${limit} 人核对；小学班额需单列（≤ ${rules.maxClassSize.primary} 人）`,
        });
      }
      const cell = cellOf(f, own === undefined ? 'max_class_size' : `max_class_size_${stage}`);
      out.push(item(f, `class_size_${stage}`, `${STAGE_NAMES[stage]}最大班额（≤ ${limit} 人）`, value, ['≤', limit, '人'], value <= limit, cell));
    }
    classBands(f, stage, combined, rules, warnings, out);
  }
}

/** Classes in bands wholly above the limit; a band straddling the limit (a non-national limit) is warned about, not failed. */
function classBands(f: SchoolGovernmentFacts, stage: Stage, combined: boolean, rules: SchoolGovernmentRules, warnings: GovernmentWarning[], out: PartItem[]): void {
  const own = f.classBands?.[stage];
  const bands = own ?? f.classBands?.any;
  if (!bands) return;
  const limit = own === undefined && combined ? rules.maxClassSize.junior : rules.maxClassSize[stage];
  const label = STAGE_NAMES[stage];
  if (own === undefined && combined && stage === 'primary') {
    warnings.push({
      cell: bands[0].cell,
      message: `“${f.name}”的班额分段不分学段，已按初中 ${limit} 人核对；小学班额需分段单列（≤ ${rules.maxClassSize.primary} 人）`,
    });
  }
  const filled = bands.filter((b) => b.count > 0);
  for (const b of filled.filter((b) => b.lo <= limit && (b.hi === null || b.hi > limit))) {
    warnings.push({
      cell: b.cell,
      message: `“${f.name}”${label}班额分段“${b.label}”跨过 ${limit} 人的上限，无法判断其中 ${b.count} 个班是否超额，未据此判定；请按 ${limit} 人分段填报`,
    });
  }
  const over = filled.filter((b) => b.lo > limit);
  const count = over.reduce((n, b) => n + b.count, 0);
  // The limit is in the name already; the bands over it say where the classes are.
  const which = over.length > 0 ? `（${over.map((b) => `${b.label} ${b.count} 个`).join('、')}）` : '';
  const cell = over[0]?.cell ?? bands[0].cell;
  out.push(item(f, `class_size_bands_${stage}`, `${label}班额超过 ${limit} 人的班级数${which}`, count, ['≤', 0, '个'], count === 0, cell));
}

function schoolSize(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, relaxations: boolean, out: PartItem[]): void {
  // 完全中学: its junior pupils only; other schools: all compulsory-stage pupils.
  const pupils = f.type === 'complete_secondary' ? f.students.junior : f.students.primary + f.students.junior;
  if (pupils <= 0) return;
  const combined = COMBINED.has(f.type);
  const r = rules.schoolSizeRelaxed;
  const relaxed =
    relaxations &&
    ((f.builtYear !== undefined && f.builtYear <= r.builtBy) || (f.migrantStudents !== undefined && f.migrantStudents / pupils > r.migrantShareAbove));
  const limit = relaxed ? (combined ? r.combined : r.single) : combined ? rules.schoolSize.combined : rules.schoolSize.single;
  out.push(item(f, 'school_size', `学校规模（义务教育阶段 ≤ ${limit} 人${relaxed ? '，规程放宽' : ''}）`, pupils, ['≤', limit, '人'], pupils <= limit, cellOf(f, 'students_primary') ?? cellOf(f, 'students_junior')));
}

/** The largest class from the columns, else the top filled band's upper edge (bands prove no more); 0 when unknown. */
function largestClassOf(f: SchoolGovernmentFacts): number {
  const columns = [f.maxClassSize.primary, f.maxClassSize.junior, f.maxClassSize.any].filter((x): x is number => x !== undefined);
  if (columns.length > 0) return Math.max(...columns);
  const filled = Object.values(f.classBands ?? {}).flatMap((list) => list.filter((b) => b.count > 0));
  return filled.reduce((top, b) => Math.max(top, b.hi ?? Number.POSITIVE_INFINITY), 0);
}

function specialRooms(f: SchoolGovernmentFacts, rules: SchoolGovernmentRules, relaxations: boolean, out: PartItem[]): void {
  if (f.classes === undefined) return;
  const needed = Math.ceil(f.classes / rules.specialRooms.classesPerRoom);
  const stage: Stage = f.students.primary > 0 ? 'primary' : 'junior';
  const r = rules.specialRoomsRelaxed;
  const largestClass = largestClassOf(f);
  const smallRural = relaxations && f.smallRuralSchool === true && largestClass > 0 && largestClass < r.smallRuralMaxClassBelow;
  const old = relaxations && f.builtYear !== undefined && f.builtYear <= r.builtBy;
  const areaFor = (room: 'music' | 'art') =>
    smallRural ? r.smallRuralArea[stage] : old ? (room === 'music' ? r.musicArea : r.artArea) : room === 'music' ? rules.specialRooms.musicArea : rules.specialRooms.artArea;
  for (const room of ['music', 'art'] as const) {
    const label = room === 'music' ? '音乐' : '美术';
    const count = room === 'music' ? f.musicRooms : f.artRooms;
    const area = room === 'music' ? f.musicRoomArea : f.artRoomArea;
    if (count !== undefined) {
      out.push(item(f, `${room}_rooms`, `${label}专用教室间数（${f.classes} 个班需 ≥ ${needed} 间）`, count, ['≥', needed, '间'], count >= needed, cellOf(f, `${room}_rooms`)));
    }
    if (area !== undefined && (count ?? 1) > 0) {
      const min = areaFor(room);
      out.push(item(f, `${room}_room_area`, `${label}专用教室面积（每间 ≥ ${min} ㎡）`, area, ['≥', min, '㎡'], area >= min, cellOf(f, `${room}_room_area`)));
    }
  }
}

function publicFunding(f: SchoolGovernmentFacts, pack: RulePack, out: PartItem[]): void {
  const funding = pack.publicFunding;
  const pupils = f.students.primary + f.students.junior;
  if (!funding?.perStudent || f.publicFunding === undefined || pupils <= 0) return;
  const stage: Stage = f.students.primary >= f.students.junior ? 'primary' : 'junior';
  const standard = funding.perStudent[stage];
  // Schools under minFundedStudents pupils are funded as if they had that many: per actual pupil the floor is higher.
  const funded = Math.max(pupils, funding.minFundedStudents);
  const note = funded > pupils ? `，不足 ${funding.minFundedStudents} 人按 ${funding.minFundedStudents} 人核定` : '';
  const perPupil = f.publicFunding / pupils;
  const floor = (standard * funded) / pupils;
  out.push(item(f, 'public_funding', `生均公用经费（≥ ${standard} 元${note}）`, perPupil, ['≥', floor, '元'], f.publicFunding >= standard * funded, cellOf(f, 'public_funding')));
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
  const items: PartItem[] = [];
  const warnings: GovernmentWarning[] = [];
  judgeSchoolGovernmentInto(facts, rules, pack, relaxations, items, warnings);
  return { items, warnings };
}

/** judgeSchoolGovernment appending to the caller's lists (one pair for a whole county, not one per school). */
export function judgeSchoolGovernmentInto(
  facts: SchoolGovernmentFacts,
  rules: SchoolGovernmentRules,
  pack: RulePack,
  relaxations: boolean,
  items: PartItem[],
  warnings: GovernmentWarning[],
): void {
  classSize(facts, rules, warnings, items);
  schoolSize(facts, rules, relaxations, items);
  specialRooms(facts, rules, relaxations, items);
  publicFunding(facts, pack, items);
}
