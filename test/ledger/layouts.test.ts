// The four layouts of rules §5.1, each built here from its description (header rows as described, merges
// included) and evaluated with no mapping; figures are the hand-computed ones of the fixtures.
import { describe, expect, it } from 'vitest';
import { validateSheets } from '../../src/app/validate.ts';
import type { Stage } from '../../src/core/types.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { basicInfoTable, DECLARATION_EXPECTED, declarationTable, statedTableByColumns, statedTableByRows } from './layouts/declaration.ts';
import { repeated } from './layouts/grid.ts';
import { FORM_EXPECTED, formSummarySheet } from './layouts/form-summary.ts';
import { STATISTICS_EXPECTED, statisticsSheet } from './layouts/statistics.ts';

const INDICATORS_2017 = ['above_degree_teachers_per_100', 'backbone_teachers_per_100', 'pe_art_teachers_per_100', 'teaching_area_per_student',
  'sports_area_per_student', 'equipment_value_per_student', 'multimedia_rooms_per_100'];

function expectStage(out: ReturnType<typeof validateSheets>, stage: Stage, want: { schools: number; students: number; mean: number[]; cv: number[] }) {
  const st = out.evaluation!.report.stages[stage]!;
  expect(st.schoolCount).toBe(want.schools);
  expect(st.students).toBe(want.students);
  INDICATORS_2017.forEach((id, j) => {
    const r = st.indicators.find((i) => i.id === id)!;
    expect(r.mean, `${stage} ${id} mean`).toBeCloseTo(want.mean[j], 8);
    expect(r.cv, `${stage} ${id} cv`).toBeCloseTo(want.cv[j], 8);
  });
}

describe('layout 1: the national 申报表', () => {
  for (const [label, table] of [['merges listed', declarationTable()], ['merged values repeated', repeated(declarationTable())]] as const) {
    it(`evaluates 表Ⅱ-2 from its stated values weighted by 在校生数 (${label})`, () => {
      const out = validateSheets([basicInfoTable(), table]);
      expect(out.error).toBeUndefined();
      expectStage(out, 'primary', DECLARATION_EXPECTED.primary);
      expectStage(out, 'junior', DECLARATION_EXPECTED.junior);
      const schools = out.evaluation!.report.schools.map((s) => `${s.name}:${s.stage}`);
      expect(schools).toEqual(['城关第一小学:primary', '城关镇九年一贯制学校小学部:primary', '东风学校:primary', '光明学校:primary',
        '城关中学:junior', '城关镇九年一贯制学校初中部:junior', '实验学校:junior']);
    });
  }

  it('skips the column-number row and placeholder rows, leaves out 民办 (举办者类型 10) and names no missing column', () => {
    const read = readLedger([basicInfoTable(), declarationTable()]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheet).toBe('表2');
    // The group row 资源配置 adds no field, so the header is read from row 3; the column-number row 4 belongs to it.
    expect(read.headerRows).toEqual([3, 4]);
    expect(read.dataRows[0]).toBe(5);
    expect(read.missingRequired).toEqual([]);
    const names = read.county.schools.map((s) => s.name);
    expect(names).not.toContain('L2');
    expect(names).not.toContain('小学 1');
    expect(names).not.toContain('…');
    const privateRows = read.problems.filter((p) => p.message.includes('民办'));
    expect(privateRows.map((p) => p.cell)).toEqual(['C9', 'C14']);
    expect(read.county.schools.find((s) => s.name === '光明学校')?.givenCells?.sports_area_per_student).toBe('K8');
  });

  it('a failing stated value is the cell marked', () => {
    const table = declarationTable();
    // 东风学校's 生均体育运动场馆面积 (K7) far below 7.5 and its 生均教学仪器设备值 (L7) below 85% of 2000.
    table.values[6][10] = 3.0;
    table.values[6][11] = 1500;
    const out = validateSheets([table]);
    const school = out.evaluation!.report.schools.find((s) => s.name === '东风学校')!;
    expect(school.pass).toBe(false);
    expect(out.plan!.marks.filter((m) => m.kind === 'fail').map((m) => m.cell)).toEqual(expect.arrayContaining(['K7', 'L7']));
  });
});

describe('layout 3: an education-statistics export', () => {
  it('reads the four header rows: 计 or its parts never both, 体育与健康 as PE, degrees summed, no junior columns asked for', () => {
    const read = readLedger([statisticsSheet()]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.headerRows).toEqual([2, 3, 4, 5]);
    const field = (col: string) => read.columns.find((c) => c.col === col)?.field ?? null;
    expect(['F', 'G', 'N', 'O', 'P', 'Q', 'S', 'T', 'U', 'V', 'X', 'Y', 'Z'].map(field)).toEqual(['students_primary', 'teachers_primary',
      'pe_art_teachers_primary', 'pe_art_teachers_primary', null, null, 'backbone_teachers_primary', 'teaching_area', null, 'indoor_sports_area',
      'sports_ground_area', 'multimedia_rooms', 'equipment_value']);
    expect(['H', 'I', 'J', 'K', 'L', 'M'].map(field)).toEqual(Array(4).fill('above_degree_teachers_primary').concat([null, null]));
    expect(read.missingRequired).toEqual([]);
    expect(read.county.name).toBe('某某县');
    const first = read.county.schools[0];
    expect(first.values).toMatchObject({ students_primary: 1000, above_degree_teachers_primary: 52, pe_art_teachers_primary: 9, teaching_area: 5200,
      indoor_sports_area: 600, sports_ground_area: 8000, equipment_value: 2_200_000, multimedia_rooms: 24 });
    const info = read.problems.filter((p) => p.severity === 'info').map((p) => `${p.cell} ${p.message}`);
    expect(info).toEqual(expect.arrayContaining([
      expect.stringMatching(/^P5 列 P“.*音乐”是列 O“.*艺术\/计”的组成部分/),
      expect.stringMatching(/^N4 “体育艺术专任教师数（小学）”由 列 N“.*体育与健康” \+ 列 O“.*艺术\/计” 相加得到/),
      expect.stringMatching(/^H4 “高于规定学历教师数（小学）”由 列 H“.*博士研究生毕业” \+ 列 I“.*” \+ 列 J“.*” \+ 列 K“.*专科毕业” 相加得到/),
    ]));
  });

  it('是否计校数 = 0: a unit of 50 pupils or more is a school, one under 50 left out (2017 default)', () => {
    const out = validateSheets([statisticsSheet()]);
    expectStage(out, 'primary', STATISTICS_EXPECTED.default);
    expect(out.evaluation!.report.stages.junior?.schoolCount ?? 0).toBe(0);
    expect(out.problems.some((p) => p.cell === 'B10' && p.message.includes('杨庄教学点') && p.message.includes('不足 50 人'))).toBe(true);
  });

  it('merging campuses puts 城关一小东校区 into 城关一小 by its 学校标识码', () => {
    const out = validateSheets([statisticsSheet()], { settings: { mergeCampuses: true } });
    expectStage(out, 'primary', STATISTICS_EXPECTED.merged);
    expect(out.problems.some((p) => p.message.includes('“城关一小东校区”已并入“城关一小”'))).toBe(true);
  });
});

describe('layout 2: a form summary', () => {
  it('reads sub-fields under merged fields, sums the parts once with an info line, and takes the units row as units', () => {
    const read = readLedger([formSummarySheet()]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // The category row names no field of its own, so the header is read from the field row; the units row is part of it.
    expect(read.headerRows).toEqual([3, 4, 5]);
    expect(read.county.schools.map((s) => s.name)).toEqual(['城关小学', '城关中学', '新华九年一贯制学校', '乡村小学']);
    const field = (col: string) => read.columns.find((c) => c.col === col)?.field ?? null;
    expect(['X', 'Y', 'Z'].map(field)).toEqual(['indoor_sports_area', 'sports_ground_area', 'equipment_value']);
    expect(read.columns.find((c) => c.col === 'Z')?.unit).toBe('万元');
    expect(['O', 'P', 'S', 'T', 'V'].map(field)).toEqual(['above_degree_teachers_primary', 'above_degree_teachers_primary', null,
      'above_degree_teachers_junior', 'above_degree_teachers_junior']);
    expect(read.county.schools[2].values).toMatchObject({ pe_art_teachers_primary: 4, pe_art_teachers_junior: 4,
      above_degree_teachers_primary: 24, above_degree_teachers_junior: 17, equipment_value: 2_000_000 });
    const sums = read.problems.filter((p) => p.message.includes('相加得到'));
    expect(sums.map((p) => p.cell)).toEqual(['G4', 'K4', 'O4', 'T4', 'X4']);
    expect(sums.at(-1)?.message).toContain('列 X“体育场馆面积/体育馆面积（㎡）” + 列 Y“体育场馆面积/校内体育场面积（㎡）”');
    expect(read.missingRequired).toEqual([]);
  });

  it('evaluates to the hand-computed CVs', () => {
    const out = validateSheets([formSummarySheet()]);
    expectStage(out, 'primary', FORM_EXPECTED.primary);
    expectStage(out, 'junior', FORM_EXPECTED.junior);
  });
});

describe('layout 4: several counties in one sheet', () => {
  const twoCounties = () => {
    const s = statisticsSheet('基础基312');
    // A city's export: the last two schools belong to 甲区.
    s.values[8][2] = '甲区';
    s.values[9][2] = '甲区';
    return s;
  };

  it('is refused with both names, never pooled', () => {
    const read = readLedger([twoCounties()]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.counties).toEqual(['某某县', '甲区']);
    expect(read.message).toContain('“某某县”、“甲区”');
    expect(read.message).toContain('--county');
  });

  it('reads the county asked for, with only its schools and problems', () => {
    const read = readLedger([twoCounties()], { county: '甲区' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.county.name).toBe('甲区');
    expect(read.county.schools.map((s) => s.name)).toEqual(['城关一小东校区', '杨庄教学点']);
    const out = validateSheets([twoCounties()], { county: '某某县' });
    expect(out.evaluation!.report.county).toBe('某某县');
    expect(out.evaluation!.report.stages.primary!.schoolCount).toBe(3);
    expect(readLedger([twoCounties()], { county: '乙县' })).toMatchObject({ ok: false, counties: ['某某县', '甲区'] });
  });
});

describe('复核: 表Ⅲ recomputed from 表Ⅱ-2', () => {
  for (const [label, table, cells] of [
    ['stages in rows', statedTableByRows(), ['H4', 'F5']],
    ['stages in columns', statedTableByColumns(), ['D7', 'C9']],
  ] as const) {
    it(`names every stated figure beyond its printed rounding (${label})`, () => {
      const out = validateSheets([basicInfoTable(), declarationTable(), table]);
      const review = out.evaluation!.report.review!;
      expect(review.sheet).toBe('表3');
      expect(review.checked).toBe(28);
      expect(review.differences.map((d) => d.cell)).toEqual([...cells]);
      const [cv, mean] = [...review.differences].sort((a, b) => (a.measure < b.measure ? -1 : 1));
      expect(cv).toMatchObject({ stage: 'primary', indicator: 'equipment_value_per_student', measure: 'cv', stated: 0.109 });
      expect(cv.computed).toBeCloseTo(0.1194873045, 8);
      expect(cv.message).toContain('小学生均教学仪器设备值差异系数填报 0.109');
      expect(mean).toMatchObject({ stage: 'junior', indicator: 'teaching_area_per_student', measure: 'mean', stated: 6.31 });
    });
  }

  it('has no 复核 when the workbook states no figures', () => {
    expect(validateSheets([declarationTable()]).evaluation!.report.review).toBeUndefined();
  });
});
