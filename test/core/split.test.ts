import { describe, expect, it } from 'vitest';
import { splitCounty, stageShares } from '../../src/core/split.ts';
import { roundTo } from '../../src/core/stats.ts';
import { national2012Basic } from '../../src/standards/national-2012-basic.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { school } from './fixtures.ts';

const county = (...schools: ReturnType<typeof school>[]) => ({ name: '测试县', sheet: '台账', schools });

describe('combined-school split (rules §2)', () => {
  it('reproduces the worked example: 166 primary, 210 junior, 23,226 books', () => {
    const { parts } = splitCounty(county(school('一贯制学校', 'nine_year', { students_primary: 166, students_junior: 210, books: 23226 })), national2012Basic);
    const [p, j] = parts;
    expect(p.stage).toBe('primary');
    expect(roundTo(p.values.books!, 1)).toBe(9711.6);
    expect(roundTo(p.values.books! / p.students, 2)).toBe(58.5);
    expect(j.stage).toBe('junior');
    expect(roundTo(j.values.books!, 1)).toBe(13514.4);
    expect(roundTo(j.values.books! / j.students, 2)).toBe(64.35);
    expect([p.students, j.students]).toEqual([166, 210]);
  });

  it('uses 1 : 1.2 for a complete secondary school and 1 : 1.1 : 1.32 for a twelve-year school', () => {
    expect(stageShares(0, 100, 50).junior).toBeCloseTo(100 / (100 + 1.2 * 50), 12);
    const s = stageShares(300, 200, 100);
    expect(s.primary).toBeCloseTo(300 / (300 + 1.1 * 200 + 1.32 * 100), 12);
    expect(s.junior).toBeCloseTo((1.1 * 200) / (300 + 1.1 * 200 + 1.32 * 100), 12);
  });

  it('gives a complete secondary school one junior part with the junior share of shared totals', () => {
    const { parts } = splitCounty(county(school('一中', 'complete_secondary', { students_junior: 600, students_senior: 900, teaching_area: 20000 })), national2017Quality);
    expect(parts).toHaveLength(1);
    expect(parts[0].stage).toBe('junior');
    expect(parts[0].values.teaching_area).toBeCloseTo((20000 * 600) / (600 + 1.2 * 900), 9);
  });

  it('takes per-stage teacher columns as they are and splits a lone total with a warning naming the cell', () => {
    const perStage = splitCounty(county(school('甲校', 'nine_year', { students_primary: 100, students_junior: 100, teachers_primary: 7, teachers_junior: 9 })), national2017Quality);
    expect(perStage.parts.map((p) => p.values.teachers)).toEqual([7, 9]);
    expect(perStage.problems).toHaveLength(0);

    const total = splitCounty(county(school('乙校', 'nine_year', { students_primary: 100, students_junior: 100, backbone_teachers: 21 })), national2017Quality);
    expect(total.parts[0].values.backbone_teachers).toBeCloseTo(10, 9);
    expect(total.parts[1].values.backbone_teachers).toBeCloseTo(11, 9);
    expect(total.problems).toHaveLength(2);
    expect(total.problems[0]).toMatchObject({ severity: 'warning', sheet: '台账', cell: expect.stringContaining('backbone_teachers@') });
    expect(total.problems[0].message).toContain('乙校');
  });

  it('treats a single-stage campus of a combined school as a school of that stage, with no split', () => {
    const { parts } = splitCounty(county(school('分校区', 'nine_year', { students_primary: 240, teaching_area: 1000 })), national2017Quality);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ stage: 'primary', share: 1, students: 240 });
    expect(parts[0].values.teaching_area).toBe(1000);
  });

  it('never splits rows of the 申报表 layout again', () => {
    const { parts } = splitCounty(
      county(
        school('实验学校小学部', 'primary_part', { students_primary: 166, books: 9711.6 }),
        school('实验学校初中部', 'junior_part', { students_junior: 210, books: 13514.4 }),
      ),
      national2012Basic,
    );
    expect(parts.map((p) => [p.stage, p.values.books])).toEqual([
      ['primary', 9711.6],
      ['junior', 13514.4],
    ]);
  });

  it('infers the type from the filled enrolment columns', () => {
    const { parts } = splitCounty(county(school('无类型', undefined, { students_primary: 100, students_junior: 50 })), national2017Quality);
    expect(parts.map((p) => p.stage)).toEqual(['primary', 'junior']);
  });

  it('reports a school with no enrolment and a negative enrolment as errors and leaves them out', () => {
    const { parts, problems, gaps } = splitCounty(
      county(school('空校', 'primary', { students_primary: 0 }), school('负校', 'primary', { students_primary: -5 }), school('未填校', 'primary', {})),
      national2017Quality,
    );
    expect(parts).toHaveLength(0);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error', 'error']);
    expect(problems[0].message).toBe('“空校”在校生数为 0，未计入');
    expect(problems[1]).toMatchObject({ cell: expect.stringContaining('students_primary@'), message: expect.stringContaining('负数') });
    // A count of 0 was read; a negative or blank one was not: those are gaps (rules §5.2), the 0 is not.
    expect(gaps.map((g) => [g.stage, g.reason])).toEqual([['primary', '在校生数为负数'], ['primary', '在校生数为空或无法读取']]);
  });
});

describe('teaching points (rules §2)', () => {
  const tp = (name: string, n: number) => school(name, 'teaching_point', { students_primary: n, teaching_area: 3 * n }, { centralSchool: '中心校' });
  const central = () => school('中心校', 'primary', { students_primary: 500, teaching_area: 2500 });

  it('2017 default: 50 pupils or more count as a primary school, fewer are left out with a note', () => {
    const { parts, problems } = splitCounty(county(central(), tp('五十人点', 50), tp('四十九人点', 49)), national2017Quality);
    expect(parts.map((p) => p.name)).toEqual(['中心校', '五十人点']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'info', message: expect.stringContaining('不足 50 人') });
  });

  it('2012 default: teaching points are left out', () => {
    const { parts } = splitCounty(county(central(), tp('甲点', 80)), national2012Basic);
    expect(parts.map((p) => p.name)).toEqual(['中心校']);
  });

  it('merging into the central school is a setting', () => {
    const { parts } = splitCounty(county(central(), tp('甲点', 30), tp('乙点', 60)), national2012Basic, { mode: 'merge', minStudents: 50 });
    expect(parts).toHaveLength(1);
    expect(parts[0].students).toBe(590);
    expect(parts[0].values.teaching_area).toBe(2500 + 90 + 180);
  });

  it('warns when a teaching point names no central school in the ledger', () => {
    const orphan = school('孤点', 'teaching_point', { students_primary: 30 }, { centralSchool: '不存在' });
    const { parts, problems } = splitCounty(county(central(), orphan), national2012Basic, { mode: 'merge', minStudents: 50 });
    expect(parts).toHaveLength(1);
    expect(problems[0].message).toContain('未找到所属中心校');
  });
});

describe('a 完全中学 or 十二年一贯制 row without senior pupils', () => {
  it('warns on the senior enrolment cell that all shared resources go to the compulsory stages', () => {
    const county = { name: '县', sheet: '台账', schools: [
      { name: '城关完全中学', row: 2, type: 'complete_secondary' as const, values: { students_junior: 600, teaching_area: 4000 },
        cells: { school: 'A2', students_junior: 'C2', students_senior: 'D2' } },
      { name: '实验完全中学', row: 3, type: 'complete_secondary' as const, values: { students_junior: 600, students_senior: 400, teaching_area: 4000 },
        cells: { school: 'A3', students_junior: 'C3', students_senior: 'D3' } },
    ] };
    const { problems, parts } = splitCounty(county, national2017Quality);
    const warned = problems.filter((p) => p.message.includes('没有高中在校生数'));
    expect(warned.map((p) => p.cell)).toEqual(['D2']);
    expect(warned[0].message).toContain('城关完全中学');
    expect(parts.find((p) => p.name === '城关完全中学')?.values.teaching_area).toBe(4000);
  });
});
