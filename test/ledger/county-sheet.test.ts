import { describe, expect, it } from 'vitest';
import { COUNTY_SHEET, countySheetGrid, readCountySheet } from '../../src/ledger/county-sheet.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';

const rowOf = (grid: unknown[][], id: string) => grid.findIndex((r) => r[0] === id);

describe('the 县级指标 sheet', () => {
  it('reads back what the template writes, by item id, with the value cell', () => {
    const grid = countySheetGrid(national2017Quality, '某县');
    const set = (id: string, v: unknown) => (grid[rowOf(grid, id)][2] = v as string);
    set('teacher_exchange_rate', 12.5);
    set('certified_teachers', '100%');
    set('full_curriculum', '是');
    set('monitoring_level', 'Ⅲ级');
    set('retention.graduates', '２,４８０');
    const { countySheet, problems } = readCountySheet([{ name: COUNTY_SHEET, values: grid }], national2017Quality);
    expect(problems).toEqual([]);
    const row = (id: string) => rowOf(grid, id) + 1;
    expect(countySheet?.entries.teacher_exchange_rate).toEqual({ value: 12.5, cell: `C${row('teacher_exchange_rate')}` });
    expect(countySheet?.entries.certified_teachers?.value).toBe(100);
    expect(countySheet?.entries.full_curriculum?.value).toBe(true);
    expect(countySheet?.entries.monitoring_level?.value).toBe(3);
    expect(countySheet?.entries.social_recognition).toEqual({ value: null, cell: `C${row('social_recognition')}` });
    expect(countySheet?.retention?.graduates).toEqual({ value: 2480, cell: `C${row('retention.graduates')}` });
  });

  it('finds items by their Chinese name in a clerk’s own sheet, with the evidence column', () => {
    const values = [
      ['某县县级指标'],
      ['序号', '指标名称', '数值', '证明材料'],
      [1, '全县每年交流轮岗教师的比例不低于符合交流轮岗条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%（交流轮岗教师比例）', 11, '县教体〔2025〕12号'],
      [2, '社会认可度达到85%以上', 86.5, '第三方调查报告'],
    ];
    const { countySheet } = readCountySheet([{ name: '县级指标（优质均衡）', values }], national2017Quality);
    expect(countySheet?.entries.teacher_exchange_rate).toEqual({ value: 11, cell: 'C3', evidence: '县教体〔2025〕12号' });
    expect(countySheet?.entries.social_recognition?.value).toBe(86.5);
  });

  it('reports an unreadable value naming the sheet and the cell', () => {
    const grid = countySheetGrid(national2017Quality);
    grid[rowOf(grid, 'full_curriculum')][2] = '基本开齐';
    grid[rowOf(grid, 'teacher_pay_ratio')][2] = '略高';
    const { problems } = readCountySheet([{ name: COUNTY_SHEET, values: grid }], national2017Quality);
    expect(problems).toEqual([
      { severity: 'error', sheet: COUNTY_SHEET, cell: `C${rowOf(grid, 'teacher_pay_ratio') + 1}`, message: expect.stringContaining('“略高”不是数字') },
      { severity: 'error', sheet: COUNTY_SHEET, cell: `C${rowOf(grid, 'full_curriculum') + 1}`, message: expect.stringContaining('应填“是”或“否”') },
    ]);
  });

  it('lists the 2012 scored items and satisfaction for the 2012 standard', () => {
    const grid = countySheetGrid(national2012Basic);
    expect(grid.filter((r) => r[3] === '分')).toHaveLength(17);
    expect(rowOf(grid, 'public_satisfaction')).toBeGreaterThan(0);
    expect(rowOf(grid, 'retention.graduates')).toBe(-1);
  });

  it('a workbook without the sheet has no county figures, and a sheet without a value column is warned', () => {
    expect(readCountySheet([{ name: '台账', values: [['学校名称']] }], national2017Quality)).toEqual({ problems: [] });
    const r = readCountySheet([{ name: COUNTY_SHEET, values: [['指标', '说明']] }], national2017Quality);
    expect(r.countySheet).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: 'warning', sheet: COUNTY_SHEET, message: expect.stringContaining('填报值') });
  });
});

describe('county name on the 县级指标 sheet', () => {
  it('a blank name cell does not name the county after the header below it', async () => {
    const { countyFromLabels } = await import('../../src/ledger/county.ts');
    expect(countyFromLabels([{ name: COUNTY_SHEET, values: countySheetGrid(national2017Quality) }])).toBeUndefined();
    expect(countyFromLabels([{ name: COUNTY_SHEET, values: countySheetGrid(national2017Quality, '云岭县') }])).toBe('云岭县');
  });
});
