// Layout 1 of rules §5.1: the national 申报表 (sheets 表1 … 表6). 表Ⅱ-2 has one row per school part with the seven
// per-school indicator values (L7–L13), the column-number row under the header and placeholder rows.
import type { SheetValues } from '../../../src/ledger/types.ts';
import { sheet, type Placed } from './grid.ts';

export const INDICATOR_TITLES = [
  '每百名学生拥有高于规定学历教师数（人）',
  '每百名学生拥有县级以上骨干教师数（人）',
  '每百名学生拥有体育、艺术（美术、音乐）专任教师数（人）',
  '生均教学及辅助用房面积（平方米）',
  '生均体育运动场馆面积（平方米）',
  '生均教学仪器设备值（元）',
  '每百名学生拥有网络多媒体教室数（间）',
];

const letters = 'ABCDEFGHIJKLMNO';
const header: Placed[] = [
  ['A1:O1', '表Ⅱ-2：资源配置基本情况（分学校）'],
  ...(['序号', '学校名称', '举办者类型', '在校生数（人）', '年级数', '班级数'] as const).map((t, i): Placed => [`${letters[i]}2:${letters[i]}3`, t]),
  ['G2:M2', '资源配置'],
  ...INDICATOR_TITLES.map((t, i): Placed => [`${letters[6 + i]}3`, t]),
  ['N2:N3', '该校综合评估是否达标'],
  ['O2:O3', '备注'],
  // The column-number row.
  ...Array.from(letters, (l, i): Placed => [`${l}4`, `L${i + 1}`]),
];

/** Primary parts (序号 1–4, then a 民办 row and a placeholder), then junior parts (序号 restarts at 1). */
export const DECLARATION_ROWS: unknown[][] = [
  [1, '城关第一小学', 7, 1200, 6, 24, 7.5, 1.2, 1.1, 5.2, 8.1, 2600, 2.5, 1, null],
  [2, '城关镇九年一贯制学校小学部', 7, 600, 6, 12, 6.8, 0.9, 0.95, 4.8, 7.9, 2300, 2.4, 1, null],
  [3, '东风学校', 7, 300, 6, 6, 5.9, 1.0, 0.8, 4.2, 9.5, 1900, 2.0, null, null],
  [4, '光明学校', 7, 150, null, 6, 8.0, 1.33, 1.33, 6.0, 12.0, 3100, 3.33, 1, null],
  [5, '育才学校', 10, 500, 6, 10, 9.0, 2.0, 2.0, 8.0, 15.0, 5000, 4.0, 1, '民办'],
  ['…', '小学 1', null, null, null, null, null, null, null, null, null, null, null, null, null],
  [1, '城关中学', 7, 1500, 3, 30, 8.2, 1.1, 1.0, 6.1, 10.5, 3000, 2.6, 1, null],
  [2, '城关镇九年一贯制学校初中部', 7, 450, 3, 9, 7.1, 0.89, 0.89, 5.6, 9.8, 2600, 2.44, 1, null],
  [3, '实验学校', 7, 800, null, 16, 9.0, 1.25, 1.13, 6.5, 11.2, 3500, 2.75, 1, null],
  [4, '博文学校', 10, 400, 3, 8, 9.5, 2.0, 2.0, 9.0, 16.0, 6000, 5.0, 1, '民办'],
  ['…', '…', null, null, null, null, null, null, null, null, null, null, null, null, null],
];

export const declarationTable = (): SheetValues => sheet('表2', header, DECLARATION_ROWS, 5);

/** County means and CVs of the fixture, computed by hand from the rows above (rules §1, weights 在校生数). */
export const DECLARATION_EXPECTED = {
  primary: { schools: 4, students: 2250, mean: [7.1333333333, 1.102, 1.0353333333, 5.0133333333, 8.4933333333, 2460, 2.462],
    cv: [0.0834344453, 0.1310490613, 0.1272054048, 0.0855209319, 0.1252300609, 0.1194873045, 0.1152293548] },
  junior: { schools: 3, students: 2750, mean: [8.2527272727, 1.1092727273, 1.0198181818, 6.1345454545, 10.5890909091, 3080, 2.6174545455],
    cv: [0.0748331096, 0.1054237805, 0.079077744, 0.0478768149, 0.043767167, 0.0987509972, 0.039017604] },
};

/** 表1: the county's basic figures; a header with stages but no school column, which is not the ledger. */
export const basicInfoTable = (): SheetValues => sheet('表1', [
  ['A1:F1', '表Ⅰ：义务教育优质均衡发展县（市、区）基本情况'],
  ['A2:B2', '学校数（所）'], ['C2:D2', '在校学生数（人）'], ['E2:F2', '专任教师数（人）'],
  ['A3', '小学'], ['B3', '初中'], ['C3', '小学'], ['D3', '初中'], ['E3', '小学'], ['F3', '初中'],
], [[4, 3, 2250, 2750, 150, 180]], 4);

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
/** The county's stated figures as the template prints them (means 2 decimals, CVs 3), two of them wrong. */
export function statedFigures(): Record<'primary' | 'junior', { mean: number[]; cv: number[] }> {
  const stated = {
    primary: { mean: DECLARATION_EXPECTED.primary.mean.map((x) => round(x, 2)), cv: DECLARATION_EXPECTED.primary.cv.map((x) => round(x, 3)) },
    junior: { mean: DECLARATION_EXPECTED.junior.mean.map((x) => round(x, 2)), cv: DECLARATION_EXPECTED.junior.cv.map((x) => round(x, 3)) },
  };
  stated.primary.cv[5] = 0.109; // 生均教学仪器设备值: recomputed 0.1195
  stated.junior.mean[3] = 6.31; // 生均教学及辅助用房面积: recomputed 6.1345
  return stated;
}

/** 表Ⅲ with stages and measures in rows, indicators in columns. */
export function statedTableByRows(): SheetValues {
  const s = statedFigures();
  return sheet('表3', [
    ['A1:I1', '表Ⅲ：县域义务教育学校校际均衡情况'],
    ['A2', '学段'], ['B2', '项目'], ...INDICATOR_TITLES.map((t, i): Placed => [`${letters[2 + i]}2`, t]),
    ['A3:A4', '小学'], ['B3', '县域均值'], ['B4', '差异系数'],
    ['A5:A6', '初中'], ['B5', '县域均值'], ['B6', '差异系数'],
  ], [
    ['小学', '县域均值', ...s.primary.mean],
    [null, '差异系数', ...s.primary.cv],
    ['初中', '县域均值', ...s.junior.mean],
    [null, '差异系数', ...s.junior.cv],
  ], 3);
}

/** 表Ⅲ the other way round: indicators in rows, 小学 / 初中 over 县域均值 · 差异系数 in columns. */
export function statedTableByColumns(): SheetValues {
  const s = statedFigures();
  return sheet('表3', [
    ['A1:E1', '表Ⅲ：县域义务教育学校校际均衡情况'],
    ['A2:A3', '指标'], ['B2:C2', '小学'], ['D2:E2', '初中'], ['B3', '县域均值'], ['C3', '差异系数'], ['D3', '县域均值'], ['E3', '差异系数'],
  ], INDICATOR_TITLES.map((t, j) => [t, s.primary.mean[j], s.primary.cv[j], s.junior.mean[j], s.junior.cv[j]]), 4);
}
