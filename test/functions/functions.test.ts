// Formula → expected value, run against the shared implementations in both blank conventions.
import { describe, expect, it } from 'vitest';
import { stageShares } from '../../src/core/split.ts';
import { roundTo } from '../../src/core/stats.ts';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { isFnError, type FnResult } from '../../src/functions/types.ts';
import { evaluate, type Sheet } from './formula.ts';

// Rules §1 worked example: five primary schools (pupils, books).
const BOOKS: [number, number][] = [
  [45, 279],
  [37, 137],
  [89, 935],
  [76, 160],
  [55, 402],
];
const YINING_PRIMARY = [0.3636, 1.2059, 0.5141, 0.3542, 0.0994, 0.386, 0.4083, 0.4718];
const YINING_JUNIOR = [0.0904, 0.1323, 0.1351, 0.0808, 0.1404, 0.0536, 0.0532, 0.187];
const WANZHOU = [0.437, 0.419, 0.255, 0.188, 0.171, 0.263, 0.263, 0.42];
const JIUJIANG = [0.297929, 0.501787, 0.401952, 0.288419, 0.37545, 0.312782, 0.394205];

const sheet: Sheet = {};
BOOKS.forEach(([pupils, books], i) => {
  const r = i + 2;
  sheet[`B${r}`] = pupils;
  sheet[`C${r}`] = books;
  sheet[`D${r}`] = books / pupils;
  sheet[`E${r}`] = roundTo(books / pupils, 2);
});
// Row 7 and 8: a blank pair and a school with no pupils in the stage; both take no part.
sheet.D8 = 99;
sheet.B8 = 0;
const row = (col: string, xs: number[]) => xs.forEach((x, i) => (sheet[`${col}${i + 1}`] = x));
row('F', YINING_PRIMARY);
row('G', YINING_JUNIOR);
row('H', WANZHOU);
row('I', JIUJIANG);
// A 2017 school row (K..Q) in pack order: degree, backbone, PE/art, teaching area, sports area, equipment, multimedia.
const school = (r: number, xs: (number | undefined)[]) => xs.forEach((x, i) => x !== undefined && (sheet[`${'KLMNOPQ'[i]}${r}`] = x));
school(1, [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3]); // all met, exactly at the thresholds
school(2, [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.0]); // one unmet at 87% → still passes
school(3, [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 1.9]); // one unmet at 83% → fails
school(4, [4.2, 1.0, 0.9, 4.0, 7.5, 2000, 2.2]); // two unmet → fails
school(5, [4.2, 1.0, 0.9, undefined, 7.5, 2000, 2.3]); // a blank
// Values with a zero (counts) and negative/mismatched inputs for the error cases.
row('S', [2, 0, 4]);
// Schools across a row (W20:Y20, pupils below): mean (10 + 20 + 2·30) / 4 = 22.5, variance (156.25 + 6.25 + 2·56.25) / 4
// = 68.75, CV √68.75 / 22.5 = 0.368514.
[10, 20, 30].forEach((x, i) => (sheet[`${'WXY'[i]}20`] = x));
[1, 1, 2].forEach((p, i) => (sheet[`${'WXY'[i]}21`] = p));
row('T', [10, 10, 20]);
row('U', [5, -1, 5]);
row('V', [0, 0, 0]);
sheet.W1 = 3;
sheet.W2 = 'abc';
sheet.W3 = 5;

/** The plain two-pass population CV, written out here as the independent peer of the shared code. */
function plainCV(xs: number[], ws: number[]): number {
  const sw = ws.reduce((a, b) => a + b, 0);
  const mean = xs.reduce((a, x, i) => a + x * ws[i], 0) / sw;
  const v = xs.reduce((a, x, i) => a + ws[i] * (x - mean) ** 2, 0) / sw;
  return Math.sqrt(v) / mean;
}

type Expected = number | string | { error: string; message?: RegExp };
/** The 4th entry is what desktop Excel gives where it differs: it passes a blank cell as 0, which no function can tell from a typed 0. */
type Case = [formula: string, expected: Expected, decimals?: number, desktop?: Expected];

const CASES: Case[] = [
  // Rules §1 golden figures.
  ['=BALANCE.CV(D2:D6, B2:B6)', 0.51526, 5],
  ['=BALANCE.CV(D2:D6, B2:B6)', 0.52, 2],
  ['=BALANCE.DIFFCOEF(D2:D6, B2:B6)', 0.51526, 5],
  ['=BALANCE.CV(E2:E6, B2:B6)', 0.51513, 5],
  ['=BALANCE.MEAN(D2:D6, B2:B6)', 6.3344, 4],
  ['=BALANCE.CV(D2:D8, B2:B8)', 0.51526, 5],
  ['=BALANCE.COMPOSITE(F1:F8)', 0.4754, 4],
  ['=BALANCE.COMPOSITE(G1:G8)', 0.1091, 4],
  ['=BALANCE.COMPOSITE(H1:H8)', 0.302, 3],
  ['=BALANCE.COMPOSITE(I1:I7)', 0.367503, 6],
  ['=BALANCE.COMPOSITE(F1:F8, "小学", "national-2012-basic")', 0.4754, 4],
  ['=BALANCE.COMPOSITE(I1:I7, "primary", "全国县域义务教育优质均衡（2017）")', 0.367503, 6],
  ['=BALANCE.COMPOSITE(I1:I8)', 0.367503, 6],
  ['=BALANCE.COMPOSITE(F1:F8, "小学")', { error: '#VALUE!', message: /应有 7 个.*收到 8 个/ }],
  ['=BALANCE.COMPOSITE(Z1:Z3)', { error: '#N/A', message: /没有可用的差异系数/ }],
  ['=BALANCE.COMPOSITE(V1:V3)', { error: '#N/A', message: /没有可用的差异系数/ }],
  // Thresholds (rules §4.1) by id and by Chinese name.
  ['=BALANCE.STANDARD("sports_area_per_student", "初中")', 10.2],
  ['=BALANCE.STANDARD("生均教学仪器设备值", "小学")', 2000],
  ['=BALANCE.STANDARD("每百名学生拥有网络多媒体教室数", "junior")', 2.4],
  ['=BALANCE.STANDARD(" 生均教学及辅助用房面积 ", "初中", "national-2017-quality")', 5.8],
  ['=BALANCE.STANDARD("每百名学生拥有体育、艺术专任教师数", "小学")', 0.9],
  ['=BALANCE.STANDARD("每百名学生拥有体育、艺术(美术、音乐)专任教师数", "初中")', 0.9],
  ['=BALANCE.STANDARD("师生比", "小学", "national-2012-basic")', { error: '#N/A', message: /未规定师生比/ }],
  ['=BALANCE.STANDARD("books_per_student", "小学", "national-2012-basic")', { error: '#N/A', message: /未规定生均图书册数/ }],
  ['=BALANCE.STANDARD("books_per_student", "小学")', { error: '#N/A', message: /不含指标/ }],
  ['=BALANCE.STANDARD("生均操场", "小学")', { error: '#VALUE!', message: /未知的指标“生均操场”/ }],
  ['=BALANCE.STANDARD("books_per_student", "高中")', { error: '#VALUE!', message: /学段“高中”无效/ }],
  ['=BALANCE.STANDARD("books_per_student", "小学", "province-x")', { error: '#VALUE!', message: /未知的评估标准“province-x”/ }],
  // One school, one indicator; limits are inclusive.
  ['=BALANCE.CHECK(4.5, "teaching_area_per_student", "小学")', '达标'],
  ['=BALANCE.CHECK(4.49, "teaching_area_per_student", "小学")', '未达标'],
  ['=BALANCE.CHECK(2500, "生均教学仪器设备值", "初中")', '达标'],
  ['=BALANCE.CHECK(Z9, "生均教学仪器设备值", "初中")', { error: '#VALUE!', message: /学校指标值为空/ }, undefined, '未达标'],
  // Shortfall in base units: ㎡ for per-pupil area, rooms for per-100 indicators, 0 when met.
  ['=BALANCE.GAP(4, "teaching_area_per_student", "小学", 412)', 206, 6],
  ['=BALANCE.GAP(2.0, "multimedia_rooms_per_100", "小学", 500)', 1.5, 6],
  ['=BALANCE.GAP(1800, "equipment_value_per_student", "初中", 100)', 70000, 6],
  ['=BALANCE.GAP(5, "teaching_area_per_student", "小学", 412)', 0],
  ['=BALANCE.GAP(4, "teaching_area_per_student", "小学", -3)', { error: '#NUM!', message: /负数/ }],
  // 2017 per-school rule: ≥ 6 of 7 met and the unmet one ≥ 85%.
  ['=BALANCE.SCHOOL(K1:Q1, "小学")', '达标'],
  ['=BALANCE.SCHOOL(K2:Q2, "小学")', '达标'],
  ['=BALANCE.SCHOOL(K3:Q3, "小学")', '未达标'],
  ['=BALANCE.SCHOOL(K4:Q4, "小学")', '未达标'],
  ['=BALANCE.SCHOOL(K1:Q1, "初中")', '未达标'],
  ['=BALANCE.SCHOOL(K5:Q5, "小学")', { error: '#VALUE!', message: /生均教学及辅助用房面积.*为空/ }, undefined, '未达标'],
  ['=BALANCE.SCHOOL(K1:P1, "小学")', { error: '#VALUE!', message: /应按顺序给出 7 个指标值.*收到 6 个/ }],
  ['=BALANCE.SCHOOL(K1:Q1, "小学", "national-2012-basic")', { error: '#N/A', message: /未规定小学各指标的学校标准/ }],
  // Per pupil / per 100 / 万元 → 元.
  ['=BALANCE.PER(279, 45)', 6.2, 6],
  ['=BALANCE.PER(12, 400, 100)', 3, 6],
  ['=BALANCE.PER(50, 250, "万元")', 2000, 6],
  ['=BALANCE.PER(12, 400, "每百")', 3, 6],
  ['=BALANCE.PER(1, 0)', { error: '#DIV/0!', message: /学生数为 0/ }],
  ['=BALANCE.PER(1, -5)', { error: '#NUM!', message: /负数/ }],
  ['=BALANCE.PER(1, 5, "千")', { error: '#VALUE!', message: /换算方式“千”无效/ }],
  ['=BALANCE.PER("一百", 5)', { error: '#VALUE!', message: /数量“一百”不是数字/ }],
  // Numbers typed as text are read as the ledger reads them (model/cell-number.ts), in Excel's notation, without units.
  ['=BALANCE.PER("１２３", 5)', 24.6, 6],
  ['=BALANCE.PER("1,234.5", 5)', 246.9, 6],
  ['=BALANCE.PER("1.2e3", 5)', 240, 6],
  ['=BALANCE.PER("12万", 5)', { error: '#VALUE!', message: /数量“12万”不是数字/ }],
  ['=BALANCE.PER("—", 5)', { error: '#VALUE!', message: /数量“—”表示数据缺失，不是数值/ }],
  // A value of 0 with pupils counts; only the weight decides who takes part.
  ['=BALANCE.CV(S1:S3, T1:T3)', plainCV([2, 0, 4], [10, 10, 20]), 12],
  ['=BALANCE.CV(W20:Y20, W21:Y21)', 0.368514, 6],
  ['=BALANCE.MEAN(W20:Y20, W21:Y21)', 22.5, 10],
  // Every error case of the range functions.
  ['=BALANCE.CV(D2:D6, B2:B5)', { error: '#VALUE!', message: /大小不一致/ }],
  ['=BALANCE.CV(S1:S3, U1:U3)', { error: '#VALUE!', message: /权重含负数（第 2 行：-1）/ }],
  ['=BALANCE.CV(S1:S3, Z1:Z3)', { error: '#DIV/0!', message: /权重（在校生数）全为 0 或为空/ }],
  ['=BALANCE.CV(V1:V3, T1:T3)', { error: '#DIV/0!', message: /加权平均值为 0/ }],
  ['=BALANCE.CV(W1:W3, T1:T3)', { error: '#VALUE!', message: /数值第 2 行“abc”不是数字/ }],
  ['=BALANCE.MEAN(V1:V3, T1:T3)', 0],
  ['=BALANCE.IMPACT(D2:D6, B2:B5)', { error: '#VALUE!', message: /大小不一致/ }],
];

const check = (got: FnResult, expected: Expected, decimals?: number) => {
  if (typeof expected === 'object') {
    expect(isFnError(got), JSON.stringify(got)).toBe(true);
    if (!isFnError(got)) return;
    expect(got.error).toBe(expected.error);
    if (expected.message) expect(got.message).toMatch(expected.message);
    return;
  }
  if (typeof expected === 'number' && decimals !== undefined) {
    expect(typeof got).toBe('number');
    expect(roundTo(got as number, decimals)).toBe(roundTo(expected, decimals));
  } else {
    expect(got).toBe(expected);
  }
};

describe('BALANCE functions: formula → expected', () => {
  for (const [formula, expected, decimals, desktop] of CASES) {
    it(`${formula} → ${typeof expected === 'object' ? expected.error : expected}`, () => {
      // Blanks arrive as null on the web and as 0 on desktop; both give the same answer except where noted.
      check(evaluate(formula, sheet, 'web'), expected, decimals);
      check(evaluate(formula, sheet, 'desktop'), desktop ?? expected, decimals);
    });
  }
});

describe('rules §2 split example through BALANCE.PER', () => {
  it('nine-year school: 23,226 books split 166 : 1.1×210 gives 58.50 and 64.35 per pupil', () => {
    const shares = stageShares(166, 210, 0);
    expect(roundTo(23226 * shares.primary, 1)).toBe(9711.6);
    const primary = evaluate(`=BALANCE.PER(${23226 * shares.primary}, 166)`, sheet);
    const junior = evaluate(`=BALANCE.PER(${23226 * shares.junior}, 210)`, sheet);
    expect(roundTo(primary as number, 2)).toBe(58.5);
    expect(roundTo(junior as number, 2)).toBe(64.35);
  });
});

describe('blank handling', () => {
  it('a blank value with pupils is missing data on the web, named by its row', () => {
    const s: Sheet = { A1: 1, A3: 3, B1: 10, B2: 10, B3: 10 };
    const got = evaluate('=BALANCE.CV(A1:A3, B1:B3)', s, 'web');
    expect(isFnError(got) && got.message).toMatch(/数值第 2 行为空，但其权重（在校生数）为 10/);
  });

  it('a missing marker (—) with pupils is missing data, told as the marker it is, not as a blank', () => {
    const s: Sheet = { A1: 1, A2: '—', A3: 3, B1: 10, B2: 10, B3: 10 };
    const got = evaluate('=BALANCE.CV(A1:A3, B1:B3)', s, 'web');
    expect(isFnError(got) && got.message).toMatch(/数值第 2 行“—”表示数据缺失，但其权重（在校生数）为 10/);
  });

  it('a blank weight excludes the row whatever the value cell holds, in both conventions', () => {
    const s: Sheet = { A1: 1, A2: 500, A3: 3, B1: 10, B3: 10 };
    for (const mode of ['web', 'desktop'] as const) {
      expect(evaluate('=BALANCE.CV(A1:A3, B1:B3)', s, mode)).toBeCloseTo(plainCV([1, 3], [10, 10]), 12);
    }
  });

  it('an error value inside a range is named as such, not as [object Object]', () => {
    const cv = FUNCTIONS.find((f) => f.id === 'CV')!;
    const got = cv.impl([[1], [{ type: 'Error', errorType: 'NotAvailable' }]], [[1], [1]]);
    expect(isFnError(got) && got.message).toBe('数值第 2 行（错误值或非数字内容）不是数字');
  });

  it('numeric text and WPS’s omitted-argument marker are read, other text is not', () => {
    const cv = FUNCTIONS.find((f) => f.id === 'CV')!;
    expect(cv.impl([['1,000'], [' 3000 ']], [[1], [1]])).toBeCloseTo(0.5, 12);
    const std = FUNCTIONS.find((f) => f.id === 'STANDARD')!;
    expect(std.impl('books_per_student', '小学', -2147352572)).toMatchObject({ error: '#N/A' });
    expect(std.impl('above_degree_teachers_per_100', '初中', -2147352572)).toBe(5.3);
  });
});

describe('IMPACT', () => {
  it('spills each school’s leave-one-out effect in the shape of the range, blank where a row takes no part', () => {
    const got = evaluate('=BALANCE.IMPACT(D2:D8, B2:B8)', sheet) as (number | string)[][];
    expect(got).toHaveLength(7);
    const xs = BOOKS.map(([p, b]) => b / p);
    const ws = BOOKS.map(([p]) => p);
    const all = plainCV(xs, ws);
    BOOKS.forEach((_, i) => {
      const without = plainCV(xs.filter((_, k) => k !== i), ws.filter((_, k) => k !== i));
      expect(got[i][0]).toBeCloseTo(all - without, 10);
    });
    expect(got[5][0]).toBe('');
    expect(got[6][0]).toBe('');
  });

  it('keeps a row range a row', () => {
    const got = FUNCTIONS.find((f) => f.id === 'IMPACT')!.impl([[1, 2, 3]], [[1, 1, 1]]) as unknown[][];
    expect(got).toHaveLength(1);
    expect(got[0]).toHaveLength(3);
  });
});

describe('large ranges', () => {
  it('BALANCE.CV over 100,000 rows gives the closed-form answer', () => {
    const n = 100_000;
    const values = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? 1 : 3]);
    const weights = Array.from({ length: n }, () => [7]);
    const cv = FUNCTIONS.find((f) => f.id === 'CV')!;
    // Mean 2, population SD 1.
    expect(cv.impl(values, weights)).toBeCloseTo(0.5, 12);
  });
});

describe('definitions', () => {
  it('cover every function of the design table once, with Chinese help for each parameter', () => {
    expect(FUNCTIONS.map((f) => f.id)).toEqual(['CV', 'DIFFCOEF', 'COMPOSITE', 'MEAN', 'PER', 'STANDARD', 'CHECK', 'SCHOOL', 'GAP', 'IMPACT', 'PLAN']);
    for (const f of FUNCTIONS) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.params) expect(p.description, `${f.id}.${p.name}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
