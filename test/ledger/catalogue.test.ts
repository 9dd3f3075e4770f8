// A catalogue of real-world ledger shapes, good and bad, each with the County it must give and the exact
// problems (severity, sheet, bare cell, message words) it must report.
import { describe, expect, it } from 'vitest';
import type { FlagField, NumericField, RowAccounting, SchoolType, Severity } from '../../src/core/types.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { cellOf } from '../../src/model/school.ts';
import { REPORT_MARKER } from '../../src/model/sheets.ts';
import type { LedgerOptions, SheetValues } from '../../src/ledger/types.ts';

interface ExpectedSchool {
  name: string;
  row?: number;
  type?: SchoolType | null;
  values?: Partial<Record<NumericField, number | undefined>>;
  cells?: Record<string, string>;
  flags?: Partial<Record<FlagField, boolean>>;
  central?: string;
}
interface ExpectedProblem {
  severity: Severity;
  cell?: string;
  sheet?: string;
  includes: string[];
}
interface Case {
  name: string;
  sheets: SheetValues[];
  options?: LedgerOptions;
  error?: string[];
  county?: string;
  sheet?: string;
  headerRows?: number[];
  dataRows?: [number, number];
  schools?: ExpectedSchool[];
  /** Exactly these problems, no others. */
  problems?: ExpectedProblem[];
  columns?: Record<string, string | null>;
  mapping?: Record<string, string>;
  /** Exactly these data gaps (rules §5.2), in order. */
  gaps?: { stage: 'primary' | 'junior' | null; cells: string[]; includes: string[] }[];
  /** The row accounting, exactly. */
  rows?: Omit<RowAccounting, 'sheet'>;
}

const SHEET = '台账';
const BASE = ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '教学仪器设备值（万元）', '教学及辅助用房面积（㎡）'];
const one = (values: unknown[][], extra: Partial<SheetValues> = {}): SheetValues[] => [{ name: SHEET, values, ...extra }];
const blank = (n: number): null[] => Array.from({ length: n }, () => null);

const CASES: Case[] = [
  {
    name: 'the template header, one row per school, numbers in base units',
    sheets: one([BASE, ['城关一小', '小学', 500, null, 100, 2500], ['城关中学', '初中', null, 800, 200, 5000]]),
    county: '未命名县',
    headerRows: [1],
    dataRows: [2, 3],
    schools: [
      { name: '城关一小', row: 2, type: 'primary', values: { students_primary: 500, equipment_value: 1_000_000, teaching_area: 2500 },
        cells: { school: 'A2', type: 'B2', students_primary: 'C2', students_junior: 'D2', equipment_value: 'E2', teaching_area: 'F2' } },
      { name: '城关中学', row: 3, type: 'junior', values: { students_junior: 800, equipment_value: 2_000_000, teaching_area: 5000 } },
    ],
    problems: [],
  },
  {
    name: 'common header variants of rules §5',
    sheets: one([
      ['校名', '办学类型', '小学学生人数', '初中学生人数', '教学仪器设备资产值（账面原值）（元）', '教学及辅助用房总面积(m²)',
        '其中：室内体育用房', '校内体育场面积（平方米）', '网络多媒体教室间数', '学生用计算机', '图书（册）', '专任教师总人数', '骨干教师数',
        '专科及以上学历教师数（小学）', '中级及以上专业技术职务教师数', '体育运动场馆面积', '教学班数'],
      ['河西小学', '完全小学', 300, null, 750_000, 1500, 200, 3000, 8, 40, 9000, 20, 4, 18, 10, 3100, 9],
    ]),
    columns: { A: 'school', B: 'type', C: 'students_primary', D: 'students_junior', E: 'equipment_value', F: 'teaching_area',
      G: 'indoor_sports_area', H: 'sports_ground_area', I: 'multimedia_rooms', J: 'computers', K: 'books', L: 'teachers',
      M: 'backbone_teachers', N: 'above_degree_teachers_primary', O: 'senior_title_teachers', P: 'sports_area', Q: 'classes' },
    schools: [{ name: '河西小学', type: 'primary', values: { students_primary: 300, equipment_value: 750_000, teaching_area: 1500,
      indoor_sports_area: 200, sports_ground_area: 3000, multimedia_rooms: 8, computers: 40, books: 9000, teachers: 20,
      backbone_teachers: 4, above_degree_teachers_primary: 18, senior_title_teachers: 10, sports_area: 3100, classes: 9 } }],
    problems: [],
  },
  {
    name: 'two-row merged header, merged values repeated over the merge (as ExcelJS reads them)',
    sheets: one([
      ['学校名称', '在校学生数', '在校学生数', '县级及以上骨干教师数', '县级及以上骨干教师数', '教学仪器设备值（万元）'],
      ['学校名称', '小学', '初中', '小学', '初中', '教学仪器设备值（万元）'],
      ['实验学校', 400, 300, 5, 4, 150],
    ]),
    headerRows: [1, 2],
    dataRows: [3, 3],
    columns: { A: 'school', B: 'students_primary', C: 'students_junior', D: 'backbone_teachers_primary', E: 'backbone_teachers_junior', F: 'equipment_value' },
    schools: [{ name: '实验学校', row: 3, type: null, values: { students_primary: 400, students_junior: 300, backbone_teachers_primary: 5,
      backbone_teachers_junior: 4, equipment_value: 1_500_000 } }],
    problems: [],
  },
  {
    name: 'two-row merged header, merged values only in the first cell, no merge list',
    sheets: one([
      ['学校名称', '在校学生数', null, '专任教师数', null, '图书册数'],
      [null, '小学', '初中', '小学', '初中', null],
      ['实验学校', 400, 300, 25, 22, 12000],
    ]),
    headerRows: [1, 2],
    columns: { A: 'school', B: 'students_primary', C: 'students_junior', D: 'teachers_primary', E: 'teachers_junior', F: 'books' },
    mapping: { students_junior: '在校学生数/初中', books: '图书册数' },
    schools: [{ name: '实验学校', values: { students_primary: 400, students_junior: 300, teachers_primary: 25, teachers_junior: 22, books: 12000 } }],
    problems: [],
  },
  {
    name: 'a three-row header: the best two rows are the header, the third is not read as a school',
    sheets: one([
      ['学校名称', '办学条件', '办学条件', '办学条件', '在校学生数', '教学仪器设备值'],
      ['学校名称', '教学及辅助用房面积（㎡）', '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '小学', '教学仪器设备值'],
      ['学校名称', '合计', '其中：室内体育用房', '运动场地面积（㎡）', '小学', '教学仪器设备值'],
      ['东关小学', 2500, 300, 4000, 500, 100],
    ]),
    headerRows: [1, 2, 3],
    columns: { A: 'school', B: 'teaching_area', C: 'indoor_sports_area', D: 'sports_ground_area', E: 'students_primary', F: 'equipment_value' },
    mapping: { teaching_area: '办学条件/教学及辅助用房面积（㎡）/合计' },
    schools: [{ name: '东关小学', values: { teaching_area: 2500, indoor_sports_area: 300, sports_ground_area: 4000, equipment_value: 1_000_000 } }],
    problems: [{ severity: 'warning', cell: 'F1', includes: ['判断为万元'] }],
  },
  {
    name: 'two-row header with the host’s merge list, a merged title row above and a stage group over several fields',
    sheets: one([
      ['某某县2024年义务教育学校基本情况统计表', null, null, null, null],
      ['学校名称', '小学', null, '初中', null],
      [null, '在校生数', '体育艺术专任教师数', '在校生数', '体育艺术专任教师数'],
      ['一贯制学校', 166, 2, 210, 3],
    ], { merges: ['A1:E1', 'A2:A3', 'B2:C2', 'D2:E2'] }),
    county: '某某县',
    headerRows: [2, 3],
    columns: { A: 'school', B: 'students_primary', C: 'pe_art_teachers_primary', D: 'students_junior', E: 'pe_art_teachers_junior' },
    schools: [{ name: '一贯制学校', values: { students_primary: 166, students_junior: 210, pe_art_teachers_primary: 2, pe_art_teachers_junior: 3 } }],
    problems: [],
  },
  {
    name: 'merged title row repeated over every cell, header lower down, sheet origin not at A1',
    sheets: [{
      name: SHEET,
      origin: { row: 3, col: 2 },
      values: [
        ['河北省某某县义务教育学校办学条件台账', '河北省某某县义务教育学校办学条件台账', '河北省某某县义务教育学校办学条件台账', '河北省某某县义务教育学校办学条件台账'],
        blank(4),
        ['序号', '学校名称', '小学在校生数', '网络多媒体教室数（间）'],
        [1, '东关小学', 620, 15],
      ],
    }],
    county: '某某县',
    headerRows: [5],
    dataRows: [6, 6],
    columns: { B: null, C: 'school', D: 'students_primary', E: 'multimedia_rooms' },
    schools: [{ name: '东关小学', row: 6, values: { students_primary: 620, multimedia_rooms: 15 }, cells: { school: 'C6', students_primary: 'D6', multimedia_rooms: 'E6' } }],
    problems: [],
  },
  {
    name: 'numbers typed as text: thousands commas, full-width digits, stray spaces, units and 万 in the cell',
    sheets: one([
      ['学校名称', '小学在校生数', '教学仪器设备值（元）', '教学及辅助用房面积（㎡）', '图书册数'],
      ['东关小学', '1,234', '12.5万', ' 3 200 ', '１２３４５'],
      ['西关小学', '　８８０　', '1,760,000', '2600㎡', '20,000册'],
    ]),
    schools: [
      { name: '东关小学', values: { students_primary: 1234, equipment_value: 125_000, teaching_area: 3200, books: 12345 } },
      { name: '西关小学', values: { students_primary: 880, equipment_value: 1_760_000, teaching_area: 2600, books: 20000 } },
    ],
    problems: [],
  },
  {
    name: 'missing markers are missing, not zero; unreadable text is an error naming the cell',
    sheets: one([
      ['学校名称', '小学在校生数', '计算机台数', '图书册数', '网络多媒体教室数', '班级数'],
      ['东关小学', 500, '—', '/', '无', '-'],
      ['西关小学', 400, '约50台', '', 0, '12个'],
    ]),
    schools: [
      { name: '东关小学', values: { students_primary: 500, computers: undefined, books: undefined, multimedia_rooms: undefined, classes: undefined },
        cells: { computers: 'C2', books: 'D2', multimedia_rooms: 'E2', classes: 'F2' } },
      { name: '西关小学', values: { students_primary: 400, computers: undefined, multimedia_rooms: 0, classes: 12 } },
    ],
    problems: [{ severity: 'error', cell: 'C3', includes: ['西关小学', '计算机台数', '“约50台”不是数字', '按缺失处理'] }],
  },
  {
    name: '万元 and 元 columns: the header’s unit decides',
    sheets: one([
      ['学校名称', '小学在校生数', '教学仪器设备总值(万元)', '校外租赁场馆面积（万平方米）'],
      ['东关小学', 500, 130.5, 0.12],
    ]),
    columns: { C: 'equipment_value', D: 'rented_sports_area' },
    schools: [{ name: '东关小学', values: { equipment_value: 1_305_000, rented_sports_area: 1200 } }],
    problems: [],
  },
  {
    name: 'unitless equipment column with small values: judged 万元 and warned',
    sheets: one([
      ['学校名称', '小学在校生数', '初中在校生数', '教学仪器设备值'],
      ['东关小学', 500, null, 110],
      ['城关中学', null, 1000, 260],
    ]),
    schools: [
      { name: '东关小学', values: { equipment_value: 1_100_000 } },
      { name: '城关中学', values: { equipment_value: 2_600_000 } },
    ],
    problems: [{ severity: 'warning', cell: 'D1', includes: ['未注明单位', '判断为万元', '0.25'] }],
  },
  {
    name: 'unitless equipment column with large values: judged 元 and warned',
    sheets: one([
      ['学校名称', '小学在校生数', '教学仪器设备值'],
      ['东关小学', 500, 1_100_000],
    ]),
    schools: [{ name: '东关小学', values: { equipment_value: 1_100_000 } }],
    problems: [{ severity: 'warning', cell: 'C1', includes: ['未注明单位', '判断为元', '2200'] }],
  },
  {
    name: 'totals rows (合计, 总计, 全县合计, 小计 in the 序号 column), blank rows and a column-numbering row are skipped',
    sheets: one([
      ['序号', '学校名称', '小学在校生数', '图书册数'],
      ['甲', '乙', 1, 2],
      [1, '东关小学', 500, 9000],
      blank(4),
      [2, '西关小学', 400, 8000],
      [null, '小 计', 900, 17000],
      [null, null, null, null],
      [3, '南关小学', 300, 6000],
      ['合计', null, 1200, 23000],
      [null, '全县合计', 1200, 23000],
      [null, '总计', 1200, 23000],
    ]),
    dataRows: [3, 8],
    schools: [{ name: '东关小学', row: 3 }, { name: '西关小学', row: 5 }, { name: '南关小学', row: 8 }],
    problems: [],
  },
  {
    name: 'a note row or a blank block in mid-table is skipped and reading goes on; every row is accounted for',
    sheets: one([
      ['学校名称', '小学在校生数', '初中在校生数', '图书册数'],
      ['一、小学', null, null, null],
      ['东关小学', 500, null, 9000],
      ['注：以下为乡镇学校', null, null, null],
      ['西关小学', 400, null, 8000],
      [null, null, null, null],
      [null, null, null, null],
      ['以下为教学点（含村小）', '以下为教学点（含村小）', '以下为教学点（含村小）', '以下为教学点（含村小）'],
      ['南关小学', 300, null, 7000],
      ['说明：1. 本表数据截至 9 月 1 日。', null, null, null],
      ['填表人：张三', null, null, '审核人：李四'],
    ]),
    dataRows: [3, 9],
    schools: [{ name: '东关小学', row: 3 }, { name: '西关小学', row: 5 }, { name: '南关小学', row: 9 }],
    rows: { first: 2, last: 11, schools: [3, 5, 9], skipped: { section: [2], note: [4, 8, 10, 11], blank: [6, 7] }, errors: [] },
    gaps: [],
    problems: [],
  },
  {
    name: 'an enrolment header the synonyms miss (小学部学生): no primary enrolment column is one gap of the stage, not one per school',
    sheets: one([
      ['学校名称', '学校类型', '小学部学生', '初中在校生数', '教学及辅助用房面积（㎡）'],
      ['东关小学', '小学', 500, null, 2500],
      ['西关小学', '小学', 450, null, 2300],
      ['城关中学', '初中', null, 800, 5000],
    ]),
    // The column is named once (the evaluation says how many schools it leaves out); no school is "为空".
    gaps: [{ stage: 'primary', cells: [], includes: ['小学在校生数', '表头未对应'] }],
    problems: [],
  },
  {
    name: 'an enrolment formula with no calculated value is named as such, not as blank, and is a gap',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数'],
      ['东关小学', '小学', { formula: 'SUM(E2:F2)' }, null],
      ['城关中学', '初中', null, 800],
    ]),
    gaps: [{ stage: 'primary', cells: ['C2'], includes: ['在校生数为空或无法读取'] }],
    problems: [{ severity: 'error', cell: 'C2', includes: ['东关小学', '公式没有计算结果，请在 Excel/WPS 中重新计算并保存'] }],
  },
  {
    name: 'implausible values are named by cell and left out (rules §5.2): a unit not 人, a fraction, over 20,000, an ID, Infinity',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数（小学）'],
      ['一小', '小学', '1925元', null, 40],
      ['二小', '小学', 412.5, null, 30],
      ['三小', '小学', 25000, null, 30],
      ['四小', '小学', 300, null, '110101199001011234'],
      ['五小', '小学', '9'.repeat(400), null, 30],
      ['六小', '小学', Number('110101199001011234'), null, 30],
      ['七小', '小学', '300人', null, 20],
      ['一中', '初中', null, 800, null],
    ]),
    schools: [{ name: '一小', values: { students_primary: undefined } }, { name: '二小', values: { students_primary: undefined } },
      { name: '三小', values: { students_primary: undefined } }, { name: '四小', values: { students_primary: 300, teachers_primary: undefined } },
      { name: '五小', values: { students_primary: undefined } }, { name: '六小', values: { students_primary: undefined } },
      { name: '七小', values: { students_primary: 300, teachers_primary: 20 } }, { name: '一中' }],
    gaps: [{ stage: 'primary', cells: ['C2'], includes: ['无法读取'] }, { stage: 'primary', cells: ['C3'], includes: ['无法读取'] },
      { stage: 'primary', cells: ['C4'], includes: ['无法读取'] }, { stage: 'primary', cells: ['C6'], includes: ['无法读取'] },
      { stage: 'primary', cells: ['C7'], includes: ['无法读取'] }],
    problems: [
      { severity: 'error', cell: 'C2', includes: ['一小', '1925元', '单位不是人'] },
      { severity: 'error', cell: 'C3', includes: ['二小', '412.5', '不是整数'] },
      { severity: 'error', cell: 'C4', includes: ['三小', '25000', '20000'] },
      { severity: 'error', cell: 'E5', includes: ['四小', '18 位数字', '身份证号'] },
      { severity: 'error', cell: 'C6', includes: ['五小', '位数过长'] },
      { severity: 'error', cell: 'C7', includes: ['六小', '18 位数字', '身份证号'] },
    ],
  },
  {
    name: 'an unlabelled subtotal row (城区 = the rows just above it) is left out with a warning',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '教学及辅助用房面积（㎡）', '图书册数'],
      ['东关小学', '小学', 500, null, 2500, 9000],
      ['西关小学', '小学', 400, null, 2000, 8000],
      ['城区', null, 900, null, 4500, 17000],
      ['河口小学', '小学', 300, null, 1500, 6000],
      ['山背小学', '小学', 200, null, 1000, 4000],
      ['城关中学', '初中', null, 800, 5000, 20000],
    ]),
    schools: [{ name: '东关小学' }, { name: '西关小学' }, { name: '河口小学' }, { name: '山背小学' }, { name: '城关中学' }],
    rows: { first: 2, last: 7, schools: [2, 3, 5, 6, 7], skipped: { subtotal: [4] }, errors: [] },
    gaps: [],
    problems: [{ severity: 'warning', cell: 'A4', includes: ['城区', '第 2–3 行', '小计', '未计入'] }],
  },
  {
    name: 'duplicate school names are found after removing zero-width and full-width spaces',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数'],
      ['城关第一小学', '小学', 500, null],
      ['城关第一\u200b小学', '小学', 450, null],
      ['城关第一　小学', '小学', 400, null],
      ['城关中学', '初中', null, 800],
    ]),
    problems: [
      { severity: 'warning', cell: 'A3', includes: ['重复', '第 2 行'] },
      { severity: 'warning', cell: 'A4', includes: ['重复', '第 2 行'] },
    ],
  },
  {
    name: 'a row with figures but no name, and a name that is an error value, are errors and gaps of every stage',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数'],
      ['东关小学', '小学', 500, null],
      [null, '小学', 300, null],
      ['#REF!', '小学', 200, null],
      ['城关中学', '初中', null, 800],
    ]),
    rows: { first: 2, last: 5, schools: [2, 5], skipped: {}, errors: [3, 4] },
    gaps: [{ stage: null, cells: ['A3'], includes: ['学校名称为空'] }, { stage: null, cells: ['A4'], includes: ['学校名称无法读取'] }],
    problems: [
      { severity: 'error', cell: 'A3', includes: ['第 3 行', '学校名称为空'] },
      { severity: 'error', cell: 'A4', includes: ['第 4 行', '#REF!'] },
    ],
  },
  {
    name: 'school names trimmed (full-width spaces too) and duplicate names reported at the second one',
    sheets: one([
      ['学校名称', '小学在校生数', '图书册数'],
      ['　东关小学 ', 500, 9000],
      ['西关小学', 400, 8000],
      ['东关小学　', 450, 9000],
    ]),
    schools: [{ name: '东关小学' }, { name: '西关小学' }, { name: '东关小学', row: 4 }],
    problems: [{ severity: 'warning', cell: 'A4', includes: ['东关小学', '第 2 行', 'A2', '重复'] }],
  },
  {
    name: 'negative numbers are errors and dropped',
    sheets: one([
      ['学校名称', '小学在校生数', '教学及辅助用房面积（㎡）', '计算机台数'],
      ['东关小学', 500, -2500, 60],
    ]),
    schools: [{ name: '东关小学', values: { students_primary: 500, teaching_area: undefined, computers: 60 } }],
    problems: [{ severity: 'error', cell: 'C2', includes: ['东关小学', '教学及辅助用房面积（㎡）', '负数', '-2500'] }],
  },
  {
    name: '民办 rows are left out with an info problem; special-education and vocational schools too',
    sheets: one([
      ['学校名称', '学校类型', '办学性质', '小学在校生数'],
      ['东关小学', '小学', '公办', 500],
      ['育才实验学校', '小学', '民办', 700],
      ['县特殊教育学校', '特殊教育学校', '公办', 80],
    ]),
    schools: [{ name: '东关小学', type: 'primary', cells: { ownership: 'C2' } }],
    problems: [
      { severity: 'info', cell: 'C3', includes: ['育才实验学校', '民办', '未计入'] },
      { severity: 'info', cell: 'B4', includes: ['县特殊教育学校', '特殊教育学校', '未计入'] },
    ],
  },
  {
    name: '申报表 layout: one row per school part, stage-less enrolment read by the part',
    sheets: one([
      ['学校名称', '学校类型', '在校生数', '教学仪器设备值（万元）'],
      ['城关镇九年一贯制学校小学部', '九年一贯制', 166, 60],
      ['城关镇九年一贯制学校初中部', '九年一贯制', 210, 80],
      ['河东学校', '小学部', 300, 70],
      ['东关小学', '小学', 500, 120],
      ['实验中学', '初中', 900, 300],
    ]),
    columns: { C: null },
    schools: [
      { name: '城关镇九年一贯制学校小学部', type: 'primary_part', values: { students_primary: 166, students_junior: undefined, equipment_value: 600_000 }, cells: { students_primary: 'C2' } },
      { name: '城关镇九年一贯制学校初中部', type: 'junior_part', values: { students_junior: 210, students_primary: undefined }, cells: { students_junior: 'C3' } },
      { name: '河东学校', type: 'primary_part', values: { students_primary: 300 } },
      { name: '东关小学', type: 'primary', values: { students_primary: 500 } },
      { name: '实验中学', type: 'junior', values: { students_junior: 900 } },
    ],
    problems: [],
  },
  {
    name: 'a sheet about one stage (national per-stage table): stage-less columns are that stage’s, combined schools its part',
    sheets: [{ name: '附表1', values: [
      ['某某县小学校际均衡情况统计表'],
      ['学校名称', '学校类型', '在校生数', '高于规定学历教师数', '县级及以上骨干教师数', '教学仪器设备值（万元）'],
      ['东关小学', '小学', 500, 30, 6, 100],
      ['城关九年一贯制学校', '九年一贯制', 166, 10, 2, 40],
    ] }],
    county: '某某县',
    columns: { C: 'students_primary', D: 'above_degree_teachers_primary', E: 'backbone_teachers_primary' },
    schools: [
      { name: '东关小学', type: 'primary', values: { students_primary: 500, above_degree_teachers_primary: 30, backbone_teachers_primary: 6 } },
      { name: '城关九年一贯制学校', type: 'primary_part', values: { students_primary: 166, above_degree_teachers_primary: 10, equipment_value: 400_000 } },
    ],
    problems: [{ severity: 'info', includes: ['按小学学段读取', '不再拆分'] }],
  },
  {
    name: 'a title naming 中小学 gives no stage to the sheet',
    sheets: one([
      ['某某县中小学校基本情况统计表'],
      ['学校名称', '学校类型', '在校生数', '骨干教师数'],
      ['东关小学', '小学', 500, 6],
    ]),
    columns: { C: null, D: 'backbone_teachers' },
    schools: [{ name: '东关小学', values: { students_primary: 500, backbone_teachers: 6 } }],
    problems: [],
  },
  {
    name: 'a stage-less enrolment column cannot be split for a combined school: warned at the cell',
    sheets: one([
      ['学校名称', '学校类型', '学生数'],
      ['城关镇九年一贯制学校', '九年制学校', 376],
      ['无名学校', null, 120],
      ['北关小学', null, 90],
      ['河西九年一贯制学校', '九年一贯制', null],
    ]),
    schools: [
      { name: '城关镇九年一贯制学校', type: 'nine_year', values: { students_primary: undefined, students_junior: undefined } },
      { name: '无名学校', type: null },
      { name: '北关小学', type: null, values: { students_primary: 90 } },
      { name: '河西九年一贯制学校', type: 'nine_year', cells: { students_primary: 'C5', students_junior: 'C5' } },
    ],
    problems: [
      { severity: 'warning', cell: 'C2', includes: ['城关镇九年一贯制学校', '无法拆分'] },
      { severity: 'warning', cell: 'C3', includes: ['无名学校', '无法判断'] },
      { severity: 'warning', cell: 'C5', includes: ['河西九年一贯制学校', '小学在校生数', '为空'] },
      { severity: 'warning', cell: 'C5', includes: ['河西九年一贯制学校', '初中在校生数', '为空'] },
    ],
  },
  {
    name: 'school type variants; an unknown type is warned and left for inference',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '高中在校生数'],
      ['甲校', '九年制学校', 200, 150, null],
      ['乙校', '一贯制', 100, 90, null],
      ['丙校', '完中', null, 600, 500],
      ['丁校', '村小教学点', 40, null, null],
      ['戊校', '十二年一贯制学校', 300, 200, 100],
      ['己校', '初级中学', null, 700, null],
      ['庚校', '其他', 120, null, null],
    ]),
    schools: [
      { name: '甲校', type: 'nine_year' }, { name: '乙校', type: 'nine_year' },
      { name: '丙校', type: 'complete_secondary', values: { students_senior: 500 } },
      { name: '丁校', type: 'teaching_point' }, { name: '戊校', type: 'twelve_year' }, { name: '己校', type: 'junior' },
      { name: '庚校', type: null, values: { students_primary: 120 } },
    ],
    problems: [{ severity: 'warning', cell: 'B8', includes: ['其他', '无法识别'] }],
  },
  {
    name: 'teaching points keep their central school; 是/否 flags are read and bad ones warned',
    sheets: one([
      ['学校名称', '学校类型', '所属中心校', '小学在校生数', '是否50-100人乡村小规模学校', '是否人口密度过高中心城区学校'],
      ['坪上教学点', '教学点', '龙泉镇中心小学', 60, '是', '否'],
      ['龙泉镇中心小学', '小学', null, 600, '否', '不详'],
    ]),
    columns: { E: 'small_rural_school', F: 'dense_city_centre' },
    schools: [
      { name: '坪上教学点', type: 'teaching_point', central: '龙泉镇中心小学', flags: { small_rural_school: true, dense_city_centre: false },
        cells: { central_school: 'C2', small_rural_school: 'E2', dense_city_centre: 'F2' } },
      { name: '龙泉镇中心小学', flags: { small_rural_school: false } },
    ],
    problems: [{ severity: 'warning', cell: 'F3', includes: ['龙泉镇中心小学', '是否人口密度过高中心城区学校', '“不详”', '应填“是”或“否”'] }],
  },
  {
    name: 'ExcelJS cell objects: formula results, rich text, hyperlinks; error values are errors',
    sheets: one([
      ['学校名称', { richText: [{ text: '小学' }, { text: '在校生数' }] }, '图书册数', '计算机台数'],
      [{ richText: [{ text: '东关' }, { text: '小学' }] }, { formula: 'SUM(X1:X6)', result: 500 }, { sharedFormula: 'C2', result: 9000 }, { error: '#DIV/0!' }],
      [{ text: '西关小学', hyperlink: 'http://x' }, 400, { formula: 'A1/0', result: { error: '#DIV/0!' } }, '#N/A'],
    ]),
    schools: [
      { name: '东关小学', values: { students_primary: 500, books: 9000, computers: undefined } },
      { name: '西关小学', values: { students_primary: 400, books: undefined, computers: undefined } },
    ],
    problems: [
      { severity: 'error', cell: 'D2', includes: ['东关小学', '错误值 #DIV/0!'] },
      { severity: 'error', cell: 'C3', includes: ['西关小学', '错误值 #DIV/0!'] },
      { severity: 'error', cell: 'D3', includes: ['西关小学', '错误值 #N/A'] },
    ],
  },
  {
    name: 'PE, music and art columns under a teacher group are summed; the group’s 合计 is the total',
    sheets: one([
      ['学校名称', '小学在校生数', '专任教师数', '专任教师数', '专任教师数', '专任教师数'],
      ['学校名称', '小学在校生数', '合计', '体育', '音乐', '美术'],
      ['东关小学', 500, 30, 2, 1, '—'],
    ]),
    columns: { C: 'teachers', D: 'pe_art_teachers', E: 'pe_art_teachers', F: 'pe_art_teachers' },
    mapping: { teachers: '专任教师数/合计', pe_art_teachers: '专任教师数/体育+专任教师数/音乐+专任教师数/美术' },
    schools: [{ name: '东关小学', values: { teachers: 30, pe_art_teachers: 3 }, cells: { pe_art_teachers: 'D3' } }],
    // The reader says once which columns it added up.
    problems: [{ severity: 'info', cell: 'D2', includes: ['体育艺术专任教师数', '列 D“专任教师数/体育” + 列 E“专任教师数/音乐” + 列 F“专任教师数/美术”'] }],
  },
  {
    name: 'two columns naming one field: the first best match is used, the other reported',
    sheets: one([
      ['学校名称', '小学在校生数', '小学学生人数', '图书册数'],
      ['东关小学', 500, 480, 9000],
    ]),
    columns: { B: 'students_primary', C: null },
    schools: [{ name: '东关小学', values: { students_primary: 500 } }],
    problems: [{ severity: 'info', cell: 'C1', includes: ['列 C“小学学生人数”与列 B“小学在校生数”都对应“小学在校生数”', '手动映射'] }],
  },
  {
    name: 'computed columns (生均…, 是否达标) are not read as inputs',
    sheets: one([
      ['学校名称', '小学在校生数', '教学及辅助用房面积（㎡）', '生均教学及辅助用房面积', '每百名学生拥有网络多媒体教室数', '是否达标'],
      ['东关小学', 500, 2500, 5, 2.4, '是'],
    ]),
    columns: { C: 'teaching_area', D: null, E: null, F: null },
    schools: [{ name: '东关小学', values: { teaching_area: 2500, multimedia_rooms: undefined } }],
    problems: [],
  },
  {
    name: 'sub-counts larger than their total are warned',
    sheets: one([
      ['学校名称', '小学在校生数', '专任教师数（小学）', '县级及以上骨干教师数（小学）', '高于规定学历教师数（小学）'],
      ['东关小学', 500, 30, 35, 28],
    ]),
    problems: [{ severity: 'warning', cell: 'D2', includes: ['东关小学', '县级及以上骨干教师数（小学）', '35', '大于', '专任教师数（小学）', '30'] }],
    schools: [{ name: '东关小学', values: { backbone_teachers_primary: 35 } }],
  },
  {
    name: 'per-stage figures of a stage the school does not have are warned (not used)',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '专任教师数（小学）', '专任教师数（初中）'],
      ['东关小学', '小学', 500, null, 30, 4],
      ['城关中学', '初中', null, 800, null, 60],
    ]),
    problems: [{ severity: 'warning', cell: 'F2', includes: ['东关小学', '没有初中学段', '专任教师数（初中）', '4', '不计入'] }],
  },
  {
    name: 'a 元 column holding 万元 figures: one warning on the header',
    sheets: one([
      ['学校名称', '小学在校生数', '教学仪器设备值（元）'],
      ['东关小学', 500, 150],
      ['西关小学', 400, 120],
    ]),
    problems: [{ severity: 'warning', cell: 'C1', includes: ['全县平均每生 0.3 元', '疑为以万元填报'] }],
  },
  {
    name: 'one school off by a unit factor in a 万元 column, and an area far too large per pupil',
    sheets: one([
      ['学校名称', '小学在校生数', '教学仪器设备值（万元）', '运动场地面积（㎡）'],
      ['东关小学', 500, 100, 4000],
      ['西关小学', 400, 0.2, 4000],
      ['南关小学', 300, 60, 600000],
    ]),
    problems: [
      { severity: 'warning', cell: 'C3', includes: ['西关小学', '每生 5 元', '疑为以万元填报'] },
      { severity: 'warning', cell: 'D4', includes: ['南关小学', '每生 2000 ㎡', '超过 1000'] },
    ],
  },
  {
    name: 'zero or missing enrolment is warned at the enrolment cell',
    sheets: one([
      ['学校名称', '学校类型', '小学在校生数', '初中在校生数'],
      ['东关小学', '小学', 0, null],
      ['城关中学', '初中', null, '—'],
      ['九年制学校', '九年一贯制', 300, null],
      ['空白学校', null, null, null],
    ]),
    problems: [
      { severity: 'warning', cell: 'C2', includes: ['东关小学', '小学在校生数', '为 0'] },
      { severity: 'warning', cell: 'D3', includes: ['城关中学', '初中在校生数', '为空'] },
      { severity: 'warning', cell: 'D4', includes: ['九年制学校', '初中在校生数', '为空'] },
      { severity: 'warning', cell: 'C5', includes: ['空白学校', '没有填写在校生数'] },
    ],
  },
  {
    name: 'a row with figures but no school name is an error naming the name cell',
    sheets: one([
      ['学校名称', '小学在校生数', '图书册数'],
      ['东关小学', 500, 9000],
      [null, 300, null],
      [{ error: '#REF!' }, 200, 100],
    ]),
    schools: [{ name: '东关小学' }],
    problems: [
      { severity: 'error', cell: 'A3', includes: ['第 3 行', '学校名称为空'] },
      { severity: 'error', cell: 'A4', includes: ['第 4 行', '学校名称是错误值 #REF!'] },
    ],
  },
  {
    name: 'first sheet 填表说明, our report (its marker in A3, whatever its name) and a helper sheet are skipped; the ledger is the next sheet',
    sheets: [
      { name: '填表说明', values: [['学校名称', '学校类型', '小学在校生数', '初中在校生数'], ['填全称', '小学/初中', '人', '人']] },
      { name: '上次报告', values: [['学校名称', '学校类型', '小学在校生数'], ['旧报告', '小学', 1], [REPORT_MARKER]] },
      { name: '_state', values: [['学校名称', '学校类型', '小学在校生数'], ['x', '小学', 1]] },
      { name: '2024台账', values: [BASE, ['东关小学', '小学', 500, null, 100, 2500]] },
    ],
    sheet: '2024台账',
    schools: [{ name: '东关小学' }],
    problems: [],
  },
  {
    name: 'a clerk’s sheet that happens to be called 均衡校验报告 (no marker) is read like any other',
    sheets: [
      { name: '均衡校验报告', values: [BASE, ['东关小学', '小学', 500, null, 100, 2500]] },
    ],
    sheet: '均衡校验报告',
    schools: [{ name: '东关小学' }],
    problems: [],
  },
  {
    name: 'county name from a 县级指标 sheet when the ledger has no title',
    sheets: [
      { name: '县级指标', values: [['县（市、区）名称', null, '云岭县'], ['人口', null, 300000]] },
      { name: SHEET, values: [BASE, ['东关小学', '小学', 500, null, 100, 2500]] },
    ],
    county: '云岭县',
    problems: [],
  },
  {
    name: 'county name from a 填报单位 line and a 市/区 title',
    sheets: one([
      ['填报单位：石家庄市长安区教育局', null, null, '单位：人、万元'],
      BASE,
      ['东关小学', '小学', 500, null, 100, 2500],
    ]),
    county: '长安区',
    headerRows: [2],
    problems: [],
  },
  {
    name: 'county name from the sheet name; a cell’s own 元 overrides the 万元 header',
    sheets: [{ name: '云岭县台账', values: [BASE, ['东关小学', '小学', 500, null, '1,200,000元', 2500]] }],
    county: '云岭县',
    schools: [{ name: '东关小学', values: { equipment_value: 1_200_000 } }],
    problems: [],
  },
  {
    name: 'county name from the caller when the workbook names none',
    sheets: one([BASE, ['东关小学', '小学', 500, null, 100, 2500]]),
    options: { fallbackCountyName: '新县' },
    county: '新县',
  },
  {
    name: 'the user mapping (column letter, header text, summed headers) overrides the synonym match',
    sheets: one([
      ['学校名称', '学生A', '小学在校生数', '指标9', '体育', '艺术'],
      ['东关小学', 480, 500, 12, 2, 1],
    ]),
    options: { mapping: { students_primary: 'B', multimedia_rooms: '指标9', pe_art_teachers: '体育+艺术' } },
    columns: { B: 'students_primary', C: null, D: 'multimedia_rooms', E: 'pe_art_teachers', F: 'pe_art_teachers' },
    mapping: { students_primary: '学生A', multimedia_rooms: '指标9', pe_art_teachers: '体育+艺术' },
    schools: [{ name: '东关小学', values: { students_primary: 480, multimedia_rooms: 12, pe_art_teachers: 3 }, cells: { students_primary: 'B2' } }],
    problems: [],
  },
  {
    name: 'a mapping to a header that does not exist is warned, not fatal',
    sheets: one([BASE, ['东关小学', '小学', 500, null, 100, 2500]]),
    options: { mapping: { books: '藏书量（册）' } },
    problems: [{ severity: 'warning', sheet: SHEET, includes: ['books=藏书量（册）', '找不到'] }],
  },
  {
    name: 'the user names the sheet',
    sheets: [
      { name: '小学', values: [BASE, ['东关小学', '小学', 500, null, 100, 2500]] },
      { name: '初中', values: [BASE, ['城关中学', '初中', null, 800, 200, 5000]] },
    ],
    options: { sheet: '初中' },
    sheet: '初中',
    schools: [{ name: '城关中学' }],
  },
  {
    name: 'the user names a sheet that does not exist',
    sheets: one([BASE]),
    options: { sheet: '台账2' },
    error: ['未找到台账', '台账2', '“台账”'],
  },
  {
    name: 'no ledger at all: the error names the sheets looked at and the skipped ones',
    sheets: [
      { name: '填表说明', values: [['请按学校填写']] },
      { name: 'Sheet1', values: [['2024 年工作总结'], ['一、基本情况'], ['全县共有学校 40 所']] },
      { name: 'Sheet2', values: [] },
    ],
    error: ['未找到台账', '“Sheet1”', '“Sheet2”', '已跳过“填表说明”'],
  },
  {
    name: 'a header without a school-name column: the error says which row and asks for a mapping',
    sheets: one([['编号', '小学在校生数', '初中在校生数', '图书册数'], ['1', 500, null, 9000]]),
    error: ['未找到台账', '工作表“台账”第 1 行像是表头', '没有学校名称列', '手动映射学校名称（school）'],
  },
  {
    name: 'the school-name column given by the mapping',
    sheets: one([['编号', '小学在校生数', '初中在校生数', '图书册数'], ['东关小学', 500, null, 9000]]),
    options: { mapping: { school: 'A' } },
    schools: [{ name: '东关小学', values: { students_primary: 500, books: 9000 }, cells: { school: 'A2' } }],
    problems: [],
  },
  {
    name: 'a header with too few fields is no ledger',
    sheets: one([['学校名称', '地址', '电话'], ['东关小学', '东关路 1 号', '1234567']]),
    error: ['未找到台账', '“台账”'],
  },
];

describe('readLedger catalogue', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const read = readLedger(c.sheets, c.options);
    if (c.error) {
      expect(read.ok).toBe(false);
      if (read.ok) return;
      for (const words of c.error) expect(read.message).toContain(words);
      return;
    }
    if (!read.ok) throw new Error(read.message);
    if (c.county) expect(read.county.name).toBe(c.county);
    if (c.sheet) {
      expect(read.sheet).toBe(c.sheet);
      expect(read.county.sheet).toBe(c.sheet);
    }
    if (c.headerRows) expect(read.headerRows).toEqual(c.headerRows);
    if (c.dataRows) expect(read.dataRows).toEqual(c.dataRows);
    for (const [col, field] of Object.entries(c.columns ?? {})) {
      expect(read.columns.find((x) => x.col === col)?.field, `column ${col}`).toBe(field);
    }
    for (const [field, header] of Object.entries(c.mapping ?? {})) {
      expect(read.mapping[field as keyof typeof read.mapping], `mapping ${field}`).toBe(header);
    }
    if (c.schools) {
      expect(read.county.schools.map((s) => s.name)).toEqual(c.schools.map((s) => s.name));
      c.schools.forEach((want, i) => {
        const got = read.county.schools[i];
        if (want.row !== undefined) expect(got.row).toBe(want.row);
        if (want.type !== undefined) expect(got.type ?? null).toBe(want.type);
        for (const [f, v] of Object.entries(want.values ?? {})) expect(got.values[f as NumericField], `${want.name} ${f}`).toBe(v);
        for (const [f, cell] of Object.entries(want.cells ?? {})) expect(cellOf(got, f as NumericField), `${want.name} cell ${f}`).toBe(cell);
        if (want.flags) expect(got.flags).toEqual(want.flags);
        if (want.central) expect(got.centralSchool).toBe(want.central);
      });
    }
    if (c.rows) expect(read.county.rows).toEqual({ sheet: read.sheet, ...c.rows });
    if (c.gaps) {
      const gaps = read.county.gaps ?? [];
      expect(gaps.map((g) => [g.stage, g.cells]), JSON.stringify(gaps)).toEqual(c.gaps.map((g) => [g.stage, g.cells]));
      c.gaps.forEach((want, i) => {
        expect(gaps[i].sheet).toBe(read.sheet);
        for (const w of want.includes) expect(gaps[i].reason).toContain(w);
      });
    }
    if (c.problems) {
      const shown = JSON.stringify(read.problems, null, 1);
      expect(read.problems.length, shown).toBe(c.problems.length);
      for (const want of c.problems) {
        const hit = read.problems.find((p) =>
          p.severity === want.severity && p.cell === want.cell && p.sheet === (want.sheet ?? p.sheet) &&
          want.includes.every((w) => p.message.includes(w)));
        expect(hit, `${JSON.stringify(want)} in ${shown}`).toBeDefined();
        expect(hit!.sheet).toBe(read.sheet);
      }
    }
  });
});
