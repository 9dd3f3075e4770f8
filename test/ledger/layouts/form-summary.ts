// Layout 2 of rules §5.1: a row-per-school summary of the school data form. A title row, a merged category row
// (基本信息, 学生信息, 教师信息, 办学条件), the field row with sub-fields under merged fields (小学专任教师 / 体育 …,
// 体育场馆面积 / 体育馆面积 · 校内体育场面积) and a units row below.
import type { SheetValues } from '../../../src/ledger/types.ts';
import { sheet, type Placed } from './grid.ts';

const pair = (col: string, text: string): Placed => [`${col}3:${col}4`, text];
const group = (from: string, to: string, text: string, subs: string[], cols: string[]): Placed[] => [
  [`${from}3:${to}3`, text], ...subs.map((s, i): Placed => [`${cols[i]}4`, s])];

export const FORM_HEADER: Placed[] = [
  ['A1:AA1', '某某县义务教育学校办学条件汇总表（学校填报）'],
  ['A2:B2', '基本信息'], ['C2:D2', '学生信息'], ['E2:V2', '教师信息'], ['W2:AA2', '办学条件'],
  pair('A', '学校名称'), pair('B', '学校类型'), pair('C', '小学在校生数'), pair('D', '初中在校生数'),
  pair('E', '骨干教师数（小学）'), pair('F', '骨干教师数（初中）'),
  ...group('G', 'J', '小学专任教师', ['体育', '音乐', '美术', '艺术'], ['G', 'H', 'I', 'J']),
  ...group('K', 'N', '初中专任教师', ['体育', '音乐', '美术', '艺术'], ['K', 'L', 'M', 'N']),
  ...group('O', 'R', '小学专任教师学历', ['专科', '本科', '硕士', '博士'], ['O', 'P', 'Q', 'R']),
  ...group('S', 'V', '初中专任教师学历', ['专科', '本科', '硕士', '博士'], ['S', 'T', 'U', 'V']),
  pair('W', '教学及辅助用房面积'),
  ...group('X', 'Y', '体育场馆面积', ['体育馆面积', '校内体育场面积'], ['X', 'Y']),
  pair('Z', '教学仪器设备值'), pair('AA', '网络多媒体教室数'),
  // The units row.
  ...['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V'].map((c): Placed => [`${c}5`, '人']),
  ['W5', '㎡'], ['X5', '㎡'], ['Y5', '㎡'], ['Z5', '万元'], ['AA5', '间'],
];

export const FORM_ROWS: unknown[][] = [
  ['城关小学', '小学', 800, null, 9, null, 3, 2, 2, 0, null, null, null, null, 10, 30, 2, 0, null, null, null, null, 4000, 400, 6000, 180, 20],
  ['城关中学', '初中', null, 900, null, 10, null, null, null, null, 4, 2, 2, 1, null, null, null, null, 5, 46, 5, 1, 6000, 1200, 9000, 250, 24],
  ['新华九年一贯制学校', '九年一贯制', 500, 300, 5, 3, 2, 1, 1, 0, 2, 1, 1, 0, 5, 18, 1, 0, 2, 16, 1, 0, 4500, 500, 7000, 200, 18],
  ['乡村小学', '小学', 200, null, 2, null, 1, 1, 0, 0, null, null, null, null, 4, 8, 0, 0, null, null, null, null, 950, 0, 1800, 45, 5],
];

export const formSummarySheet = (): SheetValues => sheet('汇总表', FORM_HEADER, FORM_ROWS, 6);

/**
 * Hand-computed (rules §1, §2, §4.1): pe_art = 体育 + 音乐 + 美术 + 艺术; above-degree 小学 专科+, 初中 本科+; sports =
 * 体育馆 + 校内体育场, teaching − 体育馆; the nine-year school's shared totals split 500 : 1.1 × 300.
 */
export const FORM_EXPECTED = {
  primary: { schools: 3, students: 1500, mean: [5.2, 1.0666666667, 0.8666666667, 4.6397590361, 8.4787148594, 2303.2128514056, 2.3895582329],
    cv: [0.0719549497, 0.0584633967, 0.0719549497, 0.0325298286, 0.0603734489, 0.0326736351, 0.0653628117] },
  junior: { schools: 2, students: 1200, mean: [5.75, 1.0833333333, 1.0833333333, 5.3253012048, 10.984939759, 2745.983935743, 2.5963855422],
    cv: [0.0083673952, 0.0444115592, 0.1332346775, 0.0026124447, 0.0549329705, 0.0200542141, 0.0468845926] },
};
