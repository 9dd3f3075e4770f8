// The reader feeding the engine: a realistic county table (merged title, two-row header, 万元, a nine-year
// school, a teaching point, totals and note rows) evaluated against national-2017-quality.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { FileHost } from '../../src/hosts/file/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { SAMPLE_COUNTY, SAMPLE_SHEET, writeSampleWorkbook } from '../../src/sample/index.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';

const TITLE = '云溪县义务教育学校办学条件台账（2024年）';
const T = (n: number) => Array.from({ length: n }, () => TITLE);
const TABLE: unknown[][] = [
  T(15),
  ['学校名称', '学校类型', '在校学生数', '在校学生数', '高于规定学历教师数', '高于规定学历教师数', '县级及以上骨干教师数', '县级及以上骨干教师数',
    '体育艺术专任教师数', '体育艺术专任教师数', '教学及辅助用房面积（㎡）', '教学及辅助用房面积（㎡）', '运动场地面积（m²）', '教学仪器设备值（万元）', '网络多媒体教室数（间）'],
  ['学校名称', '学校类型', '小学', '初中', '小学', '初中', '小学', '初中', '小学', '初中', '合计', '其中：室内体育用房', '运动场地面积（m²）', '教学仪器设备值（万元）', '网络多媒体教室数（间）'],
  ['城关第一小学', '小学', 1000, null, 60, null, 12, null, 10, null, 5000, 300, 8000, 250, 25],
  ['城关第二小学', '小学', '800', '—', 30, '/', 10, null, 8, null, '4,000', null, 7000, '180', 20],
  ['河口九年一贯制学校', '九年一贯制', 166, 210, 10, 16, 2, 3, 2, 3, 3000, 200, 6000, 150, 10],
  ['坪上教学点', '教学点', 30, null, 1, null, 0, null, 0, null, 200, null, 400, 5, 1],
  ['城关中学', '初中', null, 1200, null, 70, null, 13, null, 12, 7500, 500, 12000, 320, 30],
  ['合计', null, 1996, 1410, 101, 86, 24, 16, 20, 15, 19700, 1000, 33400, 905, 86],
  ['填表人：王五', null, null, null, null, null, null, null, null, null, null, null, '填报日期：2024年9月', null, null],
];

describe('readLedger → evaluate (national-2017-quality)', () => {
  const read = readLedger([{ name: '基本情况', values: TABLE, merges: ['A1:O1'] }]);
  if (!read.ok) throw new Error(read.message);

  it('reads the county, its five schools and no problems', () => {
    expect(read.county.name).toBe('云溪县');
    expect(read.headerRows).toEqual([2, 3]);
    expect(read.dataRows).toEqual([4, 8]);
    expect(read.county.schools.map((s) => s.name)).toEqual(['城关第一小学', '城关第二小学', '河口九年一贯制学校', '坪上教学点', '城关中学']);
    expect(read.problems).toEqual([]);
    expect(read.missingRequired).toEqual([]);
  });

  const { report } = evaluate(read.county, national2017Quality);
  const part = (name: string, stage: 'primary' | 'junior') => report.schools.find((s) => s.name === name && s.stage === stage)!;

  it('derives per-school values from the converted units (万元 → 元, gym moved to sports)', () => {
    const first = part('城关第一小学', 'primary');
    expect(first.values.equipment_value_per_student).toBeCloseTo(2500, 9); // 250 万元 / 1000
    expect(first.values.teaching_area_per_student).toBeCloseTo(4.7, 9); // (5000 − 300) / 1000
    expect(first.values.sports_area_per_student).toBeCloseTo(8.3, 9); // (8000 + 300) / 1000
    expect(first.metCount).toBe(7);
    const second = part('城关第二小学', 'primary');
    expect(second.values.above_degree_teachers_per_100).toBeCloseTo(3.75, 9); // 30 × 100 / 800, 89% of 4.2
    expect(second.metCount).toBe(6);
    expect(second.pass).toBe(true);
  });

  it('splits the nine-year school 1 : 1.1 (rules §2) and leaves the 30-pupil teaching point out', () => {
    // Per pupil: primary V / (A + 1.1B), junior 1.1·V / (A + 1.1B), with A = 166, B = 210, V = 1,500,000 元.
    expect(part('河口九年一贯制学校', 'primary').values.equipment_value_per_student).toBeCloseTo(1_500_000 / 397, 6);
    expect(part('河口九年一贯制学校', 'junior').values.equipment_value_per_student).toBeCloseTo((1.1 * 1_500_000) / 397, 6);
    expect(part('河口九年一贯制学校', 'junior').students).toBe(210);
    expect(report.schools.some((s) => s.name === '坪上教学点')).toBe(false);
    expect(report.problems.some((p) => p.cell === 'A7' && p.message.includes('坪上教学点'))).toBe(true);
    expect(report.stages.primary?.schoolCount).toBe(3);
    expect(report.stages.primary?.students).toBe(1966);
    expect(report.stages.junior?.students).toBe(1410);
  });
});

describe('the built-in sample county through the file host', () => {
  it('reads every school of the sample workbook with no problems and no missing fields', async () => {
    const bytes = await writeSampleWorkbook().xlsx.writeBuffer();
    const host = await FileHost.fromBuffer(new Uint8Array(bytes), 'sample.xlsx');
    const read = readLedger(await host.readWorkbook());
    if (!read.ok) throw new Error(read.message);
    expect(read.sheet).toBe(SAMPLE_SHEET);
    expect(read.county.name).toBe(SAMPLE_COUNTY);
    expect(read.county.schools.length).toBeGreaterThanOrEqual(35);
    expect(read.problems).toEqual([]);
    expect(read.missingRequired).toEqual([]);
    expect(read.columns.filter((c) => c.field === null)).toEqual([]);
  });
});
