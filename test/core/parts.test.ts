import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import type { County, CountySheet } from '../../src/core/types.ts';
import { COUNTY_ITEMS_2017, GOVERNMENT_WORK_2012 } from '../../src/standards/government.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { goodJunior, goodPrimary } from './fixtures.ts';

/** Every county item of the 2017 pack filled in so that it passes. */
function passingSheet(): CountySheet {
  const entries: CountySheet['entries'] = {};
  for (const r of COUNTY_ITEMS_2017) {
    const value = r.kind === 'yes' ? true : r.kind === 'below' ? r.threshold! / 2 : r.threshold!;
    entries[r.id] = { value, cell: `C${Object.keys(entries).length + 4}` };
  }
  return { sheet: '县级指标', entries };
}

function county(sheet = passingSheet()): County {
  const schools = [goodPrimary('一小', 800), goodPrimary('二小', 600), goodJunior('一中', 900)];
  for (const s of schools) {
    s.values.classes = 18;
    s.values.max_class_size = 44;
    s.cells!.max_class_size = `Y${s.row}`;
  }
  return { name: '测试县', sheet: '台账', schools, countySheet: sheet };
}

const part = (c: County, id: string, pack = national2017Quality) => evaluate(c, pack).report.parts.find((p) => p.id === id)!;

describe('the whole 2017 method', () => {
  it('passes a county whose CVs, schools and county items all pass', () => {
    const { report } = evaluate(county(), national2017Quality);
    expect(report.parts.map((p) => [p.id, p.pass])).toEqual([
      ['resources', true],
      ['government', true],
      ['quality', true],
      ['recognition', true],
    ]);
    expect(report.pass).toBe(true);
  });

  it('fails a county that passes every CV but has one class over 45, naming the school and the cell', () => {
    const c = county();
    c.schools[1].values.max_class_size = 46;
    const { report } = evaluate(c, national2017Quality);
    expect(report.parts[0]).toMatchObject({ id: 'resources', pass: true });
    const gov = report.parts[1];
    expect(gov).toMatchObject({ id: 'government', pass: false });
    expect(gov.reason).toContain('二小：小学最大班额（≤ 45 人）');
    expect(gov.items.filter((i) => i.pass === false)).toEqual([
      expect.objectContaining({ id: 'class_size_primary', school: '二小', value: 46, threshold: 45, cell: `Y${c.schools[1].row}` }),
    ]);
    expect(report.pass).toBe(false);
  });

  it('fails on one county item, naming it and pointing at its cell on 县级指标', () => {
    const sheet = passingSheet();
    sheet.entries.teacher_exchange_rate = { value: 9.5, cell: 'C9' };
    const gov = part(county(sheet), 'government');
    expect(gov.pass).toBe(false);
    expect(gov.reason).toContain('全县每年交流轮岗教师的比例不低于符合交流轮岗条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%（交流轮岗教师比例）');
    expect(gov.items.find((i) => i.id === 'teacher_exchange_rate')).toMatchObject({ pass: false, sheet: '县级指标', cell: 'C9', op: '≥', threshold: 10 });
  });

  it('computes 初中三年巩固率 from its five inputs when the rate itself is blank', () => {
    const sheet = passingSheet();
    sheet.entries.retention_rate = { value: null, cell: 'C20' };
    const input = (value: number) => ({ value });
    sheet.retention = { graduates: input(930), transfers_in: input(20), transfers_out: input(10), grade7_enrolment: input(1000), deaths: input(0) };
    const q = part(county(sheet), 'quality');
    expect(q.items.find((i) => i.id === 'retention_rate')).toMatchObject({ value: 92, pass: false, cell: 'C20' });
    expect(q).toMatchObject({ pass: false, reason: expect.stringContaining('初中三年巩固率') });
  });

  it('leaves parts without data 未评估 and never passes the county on resources alone', () => {
    const c = county();
    delete c.countySheet;
    for (const s of c.schools) {
      delete s.values.classes;
      delete s.values.max_class_size;
    }
    const { report } = evaluate(c, national2017Quality);
    expect(report.parts.map((p) => p.pass)).toEqual([true, null, null, null]);
    expect(report.parts[2].reason).toContain('未评估');
    expect(report.pass).toBe(null);
  });

  it('a government part with passing schools but a blank county sheet is not evaluated, naming what is missing', () => {
    const sheet = passingSheet();
    sheet.entries.certified_teachers = { value: null, cell: 'C11' };
    expect(part(county(sheet), 'government')).toMatchObject({ pass: null, reason: expect.stringContaining('专任教师持有教师资格证上岗率达到100%') });
  });
});

describe('the whole 2012 method', () => {
  const scored = (total: number): CountySheet => {
    let cut = 100 - total;
    const entries: CountySheet['entries'] = { public_satisfaction: { value: 90 } };
    for (const r of GOVERNMENT_WORK_2012) {
      const less = Math.min(cut, r.threshold!);
      cut -= less;
      entries[r.id] = { value: r.threshold! - less };
    }
    return { sheet: '县级指标', entries };
  };
  const withStandard = (sheet: CountySheet, met = true): County => {
    const c = county(sheet);
    for (const s of c.schools) s.flags = { basic_standard_met: met };
    return c;
  };

  it('passes with every school at the basic standard, composites within limits, 85 points and 85% satisfaction', () => {
    const { report } = evaluate(withStandard(scored(85)), national2012Basic);
    expect(report.parts.map((p) => [p.id, p.pass])).toEqual([
      ['basic_standard', true],
      ['resources', true],
      ['government_work', true],
      ['satisfaction', true],
    ]);
    expect(report.pass).toBe(true);
  });

  it('fails at 84 points, and on one school below the basic standard', () => {
    expect(part(withStandard(scored(84)), 'government_work', national2012Basic)).toMatchObject({ pass: false, reason: expect.stringContaining('84 分') });
    const c = withStandard(scored(90));
    c.schools[2].flags = { basic_standard_met: false };
    expect(part(c, 'basic_standard', national2012Basic)).toMatchObject({ pass: false, reason: expect.stringContaining('一中') });
  });
});

describe('retention inputs left blank', () => {
  it('are not an error when none is filled, and name the missing ones when some are', () => {
    const blank = passingSheet();
    blank.entries.retention_rate = { value: null, cell: 'C20' };
    blank.retention = { graduates: { value: null }, transfers_in: { value: null }, transfers_out: { value: null }, grade7_enrolment: { value: null }, deaths: { value: null } };
    const none = evaluate(county(blank), national2017Quality).report;
    expect(none.problems.filter((p) => p.message.includes('巩固率'))).toEqual([]);
    expect(none.parts.find((p) => p.id === 'quality')).toMatchObject({ pass: null, reason: expect.stringContaining('初中三年巩固率') });
    blank.retention.graduates = { value: 900, cell: 'C26' };
    const some = evaluate(county(blank), national2017Quality).report;
    expect(some.problems).toContainEqual(expect.objectContaining({ severity: 'error', cell: 'C26', message: expect.stringContaining('三年内转入学生数') }));
  });
});
