// Which schools count, and how combined schools become one school part per stage (rules §2).
import { MESSAGES } from '../model/messages.ts';
import { cellOf } from '../model/school.ts';
import type { RulePack, TeachingPointMode } from '../standards/types.ts';
import { STAGES, type County, type DataGap, type LedgerSchool, type NumericField, type Problem, type SchoolType, type Stage } from './types.ts';
import { absentColumnProblem, absentHeader } from './completeness.ts';

/** Teacher counts: per-stage columns carry a _primary/_junior suffix; the bare field is a school total. */
export const TEACHER_FIELDS = [
  'teachers',
  'above_degree_teachers',
  'backbone_teachers',
  'pe_art_teachers',
  'senior_title_teachers',
] as const;
export type TeacherField = (typeof TEACHER_FIELDS)[number];

export const RESOURCE_FIELDS = [
  'teaching_area',
  'indoor_sports_area',
  'sports_ground_area',
  'sports_area',
  'rented_sports_area',
  'other_sports_area',
  'equipment_value',
  'multimedia_rooms',
  'computers',
  'books',
  'pe_art_itinerant_teachers',
] as const satisfies readonly NumericField[];
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

export type PartField = TeacherField | ResourceField;

/** One stage of one school: the unit the CVs and per-school verdicts are computed over. */
export interface SchoolPart {
  name: string;
  row: number;
  /** Sheet of the row when the county spans several sheets. */
  sheet?: string;
  stage: Stage;
  type: SchoolType;
  /** Real enrolment of this stage: the weight P_i. */
  students: number;
  /** Share of the shared totals this part received (1 when not split). */
  share: number;
  values: Partial<Record<PartField, number>>;
  /** Source cell of each mapped field (blank ones too), for annotations and problems. */
  cells: Partial<Record<PartField, string>>;
  /** Cell of the school name. */
  nameCell?: string;
  flags: { smallRuralSchool: boolean; denseCityCentre: boolean; teachingPoint: boolean };
  /** Indicator values the ledger states for this part (申报表), by indicator id, with their cells. */
  given?: Partial<Record<string, number>>;
  givenCells?: Partial<Record<string, string>>;
}

/**
 * A school part as the engine reads it: its values and cells are read from its ledger row on demand, by the
 * rules of §2 below, instead of being copied into records per part (evaluate() reads a few fields of each).
 */
export class Part {
  readonly sheet?: string;
  readonly nameCell?: string;
  readonly flags: SchoolPart['flags'];
  readonly given?: Partial<Record<string, number>>;
  readonly givenCells?: Partial<Record<string, string>>;
  /** Each teacher field's column for this part's stage. */
  private readonly staged: Partial<Record<PartField, NumericField>>;

  constructor(
    /** The ledger row (a main school with its merged units already added in). */
    readonly school: LedgerSchool,
    readonly stage: Stage,
    readonly type: SchoolType,
    readonly students: number,
    readonly share: number,
    /** Whether shared totals are divided between the stages (a combined school with more than one stage). */
    readonly splits: boolean,
    private readonly splitFields: ReadonlySet<NumericField>,
  ) {
    if (school.sheet) this.sheet = school.sheet;
    this.staged = STAGED_TEACHER[stage];
    this.nameCell = cellOf(school, 'school');
    this.flags = FLAGS[(school.flags?.small_rural_school === true ? 1 : 0) + (school.flags?.dense_city_centre === true ? 2 : 0) + (type === 'teaching_point' ? 4 : 0)];
    // Stated values belong to a row that is one school part; a combined row's would need splitting, which a value cannot.
    if (!splits && school.given) this.given = school.given;
    if (!splits && school.givenCells) this.givenCells = school.givenCells;
  }

  get name(): string {
    return this.school.name;
  }

  get row(): number {
    return this.school.row;
  }

  /** The part's amount of a field: a per-stage teacher column as it is, a school total split by the stage's share. */
  value(f: PartField): number | undefined {
    const staged = this.staged[f];
    const values = this.school.values;
    if (staged !== undefined) {
      const own = values[staged];
      if (own !== undefined) return own;
    } else if (this.splits && !this.splitFields.has(f) && f !== 'pe_art_itinerant_teachers') {
      // Fields the pack does not split are not used by its indicators; a part keeps them only when unsplit.
      return undefined;
    }
    const v = values[f];
    return v === undefined || !this.splits ? v : v * this.share;
  }

  /** The cell a field of the part comes from (blank ones too): the per-stage column's, else the total's. */
  cell(f: PartField): string | undefined {
    const s = this.school;
    const staged = this.staged[f];
    if (staged === undefined) return this.splits && !this.splitFields.has(f) && f !== 'pe_art_itinerant_teachers' ? undefined : cellOf(s, f) || undefined;
    const stagedCell = cellOf(s, staged) ?? cellOf(s, f);
    if (s.values[staged] === undefined && s.values[f] !== undefined) return cellOf(s, f) || stagedCell || undefined;
    return stagedCell || undefined;
  }

  /** The part as plain data, every mapped field copied. */
  toSchoolPart(): SchoolPart {
    const values: SchoolPart['values'] = {};
    const cells: SchoolPart['cells'] = {};
    for (const f of PART_FIELDS) {
      const cell = this.cell(f);
      if (cell) cells[f] = cell;
      const v = this.value(f);
      if (v !== undefined) values[f] = v;
    }
    const out: SchoolPart = {
      name: this.name,
      row: this.row,
      ...(this.sheet ? { sheet: this.sheet } : {}),
      stage: this.stage,
      type: this.type,
      students: this.students,
      share: this.share,
      values,
      cells,
      nameCell: this.nameCell,
      flags: this.flags,
    };
    if (this.given) out.given = this.given;
    if (this.givenCells) out.givenCells = this.givenCells;
    return out;
  }
}

export interface SplitResult<P = SchoolPart> {
  parts: P[];
  problems: Problem[];
  /** Schools left out for want of data (no enrolment, a negative one, a teaching point with no central school). */
  gaps: DataGap[];
  /** Rows of teaching points the rule pack leaves out (rules §2); `sheet` only off the county's first sheet. */
  teachingPointsLeftOut: { sheet?: string; row: number }[];
}

/** Weighted-enrolment factors of rules §2: 小学 : 初中 : 高中 = 1 : 1.1 : 1.32 (so 初中 : 高中 = 1 : 1.2). */
export const STAGE_WEIGHTS = { primary: 1, junior: 1.1, senior: 1.32 } as const;

const COMBINED: ReadonlySet<SchoolType> = new Set(['nine_year', 'complete_secondary', 'twelve_year']);
export const isCombined = (t: SchoolType): boolean => COMBINED.has(t);

const positive = (x: number | undefined): number => (x !== undefined && x > 0 ? x : 0);

/** Shares of shared totals for a school with A primary, B junior and C senior pupils. */
export function stageShares(a: number, b: number, c: number): { primary: number; junior: number; senior: number } {
  const wa = a * STAGE_WEIGHTS.primary;
  const wb = b * STAGE_WEIGHTS.junior;
  const wc = c * STAGE_WEIGHTS.senior;
  const total = wa + wb + wc;
  if (total === 0) return { primary: 0, junior: 0, senior: 0 };
  return { primary: wa / total, junior: wb / total, senior: wc / total };
}

/** The type a school row declares, or the one its filled enrolment columns imply. */
export function resolveType(s: LedgerSchool): SchoolType | undefined {
  if (s.type) return s.type;
  const a = positive(s.values.students_primary);
  const b = positive(s.values.students_junior);
  const c = positive(s.values.students_senior);
  if (a && b && c) return 'twelve_year';
  if (a && b) return 'nine_year';
  if (b && c) return 'complete_secondary';
  if (a) return 'primary';
  if (b) return 'junior';
  return undefined;
}

const BOTH: readonly Stage[] = ['primary', 'junior'];
const JUNIOR: readonly Stage[] = ['junior'];
const PRIMARY: readonly Stage[] = ['primary'];
const stagesOf = (t: SchoolType): readonly Stage[] =>
  t === 'nine_year' || t === 'twelve_year' ? BOTH : t === 'junior' || t === 'junior_part' || t === 'complete_secondary' ? JUNIOR : PRIMARY;

const isNegative = (x: number | undefined): boolean => x !== undefined && x < 0;

/** A unit the statistics do not count as a school of its own (是否计校数 = 0): a campus or a teaching point. */
const notCounted = (s: LedgerSchool): boolean => s.flags?.counted_as_school === false;

/** The one stage a unit merged into its main school adds to (a teaching point is primary only). */
const unitStage = (s: LedgerSchool): Stage => {
  const t = resolveType(s);
  return t === 'junior' || t === 'junior_part' || t === 'complete_secondary' ? 'junior' : 'primary';
};

/**
 * Merges units into their main school (所属中心校): teaching points under the 2012 option, every 不计校数 unit when
 * campuses are merged. Returns the adjusted list.
 */
function mergeUnits(schools: LedgerSchool[], isUnit: (s: LedgerSchool) => boolean, countySheet: string | undefined, problems: Problem[], gaps: DataGap[]): LedgerSchool[] {
  // A unit merges into the main school of its own sheet (a county read from a 小学 and a 初中 sheet).
  const at = (s: LedgerSchool, name: string) => `${s.sheet ?? ''}\u0000${name}`;
  const byName = new Map(schools.filter((s) => !isUnit(s)).map((s) => [at(s, s.name), s]));
  const merged = new Map<string, LedgerSchool>();
  const out: LedgerSchool[] = [];
  for (const s of schools) {
    if (!isUnit(s)) continue;
    const sheet = s.sheet ?? countySheet;
    const central = s.centralSchool ? byName.get(at(s, s.centralSchool)) : undefined;
    const label = resolveType(s) === 'teaching_point' ? '教学点' : '不计校数的';
    if (!central) {
      problems.push({
        severity: 'warning',
        sheet,
        cell: cellOf(s, 'central_school') ?? cellOf(s, 'school'),
        message: `${label}“${s.name}”未找到所属${label === '教学点' ? '中心校' : '主校'}${s.centralSchool ? `“${s.centralSchool}”` : ''}，未计入`,
      });
      const cell = cellOf(s, 'central_school') ?? cellOf(s, 'school');
      gaps.push({ stage: unitStage(s), sheet, cells: cell ? [cell] : [], reason: label === '教学点' ? '教学点未找到所属中心校' : '不计校数的单位未找到所属主校' });
      continue;
    }
    const target = merged.get(at(central, central.name)) ?? { ...central, values: { ...central.values } };
    merged.set(at(central, central.name), target);
    const stage = unitStage(s);
    for (const [k, v] of Object.entries(s.values) as [NumericField, number][]) {
      // A single-stage unit's school totals of teachers are that stage's teachers.
      const key = (TEACHER_FIELDS as readonly string[]).includes(k) ? (`${k}_${stage}` as NumericField) : k;
      target.values[key] = (target.values[key] ?? 0) + v;
    }
    problems.push({ severity: 'info', sheet, cell: cellOf(s, 'school'), message: `${label}“${s.name}”已并入“${central.name}”计算` });
  }
  for (const s of schools) {
    if (isUnit(s)) continue;
    out.push(merged.get(at(s, s.name)) ?? s);
  }
  return out;
}

/** Splits a county's ledger rows into per-stage school parts under a rule pack's settings. */
export function splitCounty(
  county: County,
  pack: RulePack,
  teachingPoints: { mode: TeachingPointMode; minStudents: number } = pack.teachingPoints,
  mergeCampuses = false,
): SplitResult {
  const split = splitParts(county, pack, teachingPoints, mergeCampuses);
  return { ...split, parts: split.parts.map((p) => p.toSchoolPart()) };
}

/** splitCounty with each part read from its ledger row on demand (what evaluate() uses). */
export function splitParts(
  county: County,
  pack: RulePack,
  teachingPoints: { mode: TeachingPointMode; minStudents: number } = pack.teachingPoints,
  mergeCampuses = false,
): SplitResult<Part> {
  const problems: Problem[] = [];
  const gaps: DataGap[] = [];
  const teachingPointsLeftOut: SplitResult['teachingPointsLeftOut'] = [];
  let sheet = county.sheet;
  const gap = (stage: Stage | null, cell: string | undefined, reason: string) => gaps.push({ stage, sheet, cells: cell ? [cell] : [], reason });
  const isUnit = (s: LedgerSchool) =>
    (teachingPoints.mode === 'merge' && resolveType(s) === 'teaching_point') || ((mergeCampuses || teachingPoints.mode === 'merge') && notCounted(s));
  const schools = county.schools.some(isUnit) ? mergeUnits(county.schools, isUnit, sheet, problems, gaps) : county.schools;
  const parts: Part[] = [];
  const splitFields = new Set<NumericField>(pack.splitFields);
  // Schools an unmapped enrolment column leaves out are counted and told once (the stage's gap names the column).
  const absent = absentHeader(county.absentColumns);
  const noEnrolment = STAGES.flatMap((st) => absent('students', st) ?? []);
  const leftOut = new Map<string, number>();
  const leave = (key: string) => leftOut.set(key, (leftOut.get(key) ?? 0) + 1);

  for (const s of schools) {
    // A county read from several sheets: what is said about this school names its own sheet.
    sheet = s.sheet ?? county.sheet;
    const type = resolveType(s);
    const nameCell = cellOf(s, 'school');
    if (!type) {
      if (noEnrolment.length > 0) leave('');
      else problems.push({ severity: 'error', sheet, cell: nameCell, message: `“${s.name}”没有任何学段的在校生数，无法判断学校类型，未计入` });
      const read = [s.values.students_primary, s.values.students_junior].some((v) => v === 0);
      if (!read) gap(null, cellOf(s, 'students_primary') ?? cellOf(s, 'students_junior') ?? nameCell, MESSAGES.enrolmentUnreadable);
      continue;
    }
    const a = s.values.students_primary;
    const b = s.values.students_junior;
    const c = s.values.students_senior;
    if (isNegative(a) || isNegative(b) || isNegative(c)) {
      for (const [field, v] of [['students_primary', a], ['students_junior', b], ['students_senior', c]] as const) {
        if (v !== undefined && v < 0) {
          problems.push({ severity: 'error', sheet, cell: cellOf(s, field), message: `“${s.name}”在校生数为负数（${v}），未计入` });
          gap(field === 'students_junior' ? 'junior' : field === 'students_primary' ? 'primary' : null, cellOf(s, field), '在校生数为负数');
        }
      }
      continue;
    }

    // Teaching points and the other units the statistics do not count as schools (rules §2, §5.1 item 3).
    if (type === 'teaching_point' || notCounted(s)) {
      const n = positive(a) + positive(b);
      const label = type === 'teaching_point' ? '教学点' : '不计校数的';
      if (teachingPoints.mode === 'exclude' || n < teachingPoints.minStudents) {
        problems.push({
          severity: 'info',
          sheet,
          cell: nameCell,
          message:
            teachingPoints.mode === 'exclude'
              ? `${label}“${s.name}”按本标准不计入差异系数`
              : `${label}“${s.name}”在校生 ${n} 人，不足 ${teachingPoints.minStudents} 人，不计入差异系数`,
        });
        teachingPointsLeftOut.push({ row: s.row, ...(s.sheet && s.sheet !== county.sheet ? { sheet: s.sheet } : {}) });
        continue;
      }
    }

    const stages = stagesOf(type).filter((st) => positive(st === 'primary' ? a : b) > 0);
    // A nine-year school with its junior count blank has lost a stage, not become a primary school.
    if (stages.length > 0) {
      for (const st of stagesOf(type)) {
        if ((st === 'primary' ? a : b) !== undefined || absent('students', st)) continue;
        const field = st === 'primary' ? 'students_primary' : 'students_junior';
        gap(st, cellOf(s, field) ?? nameCell, MESSAGES.enrolmentUnreadable);
      }
    }
    if (stages.length === 0) {
      const field = stagesOf(type)[0] === 'primary' ? 'students_primary' : 'students_junior';
      const v = field === 'students_primary' ? a : b;
      const header = v === undefined ? absent('students', stagesOf(type)[0]) : undefined;
      if (header) {
        leave(header);
        continue;
      }
      problems.push({ severity: 'error', sheet, cell: cellOf(s, field) ?? nameCell, message: `“${s.name}”${v === undefined ? '没有可用的在校生数' : '在校生数为 0'}，未计入` });
      if (v === undefined) gap(field === 'students_primary' ? 'primary' : 'junior', cellOf(s, field) ?? nameCell, MESSAGES.enrolmentUnreadable);
      continue;
    }
    const combined = isCombined(type);
    // A school with a senior stage but no senior pupils gives the senior share of its shared resources to junior.
    if ((type === 'complete_secondary' || type === 'twelve_year') && positive(c) === 0) {
      problems.push({
        severity: 'warning',
        sheet,
        cell: cellOf(s, 'students_senior') ?? cellOf(s, 'students_junior') ?? nameCell,
        message: `“${s.name}”是${type === 'complete_secondary' ? '完全中学' : '十二年一贯制学校'}，但没有高中在校生数，共用的校舍、场馆、设备等全部计入义务教育学段（初中）；如有高中学生请填写高中在校生数`,
      });
    }
    const shares = combined ? stageShares(positive(a), positive(b), positive(c)) : { primary: 1, junior: 1, senior: 0 };
    // A combined school with a single compulsory stage and no senior pupils is a school of that stage (campus rule).
    const splits = combined && (stages.length > 1 || positive(c) > 0);

    for (const stage of stages) {
      const share = splits ? shares[stage] : 1;
      const part = new Part(s, stage, type, positive(stage === 'primary' ? a : b), share, splits, splitFields);
      if (splits) {
        for (const [f, staged] of STAGED_TEACHER_FIELDS[stage]) {
          const total = s.values[f];
          if (s.values[staged] !== undefined || total === undefined) continue;
          problems.push({
            severity: 'warning',
            sheet,
            cell: cellOf(s, f),
            message: `“${s.name}”只有全校合计的教师数，已按 1:1.1:1.32 折算到${stage === 'primary' ? '小学' : '初中'}（${roundForMessage(total * share)} 人）；请按学段填报`,
          });
        }
      }
      parts.push(part);
    }
  }
  sheet = county.sheet;
  for (const [header, n] of leftOut) {
    problems.push({ severity: 'error', sheet, message: header
      ? absentColumnProblem([header], `${n} 所学校没有可用的在校生数，未计入`)
      : absentColumnProblem(noEnrolment, `${n} 所学校没有可读的在校生数，无法判断学校类型，未计入`) });
  }
  return { parts, problems, gaps, teachingPointsLeftOut };
}

// Each teacher field with its per-stage column, named once rather than per school part.
const STAGED_TEACHER_FIELDS: Record<Stage, [TeacherField, NumericField][]> = {
  primary: TEACHER_FIELDS.map((f) => [f, `${f}_primary` as NumericField]),
  junior: TEACHER_FIELDS.map((f) => [f, `${f}_junior` as NumericField]),
};

/** Per stage, each teacher field's per-stage column; resource fields have none. */
const STAGED_TEACHER: Record<Stage, Partial<Record<PartField, NumericField>>> = {
  primary: Object.fromEntries(STAGED_TEACHER_FIELDS.primary),
  junior: Object.fromEntries(STAGED_TEACHER_FIELDS.junior),
};

/** The eight combinations of a part's flags, shared (read only) rather than one object per part. */
const FLAGS: readonly SchoolPart['flags'][] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze({ smallRuralSchool: (bits & 1) !== 0, denseCityCentre: (bits & 2) !== 0, teachingPoint: (bits & 4) !== 0 }),
);

/** The order a part's fields are copied in: shared resources, then teachers. */
const PART_FIELDS: PartField[] = [...RESOURCE_FIELDS, ...TEACHER_FIELDS];

const roundForMessage = (x: number): string => (Math.round(x * 100) / 100).toString();
