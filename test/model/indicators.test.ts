// The indicator registry against the rules page (§3 and §4.1 tables: id, name, unit, ×100 or per pupil, the
// amounts each numerator is made of) and against every layer that reads it.
import { describe, expect, it } from 'vitest';
import { deriveIndicator } from '../../src/core/derive.ts';
import type { SchoolPart } from '../../src/core/split.ts';
import { INDICATOR_IDS, INDICATORS } from '../../src/model/indicators.ts';
import { baseUnit, shortName } from '../../src/plan/format.ts';
import { STANDARDS } from '../../src/standards/index.ts';

// Written out from rules/README.md §3/§4.1, not from the registry.
const RULES: Record<string, { name: string; per100: boolean; amountUnit: string }> = {
  above_degree_teachers_per_100: { name: '每百名学生拥有高于规定学历教师数', per100: true, amountUnit: '人' },
  backbone_teachers_per_100: { name: '每百名学生拥有县级以上骨干教师数', per100: true, amountUnit: '人' },
  pe_art_teachers_per_100: { name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', per100: true, amountUnit: '人' },
  teaching_area_per_student: { name: '生均教学及辅助用房面积', per100: false, amountUnit: '㎡' },
  sports_area_per_student: { name: '生均体育运动场馆面积', per100: false, amountUnit: '㎡' },
  equipment_value_per_student: { name: '生均教学仪器设备值', per100: false, amountUnit: '元' },
  multimedia_rooms_per_100: { name: '每百名学生拥有网络多媒体教室数', per100: true, amountUnit: '间' },
  computers_per_100: { name: '每百名学生拥有计算机台数', per100: true, amountUnit: '台' },
  books_per_student: { name: '生均图书册数', per100: false, amountUnit: '册' },
};

const part = (values: SchoolPart['values'], students = 200): SchoolPart =>
  ({ name: '一小', row: 2, stage: 'primary', type: 'primary', students, share: 1, values, cells: {}, flags: { smallRuralSchool: false, denseCityCentre: false, teachingPoint: false } }) as SchoolPart;

describe('indicator registry', () => {
  it('describes every id once, as the rules page names and scales it', () => {
    expect(Object.keys(INDICATORS).sort()).toEqual([...INDICATOR_IDS].sort());
    for (const [id, r] of Object.entries(RULES)) {
      const info = INDICATORS[id as keyof typeof INDICATORS];
      expect(info.id).toBe(id);
      expect(info.name).toBe(r.name);
      expect(info.scale).toBe(r.per100 ? 100 : 1);
      expect(info.amountUnit).toBe(r.amountUnit);
      expect(info.unit).toBe(`${r.amountUnit}/${r.per100 ? '百生' : '生'}`);
    }
    const shorts = INDICATOR_IDS.map((id) => INDICATORS[id].short);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('derivation computes with its numerator field and scale: 300 books, 120 computers over 200 pupils', () => {
    expect(deriveIndicator(part({ books: 300 }), 'books_per_student', false)).toMatchObject({ value: 1.5, amount: 300, scale: 1, cellField: 'books' });
    expect(deriveIndicator(part({ computers: 12 }), 'computers_per_100', false)).toMatchObject({ value: 6, amount: 12, scale: 100, cellField: 'computers' });
    // (教学及辅助用房 − 室内体育用房) / pupils: (1000 − 100) / 200 = 4.5, marked on the first numerator field.
    expect(deriveIndicator(part({ teaching_area: 1000, indoor_sports_area: 100 }), 'teaching_area_per_student', false)).toMatchObject({ value: 4.5, cellField: 'teaching_area' });
    for (const id of INDICATOR_IDS) {
      const d = deriveIndicator(part({}), id, false);
      expect(d.scale).toBe(INDICATORS[id].scale);
      expect(INDICATORS[id].numerator).toContain(d.cellField);
    }
  });

  it('every pack’s rule, the planner’s labels and units read it', () => {
    for (const pack of STANDARDS) {
      for (const rule of pack.indicators) {
        expect(rule.name).toBe(INDICATORS[rule.id].name);
        expect(rule.unit).toBe(INDICATORS[rule.id].unit);
        expect(shortName(rule.id)).toBe(INDICATORS[rule.id].short);
        expect(baseUnit(rule.id)).toBe(INDICATORS[rule.id].amountUnit);
      }
    }
  });
});
