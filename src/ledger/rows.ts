// Data rows below the header → LedgerSchool records: totals, blank, section and note rows skipped,
// numbers read in base units, every unusable cell a problem naming its bare address.
import { FLAG_FIELDS, type DataGap, type FlagField, type LedgerSchool, type NumericField, type Problem, type RowAccounting, type SchoolType, type SkipReason } from '../core/types.ts';
import { columnLetter } from '../model/a1.ts';
import { cellText, plain, readFlag, readNumber, trimAll } from './cells.ts';
import { implausibleValue } from './quality.ts';
import type { ReadColumn } from './columns.ts';
import { normalizeHeader } from './headers.ts';
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
  rawEquipment: Map<LedgerSchool, number>;
  enrolmentReported: Set<LedgerSchool>;
  badCells: Set<string>;
}

const NOTES = NOTE_PREFIXES.map(normalizeHeader);
const isNote = (v: unknown): boolean => {
  if (typeof v === 'number') return false;
  const n = normalizeHeader(cellText(v));
  return NOTES.some((p) => n.startsWith(p));
};
// Cheap test first: only text with 计 can be a totals row.
const isTotal = (text: string): boolean => text.includes('计') && TOTAL_ROW.test(normalizeHeader(text));

export function readRows(values: unknown[][], start: number, columns: ReadColumn[], context: Context): RowsRead {
  const nameCol = columns.find((c) => c.field === 'school')!;
  const schools: LedgerSchool[] = [];
  const byField = new Map<string, ReadColumn>();
  for (const c of columns) if (c.field && !byField.has(c.field)) byField.set(c.field, c);
  const ctx: RowContext = { ...context, byField, rawEquipment: new Map(), enrolmentReported: new Set(), badCells: new Set() };
  const accounting: RowAccounting = { sheet: ctx.sheet, first: ctx.origin.row + start, last: ctx.origin.row + values.length - 1, schools: [], skipped: {}, errors: [] };
  const gaps: DataGap[] = [];
  const skip = (reason: SkipReason, r: number) => (accounting.skipped[reason] ??= []).push(ctx.origin.row + r);
  let first = -1;
  let last = -1;
  const mapped = columns.filter((c) => c.field);
  const nameHeader = normalizeHeader(nameCol.header.split('/').pop() ?? '');

  for (let r = start; r < values.length; r++) {
    const row = values[r] ?? [];
    const filled: number[] = [];
    for (let c = 0; c < row.length; c++) if (c in row && !isBlank(row[c])) filled.push(c);
    if (filled.length === 0) {
      skip('blank', r);
      continue;
    }
    // A note (注：以下为乡镇学校, 说明：…, 填表人：…) is skipped and reading goes on: schools below it still count.
    if (isNote(row[filled[0]])) {
      skip('note', r);
      continue;
    }
    const hasNumber = () => mapped.some((c) => !TEXT_SET.has(c.field!) && readNumber(row[c.index]).kind === 'number');
    const nameCell = plain(row[nameCol.index]);
    if (nameCell.kind === 'error') {
      const cell = cellAt(ctx, r, nameCol.index);
      ctx.problems.push({ severity: 'error', sheet: ctx.sheet, cell,
        message: `第 ${ctx.origin.row + r} 行的学校名称${nameCell.value.startsWith('#') ? `是错误值 ${nameCell.value}` : nameCell.value}，未读取` });
      accounting.errors.push(ctx.origin.row + r);
      gaps.push({ stage: null, sheet: ctx.sheet, cells: [cell], reason: '学校名称无法读取' });
      continue;
    }
    const name = trimAll(cellText(row[nameCol.index]));
    if (isTotal(name) || filled.slice(0, 3).some((c) => typeof row[c] !== 'number' && isTotal(cellText(row[c])))) {
      skip('total', r);
      continue;
    }
    // A third header row (a merged 学校名称 repeated below a two-row header) is no school either.
    if (COLUMN_NUMBERS.has(name) || normalizeHeader(name) === nameHeader) {
      skip('header', r);
      continue;
    }
    if (!name) {
      if (hasNumber()) {
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
    if (lone && (filled[0] !== nameCol.index || SECTION_ROW.test(name)) && !hasNumber()) {
      skip(filled[0] === nameCol.index && SECTION_ROW.test(name) ? 'section' : 'note', r);
      continue;
    }
    if (isFreeText(row, filled, name, lone) && !hasNumber()) {
      skip('note', r);
      continue;
    }

    const read = readSchool(row, r, name, mapped, ctx);
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

/** Sentence punctuation or a merged row repeating one text: a remark (以下为乡镇学校。), not a school's name. */
const SENTENCE = /[：:。，,；;！!？?]|^(以下|以上|其中|注)/;
function isFreeText(row: unknown[], filled: number[], name: string, lone: boolean): boolean {
  if (lone) return SENTENCE.test(name) || name.length > 30;
  const first = cellText(row[filled[0]]).trim();
  return filled.every((c) => cellText(row[c]).trim() === first);
}

/** plain(v).kind === 'blank', without building the reading for the common cells (numbers, blanks, text). */
const isBlank = (v: unknown): boolean =>
  v === null || v === undefined ? true : typeof v === 'number' ? false : typeof v === 'string' ? v.trim() === '' : plain(v).kind === 'blank';

// Column letters once per column: an address is made for every cell read.
const LETTERS: string[] = [];
const cellAt = (ctx: Context, r: number, index: number): string => {
  const col = ctx.origin.col + index;
  return `${(LETTERS[col] ??= columnLetter(col))}${ctx.origin.row + r}`;
};

function readSchool(
  row: unknown[],
  r: number,
  name: string,
  columns: ReadColumn[],
  ctx: RowContext,
): { school: LedgerSchool; skipped?: undefined } | { school: null; skipped: SkipReason } {
  const { sheet, problems } = ctx;
  const school: LedgerSchool = { name, row: ctx.origin.row + r, values: {}, cells: {} };
  const cells = school.cells!;
  const text = (field: string) => {
    const c = ctx.byField.get(field);
    return c ? { value: trimAll(cellText(row[c.index])), cell: cellAt(ctx, r, c.index) } : undefined;
  };

  const ownership = text('ownership');
  if (ownership && isPrivateOwner(ownership.value)) {
    problems.push({ severity: 'info', sheet, cell: ownership.cell, message: `“${name}”为民办学校，不参与均衡评估，未计入` });
    return { school: null, skipped: 'private' };
  }

  let type: SchoolType | undefined;
  const typeCell = text('type');
  if (typeCell?.value) {
    const read = readSchoolType(typeCell.value);
    if (read.kind === 'excluded') {
      problems.push({ severity: 'info', sheet, cell: typeCell.cell, message: `“${name}”为${read.label}，不参与义务教育均衡评估，未计入` });
      return { school: null, skipped: read.label.includes('民办') ? 'private' : 'not_compulsory' };
    }
    if (read.kind === 'type') type = read.type;
    else problems.push({ severity: 'warning', sheet, cell: typeCell.cell,
      message: `学校类型“${typeCell.value}”无法识别，将按各学段在校生数推断` });
  }
  type ??= ctx.rowTypes?.get(r);
  // 申报表 layout: a combined school's parts are rows named …小学部 / …初中部, already split.
  const part = partFromName(name);
  const combined = !type || type === 'nine_year' || type === 'complete_secondary' || type === 'twelve_year';
  if (part && combined) type = part;
  // On a sheet about one stage, a combined school's row holds that part's figures only.
  else if (ctx.stage && type && combined) type = ctx.stage === 'primary' ? 'primary_part' : 'junior_part';
  if (type) school.type = type;
  if (typeCell) cells.type = typeCell.cell;
  cells.school = cellAt(ctx, r, ctx.byField.get('school')!.index);

  const central = text('central_school');
  if (central) {
    cells.central_school = central.cell;
    if (central.value) school.centralSchool = central.value;
  }
  if (ownership) cells.ownership = ownership.cell;

  const sums = new Map<NumericField, number>();
  for (const c of columns) {
    const field = c.field!;
    if (TEXT_SET.has(field)) continue;
    const cell = cellAt(ctx, r, c.index);
    if (FLAG_SET.has(field)) {
      cells[field as FlagField] = cell;
      const flag = readFlag(row[c.index]);
      if (flag === 'bad') {
        problems.push({ severity: 'warning', sheet, cell,
          message: `“${name}”的${c.header}填了“${cellText(row[c.index]).trim()}”，应填“是”或“否”，按未填处理` });
      } else if (flag !== undefined) {
        school.flags = { ...school.flags, [field]: flag };
      }
      continue;
    }
    const read = readNumber(row[c.index]);
    const target = field === 'students' ? bareStudentsField(school, ctx, cell, read.kind !== 'missing') : (field as NumericField);
    if (!target) continue;
    if (!cells[target]) cells[target] = cell;
    if (read.kind === 'missing') continue;
    const implausible = read.kind === 'bad' ? read.reason : implausibleValue(target, read, cellText(row[c.index]));
    if (implausible) {
      problems.push({ severity: 'error', sheet, cell, message: `“${name}”的${c.header}${implausible}，按缺失处理` });
      ctx.badCells.add(cell);
      continue;
    }
    if (read.kind !== 'number') continue;
    if (target === 'equipment_value' && !c.unitStated && !read.absolute) {
      ctx.rawEquipment.set(school, (ctx.rawEquipment.get(school) ?? 0) + read.value);
    }
    const value = read.absolute ? read.value : read.value * c.factor;
    sums.set(target, c.summed ? (sums.get(target) ?? 0) + value : value);
  }
  school.values = Object.fromEntries(sums);
  // Copied once complete: an object given 20-odd properties by computed keys is left in V8's slow dictionary
  // form, some 1.5 kB a row; the copy is compact (a 200,000-row ledger is held in a fraction of the memory).
  school.cells = { ...cells };
  return { school };
}

/** A stage-less enrolment column: the stage of a single-stage school; for a combined school it cannot be split. */
function bareStudentsField(school: LedgerSchool, ctx: RowContext, cell: string, filled: boolean): NumericField | null {
  if (ctx.bareStudentsIsTotal) return null;
  const stage = singleStageOf(school.type, school.name);
  if (stage === 'primary') return 'students_primary';
  if (stage === 'junior') return 'students_junior';
  // The only enrolment cell of the row: where problems about either stage's enrolment point.
  school.cells!.students_primary ??= cell;
  school.cells!.students_junior ??= cell;
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
