// The built-in sample county: deterministic, realistic in make-up, and failing where it is designed to.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { plainValue } from '../../src/hosts/file/index.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';
import { GUIDE_SHEET, SAMPLE_HEADER_ROW, SAMPLE_SHEET, sampleLedgerRows, writeSampleWorkbook } from '../../src/sample/index.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';

const rows = sampleLedgerRows();
const col = (field: string) => TEMPLATE_COLUMNS.findIndex((c) => c.field === field);
const data = rows.slice(SAMPLE_HEADER_ROW);
const ofType = (t: string) => data.filter((r) => r[col('type')] === t);

describe('sample county', () => {
  it('is deterministic, and a different seed gives different figures', () => {
    expect(sampleLedgerRows()).toEqual(rows);
    expect(sampleLedgerRows(7)).not.toEqual(rows);
    expect(sampleLedgerRows(7).map((r) => r[0])).toEqual(rows.map((r) => r[0]));
  });

  it('has a fictional county title and the template header row', () => {
    expect(rows[0][0]).toBe('云岭县义务教育学校办学条件台账（2025学年）');
    expect(rows[1]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(data).toHaveLength(40);
  });

  it('mixes the school types of rules §2', () => {
    expect(ofType('小学').length).toBeGreaterThanOrEqual(20);
    expect(ofType('初中').length).toBeGreaterThanOrEqual(6);
    expect(ofType('九年一贯制')).toHaveLength(2);
    const complete = ofType('完全中学');
    expect(complete).toHaveLength(1);
    expect(complete[0][col('students_senior')]).toBeGreaterThan(0);
    const points = ofType('教学点');
    const pupils = points.map((r) => r[col('students_primary')] as number);
    expect(pupils.some((n) => n >= 50)).toBe(true);
    expect(pupils.some((n) => n < 50)).toBe(true);
    const names = new Set(data.map((r) => r[0]));
    for (const p of points) expect(names.has(p[col('central_school')])).toBe(true);
  });

  it('keeps equipment in 万元 (per-pupil values between 1,000 and 10,000 元)', () => {
    expect(rows[1][col('equipment_value')]).toBe('教学仪器设备值（万元）');
    for (const r of data) {
      const pupils = ['students_primary', 'students_junior', 'students_senior'].reduce((s, f) => s + ((r[col(f)] as number) ?? 0), 0);
      const perPupil = ((r[col('equipment_value')] as number) * 10_000) / pupils;
      expect(perPupil).toBeGreaterThan(1000);
      expect(perPupil).toBeLessThan(10_000);
    }
  });

  it('writes 填表说明 first, the ledger with a merged title row, then 县级指标', async () => {
    const wb = writeSampleWorkbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual([GUIDE_SHEET, SAMPLE_SHEET, '县级指标']);
    const ws = wb.getWorksheet(SAMPLE_SHEET)!;
    expect(ws.model.merges).toContain(`A1:${ws.getCell(1, TEMPLATE_COLUMNS.length).address.replace(/\d+$/, '')}1`);
    const values = Array.from({ length: rows.length }, (_, r) => rows[r].map((_, c) => plainValue(ws.getCell(r + 1, c + 1).value)));
    expect(values.slice(1)).toEqual(rows.slice(1));
  });

  it('passes every junior CV, fails the primary backbone-teacher and sports-area CVs, and two schools fail', () => {
    const ledger = readLedger([{ name: SAMPLE_SHEET, values: rows }]);
    if (!ledger.ok) throw new Error(ledger.message);
    expect(ledger.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const { report } = evaluate(ledger.county, national2017Quality);
    const primary = report.stages.primary!;
    expect(primary.indicators.filter((i) => i.cvPass === false).map((i) => i.id)).toEqual(['backbone_teachers_per_100', 'sports_area_per_student']);
    for (const i of primary.indicators.filter((x) => x.cvPass === false)) expect(i.cv!).toBeLessThan(0.6);
    expect(report.stages.junior!.pass).toBe(true);
    expect(report.schools.filter((s) => s.pass === false).map((s) => s.name)).toEqual(['石门镇岩口小学', '桃源镇杨柳小学']);
    // Teaching points under 50 pupils are left out of the CVs (2017 default).
    expect(primary.schoolCount).toBe(ofType('小学').length + 3 + 2);
  });
});
