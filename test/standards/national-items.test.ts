// The 2017 county items follow the national 申报表's 表Ⅳ (15), 表Ⅴ (9) and 表Ⅵ (1) one to one (rules §4.2–4.4).
// The titles below are copied from the rules page, not from the code.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.ts';
import { countySheetGrid, readCountySheet } from '../../src/ledger/county-sheet.ts';
import { COUNTY_ITEMS_2017, NATIONAL_ROWS_2017 } from '../../src/standards/government.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { goodJunior, goodPrimary } from '../core/fixtures.ts';

const TABLE_IV = [
  '县域内义务教育学校规划布局合理，符合国家规定要求',
  '县域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一',
  '所有小学、初中每12个班级配备音乐、美术专用教室1间以上；其中，每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米',
  '所有小学、初中学校规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人',
  '小学、初中所有班级学生数分别不超过45人、50人',
  '不足100人的规模较小学校（包括乡镇中心校附设的村小）按不低于100人核定公用经费',
  '特殊教育学校生均公用经费不低于6000元',
  '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量',
  '教师5年360学时培训完成率达到100%',
  '县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量',
  '全县每年交流轮岗教师的比例不低于符合交流轮岗条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%',
  '专任教师持有教师资格证上岗率达到100%',
  '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%以上',
  '全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜',
  '留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%',
];
const TABLE_V = [
  '全县初中三年巩固率达到95%以上',
  '全县残疾儿童少年入学率达到95%以上',
  '所有学校建立章程，实现学校管理与教学信息化',
  '全县所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费',
  '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平',
  '所有学校德育工作、校园文化建设达到良好以上',
  '课程开齐开足，教学秩序规范，综合实践活动有效开展',
  '无过重课业负担',
  '在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15',
];

describe('the national item lists of 2017', () => {
  it('are 表Ⅳ, 表Ⅴ and 表Ⅵ one to one, in order, titles as names', () => {
    expect(NATIONAL_ROWS_2017.filter((r) => r.table === 'Ⅳ').map((r) => r.title)).toEqual(TABLE_IV);
    expect(NATIONAL_ROWS_2017.filter((r) => r.table === 'Ⅴ').map((r) => r.title)).toEqual(TABLE_V);
    expect(NATIONAL_ROWS_2017.filter((r) => r.table === 'Ⅵ')).toHaveLength(1);
    expect(NATIONAL_ROWS_2017.map((r) => `${r.table}-${r.no}`).slice(13, 16)).toEqual(['Ⅳ-14', 'Ⅳ-15', 'Ⅴ-1']);
    // Every check belongs to one row, in the rows' order, named by its row's title.
    expect(COUNTY_ITEMS_2017.map((c) => c.id)).toEqual(NATIONAL_ROWS_2017.flatMap((r) => r.checks));
    for (const r of NATIONAL_ROWS_2017) for (const id of r.checks) expect(COUNTY_ITEMS_2017.find((c) => c.id === id)!.name.startsWith(r.title)).toBe(true);
    expect(COUNTY_ITEMS_2017.some((c) => c.name.includes('质量监测制度'))).toBe(false);
  });

  it('the template’s 县级指标 sheet lists them in that order, each with the inputs its row asks for under it', () => {
    const grid = countySheetGrid(national2017Quality);
    const ids = grid.slice(3).map((r) => String(r[0]));
    const checks = ids.filter((id) => !id.includes('.'));
    expect(checks).toEqual(COUNTY_ITEMS_2017.map((c) => c.id));
    const at = (id: string) => ids.indexOf(id);
    expect(at('input.exchanged_teachers')).toBe(at('teacher_exchange_rate') + 1);
    expect(at('input.exchange_eligible_teachers')).toBe(at('teacher_exchange_rate') + 2);
    expect(at('retention.graduates')).toBe(at('retention_rate') + 1);
  });
});

describe('reading and judging the rows', () => {
  const county = (sheets: Parameters<typeof readCountySheet>[0]) => ({
    name: '县', sheet: '台账', schools: [goodPrimary('一小', 800), goodJunior('一中', 900)],
    countySheet: readCountySheet(sheets, national2017Quality).countySheet,
  });
  const item = (c: ReturnType<typeof county>, id: string) => evaluate(c, national2017Quality).report.parts.flatMap((p) => p.items).find((i) => i.id === id)!;

  it('computes a ratio from the inputs the row asks for, and marks a bare 是/否 as 自报', () => {
    const grid = countySheetGrid(national2017Quality);
    const set = (id: string, v: unknown) => (grid.find((r) => r[0] === id)![2] = v as string);
    set('input.exchanged_teachers', 45);
    set('input.exchange_eligible_teachers', 500);
    set('input.exchanged_backbone_teachers', 8);
    set('certified_teachers', '是');
    const c = county([{ name: '县级指标', values: grid }]);
    expect(item(c, 'teacher_exchange_rate')).toMatchObject({ value: 9, pass: false });
    expect(item(c, 'teacher_exchange_rate').declared).toBeUndefined();
    expect(item(c, 'backbone_exchange_share').value).toBeCloseTo(17.7777777778, 8);
    expect(item(c, 'certified_teachers')).toMatchObject({ value: true, pass: true, declared: true });
  });

  it('reads a 申报表’s 表Ⅳ by its national titles: a number in 指标值 for a one-figure row, 是否达标 as 自报', () => {
    const values = [
      ['表Ⅳ：政府保障程度'],
      ['序号', '指标名称', '指标值或简要结论', '是否达标'],
      [1, TABLE_IV[0], '已制定布局规划', '是'],
      [7, TABLE_IV[6], 6500, '是'],
      [11, TABLE_IV[10], '交流轮岗12.1%，其中骨干教师21%', '是'],
      [14, '全县优质高中招生名额分配比例不低于50%', '52%', '否'],
    ];
    const c = county([{ name: '表4', values }]);
    expect(item(c, 'school_layout_plan')).toMatchObject({ value: true, pass: true, declared: true, sheet: '表4', cell: 'D3' });
    expect(item(c, 'special_education_funding')).toMatchObject({ value: 6500, pass: true, sheet: '表4', cell: 'C4' });
    expect(item(c, 'special_education_funding').declared).toBeUndefined();
    expect(item(c, 'teacher_exchange_rate')).toMatchObject({ value: true, declared: true, cell: 'D5' });
    expect(item(c, 'backbone_exchange_share')).toMatchObject({ value: true, declared: true, cell: 'D5' });
    expect(item(c, 'quota_favours_rural')).toMatchObject({ value: false, pass: false, declared: true });
    expect(item(c, 'quality_high_school_quota')).toMatchObject({ value: 52, pass: true, cell: 'C6' });
  });

  it('a row the ledger checks school by school takes the schools’ verdict when the county sheet has none', () => {
    const c = county([]);
    for (const s of c.schools) {
      s.values.classes = 18;
      s.values.max_class_size = 44;
    }
    c.schools[0].values.max_class_size = 47;
    expect(item(c, 'class_size_all')).toMatchObject({ value: 1, pass: false, unit: '所' });
  });
});
