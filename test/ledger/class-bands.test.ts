// 班额 band columns (the national statistics' table: classes per band, per stage) read into
// class_band_<band>_<stage>, in the header variants ledgers use.
import { describe, expect, it } from 'vitest';
import type { NumericField } from '../../src/core/types.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { analyseHeader, fieldOf } from '../../src/ledger/headers.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { cellMap } from '../../src/model/school.ts';
import type { LedgerReadOk, SheetValues } from '../../src/ledger/types.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';

const read = (sheets: SheetValues[]): LedgerReadOk => {
  const r = readLedger(sheets);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const bandValues = (values: Partial<Record<NumericField, number>>) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('class_band_')));
const bandCells = (cells: Partial<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith('class_band_')));

describe('班额 band headers', () => {
  it.each([
    ['46-50人班级数', '', 'class_band_46_50'],
    ['46～50人', '小学', 'class_band_46_50_primary'],
    ['46—50人', '初中', 'class_band_46_50_junior'],
    ['46到50人', '', 'class_band_46_50'],
    ['46 - 50 人', '', 'class_band_46_50'],
    ['班额 41～45人（个）', '小学', 'class_band_41_45_primary'],
    ['25人及以下', '小学', 'class_band_25_below_primary'],
    ['≤25人', '', 'class_band_25_below'],
    ['66人以上', '初中', 'class_band_66_above_junior'],
    ['≥66人', '', 'class_band_66_above'],
    ['超大班额（66人及以上）', '初中', 'class_band_66_above_junior'],
    ['66及以上', '班额（人）', 'class_band_66_above'],
    ['46-50人', '高中', null],
    ['大班额（56-65人）', '', null],
    ['是否50-100人乡村小规模学校', '', 'small_rural_school'],
  ])('%s under “%s” → %s', (sub, group, field) => {
    expect(fieldOf(analyseHeader(sub, group))).toBe(field);
  });

  it('takes the stage from a group header over the bands (46-50人班级数, 46～50人, 66人以上)', () => {
    const r = read([{
      name: '台账',
      values: [
        ['学校名称', '学校类型', '小学在校生数', '初中在校生数', '小学', null, null, '初中', null, null],
        [null, null, null, null, '41-45人班级数', '46～50人', '66人以上', '46-50人班级数', '51—55人', '66人及以上'],
        ['城关九年制', '九年一贯制', 600, 300, 10, 2, 0, 5, 1, 0],
      ],
      merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:G1', 'H1:J1'],
    }]);
    const s = r.county.schools[0];
    expect(bandValues(s.values)).toEqual({
      class_band_41_45_primary: 10, class_band_46_50_primary: 2, class_band_66_above_primary: 0,
      class_band_46_50_junior: 5, class_band_51_55_junior: 1, class_band_66_above_junior: 0,
    });
    expect(bandCells(cellMap(s))).toMatchObject({ class_band_46_50_primary: 'F3', class_band_51_55_junior: 'I3' });
    expect(r.mapping).toMatchObject({ class_band_46_50_primary: '小学/46～50人', class_band_51_55_junior: '初中/51—55人' });
  });

  it('takes the stage from each header (小学46～50人, 初中班额51-55人（个）, 25人及以下（小学）) and the band from a bare range', () => {
    const r = read([{
      name: '台账',
      values: [
        ['学校名称', '小学在校生数', '初中在校生数', '25人及以下（小学）', '小学46～50人', '初中班额51-55人（个）', '初中 66 人以上班级数'],
        ['城关九年制', 600, 300, 3, 2, 1, 4],
      ],
    }]);
    expect(bandValues(r.county.schools[0].values)).toEqual({
      class_band_25_below_primary: 3, class_band_46_50_primary: 2, class_band_51_55_junior: 1, class_band_66_above_junior: 4,
    });
    const bare = read([{
      name: '台账',
      values: [
        ['学校名称', '学校类型', '小学在校生数', '班额（人）', null],
        [null, null, null, '41-45', '46-50'],
        ['一小', '小学', 600, 8, 1],
      ],
      merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'],
    }]);
    // No stage anywhere: the whole school's bands, held to its own stage's limit by the evaluation.
    expect(bandValues(bare.county.schools[0].values)).toEqual({ class_band_41_45: 8, class_band_46_50: 1 });
  });

  it('on a sheet about one stage, stage-less band headers are that stage’s', () => {
    const r = read([{
      name: '初中学校',
      values: [['学校名称', '在校生数', '46-50人班级数', '51-55人班级数'], ['一中', 900, 6, 1]],
    }]);
    expect(bandValues(r.county.schools[0].values)).toEqual({ class_band_46_50_junior: 6, class_band_51_55_junior: 1 });
  });

  it('reads counts given as text, leaves blanks missing, and names the cell of a count that is not a number', () => {
    const r = read([{
      name: '台账',
      values: [
        ['学校名称', '小学在校生数', '小学41-45人', '小学46-50人', '小学51-55人'],
        ['一小', 600, ' 12 ', '2个', null],
        ['二小', 500, '８', '—', '两个'],
      ],
    }]);
    const [one, two] = r.county.schools;
    expect(bandValues(one.values)).toEqual({ class_band_41_45_primary: 12, class_band_46_50_primary: 2 });
    expect(bandValues(two.values)).toEqual({ class_band_41_45_primary: 8 });
    expect(r.problems).toContainEqual(expect.objectContaining({ severity: 'error', sheet: '台账', cell: 'E3', message: expect.stringContaining('“两个”不是数字') }));
  });

  it('drops a fractional count and warns about a count for a stage the school does not have', () => {
    const r = read([{
      name: '台账',
      values: [['学校名称', '学校类型', '小学在校生数', '小学46-50人', '初中51-55人'], ['一小', '小学', 600, 2.5, 1]],
    }]);
    expect(bandValues(r.county.schools[0].values)).toEqual({ class_band_51_55_junior: 1 });
    expect(r.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ severity: 'error', cell: 'D2', message: expect.stringContaining('应为整数个班（填了 2.5）') }),
      expect.objectContaining({ severity: 'warning', cell: 'E2', message: expect.stringContaining('没有初中学段') }),
    ]));
  });

  it('reads no band from 最大班额, 班级数 or a non-national band (56-65人)', () => {
    const r = read([{
      name: '台账',
      values: [['学校名称', '小学在校生数', '最大班额（小学）', '班级数', '56-65人'], ['一小', 600, 44, 14, 1]],
    }]);
    const s = r.county.schools[0];
    expect(bandValues(s.values)).toEqual({});
    expect(s.values).toMatchObject({ max_class_size_primary: 44, classes: 14 });
  });

  it('feeds the evaluation: a band over the limit fails class size at its cell', () => {
    const r = read([{
      name: '台账',
      values: [['学校名称', '学校类型', '小学在校生数', '小学41-45人', '小学46-50人'], ['一小', '小学', 600, 12, 2]],
    }]);
    const gov = evaluate(r.county, national2017Quality).report.parts.find((p) => p.id === 'government')!;
    expect(gov.items.find((i) => i.id === 'class_size_bands_primary')).toMatchObject({ school: '一小', value: 2, pass: false, cell: 'E2' });
  });
});
