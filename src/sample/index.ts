// The built-in sample county (CLI `demo`, the task pane's browser test): deterministic, about 40 schools.
import ExcelJS from 'exceljs';
import { addCountySheet } from '../hosts/file/county-sheet.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../ledger/template.ts';
import { national2017Quality } from '../standards/national-2017-quality.ts';
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

/**
 * The county's figures on the 县级指标 sheet: a county that does its government work, with special-education
 * funding of 6,500 元 (enough nationally, short of a city's 8,000 元). 巩固率 comes from its five inputs:
 * (2480 − 35 + 52) ÷ (2540 − 3) = 98.42%.
 */
export const COUNTY_FIGURES: Record<string, number | string> = {
  school_layout_plan: '是',
  unified_standards: '是',
  teacher_pay_ratio: 102.4,
  training_completion: 100,
  staffing_coordination: '是',
  teacher_exchange_rate: 12.5,
  backbone_exchange_share: 23.1,
  certified_teachers: 100,
  nearby_enrolment_primary: 100,
  nearby_enrolment_junior: 96.8,
  quality_high_school_quota: 55,
  quota_favours_rural: '是',
  left_behind_care: '是',
  migrant_children_public: 91.2,
  special_education_funding: 6500,
  'retention.graduates': 2480,
  'retention.transfers_in': 35,
  'retention.transfers_out': 52,
  'retention.grade7_enrolment': 2540,
  'retention.deaths': 3,
  disabled_enrolment_rate: 96.2,
  school_charters: '是',
  moral_education: '是',
  full_curriculum: '是',
  information_teaching: '是',
  no_excess_burden: '是',
  training_budget_share: 5.6,
  monitoring_level: 3,
  monitoring_difference_rate: 0.12,
  social_recognition: 88.6,
};

/** The sample as a workbook: 填表说明 first, then the ledger with a merged title row, then 县级指标. */
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
  addCountySheet(wb, national2017Quality, COUNTY_NAME, COUNTY_FIGURES);
  // The ledger is what a clerk opens first.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return wb;
}
