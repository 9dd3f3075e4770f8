import { describe, expect, it } from 'vitest';
import { judgeCountyItems, partVerdict, retentionRate, scoreGovernmentWork } from '../../src/core/county-items.ts';
import { judgeSchoolGovernment, type SchoolGovernmentFacts } from '../../src/core/government.ts';
import { COUNTY_ITEMS_2017, GOVERNMENT_WORK_2012, GOVERNMENT_WORK_PASS, SCHOOL_GOVERNMENT_2017 as RULES } from '../../src/standards/government.ts';
import { getStandard, type RulePack } from '../../src/standards/index.ts';

const pack = (id: string): RulePack => {
  const r = getStandard(id);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const national = pack('national-2017-quality');
const province = pack('province-2017-funding-935');
const city = pack('city-2017-funding-1150');

const facts = (over: Partial<SchoolGovernmentFacts>): SchoolGovernmentFacts => ({
  name: '一小',
  type: 'primary',
  students: { primary: 900, junior: 0 },
  maxClassSize: {},
  cells: {},
  ...over,
});

const judged = (f: SchoolGovernmentFacts, p = national, relaxations = true) => judgeSchoolGovernment(f, RULES, p, relaxations);
const one = (f: SchoolGovernmentFacts, id: string, p = national, relaxations = true) => {
  const found = judged(f, p, relaxations).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('class size (小学 ≤ 45, 初中 ≤ 50)', () => {
  it.each([
    ['primary', 44, true],
    ['primary', 45, true],
    ['primary', 46, false],
  ] as const)('%s largest class %d → %s', (_s, size, pass) => {
    expect(one(facts({ maxClassSize: { primary: size }, cells: { max_class_size_primary: 'P5' } }), 'class_size_primary')).toMatchObject({ value: size, threshold: 45, pass, cell: 'P5', school: '一小' });
  });
  it.each([
    [49, true],
    [50, true],
    [51, false],
  ])('junior largest class %d → %s', (size, pass) => {
    const f = facts({ type: 'junior', students: { primary: 0, junior: 800 }, maxClassSize: { junior: size } });
    expect(one(f, 'class_size_junior')).toMatchObject({ threshold: 50, pass });
  });
  it('a single column on a combined school is checked against 50, with a warning that primary classes need their own column', () => {
    const f = facts({ type: 'nine_year', students: { primary: 600, junior: 400 }, maxClassSize: { any: 48 } });
    const r = judged(f);
    expect(r.items.filter((i) => i.id.startsWith('class_size')).map((i) => [i.id, i.threshold, i.pass])).toEqual([
      ['class_size_primary', 50, true],
      ['class_size_junior', 50, true],
    ]);
    expect(r.warnings[0].message).toContain('小学班额需单列');
  });
});

describe('school size (≤ 2000; nine/twelve-year ≤ 2500; 规程 2400 / 3000)', () => {
  it.each([
    ['primary', 1999, 2000, true],
    ['primary', 2000, 2000, true],
    ['primary', 2001, 2000, false],
  ] as const)('%s of %d pupils against %d → %s', (type, n, limit, pass) => {
    expect(one(facts({ type, students: { primary: n, junior: 0 } }), 'school_size')).toMatchObject({ value: n, threshold: limit, pass });
  });
  it('nine-year schools count both stages against 2500', () => {
    expect(one(facts({ type: 'nine_year', students: { primary: 1500, junior: 1000 } }), 'school_size')).toMatchObject({ value: 2500, threshold: 2500, pass: true });
    expect(one(facts({ type: 'nine_year', students: { primary: 1500, junior: 1001 } }), 'school_size')).toMatchObject({ pass: false });
  });
  it('a complete secondary school counts only its junior pupils', () => {
    expect(one(facts({ type: 'complete_secondary', students: { primary: 0, junior: 1900 } }), 'school_size')).toMatchObject({ value: 1900, pass: true });
  });
  it('规程: built by 2010 or over half migrant children raises the limits to 2400 / 3000, only with relaxations on', () => {
    const old = facts({ students: { primary: 2300, junior: 0 }, builtYear: 2010 });
    expect(one(old, 'school_size')).toMatchObject({ threshold: 2400, pass: true });
    expect(one(old, 'school_size', national, false)).toMatchObject({ threshold: 2000, pass: false });
    expect(one(facts({ students: { primary: 2300, junior: 0 }, builtYear: 2011 }), 'school_size')).toMatchObject({ threshold: 2000, pass: false });
    const migrant = facts({ type: 'nine_year', students: { primary: 2000, junior: 1000 }, migrantStudents: 1501 });
    expect(one(migrant, 'school_size')).toMatchObject({ threshold: 3000, pass: true });
    expect(one({ ...migrant, migrantStudents: 1500 }, 'school_size')).toMatchObject({ threshold: 2500, pass: false });
  });
});

describe('music and art rooms (⌈classes ÷ 12⌉ of each; 96 / 90 ㎡; 规程 73 / 67 and 54 / 61)', () => {
  const rooms = (over: Partial<SchoolGovernmentFacts>) => facts({ classes: 24, musicRooms: 2, artRooms: 2, musicRoomArea: 96, artRoomArea: 90, ...over });
  it('needs ⌈classes ÷ 12⌉ rooms of each', () => {
    expect(one(rooms({}), 'music_rooms')).toMatchObject({ value: 2, threshold: 2, pass: true });
    expect(one(rooms({ classes: 25 }), 'music_rooms')).toMatchObject({ threshold: 3, pass: false });
    expect(one(rooms({ artRooms: 1 }), 'art_rooms')).toMatchObject({ pass: false });
  });
  it.each([
    ['music_room_area', { musicRoomArea: 95.9 }, 96, false],
    ['music_room_area', { musicRoomArea: 96 }, 96, true],
    ['art_room_area', { artRoomArea: 89.9 }, 90, false],
    ['art_room_area', { artRoomArea: 90.1 }, 90, true],
  ] as const)('%s %o against %d ㎡ → %s', (id, over, min, pass) => {
    expect(one(rooms(over), id)).toMatchObject({ threshold: min, pass });
  });
  it('schools built by 2016 need 73 / 67 ㎡', () => {
    const old = rooms({ builtYear: 2016, musicRoomArea: 73, artRoomArea: 66.9 });
    expect(one(old, 'music_room_area')).toMatchObject({ threshold: 73, pass: true });
    expect(one(old, 'art_room_area')).toMatchObject({ threshold: 67, pass: false });
    expect(one(old, 'music_room_area', national, false)).toMatchObject({ threshold: 96, pass: false });
  });
  it('rural small schools whose largest class is under 30 need 54 ㎡ (小学) / 61 ㎡ (初中)', () => {
    const small = rooms({ classes: 6, musicRooms: 1, artRooms: 1, smallRuralSchool: true, maxClassSize: { primary: 29 }, musicRoomArea: 54, artRoomArea: 53 });
    expect(one(small, 'music_room_area')).toMatchObject({ threshold: 54, pass: true });
    expect(one(small, 'art_room_area')).toMatchObject({ threshold: 54, pass: false });
    expect(one({ ...small, maxClassSize: { primary: 30 } }, 'music_room_area')).toMatchObject({ threshold: 96, pass: false });
    const junior = rooms({ type: 'junior', students: { primary: 0, junior: 90 }, classes: 3, musicRooms: 1, artRooms: 1, smallRuralSchool: true, maxClassSize: { junior: 28 }, musicRoomArea: 60 });
    expect(one(junior, 'music_room_area')).toMatchObject({ threshold: 61, pass: false });
  });
});

describe('生均公用经费 (provincial standard; under 100 pupils funded as 100)', () => {
  it('is not judged by the national pack, which sets no per-pupil standard', () => {
    expect(judged(facts({ publicFunding: 500 * 900 })).items.some((i) => i.id === 'public_funding')).toBe(false);
  });
  it.each([
    [934.99, false],
    [935, true],
    [935.01, true],
  ])('province 935 元: %d per pupil → %s', (v, pass) => {
    const item = one(facts({ publicFunding: v * 900, cells: { public_funding: 'T7' } }), 'public_funding', province);
    expect(item).toMatchObject({ threshold: 935, pass, cell: 'T7' });
    expect(item.value).toBeCloseTo(v, 9);
  });
  it('the city variant holds juniors to 1350 元', () => {
    const f = facts({ type: 'junior', students: { primary: 0, junior: 500 }, publicFunding: 1349 * 500 });
    expect(one(f, 'public_funding', city)).toMatchObject({ threshold: 1350, pass: false });
  });
  it('a school of 40 pupils must receive the funding of 100: 93,500 元, i.e. 2,337.5 元 per actual pupil', () => {
    const f = facts({ students: { primary: 40, junior: 0 }, publicFunding: 93500 });
    expect(one(f, 'public_funding', province)).toMatchObject({ value: 2337.5, threshold: 2337.5, pass: true });
    expect(one({ ...f, publicFunding: 93499 }, 'public_funding', province).pass).toBe(false);
  });
});

describe('special-education funding is a county item whose threshold the rule pack sets', () => {
  const item = (p: RulePack, value: number) => judgeCountyItems(p.government!.countyItems.filter((r) => r.id === 'special_education_funding'), { special_education_funding: { value } })[0];
  it('6000 元 nationally, 8000 元 in the city variant', () => {
    expect(item(national, 7000)).toMatchObject({ threshold: 6000, pass: true });
    expect(item(city, 7000)).toMatchObject({ threshold: 8000, pass: false });
    expect(item(city, 8000).pass).toBe(true);
  });
});

describe('初中三年巩固率 from its five inputs', () => {
  it('computes (毕业生 − 转入 + 转出) ÷ (初一在校生 − 死亡) on worked numbers', () => {
    // 1,000 entered grade 7, 2 died, 30 transferred in, 18 out, 950 graduated: (950 − 30 + 18) ÷ 998 = 93.99%
    const r = retentionRate({ graduates: 950, transfers_in: 30, transfers_out: 18, grade7_enrolment: 1000, deaths: 2 });
    expect(r.ok && Math.round(r.value * 100) / 100).toBe(93.99);
    const full = retentionRate({ graduates: 985, transfers_in: 10, transfers_out: 5, grade7_enrolment: 1000, deaths: 0 });
    expect(full).toEqual({ ok: true, value: 98 });
  });
  it('names the missing inputs and refuses impossible ones', () => {
    expect(retentionRate({ graduates: 950 })).toMatchObject({ ok: false, message: expect.stringContaining('该届初一时在校生数') });
    expect(retentionRate({ graduates: 1, transfers_in: 0, transfers_out: 0, grade7_enrolment: 3, deaths: 3 })).toMatchObject({ ok: false, code: 'zero_mean' });
    expect(retentionRate({ graduates: -1, transfers_in: 0, transfers_out: 0, grade7_enrolment: 3, deaths: 0 })).toMatchObject({ ok: false, code: 'invalid_value' });
  });
});

describe('county items of the 县级指标 sheet', () => {
  const rule = (id: string) => COUNTY_ITEMS_2017.filter((r) => r.id === id);
  it.each([
    ['teacher_exchange_rate', 9.99, false],
    ['teacher_exchange_rate', 10, true],
    ['backbone_exchange_share', 19.9, false],
    ['backbone_exchange_share', 20, true],
    ['nearby_enrolment_junior', 95, true],
    ['nearby_enrolment_primary', 99.9, false],
    ['migrant_children_public', 85, true],
    ['retention_rate', 94.99, false],
    ['disabled_enrolment_rate', 95, true],
    ['training_budget_share', 4.9, false],
    ['monitoring_level', 3, true],
    ['monitoring_level', 2, false],
    ['monitoring_difference_rate', 0.15, false],
    ['monitoring_difference_rate', 0.149, true],
    ['social_recognition', 85, true],
    ['social_recognition', 84.9, false],
  ] as const)('%s = %d → %s', (id, value, pass) => {
    expect(judgeCountyItems(rule(id), { [id]: { value, cell: 'C9' } })[0]).toMatchObject({ id, value, pass, cell: 'C9' });
  });
  it('document evidence items pass only on 是', () => {
    expect(judgeCountyItems(rule('full_curriculum'), { full_curriculum: { value: true } })[0]).toMatchObject({ pass: true, threshold: '是' });
    expect(judgeCountyItems(rule('full_curriculum'), { full_curriculum: { value: false } })[0].pass).toBe(false);
  });
  it('a part with one failing item fails naming it; with a blank item it is not evaluated', () => {
    const items = judgeCountyItems(rule('teacher_exchange_rate').concat(rule('certified_teachers')), { teacher_exchange_rate: { value: 8 }, certified_teachers: { value: 100 } });
    expect(partVerdict(items)).toEqual({ pass: false, reason: expect.stringContaining('全县每年交流轮岗教师的比例不低于符合交流轮岗条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%（交流轮岗教师比例）') });
    expect(partVerdict(judgeCountyItems(rule('certified_teachers'), {}))).toMatchObject({ pass: null, reason: expect.stringContaining('未评估') });
  });
});

describe('2012 government work: 17 items in 4 areas scored to 100, pass at 85', () => {
  it('has 17 items worth 100 points in the 4 national areas', () => {
    expect(GOVERNMENT_WORK_2012).toHaveLength(17);
    expect(GOVERNMENT_WORK_2012.reduce((s, r) => s + (r.threshold ?? 0), 0)).toBe(100);
    expect(new Set(GOVERNMENT_WORK_2012.map((r) => r.area))).toEqual(new Set(['入学机会', '保障机制', '教师队伍', '质量与管理']));
  });
  const scores = (total: number) => {
    // Full marks everywhere, then remove points from the first items until the total is reached.
    let missing = 100 - total;
    return Object.fromEntries(
      GOVERNMENT_WORK_2012.map((r) => {
        const cut = Math.min(missing, r.threshold!);
        missing -= cut;
        return [r.id, { value: r.threshold! - cut }];
      }),
    );
  };
  it.each([
    [84, false],
    [85, true],
    [86, true],
  ])('total %d → %s', (total, pass) => {
    expect(scoreGovernmentWork(judgeCountyItems(GOVERNMENT_WORK_2012, scores(total)), GOVERNMENT_WORK_PASS)).toMatchObject({ total, pass });
  });
  it('a score above an item’s points is refused, naming the item', () => {
    const s = scores(100);
    s.access_migrant = { value: 7 };
    expect(scoreGovernmentWork(judgeCountyItems(GOVERNMENT_WORK_2012, s), GOVERNMENT_WORK_PASS)).toMatchObject({ pass: null, reason: expect.stringContaining('保障进城务工人员随迁子女') });
  });
});
