// Data rows below the header → LedgerSchool records: totals, blank, section and note rows skipped,
// numbers read in base units, every unusable cell a problem naming its bare address.
import { FLAG_FIELDS, type CanonicalField, type DataGap, type LedgerSchool, type NumericField, type Problem, type RowAccounting, type SchoolType, type SkipReason } from '../core/types.ts';
import { columnLetter } from '../model/a1.ts';
import { cellText, plain, readFlag, readNumber, trimAll } from './cells.ts';
import { isErrorText, trimmed } from '../model/cell-value.ts';
import { asciiNumber, digitCount } from '../model/cell-number.ts';
import { ID_DIGITS, implausibleValue } from './quality.ts';
import type { ReadColumn } from './columns.ts';
import { ideographsOf, keepsIdeographs, normalizeHeader, normalizedLacks } from './headers.ts';
import { isPrivateOwner, partFromName, readSchoolType, singleStageOf } from './school-type.ts';
import { NOTE_PREFIXES } from './synonyms.ts';

const FLAG_SET = new Set<string>(FLAG_FIELDS);
const TEXT_SET = new Set<string>(['school', 'type', 'central_school', 'ownership']);

const TOTAL_ROW = /^(全县|全市|全区|本县|县|全镇|[^\d]{0,6})?(合计|总计|小计|共计)$|^(合计|总计|小计|共计)/;
const SECTION_ROW = /^([(（]?[一二三四五六七八九十\d]+[)）、.．]|小学|初中|九年一贯制|完全中学|十二年一贯制|教学点|中学)/;
const COLUMN_NUMBERS = new Set(['甲', '乙', '丙', '栏次', '序号']);

export interface RowsRead {
  schools: LedgerSchool[];
  /** 0-based index of the first and last row read as a school (or of the header end when none). */
  first: number;
  last: number;
  /** Raw equipment values per school, before a unitless column's unit is decided. */
  rawEquipment: Map<LedgerSchool, number>;
  /** Schools whose enrolment problem is already reported (a stage-less count that could not be placed). */
  enrolmentReported: Set<LedgerSchool>;
  /** Cells already reported as unreadable, so later checks do not call them blank. */
  badCells: Set<string>;
  accounting: RowAccounting;
  /** Rows the reader could not take (rules §5.2). */
  gaps: DataGap[];
}

interface Context {
  sheet: string;
  origin: { row: number; col: number };
  problems: Problem[];
  /** A stage-less enrolment column is a school total (not a stage's count) when per-stage columns exist. */
  bareStudentsIsTotal: boolean;
  /** The one stage the sheet is about (its name or title says 小学 or 初中): combined schools are read as that part. */
  stage?: 'primary' | 'junior';
  /** Types known from outside the row's own cells (the 申报表's 年级数 and 序号), by 0-based row. */
  rowTypes?: Map<number, SchoolType>;
}

interface RowContext extends Context {
  /** The first column of each field, looked up once per sheet rather than once per row. */
  byField: Map<string, ReadColumn>;
  /** Column letters by 0-based index, for the mapped columns. */
  letters: string[];
  /** The 是/否 columns among the numeric ones. */
  flagColumns: Set<ReadColumn>;
  /** Every school's LedgerSchool.columns: one object for the sheet (see fieldColumns). */
  fieldColumns: Readonly<Partial<Record<CanonicalField, string>>>;
  rawEquipment: Map<LedgerSchool, number>;
  enrolmentReported: Set<LedgerSchool>;
  badCells: Set<string>;
}

const NOTES = NOTE_PREFIXES.map(normalizeHeader);
// Most rows are schools: a text with none of the ideographs a note starts with is none, known without normalising.
// (Sound only while every note prefix starts with an ideograph; otherwise every text is normalised.)
const NOTE_START = NOTES.every((p) => /^[\u4e00-\u9fff]/.test(p)) ? new RegExp(`[${[...new Set(NOTES.map((p) => p[0]))].join('')}]`) : /[^]/;
function isNote(v: unknown): boolean {
  if (typeof v === 'number') return false;
  const text = cellText(v);
  if (keepsIdeographs(text) && !NOTE_START.test(text)) return false;
  const n = normalizeHeader(text);
  return NOTES.some((p) => n.startsWith(p));
}
// Cheap test first: only text with 计 can be a totals row.
const isTotal = (text: string): boolean => text.includes('计') && TOTAL_ROW.test(normalizeHeader(text));

export function readRows(values: unknown[][], start: number, columns: ReadColumn[], context: Context): RowsRead {
  const nameCol = columns.find((c) => c.field === 'school')!;
  const schools: LedgerSchool[] = [];
  const byField = new Map<string, ReadColumn>();
  for (const c of columns) if (c.field && !byField.has(c.field)) byField.set(c.field, c);
  const letters: string[] = [];
  for (const c of columns) letters[c.index] = columnLetter(context.origin.col + c.index);
  const ctx: RowContext = { ...context, byField, letters, fieldColumns: fieldColumns(columns, byField, letters), flagColumns: new Set(), rawEquipment: new Map(), enrolmentReported: new Set(), badCells: new Set() };
  const accounting: RowAccounting = { sheet: ctx.sheet, first: ctx.origin.row + start, last: ctx.origin.row + values.length - 1, schools: [], skipped: {}, errors: [] };
  const gaps: DataGap[] = [];
  const skip = (reason: SkipReason, r: number) => (accounting.skipped[reason] ??= []).push(ctx.origin.row + r);
  let first = -1;
  let last = -1;
  const mapped = columns.filter((c) => c.field);
  const numeric = mapped.filter((c) => !TEXT_SET.has(c.field!));
  ctx.flagColumns = new Set(numeric.filter((c) => FLAG_SET.has(c.field!)));
  const nameHeader = normalizeHeader(nameCol.header.split('/').pop() ?? '');
  const nameHeaderIdeographs = ideographsOf(nameHeader);
  // One array for every row's filled columns: most rows are schools, read once each.
  const filled: number[] = [];

  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    filled.length = 0;
    // A hole in a sparse row reads as undefined, which is blank.
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) filled.push(c);
    if (filled.length === 0) {
      skip('blank', r);
      continue;
    }
    // A note (注：以下为乡镇学校, 说明：…, 填表人：…) is skipped and reading goes on: schools below it still count.
    if (isNote(row[filled[0]])) {
      skip('note', r);
      continue;
    }
    const nameValue = row[nameCol.index];
    const nameError = errorOf(nameValue);
    if (nameError !== null) {
      const cell = cellAt(ctx, r, nameCol.index);
      ctx.problems.push({ severity: 'error', sheet: ctx.sheet, cell,
        message: `第 ${ctx.origin.row + r} 行的学校名称${nameError.startsWith('#') ? `是错误值 ${nameError}` : nameError}，未读取` });
      accounting.errors.push(ctx.origin.row + r);
      gaps.push({ stage: null, sheet: ctx.sheet, cells: [cell], reason: '学校名称无法读取' });
      continue;
    }
    const name = trimAll(cellText(nameValue));
    if (isTotal(name) || leadsWithTotal(row, filled)) {
      skip('total', r);
      continue;
    }
    // A third header row (a merged 学校名称 repeated below a two-row header) is no school either.
    if (COLUMN_NUMBERS.has(name) || (!normalizedLacks(name, nameHeaderIdeographs) && normalizeHeader(name) === nameHeader)) {
      skip('header', r);
      continue;
    }
    if (!name) {
      if (hasNumber(row, numeric)) {
        const cell = cellAt(ctx, r, nameCol.index);
        ctx.problems.push({ severity: 'error', sheet: ctx.sheet, cell,
          message: `第 ${ctx.origin.row + r} 行有数据但学校名称为空，未读取` });
        accounting.errors.push(ctx.origin.row + r);
        gaps.push({ stage: null, sheet: ctx.sheet, cells: [cell], reason: '有数据但学校名称为空' });
      } else {
        skip('note', r);
      }
      continue;
    }
    // A row holding only a note merged across the table, or a section heading (一、小学) with no figures.
    const lone = filled.length === 1;
    if (lone && (filled[0] !== nameCol.index || SECTION_ROW.test(name)) && !hasNumber(row, numeric)) {
      skip(filled[0] === nameCol.index && SECTION_ROW.test(name) ? 'section' : 'note', r);
      continue;
    }
    if (isFreeText(row, filled, name, lone) && !hasNumber(row, numeric)) {
      skip('note', r);
      continue;
    }

    const read = readSchool(row, r, name, numeric, ctx);
    if (first < 0) first = r;
    last = r;
    if (read.school) {
      schools.push(read.school);
      accounting.schools.push(ctx.origin.row + r);
    } else {
      skip(read.skipped, r);
    }
  }
  return { schools, first, last, rawEquipment: ctx.rawEquipment, enrolmentReported: ctx.enrolmentReported, badCells: ctx.badCells, accounting, gaps };
}

/**
 * The column letters of every field a school of the sheet has an address for, read or blank: the text fields'
 * first column, a number's first column (summed ones give the first's address), a 是/否 field's last. The same for
 * every row, so the sheet's schools share this one object instead of holding some 20 address strings each (most
 * of what a 200,000-row read kept). A stage-less enrolment column is not in it: its field depends on the row's
 * type (readSchool names it in the school's own `cells`).
 */
function fieldColumns(columns: ReadColumn[], byField: Map<string, ReadColumn>, letters: string[]): Readonly<Partial<Record<CanonicalField, string>>> {
  const out: Partial<Record<CanonicalField, string>> = {};
  for (const f of ['type', 'school', 'central_school', 'ownership'] as const) {
    const c = byField.get(f);
    if (c) out[f] = letters[c.index];
  }
  for (const c of columns) {
    const f = c.field;
    if (!f || f === 'students' || TEXT_SET.has(f)) continue;
    if (FLAG_SET.has(f)) out[f] = letters[c.index];
    else out[f] ??= letters[c.index];
  }
  return Object.freeze(out);
}

/** Some numeric column of the row holds a number. */
function hasNumber(row: unknown[], numeric: ReadColumn[]): boolean {
  for (const c of numeric) {
    const v = row[c.index];
    if (typeof v === 'number' ? v - v === 0 : v !== null && v !== undefined && readNumber(v).kind === 'number') return true;
  }
  return false;
}

/** One of the first three filled cells names a total (合计, 其中：小计). */
function leadsWithTotal(row: unknown[], filled: number[]): boolean {
  for (let k = 0; k < filled.length && k < 3; k++) {
    const v = row[filled[k]];
    if (typeof v !== 'number' && isTotal(cellText(v))) return true;
  }
  return false;
}

/** What plain(v) says when it is an error (an error value, an uncalculated formula), else null; common cells without plain(). */
function errorOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = trimmed(v);
    return isErrorText(t) ? t : null;
  }
  if (typeof v === 'number' && v - v === 0) return null;
  const p = plain(v);
  return p.kind === 'error' ? p.value : null;
}

/** Sentence punctuation or a merged row repeating one text: a remark (以下为乡镇学校。), not a school's name. */
const SENTENCE = /[：:。，,；;！!？?]|^(以下|以上|其中|注)/;
function isFreeText(row: unknown[], filled: number[], name: string, lone: boolean): boolean {
  if (lone) return SENTENCE.test(name) || name.length > 30;
  const first = trimmed(cellText(row[filled[0]]));
  for (let k = 1; k < filled.length; k++) if (trimmed(cellText(row[filled[k]])) !== first) return false;
  return true;
}

/** plain(v).kind === 'blank', without building the reading for the common cells (numbers, blanks, text). */
const isBlank = (v: unknown): boolean =>
  v === null || v === undefined ? true : typeof v === 'number' ? false : typeof v === 'string' ? trimmed(v) === '' : plain(v).kind === 'blank';

/** A cell's bare address from the sheet's column letters, made once per column. */
const cellAt = (ctx: RowContext, r: number, index: number): string => ctx.letters[index] + String(ctx.origin.row + r);

function readSchool(
  row: unknown[],
  r: number,
  name: string,
  /** The mapped columns other than the text ones (numbers and 是/否). */
  numeric: ReadColumn[],
  ctx: RowContext,
): { school: LedgerSchool; skipped?: undefined } | { school: null; skipped: SkipReason } {
  const { sheet, problems, byField, letters } = ctx;
  // Addresses are made only for what is said about a cell; the school's are its row and the sheet's columns.
  const sheetRow = ctx.origin.row + r;
  const at = (c: ReadColumn): string => letters[c.index] + String(sheetRow);
  const ownershipCol = byField.get('ownership');
  const ownership = ownershipCol && trimAll(cellText(row[ownershipCol.index]));
  if (ownershipCol && isPrivateOwner(ownership!)) {
    problems.push({ severity: 'info', sheet, cell: at(ownershipCol), message: `“${name}”为民办学校，不参与均衡评估，未计入` });
    return { school: null, skipped: 'private' };
  }

  const school: LedgerSchool = { name, row: sheetRow, values: {}, columns: ctx.fieldColumns };
  let type: SchoolType | undefined;
  const typeCol = byField.get('type');
  if (typeCol) {
    const typeText = trimAll(cellText(row[typeCol.index]));
    if (typeText) {
      const read = readSchoolType(typeText);
      if (read.kind === 'excluded') {
        problems.push({ severity: 'info', sheet, cell: at(typeCol), message: `“${name}”为${read.label}，不参与义务教育均衡评估，未计入` });
        return { school: null, skipped: read.label.includes('民办') ? 'private' : 'not_compulsory' };
      }
      if (read.kind === 'type') type = read.type;
      else problems.push({ severity: 'warning', sheet, cell: at(typeCol),
        message: `学校类型“${typeText}”无法识别，将按各学段在校生数推断` });
    }
  }
  type ??= ctx.rowTypes?.get(r);
  // 申报表 layout: a combined school's parts are rows named …小学部 / …初中部, already split.
  const part = partFromName(name);
  const combined = !type || type === 'nine_year' || type === 'complete_secondary' || type === 'twelve_year';
  if (part && combined) type = part;
  // On a sheet about one stage, a combined school's row holds that part's figures only.
  else if (ctx.stage && type && combined) type = ctx.stage === 'primary' ? 'primary_part' : 'junior_part';
  if (type) school.type = type;

  const centralCol = byField.get('central_school');
  if (centralCol) {
    const central = trimAll(cellText(row[centralCol.index]));
    if (central) school.centralSchool = central;
  }

  const values: Partial<Record<NumericField, number>> = {};
  for (const c of numeric) {
    const field = c.field!;
    const v = row[c.index];
    if (ctx.flagColumns.size > 0 && ctx.flagColumns.has(c)) {
      const flag = readFlag(v);
      if (flag === 'bad') {
        problems.push({ severity: 'warning', sheet, cell: at(c),
          message: `“${name}”的${c.header}填了“${cellText(v).trim()}”，应填“是”或“否”，按未填处理` });
      } else if (flag !== undefined) {
        school.flags = { ...school.flags, [field]: flag };
      }
      continue;
    }
    // A number, or plain digits typed as text (most cells), without building a reading; the rest through readNumber.
    const typed = typeof v === 'number' ? v : typeof v === 'string' ? asciiNumber(v) : NaN;
    const read = typed - typed === 0 ? null : readNumber(v);
    const present = read === null || read.kind !== 'missing';
    const target = field === 'students' ? bareStudentsField(school, ctx, at(c), present) : (field as NumericField);
    if (!target) continue;
    if (field === 'students') (school.cells ??= {})[target] ??= at(c);
    if (!present) continue;
    let value: number;
    let absolute = false;
    if (read === null) {
      value = typed;
      // Digits as typed matter only in text long enough to be an ID.
      const digits = typeof v === 'string' && v.length >= ID_DIGITS ? digitCount(v) : undefined;
      const implausible = implausibleValue(target, value, undefined, digits, v);
      if (implausible) {
        reportImplausible(ctx, name, c, at(c), implausible);
        continue;
      }
    } else {
      const implausible = read.kind === 'bad' ? read.reason : read.kind === 'number' ? implausibleValue(target, read.value, read.unit, read.digits, v) : null;
      if (implausible) {
        reportImplausible(ctx, name, c, at(c), implausible);
        continue;
      }
      if (read.kind !== 'number') continue;
      value = read.value;
      absolute = read.absolute === true;
    }
    if (target === 'equipment_value' && !c.unitStated && !absolute) {
      ctx.rawEquipment.set(school, (ctx.rawEquipment.get(school) ?? 0) + value);
    }
    const base = absolute ? value : value * c.factor;
    values[target] = c.summed ? (values[target] ?? 0) + base : base;
  }
  // Copied once complete: an object given 20-odd properties by computed keys is left in V8's slow dictionary
  // form, some 1.5 kB a row; the copies are compact (a 200,000-row ledger is held in a fraction of the memory).
  school.values = { ...values };
  return { school };
}

function reportImplausible(ctx: RowContext, name: string, c: ReadColumn, cell: string, implausible: string): void {
  ctx.problems.push({ severity: 'error', sheet: ctx.sheet, cell, message: `“${name}”的${c.header}${implausible}，按缺失处理` });
  ctx.badCells.add(cell);
}

/** A stage-less enrolment column: the stage of a single-stage school; for a combined school it cannot be split. */
function bareStudentsField(school: LedgerSchool, ctx: RowContext, cell: string, filled: boolean): NumericField | null {
  if (ctx.bareStudentsIsTotal) return null;
  const stage = singleStageOf(school.type, school.name);
  if (stage === 'primary') return 'students_primary';
  if (stage === 'junior') return 'students_junior';
  // The only enrolment cell of the row: where problems about either stage's enrolment point.
  const cells = (school.cells ??= {});
  cells.students_primary ??= cell;
  cells.students_junior ??= cell;
  // A blank count is left to the enrolment check; only a count that cannot be placed is reported here.
  if (!filled) return null;
  ctx.enrolmentReported.add(school);
  ctx.problems.push({
    severity: 'warning', sheet: ctx.sheet, cell,
    message: stage === 'combined'
      ? `“${school.name}”是一贯制/完全中学，只有不分学段的在校生数，无法拆分；请分小学、初中（、高中）填报`
      : `“${school.name}”的在校生数没有注明学段，学校类型也无法判断；请填学校类型或分学段填报`,
  });
  return null;
}
