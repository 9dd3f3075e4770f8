// readLedger: a workbook's cell values → the county's school records, the column mapping used and every
// problem found, each naming its sheet and bare cell (rules §5).
import { carriesReportMarker } from '../model/sheets.ts';
import { NUMERIC_FIELDS, type AbsentColumn, type CanonicalField, type DataGap, type LedgerSchool, type NumericField, type Problem, type RowAccounting, type SkipReason, type Stage } from '../core/types.ts';
import { resolveColumns, type ReadColumn } from './columns.ts';
import { countyFromLabels, countyFromRows, countyFromTitle } from './county.ts';
import { findHeader, HEADER_SCAN_ROWS, MIN_HEADER_FIELDS, type HeaderFound } from './layout.ts';
import { fieldOf, normalizeHeader, sheetStage, withSheetStage } from './headers.ts';
import { cellText } from './cells.ts';
import { averagePerPupil, checkValues, duplicateNames, enrolment, EQUIPMENT_WAN_BELOW, subtotalRows, unitMismatch } from './quality.ts';
import { readRows } from './rows.ts';
import { linkCampuses } from './campuses.ts';
import { countiesOf, distinctCounties, pickCounty } from './counties.ts';
import { dropPlaceholders, fieldsCoveredByGiven, givenColumns, readGiven, rowTypes } from './declaration.ts';
import { findExtras } from './extras.ts';
import { INDICATOR_INFO } from '../standards/indicators.ts';
import { readSchoolType } from './school-type.ts';
import { readTogether } from './stage-sheets.ts';
import { fieldLabel, REQUIRED_FIELDS } from './template.ts';
import type { HeaderMapping, LedgerColumn, LedgerOptions, LedgerRead, LedgerReadOk, SheetValues } from './types.ts';

export type * from './types.ts';
export { TEMPLATE_COLUMNS, TEMPLATE_SHEET, REQUIRED_FIELDS, fieldLabel } from './template.ts';

export const DEFAULT_COUNTY_NAME = '未命名县';

const ORIGIN = { row: 1, col: 1 };

/** Explanatory sheets and hidden helper sheets ('_…') are never the ledger, by their names. */
export const isSkippedSheet = (name: string): boolean => name.startsWith('_') || /说明|目录|封面/.test(name);

/**
 * Our own report is never the ledger either: known by its marker (model/sheets.ts), as every host knows it, not
 * by its name — a clerk's sheet called 均衡校验报告 is read like any other. Hosts leave our report out already;
 * this covers sheets handed in by other means (a pasted block, a test).
 */
const isOurReport = (s: SheetValues): boolean => carriesReportMarker(s.values, s.origin ?? ORIGIN);


export function readLedger(sheets: SheetValues[], options: LedgerOptions = {}): LedgerRead {
  const mappingKeys = new Set(Object.values(options.mapping ?? {}).flatMap((v) => (v ? v.split('+').map(normalizeHeader) : [])));
  let candidates = sheets.filter((s) => !isSkippedSheet(s.name) && !isOurReport(s));
  if (options.sheet !== undefined) {
    const named = sheets.find((s) => s.name === options.sheet || s.name.trim() === options.sheet!.trim());
    if (!named) {
      const names = sheets.map((s) => `“${s.name}”`).join('、') || '（无）';
      return { ok: false, message: `未找到台账：工作簿中没有名为“${options.sheet}”的工作表（现有工作表：${names}）`, problems: [] };
    }
    candidates = [named];
  }

  const noNameColumn: string[] = [];
  const attempts: Attempt[] = [];
  for (const sheet of candidates) {
    const origin = sheet.origin ?? ORIGIN;
    const found = findHeader(sheet.values, sheet.merges, origin, mappingKeys);
    if (!found) continue;
    const stage = sheetStage([sheet.name, ...textsAbove(sheet.values, found.rows[0])]);
    if (stage) applySheetStage(found, stage);
    const problems: Problem[] = [];
    // A sheet of one stage by its school types (a 小学 statistics table) places stage-less degree columns too.
    const typeStage = stage ?? stageOfTypes(sheet.values, found);
    const columns = resolveColumns(found.columns, origin, options.mapping, sheet.name, problems, typeStage);
    if (!columns.some((c) => c.field === 'school')) {
      noNameColumn.push(`工作表“${sheet.name}”第 ${found.rows.map((r) => origin.row + r).join('、')} 行像是表头，但没有学校名称列，请手动映射学校名称（school）`);
      continue;
    }
    const attempt: Attempt = { sheet, found, columns, problems, stage, typeStage };
    if (attempts.length === 0) {
      attempts.push(attempt);
      // A sheet holding both stages, or one the user named, is the whole ledger.
      if (options.sheet !== undefined || !onlyStage(attempt)) break;
      continue;
    }
    // One stage per sheet is normal (rules §5.1 item 3): the first sheet of the other stage holds the rest.
    const own = onlyStage(attempt);
    if (own && own !== onlyStage(attempts[0])) {
      attempts.push(attempt);
      break;
    }
  }
  if (attempts.length > 0) {
    const reads = attempts.map((a) => readTable(a.sheet, sheets, a.found, a.columns, a.problems, options, a.stage, a.typeStage));
    const failed = reads.find((r) => !r.ok);
    if (failed || reads.length === 1) return failed ?? reads[0];
    return readTogether(reads as LedgerReadOk[], attempts.map(onlyStage) as Stage[], [options.fallbackCountyName, DEFAULT_COUNTY_NAME]);
  }

  const looked = candidates.map((s) => `“${s.name}”`).join('、') || '（无可用工作表）';
  const skipped = options.sheet === undefined ? sheets.filter((s) => isSkippedSheet(s.name)).map((s) => `“${s.name}”`) : [];
  return {
    ok: false,
    message: `未找到台账：在工作表${looked}的前 ${HEADER_SCAN_ROWS} 行中没有找到含“学校名称”且至少 ${MIN_HEADER_FIELDS} 个台账字段的表头` +
      (skipped.length ? `（已跳过${skipped.join('、')}）` : '') +
      (noNameColumn.length ? `；${noNameColumn.join('；')}` : '；请检查表头，或指定工作表、手动映射表头（命令行：--sheet 工作表名、--map 字段=表头）'),
    problems: [],
  };
}

/** A sheet whose header matched, before its rows are read. */
interface Attempt {
  sheet: SheetValues;
  found: HeaderFound;
  columns: ReadColumn[];
  problems: Problem[];
  stage: 'primary' | 'junior' | undefined;
  typeStage: 'primary' | 'junior' | undefined;
}

/**
 * The one stage a sheet is about: its name or title (基础基312 小学), the types of its rows, or enrolment columns of
 * one stage only. Undefined for a sheet holding both stages.
 */
function onlyStage(a: Attempt): Stage | undefined {
  if (a.stage ?? a.typeStage) return a.stage ?? a.typeStage;
  const fields = new Set(a.columns.map((c) => c.field));
  if (fields.has('students')) return undefined;
  const [p, j] = [fields.has('students_primary'), fields.has('students_junior')];
  return p && !j ? 'primary' : j && !p ? 'junior' : undefined;
}

function readTable(
  sheet: SheetValues,
  sheets: SheetValues[],
  found: HeaderFound,
  columns: ReadColumn[],
  problems: Problem[],
  options: LedgerOptions,
  stage: 'primary' | 'junior' | undefined,
  typeStage: 'primary' | 'junior' | undefined,
): LedgerRead {
  const origin = sheet.origin ?? ORIGIN;
  const name = sheet.name;
  const headerEnd = found.rows[found.rows.length - 1];
  const staged = columns.some((c) => c.field === 'students_primary' || c.field === 'students_junior' || c.field === 'students_senior');
  if (stage) {
    problems.push({ severity: 'info', sheet: name,
      message: `工作表“${name}”按${stage === 'primary' ? '小学' : '初中'}学段读取：不分学段的人数列计为该学段，一贯制学校和完全中学按该学段的学部读取，不再拆分` });
  }
  const extras = findExtras(found.columns);
  const given = givenColumns(found.columns, columns);
  const nameCol = columns.find((c) => c.field === 'school')!;
  // Stage-less enrolment and no type column (申报表 表Ⅱ-2): 年级数 and the restart of 序号 tell the stage.
  const bare = !staged && columns.some((c) => c.field === 'students') && !columns.some((c) => c.field === 'type');
  const types = bare ? rowTypes(sheet.values, headerEnd + 1, nameCol.index, extras) : undefined;
  const rows = readRows(sheet.values, headerEnd + 1, columns, { sheet: name, origin, problems, bareStudentsIsTotal: staged, stage, rowTypes: types });
  const accounting = rows.accounting;
  let read = dropPlaceholders(rows.schools);
  if (read.length < rows.schools.length) {
    const kept = new Set(read);
    moveRows(accounting, rows.schools.filter((s) => !kept.has(s)), 'placeholder');
  }
  if (given.length > 0) {
    problems.push(...readGiven(sheet.values, origin, read, given, name, new Map(found.columns.map((h) => [h.index, h.info.text]))));
    problems.push({ severity: 'info', sheet: name,
      message: `工作表“${name}”按申报表格式读取：${given.map((g) => INDICATOR_INFO[g.indicator].name).join('、')}直接采用表中各校的指标值，按在校生数加权计算差异系数` });
  }

  // Several counties in one sheet are never pooled (rules §5.1 item 4).
  const byCounty = countiesOf(sheet.values, origin.row, read, extras.county);
  const counties = distinctCounties(byCounty);
  let chosen: string | undefined;
  if (counties.length > 1 || (options.county !== undefined && counties.length > 0)) {
    const listed = counties.map((c) => `“${c}”`).join('、');
    if (options.county === undefined) {
      return { ok: false, counties, problems: [],
        message: `工作表“${name}”包含 ${counties.length} 个县（市、区）的学校：${listed}。各县须分别评估，请选择一个县（命令行：--county 县名）` };
    }
    chosen = pickCounty(counties, options.county);
    if (!chosen) {
      return { ok: false, counties, problems: [], message: `工作表“${name}”中没有“${options.county}”的学校（表中的县：${listed}）` };
    }
    const others = new Set(read.filter((s) => byCounty.get(s) !== chosen).map((s) => s.row));
    moveRows(accounting, read.filter((s) => byCounty.get(s) !== chosen), 'other_county');
    read = read.filter((s) => byCounty.get(s) === chosen);
    // Problems about the other counties' rows are theirs.
    for (let i = problems.length - 1; i >= 0; i--) {
      const row = Number(/\d+$/.exec(problems[i].cell ?? '')?.[0]);
      if (others.has(row)) problems.splice(i, 1);
    }
  }
  linkCampuses(sheet.values, origin.row, read, extras.code);

  judgeEquipmentUnit(columns, rows.rawEquipment, name, problems);
  problems.push(...sportsPartsNote(found, columns, name));
  const headerOf = headerLabels(columns);
  const subtotals = subtotalRows(read, name, accounting.skipped.total ?? []);
  const schools = subtotals.kept;
  if (subtotals.subtotals.length > 0) {
    const out = new Set(subtotals.subtotals.map((s) => s.row));
    accounting.schools = accounting.schools.filter((r) => !out.has(r));
    accounting.skipped.subtotal = [...out];
  }
  const checked = checkValues(schools, name, headerOf, rows.badCells);
  problems.push(...subtotals.problems, ...checked.negatives);
  const covered = fieldsCoveredByGiven(given);
  const missing = unmapped(columns, staged, typeStage, covered, REQUIRED_FIELDS);
  const absent = absentColumns(unmapped(columns, staged, typeStage, covered, NUMERIC_FIELDS), headerOf);
  const enrolled = enrolment(schools, name, headerOf, rows.enrolmentReported, rows.badCells, new Set(missing));
  const gaps = [...missingEnrolmentColumns(missing, stage, name, headerOf), ...rows.gaps, ...enrolled.gaps];
  problems.push(
    ...checked.fractionalBands,
    ...duplicateNames(schools, name),
    ...enrolled.problems,
    ...checked.aboveTotal,
    ...checked.otherStage,
    ...unitMismatch(schools, name, columns.flatMap((c) =>
      c.field && c.field !== 'students' ? [{ field: c.field as NumericField, header: c.header, headerCell: c.headerCell }] : [])),
  );
  if (schools.length === 0) {
    problems.push({ severity: 'warning', sheet: name, cell: columns.find((c) => c.field === 'school')?.headerCell,
      message: `工作表“${name}”的台账表头下没有学校数据` });
  }

  const countyName = chosen ?? (counties.length === 1 ? counties[0] : undefined) ?? countyFromRows(sheet.values, found.rows[0])
    ?? countyFromLabels(sheets.filter((s) => s !== sheet))
    ?? countyFromTitle(name)
    ?? options.fallbackCountyName
    ?? DEFAULT_COUNTY_NAME;

  const mapping: HeaderMapping = {};
  for (const c of columns) {
    if (!c.field || c.field === 'students') continue;
    const f = c.field;
    mapping[f] = mapping[f] ? `${mapping[f]}+${c.header}` : c.header;
  }
  // Fields the clerk left 未对应 stay so in the saved mapping, or the next run would map them again.
  for (const [f, spec] of Object.entries(options.mapping ?? {})) if (spec?.trim() === '' && !(f in mapping)) mapping[f as keyof HeaderMapping] = '';
  const first = rows.first >= 0 ? rows.first : headerEnd + 1;
  const last = rows.last >= 0 ? rows.last : headerEnd + 1;
  return {
    ok: true,
    county: { name: countyName, sheet: name, schools, gaps, rows: accounting, ...(absent.length ? { absentColumns: absent } : {}) },
    sheet: name,
    headerRows: found.rows.map((r) => origin.row + r),
    dataRows: [origin.row + first, origin.row + last],
    columns: columns.map(toLedgerColumn),
    mapping,
    missingRequired: missing,
    problems,
  };
}

/** Rows read as schools that turned out not to be: counted under `reason` instead. */
function moveRows(accounting: RowAccounting, schools: LedgerSchool[], reason: SkipReason): void {
  if (schools.length === 0) return;
  const out = new Set(schools.map((s) => s.row));
  accounting.schools = accounting.schools.filter((r) => !out.has(r));
  (accounting.skipped[reason] ??= []).push(...out);
}

/**
 * A category 体育场馆面积 over 体育馆面积 and 校内体育场面积: the sports area is their sum (the gym also leaves the
 * teaching area, rules §4.1). Said once.
 */
function sportsPartsNote(found: HeaderFound, columns: ReadColumn[], sheet: string): Problem[] {
  if (columns.some((c) => c.field === 'sports_area')) return [];
  const at = (f: string) => columns.findIndex((c) => c.field === f);
  const [g, i] = [at('sports_ground_area'), at('indoor_sports_area')];
  if (g < 0 || i < 0) return [];
  const parent = (k: number) => found.columns.find((h) => h.index === columns[k].index)?.base.slice(0, -1).join('/') ?? '';
  if (!parent(g) || parent(g) !== parent(i)) return [];
  const [a, b] = i < g ? [columns[i], columns[g]] : [columns[g], columns[i]];
  return [{ severity: 'info', sheet, cell: a.headerCell,
    message: `“体育运动场馆面积”由 列 ${a.letter}“${a.header}” + 列 ${b.letter}“${b.header}” 相加得到（室内体育用房同时从教学及辅助用房面积中扣除）` }];
}

/** Most distinct texts in a title row (a title and a 单位：… note); a fuller row is an unused header row. */
const TITLE_ROW_TEXTS = 2;

/**
 * Text of the title rows above the header, for the sheet's stage. A group row the header did not need
 * (班额（人） over bare 46-50, with 小学在校生数 merged down) is not a title: its 小学 names no sheet stage.
 */
function textsAbove(values: unknown[][], headerRow: number): string[] {
  return values.slice(0, headerRow).flatMap((row) => {
    const texts = [...new Set((row ?? []).map((v) => cellText(v).trim()).filter((t) => t))];
    return texts.length <= TITLE_ROW_TEXTS ? texts : [];
  });
}

/** On a sheet about one stage, stage-less per-stage columns (在校生数, 骨干教师数) are that stage's. */
function applySheetStage(found: HeaderFound, stage: 'primary' | 'junior'): void {
  for (const c of found.columns) {
    if (c.info.derived) continue;
    c.info = withSheetStage(c.info, stage);
    c.field = fieldOf(c.info);
  }
}

function toLedgerColumn(c: ReadColumn): LedgerColumn {
  const bare = c.field === 'students';
  return {
    col: c.letter,
    header: c.header,
    field: c.field === 'students' ? null : c.field,
    ...(c.unit ? { unit: c.unit } : {}),
    factor: c.factor,
    ...(bare ? { byType: 'students' as const } : {}),
  };
}

/** A unitless equipment column: a county average under 50 per pupil means 万元 (rules §5); either way, warn. */
function judgeEquipmentUnit(columns: ReadColumn[], raw: Map<LedgerSchool, number>, sheet: string, problems: Problem[]): void {
  const col = columns.find((c) => c.field === 'equipment_value' && !c.unitStated);
  if (!col || raw.size === 0) return;
  const average = averagePerPupil([...raw.keys()], (s) => raw.get(s));
  if (average === null) return;
  const wan = average < EQUIPMENT_WAN_BELOW;
  if (wan) {
    for (const [s, v] of raw) s.values.equipment_value = v * 10000;
    col.unit = '万元';
    col.factor = 10000;
  } else {
    col.unit = '元';
  }
  const shown = Math.round(average * 100) / 100;
  problems.push({ severity: 'warning', sheet, cell: col.headerCell,
    message: `列 ${col.letter}“${col.header}”未注明单位，按数值大小（平均每生 ${shown}）判断为${wan ? '万元，已换算为元' : '元'}；请在表头注明（万元）或（元）` });
}

/** The header a field was read from, for messages; template names where no column maps. */
function headerLabels(columns: ReadColumn[]): (f: NumericField) => string {
  const labels = new Map<string, string>();
  for (const c of columns) if (c.field && !labels.has(c.field)) labels.set(c.field, c.header);
  return (f) => labels.get(f) ?? fieldLabel(f);
}

/** Fields of `fields` no column gives, directly or through a total the engine can use; a one-stage sheet needs only its stage's. */
function unmapped<F extends CanonicalField>(columns: ReadColumn[], staged: boolean, stage: 'primary' | 'junior' | undefined, covered: Set<CanonicalField>, fields: readonly F[]): F[] {
  const has = new Set<string>([...columns.flatMap((c) => (c.field ? [c.field as string] : [])), ...covered]);
  if (!staged && has.has('students')) has.add('students_primary').add('students_junior');
  if (has.has('sports_area')) has.add('sports_ground_area');
  const satisfied = (f: CanonicalField): boolean => {
    if (has.has(f)) return true;
    const total = /^(.*teachers)_(primary|junior)$/.exec(f);
    return total !== null && has.has(total[1]);
  };
  const other = stage === 'primary' ? '_junior' : stage === 'junior' ? '_primary' : null;
  return fields.filter((f) => !satisfied(f) && !(other && f.endsWith(other)));
}

/** Unmapped numeric fields as the inputs school parts lack; a teacher total stands for nothing once its stages are there. */
function absentColumns(fields: NumericField[], headerOf: (f: NumericField) => string): AbsentColumn[] {
  return fields.flatMap((f): AbsentColumn[] => {
    const m = /^(.*)_(primary|junior)$/.exec(f);
    if (m) return [{ field: m[1], stage: m[2] as 'primary' | 'junior', header: headerOf(f) }];
    const total = NUMERIC_FIELDS.includes(`${f}_primary` as NumericField);
    return total ? [] : [{ field: f, stage: null, header: headerOf(f) }];
  });
}

/** The one stage every typed row of the table has (小学, 教学点 → 小学; 初中, 完全中学 → 初中), if any. */
function stageOfTypes(values: unknown[][], found: HeaderFound): 'primary' | 'junior' | undefined {
  const typeCol = found.columns.find((c) => c.field === 'type');
  if (!typeCol) return undefined;
  const seen = new Set<string>();
  for (let r = found.rows[found.rows.length - 1] + 1; r < values.length; r++) {
    const read = readSchoolType(cellText(values[r]?.[typeCol.index]));
    if (read.kind !== 'type') continue;
    const t = read.type;
    seen.add(t === 'primary' || t === 'teaching_point' || t === 'primary_part' ? 'primary'
      : t === 'junior' || t === 'junior_part' || t === 'complete_secondary' ? 'junior' : 'both');
  }
  const [only] = seen;
  return seen.size === 1 && only !== 'both' ? (only as 'primary' | 'junior') : undefined;
}

/**
 * An enrolment column no header maps to: that stage's schools cannot be weighed, or were not seen at all, so
 * the stage is not evaluated (rules §5.2). A sheet about the other stage (基础基312 小学) needs none.
 */
function missingEnrolmentColumns(missing: CanonicalField[], stage: 'primary' | 'junior' | undefined, sheet: string, headerOf: (f: NumericField) => string): DataGap[] {
  return (['students_primary', 'students_junior'] as const).flatMap((f) => {
    const of = f === 'students_primary' ? 'primary' : 'junior';
    if (!missing.includes(f) || (stage && stage !== of)) return [];
    return [{ stage: of, sheet, cells: [], reason: `没有“${headerOf(f)}”列（表头未对应）` }];
  });
}
