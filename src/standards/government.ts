// Government guarantee, education quality and social recognition (rules §4.2–4.4), and the 2012 scored
// government work (rules §3), as data. Per-school limits are judged from ledger columns; county items from the
// 县级指标 sheet.
import type { Stage } from '../core/types.ts';

const DOC_2017 = '教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》';
const RULES = '国教督办函〔2019〕30号《县域义务教育优质均衡发展督导评估规程》';

export interface SchoolGovernmentRules {
  /** Largest class: 小学 ≤ 45, 初中 ≤ 50 (inclusive). */
  maxClassSize: Record<Stage, number>;
  /** Compulsory-stage pupils of one school: single-stage (and 完全中学's junior part) ≤ single, nine/twelve-year ≤ combined. */
  schoolSize: { single: number; combined: number };
  /** 规程: schools built by builtBy or with more than migrantShareAbove migrant children. */
  schoolSizeRelaxed: { builtBy: number; migrantShareAbove: number; single: number; combined: number };
  /** At least ⌈classes ÷ classesPerRoom⌉ music rooms and as many art rooms, each of at least the area. */
  specialRooms: { classesPerRoom: number; musicArea: number; artArea: number };
  /** 规程: schools built by builtBy; rural small schools whose largest class is under maxClassBelow. */
  specialRoomsRelaxed: { builtBy: number; musicArea: number; artArea: number; smallRuralMaxClassBelow: number; smallRuralArea: Record<Stage, number> };
  source: string;
}

export type CountyPartId = 'government' | 'quality' | 'recognition' | 'government_work' | 'satisfaction';

/**
 * A county-level item of the 县级指标 sheet.
 * min: value ≥ threshold · below: value < threshold · yes: 是 · level: monitoring level (Ⅰ–Ⅳ) ≥ threshold ·
 * score: a 2012 item score out of `threshold` points, summed by area.
 */
export interface CountyItemRule {
  id: string;
  name: string;
  part: CountyPartId;
  kind: 'min' | 'below' | 'yes' | 'level' | 'score';
  threshold: number | null;
  unit?: string;
  /** 2012 scored items: the area (入学机会, 保障机制, 教师队伍, 质量与管理). */
  area?: string;
  source: string;
}

export const SCHOOL_GOVERNMENT_2017: SchoolGovernmentRules = {
  maxClassSize: { primary: 45, junior: 50 },
  schoolSize: { single: 2000, combined: 2500 },
  schoolSizeRelaxed: { builtBy: 2010, migrantShareAbove: 0.5, single: 2400, combined: 3000 },
  specialRooms: { classesPerRoom: 12, musicArea: 96, artArea: 90 },
  specialRoomsRelaxed: { builtBy: 2016, musicArea: 73, artArea: 67, smallRuralMaxClassBelow: 30, smallRuralArea: { primary: 54, junior: 61 } },
  source: `${DOC_2017}第六条；${RULES}`,
};

/** An item of one part of the 2017 method, sourced to the article of the 办法 that sets it. */
const itemOf =
  (part: CountyPartId, article: string) =>
  (id: string, name: string, kind: CountyItemRule['kind'], threshold: number | null, unit?: string): CountyItemRule => ({
    id,
    name,
    part,
    kind,
    threshold,
    unit,
    source: `${DOC_2017}${article}`,
  });
const gov = itemOf('government', '第六条');
const quality = itemOf('quality', '第七条');

/** County-level items of the 2017 method. Percentages are entered as percent (95 = 95%). */
export const COUNTY_ITEMS_2017: CountyItemRule[] = [
  gov('school_layout_plan', '县级人民政府制定义务教育学校布局规划并按规划建设', 'yes', null),
  gov('province_school_standard', '所有学校达到本省义务教育学校办学标准', 'yes', null),
  gov('teacher_pay_ratio', '教师平均工资收入水平不低于当地公务员（教师÷公务员）', 'min', 100, '%'),
  gov('training_completion', '教师5年360学时培训完成率', 'min', 100, '%'),
  gov('staffing_coordination', '县级教育行政部门统筹调配各校教职工编制和岗位数量', 'yes', null),
  gov('teacher_exchange_rate', '交流轮岗教师占符合交流条件教师的比例', 'min', 10, '%'),
  gov('backbone_exchange_share', '交流轮岗教师中骨干教师的比例', 'min', 20, '%'),
  gov('certified_teachers', '专任教师持证上岗率', 'min', 100, '%'),
  gov('nearby_enrolment_primary', '城区和镇区公办小学就近划片入学比例', 'min', 100, '%'),
  gov('nearby_enrolment_junior', '城区和镇区公办初中就近划片入学比例', 'min', 95, '%'),
  gov('quality_high_school_quota', '优质高中招生名额分配到初中的比例', 'min', 50, '%'),
  gov('quota_favours_rural', '优质高中名额分配向农村初中倾斜', 'yes', null),
  gov('migrant_children_public', '随迁子女在公办学校和政府购买服务的民办学校就读比例', 'min', 85, '%'),
  gov('special_education_funding', '特殊教育学校生均公用经费', 'min', 6000, '元'),
  quality('quality_monitoring_system', '建立义务教育质量监测制度和质量评价体系', 'yes', null),
  quality('retention_rate', '初中三年巩固率', 'min', 95, '%'),
  quality('disabled_enrolment_rate', '残疾儿童少年入学率', 'min', 95, '%'),
  quality('school_charters', '所有学校制定章程、实现学校管理与教学信息化', 'yes', null),
  quality('moral_education', '所有学校按规定开展德育、校园文化和体育活动', 'yes', null),
  quality('full_curriculum', '所有学校按国家要求开齐开足课程', 'yes', null),
  quality('training_budget_share', '教师培训经费占学校年度公用经费预算总额的比例', 'min', 5, '%'),
  quality('monitoring_level', '国家义务教育质量监测相关科目学生学业水平', 'level', 3),
  quality('monitoring_difference_rate', '国家义务教育质量监测校际差异率', 'below', 0.15),
  {
    id: 'social_recognition',
    name: '社会认可度',
    part: 'recognition',
    kind: 'min',
    threshold: 85,
    unit: '%',
    source: `${DOC_2017}第八条`,
  },
];

/** The inputs of 初中三年巩固率 (rules §4.3), entered on the 县级指标 sheet. */
export const RETENTION_INPUTS = ['graduates', 'transfers_in', 'transfers_out', 'grade7_enrolment', 'deaths'] as const;
export type RetentionInput = (typeof RETENTION_INPUTS)[number];
export const RETENTION_INPUT_NAMES: Record<RetentionInput, string> = {
  graduates: '初中毕业生数',
  transfers_in: '三年内转入学生数',
  transfers_out: '三年内转出学生数',
  grade7_enrolment: '该届初一时在校生数',
  deaths: '三年内死亡学生数',
};

const DOC_2012 = '教督〔2012〕3号《县域义务教育均衡发展督导评估暂行办法》';
const work = (id: string, name: string, area: string, points: number): CountyItemRule => ({
  id,
  name,
  part: 'government_work',
  kind: 'score',
  threshold: points,
  area,
  source: `${DOC_2012}附件（县级人民政府推进义务教育均衡发展工作评估，各省细则为准）`,
});

/**
 * 2012 government work: 17 items in the 4 national areas, 100 points, pass at 85 (rules §3). Provinces publish
 * their own item lists and points: this is an example list in the national areas (示例，以省级细则为准); a
 * provincial pack replaces it as data.
 */
export const GOVERNMENT_WORK_2012: CountyItemRule[] = [
  work('access_migrant', '保障进城务工人员随迁子女平等接受义务教育', '入学机会', 6),
  work('access_left_behind', '建立关爱留守儿童工作机制', '入学机会', 6),
  work('access_disabled', '保障残疾儿童少年接受义务教育', '入学机会', 6),
  work('access_nearby', '就近免试入学，不举办重点校重点班', '入学机会', 6),
  work('guarantee_planning', '学校布局规划与标准化建设', '保障机制', 6),
  work('guarantee_funding', '义务教育经费依法足额落实', '保障机制', 6),
  work('guarantee_public_funding', '生均公用经费按时足额拨付', '保障机制', 6),
  work('guarantee_weak_schools', '薄弱学校改造与经费倾斜', '保障机制', 6),
  work('guarantee_education_surcharge', '教育费附加和土地出让收益计提', '保障机制', 5),
  work('teachers_staffing', '教师编制统筹与按标准配备', '教师队伍', 6),
  work('teachers_pay', '教师工资不低于当地公务员平均水平', '教师队伍', 6),
  work('teachers_exchange', '教师校长交流轮岗', '教师队伍', 6),
  work('teachers_training', '教师培训经费与培训', '教师队伍', 6),
  work('quality_management', '规范办学行为，减轻学生课业负担', '质量与管理', 6),
  work('quality_retention', '义务教育巩固率', '质量与管理', 6),
  work('quality_moral', '素质教育与德育工作', '质量与管理', 5),
  work('quality_assessment', '教育质量评价与监测', '质量与管理', 6),
];

export const GOVERNMENT_WORK_PASS = 85;

export const SATISFACTION_2012: CountyItemRule = {
  id: 'public_satisfaction',
  name: '公众满意度',
  part: 'satisfaction',
  kind: 'min',
  threshold: 85,
  unit: '%',
  source: DOC_2012,
};

/** A local variant's item list: the same items with one threshold (and its source) replaced. */
export function withThreshold(items: CountyItemRule[], id: string, threshold: number, source: string): CountyItemRule[] {
  if (!items.some((r) => r.id === id)) throw new Error(`withThreshold: no county item ${id}`);
  return items.map((r) => (r.id === id ? { ...r, threshold, source } : r));
}
