import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { getIndicator, getStandard, INDICATOR_IDS, STANDARDS, type RulePack } from '../../src/standards/index.ts';
import { goodPrimary } from '../core/fixtures.ts';

const pack = (id: string): RulePack => {
  const r = getStandard(id);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('national-2017-quality matches rules §4.1 table by table', () => {
  const p = pack('national-2017-quality');
  // rules §4.1: id, 小学 ≥, 初中 ≥
  const table: [string, number, number][] = [
    ['above_degree_teachers_per_100', 4.2, 5.3],
    ['backbone_teachers_per_100', 1.0, 1.0],
    ['pe_art_teachers_per_100', 0.9, 0.9],
    ['teaching_area_per_student', 4.5, 5.8],
    ['sports_area_per_student', 7.5, 10.2],
    ['equipment_value_per_student', 2000, 2500],
    ['multimedia_rooms_per_100', 2.3, 2.4],
  ];
  it('has exactly the 7 indicators, in the table’s order, with their thresholds', () => {
    expect(p.indicators.map((i) => [i.id, i.threshold?.primary, i.threshold?.junior])).toEqual(table);
  });
  it('limits each indicator’s CV to 0.50 (小学) and 0.45 (初中), with no composite', () => {
    for (const i of p.indicators) expect(i.cvLimit).toEqual({ primary: 0.5, junior: 0.45 });
    expect(p.compositeLimit).toBeUndefined();
  });
  it('requires 6 of 7 met and the rest at 85%', () => {
    expect(p.schoolRule).toEqual({ minMet: 6, minRatio: 0.85 });
  });
  it('splits the 4 shared totals of rules §2 and counts teaching points of 50 or more; 规程 relaxations on', () => {
    for (const f of ['teaching_area', 'sports_ground_area', 'equipment_value', 'multimedia_rooms'] as const) expect(p.splitFields).toContain(f);
    expect(p.splitFields).not.toContain('books');
    expect(p.teachingPoints).toEqual({ mode: 'threshold', minStudents: 50 });
    expect(p.relaxations).toBe(true);
  });
  it('carries the government rules of §4.2: 45/50 per class, 2000/2500 pupils, rooms per 12 classes of 96/90 ㎡, special education 6000 元, under 100 funded as 100', () => {
    expect(p.publicFunding).toMatchObject({ minFundedStudents: 100 });
    const g = p.government!;
    expect(g.school.maxClassSize).toEqual({ primary: 45, junior: 50 });
    expect(g.school.schoolSize).toEqual({ single: 2000, combined: 2500 });
    expect(g.school.schoolSizeRelaxed).toEqual({ builtBy: 2010, migrantShareAbove: 0.5, single: 2400, combined: 3000 });
    expect(g.school.specialRooms).toEqual({ classesPerRoom: 12, musicArea: 96, artArea: 90 });
    expect(g.school.specialRoomsRelaxed).toEqual({ builtBy: 2016, musicArea: 73, artArea: 67, smallRuralMaxClassBelow: 30, smallRuralArea: { primary: 54, junior: 61 } });
    const t = Object.fromEntries(g.countyItems.map((r) => [r.id, r.threshold]));
    expect(t).toMatchObject({
      teacher_exchange_rate: 10,
      backbone_exchange_share: 20,
      training_completion: 100,
      certified_teachers: 100,
      nearby_enrolment_primary: 100,
      nearby_enrolment_junior: 95,
      quality_high_school_quota: 50,
      migrant_children_public: 85,
      special_education_funding: 6000,
      retention_rate: 95,
      disabled_enrolment_rate: 95,
      training_budget_share: 5,
      monitoring_level: 3,
      monitoring_difference_rate: 0.15,
      social_recognition: 85,
    });
  });
});

describe('national-2012-basic matches rules §3', () => {
  const p = pack('national-2012-basic');
  it('has the 8 indicators of the table, without national per-school thresholds', () => {
    expect(p.indicators.map((i) => i.id)).toEqual([
      'teaching_area_per_student',
      'sports_area_per_student',
      'equipment_value_per_student',
      'computers_per_100',
      'books_per_student',
      'teachers_per_100',
      'above_degree_teachers_per_100',
      'senior_title_teachers_per_100',
    ]);
    expect(p.indicators.every((i) => i.threshold === undefined && i.cvLimit === undefined)).toBe(true);
  });
  it('limits the composite CV to 0.65 (小学) and 0.55 (初中)', () => {
    expect(p.compositeLimit).toEqual({ primary: 0.65, junior: 0.55 });
  });
  it('splits the 5 shared totals of rules §2 and leaves teaching points out', () => {
    for (const f of ['teaching_area', 'sports_ground_area', 'equipment_value', 'computers', 'books'] as const) expect(p.splitFields).toContain(f);
    expect(p.splitFields).not.toContain('multimedia_rooms');
    expect(p.teachingPoints.mode).toBe('exclude');
  });
});

describe('local variants are data only', () => {
  it('the provincial pack sets 935 / 1155 元 and keeps the national resource thresholds', () => {
    const p = pack('province-2017-funding-935');
    expect(p.publicFunding?.perStudent).toEqual({ primary: 935, junior: 1155 });
    expect(p.indicators).toEqual(pack('national-2017-quality').indicators);
    expect(p.basedOn).toBe('national-2017-quality');
  });
  it('the city pack sets 1150 / 1350 元 and special education at 8000 元', () => {
    const p = pack('city-2017-funding-1150');
    expect(p.publicFunding).toMatchObject({ perStudent: { primary: 1150, junior: 1350 } });
    expect(p.government?.countyItems.find((r) => r.id === 'special_education_funding')?.threshold).toBe(8000);
    expect(pack('national-2017-quality').government?.countyItems.find((r) => r.id === 'special_education_funding')?.threshold).toBe(6000);
  });
  it('a pack with different thresholds changes verdicts with no engine change', () => {
    const base = pack('national-2017-quality');
    const strict: RulePack = {
      ...base,
      id: 'test-strict',
      indicators: base.indicators.map((i) => (i.id === 'teaching_area_per_student' ? { ...i, threshold: { primary: 6, junior: 7 } } : i)),
    };
    const county = { name: '县', schools: [goodPrimary('一小', 100)] }; // 5 ㎡ per pupil
    expect(evaluate(county, base).report.schools[0].met?.teaching_area_per_student).toBe(true);
    expect(evaluate(county, strict).report.schools[0].met?.teaching_area_per_student).toBe(false);
  });
});

describe('every pack', () => {
  it.each(STANDARDS.map((p) => [p.id, p] as const))('%s is well-formed', (_id, p) => {
    expect(p.name).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(p.indicators.map((i) => i.id)).size).toBe(p.indicators.length);
    for (const i of p.indicators) {
      expect(INDICATOR_IDS).toContain(i.id);
      expect(i.name).toMatch(/[\u4e00-\u9fff]/);
      expect(i.unit.length).toBeGreaterThan(0);
      expect(i.source.length).toBeGreaterThan(0);
    }
    expect(p.sources.length).toBeGreaterThan(0);
  });

  it('ids are unique and found by id or Chinese name; unknown ids are a Chinese error', () => {
    expect(new Set(STANDARDS.map((p) => p.id)).size).toBe(STANDARDS.length);
    expect(pack('全国县域义务教育优质均衡（2017）').id).toBe('national-2017-quality');
    expect(getStandard('nope')).toMatchObject({ ok: false, code: 'unknown_standard', message: expect.stringContaining('未知的评估标准') });
  });
});

describe('getIndicator', () => {
  it('finds an indicator by id or by its Chinese name, whatever the bracket width and spaces', () => {
    expect(getIndicator('books_per_student')).toEqual({ ok: true, value: 'books_per_student' });
    expect(getIndicator('生均图书册数')).toEqual({ ok: true, value: 'books_per_student' });
    expect(getIndicator(' 每百名学生拥有体育、艺术(美术、音乐)专任教师数 ')).toEqual({ ok: true, value: 'pe_art_teachers_per_100' });
  });
  it('an unknown indicator is a typed error with a Chinese message', () => {
    expect(getIndicator('生均食堂面积')).toMatchObject({ ok: false, code: 'unknown_indicator', message: expect.stringContaining('未知的指标“生均食堂面积”') });
  });
});

describe('getIndicator with shortened names', () => {
  it('accepts a name without its bracketed words, as clerks shorten them', () => {
    expect(getIndicator('师生比')).toEqual({ ok: true, value: 'teachers_per_100' });
    expect(getIndicator('每百名学生拥有体育、艺术专任教师数')).toEqual({ ok: true, value: 'pe_art_teachers_per_100' });
  });
});
