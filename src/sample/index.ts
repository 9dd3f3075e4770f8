// The built-in sample county (CLI `demo`, the task pane's browser test): deterministic, about 40 schools.
import ExcelJS from 'exceljs';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../ledger/template.ts';
import { ledgerGrid, sampleSchoolRows, SAMPLE_SEED } from './generate.ts';
import { COUNTY_NAME, LEDGER_TITLE } from './schools.ts';

export { COUNTY_NAME as SAMPLE_COUNTY, LEDGER_TITLE as SAMPLE_TITLE } from './schools.ts';
export { SAMPLE_SEED } from './generate.ts';
export const SAMPLE_SHEET = TEMPLATE_SHEET;
export const GUIDE_SHEET = '填表说明';
/** 1-based sheet row of the header; data rows follow it. */
export const SAMPLE_HEADER_ROW = 2;

/** The ledger sheet as plain 2-D data: a title row, the template header row, one row per school. */
export function sampleLedgerRows(seed = SAMPLE_SEED): (string | number | null)[][] {
  return ledgerGrid(LEDGER_TITLE, sampleSchoolRows(seed));
}

const GUIDE_INTRO = [
  `${COUNTY_NAME}为演示用的虚构县，本台账数据由程序按固定随机种子生成，不代表任何真实学校。`,
  '每校填一行；九年一贯制、完全中学填全校合计，由系统按 1:1.1:1.32 的加权学生数拆分共用资源。',
  '教师数按任教学段分列填写；教学仪器设备值以万元为单位；空白、“—”、“/”、“无”视为未填，不视为 0。',
];

/** The sample as a workbook: 填表说明 first, then the ledger with a merged title row. */
export function writeSampleWorkbook(seed = SAMPLE_SEED): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet(GUIDE_SHEET, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  guide.getColumn(1).width = 32;
  guide.getColumn(2).width = 72;
  guide.addRow(['填表说明']).font = { bold: true, size: 14 };
  for (const line of GUIDE_INTRO) {
    const row = guide.addRow([line]);
    guide.mergeCells(row.number, 1, row.number, 2);
  }
  guide.addRow([]);
  guide.addRow(['表头', '说明']).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) {
    const row = guide.addRow([c.header, c.explanation]);
    row.alignment = { wrapText: true, vertical: 'top' };
    // 72 columns hold about 36 Chinese characters a line.
    row.height = 16 * Math.ceil(c.explanation.length / 34);
  }

  const ws = wb.addWorksheet(SAMPLE_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: SAMPLE_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const rows = sampleLedgerRows(seed);
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells(1, 1, 1, TEMPLATE_COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const header = ws.getRow(SAMPLE_HEADER_ROW);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;
  TEMPLATE_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.field === 'school' ? 22 : c.field === 'central_school' ? 16 : 12));
  const equipment = TEMPLATE_COLUMNS.findIndex((c) => c.field === 'equipment_value') + 1;
  ws.getColumn(equipment).numFmt = '0.00';
  // The ledger is what a clerk opens first.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}
