// Class size from the 班额 band counts (rules §4.2: 小学 ≤ 45, 初中 ≤ 50 in every class), alone and with the
// largest-class column, through judgeSchoolGovernment and through evaluate().
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { classBandsOf, judgeSchoolGovernment, type BandCount, type SchoolGovernmentFacts } from '../../src/core/government.ts';
import type { County, CountySheet } from '../../src/core/types.ts';
import { COUNTY_ITEMS_2017, SCHOOL_GOVERNMENT_2017 as RULES } from '../../src/standards/government.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { goodJunior, goodPrimary } from './fixtures.ts';

const band = (lo: number, hi: number | null, count: number, cell?: string): BandCount => ({
  lo, hi, count, label: hi === null ? `${lo}人及以上` : `${lo}-${hi}人`, ...(cell ? { cell } : {}),
});

const primary = (over: Partial<SchoolGovernmentFacts> = {}): SchoolGovernmentFacts => ({
  name: '一小', type: 'primary', students: { primary: 900, junior: 0 }, maxClassSize: {}, cells: {}, ...over,
});
const junior = (over: Partial<SchoolGovernmentFacts> = {}): SchoolGovernmentFacts =>
  primary({ name: '一中', type: 'junior', students: { primary: 0, junior: 800 }, ...over });

const classItems = (f: SchoolGovernmentFacts, relaxations = true, rules = RULES) => {
  const r = judgeSchoolGovernment(f, rules, national2017Quality, relaxations);
  return { items: r.items.filter((i) => i.id.startsWith('class_size')), warnings: r.warnings };
};

describe('class size from 班额 bands', () => {
  it('fails a primary school with 2 classes of 46-50, value 2 classes over, pointing at the band cell', () => {
    const f = primary({ classBands: { primary: [band(41, 45, 6, 'Q3'), band(46, 50, 2, 'R3'), band(51, 55, 0, 'S3')] } });
    const { items, warnings } = classItems(f);
    expect(items).toEqual([
      expect.objectContaining({ id: 'class_size_bands_primary', value: 2, threshold: 0, op: '≤', unit: '个', pass: false, cell: 'R3', school: '一小' }),
    ]);
    expect(items[0].name).toContain('超过 45 人');
    expect(items[0].name).toContain('46-50人 2 个');
    expect(warnings).toEqual([]);
  });

  it('passes the same 2 classes of 46-50 at junior (limit 50)', () => {
    const f = junior({ classBands: { junior: [band(41, 45, 6, 'Q3'), band(46, 50, 2, 'R3'), band(51, 55, 0, 'S3')] } });
    expect(classItems(f).items).toEqual([expect.objectContaining({ id: 'class_size_bands_junior', value: 0, threshold: 0, pass: true })]);
  });

  it('fails a junior school with one class of 51-55 and counts every band above the limit', () => {
    const one = classItems(junior({ classBands: { junior: [band(46, 50, 4, 'R3'), band(51, 55, 1, 'S3')] } })).items[0];
    expect(one).toMatchObject({ value: 1, pass: false, cell: 'S3' });
    const many = classItems(junior({ classBands: { junior: [band(51, 55, 1, 'S3'), band(56, 60, 0, 'T3'), band(66, null, 3, 'W3')] } })).items[0];
    expect(many).toMatchObject({ value: 4, pass: false, cell: 'S3' });
    expect(many.name).toContain('51-55人 1 个、66人及以上 3 个');
  });

  it('gives the same verdict with the 规程 relaxations on and off', () => {
    for (const f of [primary({ classBands: { primary: [band(46, 50, 2, 'R3')] }, builtYear: 2005, smallRuralSchool: true }),
      junior({ classBands: { junior: [band(46, 50, 2, 'R3')] }, builtYear: 2005 })]) {
      expect(classItems(f, false).items).toEqual(classItems(f, true).items);
    }
  });

  it('fails when either the bands or the largest-class column fails', () => {
    const bandsFail = classItems(primary({ maxClassSize: { primary: 45 }, classBands: { primary: [band(46, 50, 1)] } })).items;
    expect(bandsFail.map((i) => [i.id, i.pass])).toEqual([['class_size_primary', true], ['class_size_bands_primary', false]]);
    const columnFails = classItems(primary({ maxClassSize: { primary: 47 }, classBands: { primary: [band(41, 45, 3)] } })).items;
    expect(columnFails.map((i) => [i.id, i.pass])).toEqual([['class_size_primary', false], ['class_size_bands_primary', true]]);
  });

  it('warns about a band that straddles the limit and does not fail on it', () => {
    const rules = { ...RULES, maxClassSize: { primary: 42, junior: 50 } };
    const { items, warnings } = classItems(primary({ classBands: { primary: [band(41, 45, 3, 'Q3'), band(46, 50, 0, 'R3')] } }), true, rules);
    expect(items).toEqual([expect.objectContaining({ id: 'class_size_bands_primary', value: 0, pass: true })]);
    expect(warnings).toEqual([{ cell: 'Q3', message: expect.stringContaining('“41-45人”跨过 42 人的上限') }]);
    // A band wholly above the limit still fails next to a straddling one.
    const both = classItems(primary({ classBands: { primary: [band(41, 45, 3, 'Q3'), band(46, 50, 1, 'R3')] } }), true, rules);
    expect(both.items[0]).toMatchObject({ value: 1, pass: false, cell: 'R3' });
  });

  it('holds a stage-less band table to the stage of a one-stage school, and to 50 on a combined school with a warning', () => {
    expect(classItems(primary({ classBands: { any: [band(46, 50, 1, 'R3')] } })).items[0]).toMatchObject({ id: 'class_size_bands_primary', pass: false });
    const combined = classItems(primary({ type: 'nine_year', students: { primary: 600, junior: 300 }, classBands: { any: [band(46, 50, 1, 'R3')] } }));
    expect(combined.items.map((i) => [i.id, i.threshold, i.pass])).toEqual([['class_size_bands_primary', 0, true], ['class_size_bands_junior', 0, true]]);
    expect(combined.items[0].name).toContain('超过 50 人');
    expect(combined.warnings).toEqual([{ cell: 'R3', message: expect.stringContaining('小学班额需分段单列') }]);
  });

  it('judges nothing from bands the ledger left blank', () => {
    expect(classBandsOf({ students_primary: 900 })).toEqual({});
    expect(classItems(primary({ classBands: classBandsOf({}) })).items).toEqual([]);
    expect(classBandsOf({ class_band_46_50_primary: 2, class_band_25_below_junior: 0 }, { cells: { class_band_46_50_primary: 'R3' } })).toEqual({
      primary: [{ lo: 46, hi: 50, label: '46-50人', count: 2, cell: 'R3' }],
      junior: [{ lo: 0, hi: 25, label: '25人及以下', count: 0 }],
    });
  });

  it('lets classes of 25 or fewer prove a rural small school’s largest class is under 30 (smaller music room)', () => {
    const rural = (bands: BandCount[]) =>
      judgeSchoolGovernment(primary({ classes: 6, musicRooms: 1, musicRoomArea: 60, smallRuralSchool: true, classBands: { primary: bands } }), RULES, national2017Quality, true)
        .items.find((i) => i.id === 'music_room_area')!;
    expect(rural([band(0, 25, 6)]).pass).toBe(true);
    expect(rural([band(0, 25, 5), band(26, 30, 1)]).pass).toBe(false);
  });
});

/** Every county item of the 2017 pack filled in so that it passes. */
function passingSheet(): CountySheet {
  const entries: CountySheet['entries'] = {};
  for (const r of COUNTY_ITEMS_2017) entries[r.id] = { value: r.kind === 'yes' ? true : r.kind === 'below' ? r.threshold! / 2 : r.threshold! };
  return { sheet: '县级指标', entries };
}

describe('a county through evaluate()', () => {
  const county = (): County => {
    const schools = [goodPrimary('一小', 800), goodPrimary('二小', 600), goodJunior('一中', 900)];
    for (const s of schools) {
      s.values.classes = 18;
      s.values.class_band_41_45_primary = 18;
      s.values.class_band_46_50_junior = 18;
    }
    return { name: '测试县', sheet: '台账', schools, countySheet: passingSheet() };
  };

  it('passes when every band is within its stage limit', () => {
    const { report } = evaluate(county(), national2017Quality);
    expect(report.parts.find((p) => p.id === 'government')).toMatchObject({ pass: true });
    expect(report.pass).toBe(true);
  });

  it('fails the government part on one class over the limit, naming the school, though every CV passes', () => {
    const c = county();
    c.schools[1].values.class_band_46_50_primary = 1;
    c.schools[1].cells!.class_band_46_50_primary = 'AB3';
    const { report } = evaluate(c, national2017Quality);
    expect(report.parts.find((p) => p.id === 'resources')).toMatchObject({ pass: true });
    const gov = report.parts.find((p) => p.id === 'government')!;
    expect(gov.pass).toBe(false);
    expect(gov.reason).toContain('二小：小学班额超过 45 人的班级数');
    expect(gov.items.filter((i) => i.pass === false)).toEqual([
      expect.objectContaining({ id: 'class_size_bands_primary', school: '二小', value: 1, cell: 'AB3' }),
    ]);
    expect(report.pass).toBe(false);
  });
});
