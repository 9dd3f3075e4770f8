// Header matching (rules §5) and cell reading, one table each.
import { describe, expect, it } from 'vitest';
import { readFlag, readNumber } from '../../src/ledger/cells.ts';
import { columnLetter, columnNumber, parseRange } from '../../src/model/a1.ts';
import { analyseHeader, fieldOf, ideographsOf, normalizeHeader, normalizedLacks, unitFactor } from '../../src/ledger/headers.ts';
import { readSchoolType } from '../../src/ledger/school-type.ts';
import { countyFromTitle } from '../../src/ledger/county.ts';
import { REQUIRED_FIELDS, TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../../src/ledger/template.ts';
import { FLAG_FIELDS, NUMERIC_FIELDS, TEXT_FIELDS } from '../../src/core/types.ts';

const match = (sub: string, group = '') => {
  const info = analyseHeader(sub, group);
  const field = fieldOf(info);
  return { field, ...unitFactor(field, info) };
};

describe('template', () => {
  it('has one column per field, each with a Chinese explanation, on sheet 台账', () => {
    expect(TEMPLATE_SHEET).toBe('台账');
    const fields = TEMPLATE_COLUMNS.map((c) => c.field);
    expect(new Set(fields).size).toBe(fields.length);
    const known = new Set<string>([...NUMERIC_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS]);
    for (const c of TEMPLATE_COLUMNS) {
      expect(known.has(c.field), c.field).toBe(true);
      expect(c.explanation).toMatch(/[\u4e00-\u9fa5]{6,}/);
    }
    expect(REQUIRED_FIELDS).toEqual(expect.arrayContaining(['school', 'students_primary', 'students_junior', 'equipment_value', 'multimedia_rooms']));
  });

  it('every template header is read back as its own field', () => {
    for (const c of TEMPLATE_COLUMNS) expect(match(c.header).field, c.header).toBe(c.field);
  });
});

describe('header matching', () => {
  it.each([
    ['学校名称', '', 'school', undefined, 1],
    ['学 校 名 称', '', 'school', undefined, 1],
    ['学校代码', '', null, undefined, 1],
    ['小学学生人数', '', 'students_primary', '人', 1],
    ['小学', '在校学生数', 'students_primary', undefined, 1],
    ['初中', '在校生数（人）', 'students_junior', '人', 1],
    ['在校生数', '', 'students', undefined, 1],
    ['县级及以上骨干教师数（小学）', '', 'backbone_teachers_primary', undefined, 1],
    ['骨干教师数', '', 'backbone_teachers', undefined, 1],
    ['专任教师数（高中）', '', null, undefined, 1],
    ['专科及以上学历教师数（小学）', '', 'above_degree_teachers_primary', undefined, 1],
    ['本科及以上学历专任教师（初中）', '', 'above_degree_teachers_junior', undefined, 1],
    ['中级及以上专业技术职务教师数', '', 'senior_title_teachers', undefined, 1],
    ['体育', '专任教师数', 'pe_art_teachers', undefined, 1],
    ['体育', '', null, undefined, 1],
    ['合计', '教学及辅助用房（㎡）', 'teaching_area', '㎡', 1],
    ['其中：室内体育用房', '教学及辅助用房（㎡）', 'indoor_sports_area', '㎡', 1],
    ['体育馆面积', '', 'indoor_sports_area', undefined, 1],
    ['体育运动场馆面积(m²)', '', 'sports_area', '㎡', 1],
    ['校内体育场面积（平方米）', '', 'sports_ground_area', '㎡', 1],
    ['教学仪器设备值（万元）', '', 'equipment_value', '万元', 10000],
    ['教学仪器设备资产值（账面原值）（元）', '', 'equipment_value', '元', 1],
    ['教学仪器设备值', '', 'equipment_value', undefined, 1],
    ['仪器设备值', '单位：万元', 'equipment_value', '万元', 10000],
    ['专任教师数', '单位：万元', 'teachers', undefined, 1],
    ['图书（万册）', '', 'books', '万册', 10000],
    ['网络多媒体教室间数', '', 'multimedia_rooms', '间', 1],
    ['学生用计算机（台）', '', 'computers', '台', 1],
    ['最大班额（初中）', '', 'max_class_size_junior', undefined, 1],
    ['生均教学及辅助用房面积', '', null, undefined, 1],
    ['每百名学生拥有网络多媒体教室数', '', null, undefined, 1],
    ['专任教师学历合格率', '', null, undefined, 1],
    ['小学', '生均教学及辅助用房面积（㎡）', null, undefined, 1],
    ['教学及辅助用房面积', '办学条件达标情况', 'teaching_area', undefined, 1],
    ['体育、艺术（美术、音乐）专任教师数', '', 'pe_art_teachers', undefined, 1],
    ['其中：小学', '在校学生数（人）', 'students_primary', '人', 1],
    ['网络多媒体教室（间）', '', 'multimedia_rooms', '间', 1],
    ['教职工数', '', null, undefined, 1],
    ['城乡类别', '', null, undefined, 1],
    ['学校（单位）名称', '', 'school', undefined, 1],
    ['交流轮岗兼职走教体育艺术教师数', '', 'pe_art_itinerant_teachers', undefined, 1],
    ['是否人口密度过高中心城区学校', '', 'dense_city_centre', undefined, 1],
    ['所属中心学校名称', '', 'central_school', undefined, 1],
    ['举办者', '', 'ownership', undefined, 1],
  ] as const)('%s under “%s” → %s', (sub, group, field, unit, factor) => {
    expect(match(sub, group)).toEqual({ field, ...(unit ? { unit } : {}), factor });
  });

  it('normalises widths, spaces, list punctuation and the 其中 prefix', () => {
    expect(normalizeHeader('其中：室内体育用房（㎡）')).toBe('室内体育用房(m2)');
    expect(normalizeHeader(' 体育、艺术　（美术，音乐）')).toBe('体育艺术(美术音乐)');
  });
});

describe('cells', () => {
  it.each([
    [1234, 1234],
    ['1,234', 1234],
    ['１２３', 123],
    [' 45 ', 45],
    ['12.5万', 125000],
    ['12.5 万元', 125000],
    ['2600㎡', 2600],
    ['-3', -3],
    ['.5', 0.5],
    [{ formula: 'A1+1', result: 7 }, 7],
  ])('%j reads as %d', (v, n) => {
    const r = readNumber(v);
    expect(r.kind === 'number' && r.value).toBe(n);
  });

  it.each([null, undefined, '', '  ', '—', '——', '-', '/', '／', '无', 'N/A'])('%j is missing, not zero', (v) => {
    expect(readNumber(v)).toEqual({ kind: 'missing' });
  });

  it.each([['约50', '“约50”不是数字'], ['1.2.3', '不是数字'], [true, '逻辑值'], ['#REF!', '错误值 #REF!'], [{ error: '#N/A' }, '错误值 #N/A'],
    [{ formula: 'SUM(A1:A3)' }, '公式没有计算结果，请在 Excel/WPS 中重新计算并保存'], [new Date(2024, 8, 1), '是日期']])(
    '%j is unusable: %s',
    (v, reason) => {
      const r = readNumber(v);
      expect(r.kind).toBe('bad');
      if (r.kind === 'bad') expect(r.reason).toContain(reason);
    },
  );

  it('flags, column letters and ranges', () => {
    expect([readFlag('是'), readFlag('否'), readFlag(' √ '), readFlag(null), readFlag('不详')]).toEqual([true, false, true, undefined, 'bad']);
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
    expect([columnNumber('ab'), columnNumber('学校')]).toEqual([28, null]);
    expect(parseRange('台账!$B$2:D3')).toEqual({ r1: 2, c1: 2, r2: 3, c2: 4 });
  });
});

describe('the shortcut before normalising a row name', () => {
  const header = ideographsOf(normalizeHeader('学校名称'));
  it('knows a name lacks the header when an ideograph of it is missing and nothing could become one', () => {
    expect(header).toEqual(['学', '校', '名', '称']);
    expect(normalizedLacks('第1学校', header)).toBe(true);
    expect(normalizedLacks('城关第一小学（东校区）', header)).toBe(true);
    expect(normalizedLacks('Ａ小学', header)).toBe(true);
  });
  it('says "may hold it" when the text has them all or carries characters NFKC may turn into an ideograph', () => {
    expect(normalizedLacks('学校名称', header)).toBe(false);
    expect(normalizedLacks('学 校：名称', header)).toBe(false);
    // Kangxi radicals (⼀ → 一) and other compatibility forms: normalised first.
    expect(normalizedLacks('学校名\u2F8A', header)).toBe(false);
    expect(normalizedLacks('⼀小', ideographsOf('一'))).toBe(false);
    expect(normalizeHeader('⼀小')).toBe('一小');
  });
});

describe('school types and county names', () => {
  it.each([
    ['小学', 'primary'], ['中心小学', 'primary'], ['村小教学点', 'teaching_point'], ['九年制学校', 'nine_year'], ['一贯制', 'nine_year'],
    ['完中', 'complete_secondary'], ['完全中学', 'complete_secondary'], ['十二年一贯制', 'twelve_year'], ['初级中学', 'junior'],
    ['小学部', 'primary_part'], ['初中部', 'junior_part'],
  ])('%s → %s', (text, type) => {
    expect(readSchoolType(text)).toEqual({ kind: 'type', type });
  });

  it.each([
    ['某某县义务教育学校基本情况统计表', '某某县'],
    ['2024年云岭县中小学办学条件台账', '云岭县'],
    ['河北省某某县义务教育学校办学条件台账', '某某县'],
    ['填报单位：石家庄市长安区教育局', '长安区'],
    ['某某自治县学校基本情况', '某某自治县'],
    ['学校名称', undefined],
    ['义务教育学校基本情况统计表', undefined],
  ])('%s → %s', (title, name) => {
    expect(countyFromTitle(title)).toBe(name);
  });
});
