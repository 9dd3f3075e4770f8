import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { FAIL_FILL, REPORT_SHEET, WARN_FILL, type ReportCell, type ReportSheetPlan } from '../../src/core/plan.ts';
import { buildPlan } from '../../src/plan/index.ts';
import { columnLetter } from '../../src/model/a1.ts';
import { textWidth } from '../../src/plan/grid.ts';
import { sheetRef } from '../../src/plan/format.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { county, evaluation, ledger, pack } from './fixture.ts';

const plan = buildPlan(evaluation, ledger, pack);
const mark = (cell: string) => plan.marks.find((m) => m.cell === cell);

/** Row index (0-based) of the first row whose first cell is `text`, searching from `from`. */
function rowOf(sheet: ReportSheetPlan, text: string, from = 0): number {
  const i = sheet.rows.findIndex((r, k) => k >= from && r[0]?.v === text);
  if (i < 0) throw new Error(`row “${text}” not found`);
  return i;
}
const headingRow = (sheet: ReportSheetPlan, suffix: string) =>
  sheet.rows.findIndex((r) => typeof r[0]?.v === 'string' && (r[0].v as string).endsWith(suffix));

describe('cell marks', () => {
  it('marks exactly the failing cells and the cells with data warnings', () => {
    expect(plan.marks.map((m) => `${m.cell}:${m.kind}`).sort()).toEqual(['B4:warning', 'D5:fail', 'L5:fail', 'N6:fail']);
    expect(plan.marks.every((m) => m.sheet === '台账')).toBe(true);
    expect(mark('D5')?.fill).toBe(FAIL_FILL);
    expect(mark('B4')?.fill).toBe(WARN_FILL);
  });

  it('writes indicator, stage, value, threshold, shortfall in base units and the 85% line', () => {
    // 石岭村小学: 3 teachers of higher degree per 100 pupils against 4.2 → (4.2 − 3) × 100 / 100 = 1.2 people → 2 人.
    const d5 = mark('D5')!.note;
    expect(d5).toContain('每百名学生拥有高于规定学历教师数（小学）');
    expect(d5).toContain('本校值：3.00 人/百生');
    expect(d5).toContain('标准：≥ 4.2 人/百生');
    expect(d5).toContain('需补足 2 人');
    expect(d5).toContain('71.4%（低于 85%）');
    // Sports 600 ㎡ for 100 pupils against 7.5 ㎡: short 150 ㎡, at 80%.
    const l5 = mark('L5')!.note;
    expect(l5).toContain('生均体育运动场馆面积（小学）');
    expect(l5).toContain('需补足 150 ㎡');
    expect(l5).toContain('80.0%（低于 85%）');
  });

  it('merges the two stages of a nine-year school and its data warning into one note', () => {
    // 6 rooms split 300 : 1.1 × 300 → primary 2.857 (0.95 per 100, short 4.04 → 5 间), junior 3.143 (1.05, short 4.06 → 5 间).
    const n6 = mark('N6')!;
    expect(plan.marks.filter((m) => m.cell === 'N6')).toHaveLength(1);
    expect(n6.kind).toBe('fail');
    expect(n6.note).toContain('每百名学生拥有网络多媒体教室数（小学）\n本校值：0.95 间/百生');
    expect(n6.note).toContain('每百名学生拥有网络多媒体教室数（初中）\n本校值：1.05 间/百生');
    expect(n6.note.match(/需补足 5 间/g)).toHaveLength(2);
    expect(n6.note.endsWith('\n\n数据警告：网络多媒体教室数偏少，请核实')).toBe(true);
  });

  it('leaves info problems and problems without a cell unmarked', () => {
    const withInfo = { ...ledger, problems: [...ledger.problems, { severity: 'info' as const, sheet: '台账', cell: 'A3', message: '提示' }, { severity: 'error' as const, sheet: '台账', message: '无单元格' }] };
    const p = buildPlan(evaluation, withInfo, pack);
    expect(p.marks.map((m) => m.cell).sort()).toEqual(['B4', 'D5', 'L5', 'N6']);
  });
});

describe('report sheet', () => {
  const sheet = plan.reportSheet;

  it('is named 均衡校验报告 and titled with the county and the standard', () => {
    expect(sheet.name).toBe(REPORT_SHEET);
    expect(sheet.rows[0][0]?.v).toBe('样例县义务教育均衡发展校验报告');
    expect(String(sheet.rows[1][0]?.v)).toContain(pack.name);
    expect(sheet.merges).toContain(`A1:${columnLetter(sheet.columnWidths.length)}1`);
  });

  it('gives the overall verdict and each part with its reason', () => {
    const county = rowOf(sheet, '县域结论');
    expect(sheet.rows[county][1]?.v).toBe('未达标');
    const resources = rowOf(sheet, '资源配置');
    expect(sheet.rows[resources][1]?.v).toBe('未达标');
    expect(String(sheet.rows[resources][2]?.v)).toContain('石岭村小学');
    for (const name of ['政府保障程度', '教育质量', '社会认可度']) {
      const r = rowOf(sheet, name);
      expect(sheet.rows[r][1]?.v).toBe('未评估');
      expect(String(sheet.rows[r][2]?.v)).toMatch(/^未评估：/);
    }
  });

  it('prints the indicator table per stage with the evaluation figures and the template formats', () => {
    const start = headingRow(sheet, '小学指标表');
    const st = evaluation.report.stages.primary!;
    st.indicators.forEach((ind, k) => {
      const row = sheet.rows[start + 2 + k];
      expect(row[0]?.v).toBe(ind.name);
      expect(row[1]).toEqual({ v: ind.mean, numFmt: '0.00' });
      expect(row[2]).toEqual({ v: ind.cv, numFmt: '0.000' });
      expect(row[4]?.v).toBe(ind.cvPass ? '达标' : '未达标');
      expect(row[6]?.v).toBe(ind.schoolsBelow);
    });
    // Hand check: primary multimedia rooms: (12 + 12 + 3 + 6 × 300/630) rooms over 1,200 pupils, per 100.
    const mm = sheet.rows[start + 2 + 6];
    expect(mm[1]?.v as number).toBeCloseTo(((27 + (6 * 300) / 630) / 1200) * 100, 10);
    expect(mm[6]?.v).toBe(1);
    // The 2017 template's informational average of the seven CVs follows the table.
    const avg = sheet.rows[start + 2 + 7];
    expect(avg[0]?.v).toBe('差异系数平均值（仅供参考）');
    expect(avg[2]?.v as number).toBeCloseTo(st.indicators.reduce((s, i) => s + (i.cv as number), 0) / 7, 12);
  });

  it('shades unmet values in the compliance matrix and writes the template remark', () => {
    const start = headingRow(sheet, '小学学校达标情况（按学校）');
    const header = sheet.rows[start + 1].map((c) => c?.v);
    expect(header.slice(-3)).toEqual(['达标指标数', '综合评估是否达标', '备注']);
    const row = sheet.rows.findIndex((r, k) => k > start && r[0]?.v === '石岭村小学');
    const cells = sheet.rows[row];
    expect(cells[1]).toMatchObject({ v: 3, fill: FAIL_FILL, numFmt: '0.00' });
    expect(cells[2]?.fill).toBeUndefined();
    expect(cells[5]).toMatchObject({ v: 6, fill: FAIL_FILL });
    expect(cells[8]?.v).toBe(5);
    expect(cells[9]?.v).toBe('未达标');
    expect(cells[10]?.v).toBe('达标：骨干教师、体育艺术教师、教学辅助用房、仪器设备值、多媒体教室；低于 85%：高学历教师、体育场馆');
    // School names link to their ledger row.
    expect(cells[0]?.link).toBe("'台账'!A5");
  });

  it('lists the rectifications grouped by indicator, largest shortfall first, with links to the cells', () => {
    const start = headingRow(sheet, '整改清单');
    const rows = sheet.rows.slice(start + 3, start + 7);
    expect(rows.map((r) => [r[0]?.v, r[1]?.v, r[2]?.v, r[5]?.v, r[6]?.v])).toEqual([
      ['石岭村小学', '小学', '高学历教师', 2, '人'],
      ['石岭村小学', '小学', '体育场馆', 150, '㎡'],
      // Junior short 4.057 rooms before primary 4.040: same indicator, larger shortfall first.
      ['新城九年一贯制学校', '初中', '多媒体教室', 5, '间'],
      ['新城九年一贯制学校', '小学', '多媒体教室', 5, '间'],
    ]);
    expect(rows[0][8]).toEqual({ v: 'D5', link: "'台账'!D5" });
    expect(rows[1][5]?.numFmt).toBe('0.00');
    expect(rows[0][5]?.numFmt).toBe('0');
  });

  it('lists the data problems with a link to each cell', () => {
    const start = headingRow(sheet, '数据问题');
    const rows = sheet.rows.slice(start + 2, start + 4);
    expect(rows.map((r) => [r[0]?.v, r[1]?.v, r[2]?.v, r[3]?.v])).toEqual([
      ['警告', '台账', 'N6', '网络多媒体教室数偏少，请核实'],
      ['警告', '台账', 'B4', '在校生数与上年相差较大'],
    ]);
    expect(rows[1][2]?.link).toBe("'台账'!B4");
  });

  it('points the chart at its data table of CVs and limits', () => {
    const chart = sheet.chart!;
    const at = (ref: string): ReportCell | null => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return sheet.rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    };
    const [first] = chart.categories.split(':');
    expect(at(first)?.v).toBe('高学历教师');
    expect(chart.series.map((s) => s.name)).toEqual(['小学差异系数', '小学限值', '初中差异系数', '初中限值']);
    const [cv0] = chart.series[0].values.split(':');
    expect(at(cv0)?.v).toBe(evaluation.report.stages.primary!.indicators[0].cv);
    const [lim0] = chart.series[3].values.split(':');
    expect(at(lim0)?.v).toBe(0.45);
  });

  it('sizes columns to their text (CJK counts double) and is deterministic', () => {
    expect(textWidth('学校ab')).toBe(6);
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(textWidth('新城九年一贯制学校') + 2);
    expect(sheet.columnWidths.every((w) => w >= 8 && w <= 40)).toBe(true);
    expect(buildPlan(evaluate(county, pack), ledger, pack)).toEqual(plan);
    expect(JSON.stringify(plan)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('prints the composite CV for the 2012 method and marks no cell as failing without thresholds', () => {
    const p2012 = buildPlan(evaluate(county, national2012Basic), ledger, national2012Basic);
    expect(p2012.marks.some((m) => m.kind === 'fail')).toBe(false);
    const composite = p2012.reportSheet.rows.filter((r) => r[0]?.v === '综合差异系数');
    expect(composite.length).toBeGreaterThan(0);
    expect(composite[0][3]).toEqual({ v: 0.65, numFmt: '0.000' });
  });

  it('quotes sheet names in links', () => {
    expect(sheetRef("张三's 台账", 'F9')).toBe("'张三''s 台账'!F9");
  });
});
