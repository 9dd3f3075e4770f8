// A county's schools as the ledger reader hands them to the engine: plain data, numbers in base units, every
// value with the cell it came from; what the reader could not take (gaps) and how each row was used.
import type { CanonicalField, FlagField, NumericField } from './fields.ts';
import type { Stage } from './stages.ts';

/** School types of rules §2, plus the 申报表 layout's already-split parts. */
export type SchoolType =
  | 'primary'
  | 'junior'
  | 'nine_year'
  | 'complete_secondary'
  | 'twelve_year'
  | 'teaching_point'
  | 'primary_part'
  | 'junior_part';

/**
 * One ledger row after reading: numbers already in base units (元, ㎡, 人, 间, 台, 册).
 * Every field's bare A1 address, so findings can point at the cell, is cellOf(school, field): most are on the
 * school's own row under the sheet's column for the field (`columns`, one object shared by the sheet's schools,
 * so a row holds no address strings); `cells` names the ones that are not (and every one, in records built by hand).
 */
export interface LedgerSchool {
  name: string;
  /** 1-based sheet row. */
  row: number;
  /** Sheet of `row` and `cells` when the county was read from several sheets (one stage per sheet); else County.sheet. */
  sheet?: string;
  type?: SchoolType;
  centralSchool?: string;
  values: Partial<Record<NumericField, number>>;
  flags?: Partial<Record<FlagField, boolean>>;
  /** Column letters of each field on this school's `row`, shared by every school of the sheet: never changed. */
  columns?: Readonly<Partial<Record<CanonicalField, string>>>;
  /** Bare A1 addresses that `columns` does not give (a stage-less enrolment cell placed by the row's type); these win. */
  cells?: Partial<Record<CanonicalField, string>>;
  /**
   * Per-school indicator values stated by the ledger itself (the 申报表's 表Ⅱ-2), by indicator id: used as given,
   * weighted by the part's enrolment, where the ledger has no amounts to compute them from.
   */
  given?: Partial<Record<string, number>>;
  /** Bare A1 address of each given value. */
  givenCells?: Partial<Record<string, string>>;
}

/** Where a record's field addresses are: LedgerSchool's `row`, `columns` and `cells`. */
export interface CellSource {
  row?: number;
  columns?: Readonly<Partial<Record<CanonicalField, string>>>;
  cells?: Partial<Record<CanonicalField, string>>;
}

/** The bare A1 address a field of a school came from (blank cells too), or undefined when no column gives it. */
export function cellOf(s: CellSource, f: CanonicalField): string | undefined {
  const own = s.cells?.[f];
  if (own !== undefined) return own;
  const letters = s.columns?.[f];
  return letters === undefined || s.row === undefined ? undefined : letters + s.row;
}

/** Every field's address, as one object (for a whole record's view: tests, dumps); engines ask cellOf per field. */
export function cellMap(s: CellSource): Partial<Record<CanonicalField, string>> {
  const out: Partial<Record<CanonicalField, string>> = {};
  for (const f in s.columns) {
    const a = cellOf(s, f as CanonicalField);
    if (a !== undefined) out[f as CanonicalField] = a;
  }
  for (const f in s.cells) {
    const a = s.cells[f as CanonicalField];
    if (a !== undefined) out[f as CanonicalField] = a;
  }
  return out;
}

export interface County {
  name: string;
  /** Sheet the ledger was read from, used in problems and annotations (the first one, when several were read). */
  sheet?: string;
  /** Every sheet the schools were read from, when more than one (a 小学 and a 初中 statistics export): each school names its own. */
  sheets?: string[];
  schools: LedgerSchool[];
  /** County-level figures of the 县级指标 sheet, when the workbook has one. */
  countySheet?: CountySheet;
  /** What the reader could not take: each makes its stage 未评估 (rules §5.2). */
  gaps?: DataGap[];
  /** How every row below the ledger's header was used. */
  rows?: RowAccounting;
  /** The same for each further sheet read (County.sheets after the first). */
  moreRows?: RowAccounting[];
  /** Inputs no header of the ledger maps to: told once per column, never once per school (rules §5.2). */
  absentColumns?: AbsentColumn[];
}

/** An input no column gives: a school-part field (backbone_teachers, teaching_area, students) and its stage. */
export interface AbsentColumn {
  /** The field as school parts carry it: a per-stage ledger field without its suffix. */
  field: string;
  /** The stage of a per-stage field (backbone_teachers_primary → primary); null for a whole-school field. */
  stage: Stage | null;
  /** The header the ledger would need (the template's), for messages. */
  header: string;
}

/** A value entered on the county sheet: numbers as numbers, 是/否 as booleans, monitoring levels as 1–4. */
export interface CountyEntry {
  value: number | boolean | null;
  /** Bare A1 address of the value cell. */
  cell?: string;
  /** Where the evidence is (document number, file name), for 是/否 items. */
  evidence?: string;
  /** Sheet of `cell` when it is not the county sheet's own (a 申报表's 表4, 表5, 表6). */
  sheet?: string;
}

export interface CountySheet {
  sheet: string;
  /** By county item id (rules pack), e.g. teacher_exchange_rate, social_recognition, and 2012 item scores. */
  entries: Partial<Record<string, CountyEntry>>;
  /** The five inputs of 初中三年巩固率 (graduates, transfers_in, transfers_out, grade7_enrolment, deaths). */
  retention?: Partial<Record<string, CountyEntry>>;
  /** The inputs a check is computed from (rules §4.2: "全县教师__人"), by input id. */
  inputs?: Partial<Record<string, CountyEntry>>;
}

/**
 * Data the verdict would rest on but the reader could not take (rules §5.2): an unreadable enrolment, a
 * required column no header maps to, a row with figures but no usable name. The affected stage (null: every
 * stage) is 数据不全 — 未评估, never 通过.
 */
export interface DataGap {
  stage: Stage | null;
  sheet?: string;
  /** Bare A1 addresses the gap is about (empty when it is a missing column). */
  cells: string[];
  /** Chinese, short: what is missing (在校生数无法读取, 缺少列“初中在校生数”). */
  reason: string;
}

/** Why a row below the header is not a school of the evaluation. */
export type SkipReason =
  | 'total'
  | 'subtotal'
  | 'note'
  | 'blank'
  | 'section'
  | 'header'
  | 'private'
  | 'not_compulsory'
  | 'teaching_point'
  | 'placeholder'
  | 'other_county';

export const SKIP_REASON_NAMES: Record<SkipReason, string> = {
  total: '合计/小计行',
  subtotal: '未标注的小计行',
  note: '说明/备注行',
  blank: '空行',
  section: '分段标题行',
  header: '表头/栏次行',
  private: '民办学校',
  not_compulsory: '非义务教育学校',
  teaching_point: '不计入的教学点',
  placeholder: '未填写的示例行',
  other_county: '其他县的学校',
};

/** Every row below the header, accounted for: read as a school, skipped with a reason, or an error (1-based rows). */
export interface RowAccounting {
  sheet: string;
  /** First and last sheet row below the header (last = the used range's end). */
  first: number;
  last: number;
  schools: number[];
  skipped: Partial<Record<SkipReason, number[]>>;
  /** Rows with figures that could not be read as a school (no name, an error value as the name). */
  errors: number[];
}
