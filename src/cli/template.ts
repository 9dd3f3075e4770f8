// `balance template`: a blank ledger with the template headers (TEMPLATE_COLUMNS), a 填表说明 sheet that
// explains each field and lists the chosen standard's indicators, thresholds and CV limits, and the blank
// 县级指标 sheet of the standard (county-level items the ledger cannot hold).
import ExcelJS from 'exceljs';
import { FORMULAS, partValuesOf } from '../core/derive.ts';
import type { SchoolPart } from '../core/split.ts';
import { STAGES, STAGE_NAMES, type CanonicalField } from '../core/types.ts';
import { COUNTY_SHEET, countySheetGrid } from '../ledger/county-sheet.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../ledger/template.ts';
import type { RulePack } from '../standards/types.ts';
import { PRINT_SETUP } from './rollup-workbook.ts';
import { displayWidth } from './table.ts';

export const GUIDE_SHEET = '填表说明';

const HEADER_FILL = 'FFDDEBF7';
const REQUIRED_FILL = 'FFFCE4D6';
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const ALWAYS_REQUIRED = new Set<CanonicalField>(['school', 'students_primary', 'students_junior']);

/**
 * Fields the pack's indicators read. The 2017 packs use the template's own flags (which also ask for the
 * indoor sports area the formulas move); other methods ask the core formulas which inputs they need.
 */
export function requiredFields(pack: RulePack): Set<CanonicalField> {
  if (pack.method === '2017') return new Set(TEMPLATE_COLUMNS.filter((c) => c.required).map((c) => c.field));
  const blank = { values: {} } as SchoolPart;
  const inputs = new Set<string>(pack.indicators.flatMap((r) => FORMULAS[r.id].required(partValuesOf(blank))));
  const base = (f: string) => f.replace(/_(primary|junior)$/, '');
  return new Set(TEMPLATE_COLUMNS.map((c) => c.field).filter((f) => ALWAYS_REQUIRED.has(f) || inputs.has(base(f))));
}

export function buildTemplateWorkbook(pack: RulePack): ExcelJS.Workbook {
  const required = requiredFields(pack);
  const wb = new ExcelJS.Workbook();
  wb.creator = '均衡督导助手';

  const ledger = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], pageSetup: PRINT_SETUP });
  ledger.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.field === 'school' ? 24 : Math.min(30, Math.max(10, displayWidth(c.header) * 0.6 + 4)) }));
  const header = ledger.getRow(1);
  header.height = 42;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = solid(required.has(c.field) ? REQUIRED_FILL : HEADER_FILL);
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });

  const guide = wb.addWorksheet(GUIDE_SHEET, { pageSetup: PRINT_SETUP });
  guide.columns = [{ width: 6 }, { width: 34 }, { width: 30 }, { width: 22 }, { width: 80 }];
  const title = guide.addRow([`台账填表说明（评估标准：${pack.name}，${pack.id}）`]);
  title.font = { bold: true, size: 13 };
  guide.addRow(['每所学校一行，从“台账”工作表第 2 行起填写；九年一贯制、完全中学等学校填一行，由系统按在校生数拆分学段。']);
  guide.addRow(['没有的数据留空或填“—”，不要填 0；不要在表中加合计行（有也会被跳过）。橙色表头为本标准必填项。']);
  guide.addRow([]);
  bold(guide.addRow(['序号', '表头', '字段名（--map 可用）', '是否必填', '说明']));
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const row = guide.addRow([i + 1, c.header, c.field, required.has(c.field) ? '必填' : '选填', c.explanation]);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  guide.addRow([]);
  bold(guide.addRow([`${pack.name}的指标与标准值`]));
  bold(guide.addRow(['序号', '指标', '单位', '标准值（每校）', '差异系数限值（全县）与依据']));
  const perStage = (values: Partial<Record<string, number>> | undefined, sign: string) =>
    STAGES.filter((s) => values?.[s] !== undefined).map((s) => `${STAGE_NAMES[s]} ${sign}${values?.[s]}`).join('；') || '—';
  pack.indicators.forEach((r, i) => {
    const row = guide.addRow([i + 1, r.name, r.unit, perStage(r.threshold, '≥'), `${perStage(r.cvLimit, '≤')}。依据：${r.source}`]);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  if (pack.compositeLimit) guide.addRow(['', '综合差异系数', '', '—', perStage(pack.compositeLimit, '≤')]);
  guide.addRow([]);
  guide.addRow([`县级层面的指标（政府保障、教育质量、社会认可度等）填在“${COUNTY_SHEET}”工作表的“填报值”列；不填的部分评估为“未评估”。`]);

  addCountySheet(wb, pack);
  return wb;
}

/** The grid comes from the ledger reader's own countySheetGrid, so what is written is what it reads back. */
function addCountySheet(wb: ExcelJS.Workbook, pack: RulePack): void {
  const grid = countySheetGrid(pack);
  const ws = wb.addWorksheet(COUNTY_SHEET, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: PRINT_SETUP });
  ws.columns = [{ width: 30 }, { width: 56 }, { width: 12 }, { width: 8 }, { width: 30 }, { width: 30 }];
  ws.addRows(grid);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getCell('A2').font = { bold: true };
  ws.getCell('B2').fill = solid(REQUIRED_FILL);
  const header = ws.getRow(3);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = solid(HEADER_FILL)));
  for (let r = 4; r <= grid.length; r++) {
    ws.getCell(r, 3).fill = solid(REQUIRED_FILL);
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  }
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
}
