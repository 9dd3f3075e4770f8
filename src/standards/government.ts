// Government guarantee, education quality and social recognition (rules §4.2–4.4), and the 2012 scored
// government work (rules §3), as data. Per-school limits are judged from ledger columns; county items from the
// 县级指标 sheet.
import type { Stage } from '../model/stages.ts';

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

/** An input a national row asks for ("全县教师__人"), entered on the 县级指标 sheet as `input.<id>`. */
export interface ItemInput {
  id: string;
  name: string;
  unit?: string;
}

/**
 * A county-level check of the 县级指标 sheet.
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
  /** The national row (表Ⅳ/表Ⅴ/表Ⅵ) the check belongs to, e.g. 'Ⅳ-11'. */
  row?: string;
  /** The inputs the value is computed from: num ÷ den × scale. */
  compute?: { num: ItemInput; den: ItemInput; scale: number };
  /** Judged from the ledger's per-school checks of these ids when the county sheet has no entry for it. */
  ledgerChecks?: string[];
}

/** A row of the national 申报表's 表Ⅳ/表Ⅴ/表Ⅵ: its title and the checks of the 县级指标 sheet that judge it. */
export interface NationalRow {
  table: 'Ⅳ' | 'Ⅴ' | 'Ⅵ';
  no: number;
  title: string;
  checks: string[];
}

export const SCHOOL_GOVERNMENT_2017: SchoolGovernmentRules = {
  maxClassSize: { primary: 45, junior: 50 },
  schoolSize: { single: 2000, combined: 2500 },
  schoolSizeRelaxed: { builtBy: 2010, migrantShareAbove: 0.5, single: 2400, combined: 3000 },
  specialRooms: { classesPerRoom: 12, musicArea: 96, artArea: 90 },
  specialRoomsRelaxed: { builtBy: 2016, musicArea: 73, artArea: 67, smallRuralMaxClassBelow: 30, smallRuralArea: { primary: 54, junior: 61 } },
  source: `${DOC_2017}第六条；${RULES}`,
};

const DOC_2017_ARTICLE = { government: '第六条', quality: '第七条', recognition: '第八条' } as const;

const input = (id: string, name: string, unit = '人'): ItemInput => ({ id, name, unit });
const ratio = (num: ItemInput, den: ItemInput, scale = 100) => ({ compute: { num, den, scale } });

/**
 * The national rows in 表Ⅳ/表Ⅴ/表Ⅵ order (rules §4.2–4.4), each with its checks: one check per threshold the row
 * states (表Ⅳ-11 states two), the title as the check's name (a qualifier added where a row has several).
 */
const ROWS: { table: NationalRow['table']; title: string; checks: Omit<CountyItemRule, 'part' | 'source' | 'row'>[] }[] = [
  { table: 'Ⅳ', title: '县域内义务教育学校规划布局合理，符合国家规定要求', checks: [{ id: 'school_layout_plan', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅳ', title: '县域内城乡义务教育学校建设标准统一、教师编制标准统一、生均公用经费基准定额统一、基本装备配置标准统一',
    checks: [{ id: 'unified_standards', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅳ', title: '所有小学、初中每12个班级配备音乐、美术专用教室1间以上；其中，每间音乐专用教室面积不小于96平方米，每间美术专用教室面积不小于90平方米',
    checks: [{ id: 'special_rooms_all', name: '', kind: 'yes', threshold: null, ledgerChecks: ['music_rooms', 'art_rooms', 'music_room_area', 'art_room_area'] }] },
  { table: 'Ⅳ', title: '所有小学、初中学校规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人',
    checks: [{ id: 'school_size_all', name: '', kind: 'yes', threshold: null, ledgerChecks: ['school_size'] }] },
  { table: 'Ⅳ', title: '小学、初中所有班级学生数分别不超过45人、50人',
    checks: [{ id: 'class_size_all', name: '', kind: 'yes', threshold: null, ledgerChecks: ['class_size_primary', 'class_size_junior', 'class_size'] }] },
  { table: 'Ⅳ', title: '不足100人的规模较小学校（包括乡镇中心校附设的村小）按不低于100人核定公用经费',
    checks: [{ id: 'small_school_funding', name: '', kind: 'yes', threshold: null, ledgerChecks: ['public_funding'] }] },
  { table: 'Ⅳ', title: '特殊教育学校生均公用经费不低于6000元',
    checks: [{ id: 'special_education_funding', name: '', kind: 'min', threshold: 6000, unit: '元',
      ...ratio(input('special_education_funding_total', '特殊教育学校年度公用经费', '元'), input('special_education_students', '特殊教育学校在校生数'), 1) }] },
  { table: 'Ⅳ', title: '全县义务教育学校教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量',
    checks: [{ id: 'teacher_pay_ratio', name: '', kind: 'min', threshold: 100, unit: '%',
      ...ratio(input('teacher_average_pay', '全县义务教育学校教师平均工资收入', '元'), input('civil_servant_average_pay', '当地公务员平均工资收入', '元')) }] },
  { table: 'Ⅳ', title: '教师5年360学时培训完成率达到100%',
    checks: [{ id: 'training_completion', name: '', kind: 'min', threshold: 100, unit: '%',
      ...ratio(input('training_completed', '完成5年360学时培训的教师数'), input('training_teachers', '全县教师数')) }] },
  { table: 'Ⅳ', title: '县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量',
    checks: [{ id: 'staffing_coordination', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅳ', title: '全县每年交流轮岗教师的比例不低于符合交流轮岗条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%',
    checks: [
      { id: 'teacher_exchange_rate', name: '（交流轮岗教师比例）', kind: 'min', threshold: 10, unit: '%',
        ...ratio(input('exchanged_teachers', '交流轮岗教师数'), input('exchange_eligible_teachers', '符合交流轮岗条件的教师数')) },
      { id: 'backbone_exchange_share', name: '（其中骨干教师比例）', kind: 'min', threshold: 20, unit: '%',
        ...ratio(input('exchanged_backbone_teachers', '交流轮岗的骨干教师数'), input('exchanged_teachers', '交流轮岗教师数')) },
    ] },
  { table: 'Ⅳ', title: '专任教师持有教师资格证上岗率达到100%',
    checks: [{ id: 'certified_teachers', name: '', kind: 'min', threshold: 100, unit: '%',
      ...ratio(input('certified_teachers_count', '持有教师资格证的专任教师数'), input('full_time_teachers', '专任教师数')) }] },
  { table: 'Ⅳ', title: '城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别达到100%、95%以上',
    checks: [
      { id: 'nearby_enrolment_primary', name: '（小学）', kind: 'min', threshold: 100, unit: '%',
        ...ratio(input('nearby_primary', '城区和镇区公办小学就近划片入学人数'), input('intake_primary', '城区和镇区公办小学招生人数')) },
      { id: 'nearby_enrolment_junior', name: '（初中）', kind: 'min', threshold: 95, unit: '%',
        ...ratio(input('nearby_junior', '城区和镇区公办初中就近划片入学人数'), input('intake_junior', '城区和镇区公办初中招生人数')) },
    ] },
  { table: 'Ⅳ', title: '全县优质高中招生名额分配比例不低于50%，并向农村初中倾斜',
    checks: [
      { id: 'quality_high_school_quota', name: '（名额分配比例）', kind: 'min', threshold: 50, unit: '%',
        ...ratio(input('quota_places', '分配到初中的优质高中招生名额'), input('quality_high_school_places', '优质高中招生计划总数')) },
      { id: 'quota_favours_rural', name: '（向农村初中倾斜）', kind: 'yes', threshold: null },
    ] },
  { table: 'Ⅳ', title: '留守儿童关爱体系健全，全县符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%',
    checks: [
      { id: 'left_behind_care', name: '（留守儿童关爱体系健全）', kind: 'yes', threshold: null },
      { id: 'migrant_children_public', name: '（随迁子女就读比例）', kind: 'min', threshold: 85, unit: '%',
        ...ratio(input('migrant_public', '在公办学校和政府购买服务的民办学校就读的随迁子女数'), input('migrant_eligible', '符合条件的随迁子女数')) },
    ] },
  { table: 'Ⅴ', title: '全县初中三年巩固率达到95%以上', checks: [{ id: 'retention_rate', name: '', kind: 'min', threshold: 95, unit: '%' }] },
  { table: 'Ⅴ', title: '全县残疾儿童少年入学率达到95%以上',
    checks: [{ id: 'disabled_enrolment_rate', name: '', kind: 'min', threshold: 95, unit: '%',
      ...ratio(input('disabled_enrolled', '入学的残疾儿童少年数'), input('disabled_children', '残疾儿童少年数')) }] },
  { table: 'Ⅴ', title: '所有学校建立章程，实现学校管理与教学信息化', checks: [{ id: 'school_charters', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅴ', title: '全县所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费',
    checks: [{ id: 'training_budget_share', name: '', kind: 'min', threshold: 5, unit: '%',
      ...ratio(input('training_budget', '教师培训经费', '元'), input('public_budget', '学校年度公用经费预算总额', '元')) }] },
  { table: 'Ⅴ', title: '教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平', checks: [{ id: 'information_teaching', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅴ', title: '所有学校德育工作、校园文化建设达到良好以上', checks: [{ id: 'moral_education', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅴ', title: '课程开齐开足，教学秩序规范，综合实践活动有效开展', checks: [{ id: 'full_curriculum', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅴ', title: '无过重课业负担', checks: [{ id: 'no_excess_burden', name: '', kind: 'yes', threshold: null }] },
  { table: 'Ⅴ', title: '在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15',
    checks: [
      { id: 'monitoring_level', name: '（学业水平）', kind: 'level', threshold: 3 },
      { id: 'monitoring_difference_rate', name: '（校际差异率）', kind: 'below', threshold: 0.15 },
    ] },
  { table: 'Ⅵ', title: '社会认可度达到85%以上',
    checks: [{ id: 'social_recognition', name: '', kind: 'min', threshold: 85, unit: '%',
      ...ratio(input('survey_satisfied', '问卷调查满意人数'), input('survey_valid', '回收有效问卷数')) }] },
];

const PART_OF = { Ⅳ: 'government', Ⅴ: 'quality', Ⅵ: 'recognition' } as const;
const numbered = ROWS.map((r, i) => ({ ...r, no: i + 1 - ROWS.findIndex((x) => x.table === r.table) }));

/** 表Ⅳ (15), 表Ⅴ (9) and 表Ⅵ (1) as the national 申报表 prints them. */
export const NATIONAL_ROWS_2017: NationalRow[] = numbered.map((r) => ({ table: r.table, no: r.no, title: r.title, checks: r.checks.map((c) => c.id) }));

/** County-level checks of the 2017 method, in 表Ⅳ/表Ⅴ/表Ⅵ order. Percentages are entered as percent (95 = 95%). */
export const COUNTY_ITEMS_2017: CountyItemRule[] = numbered.flatMap((r) =>
  r.checks.map((c) => ({
    ...c,
    name: `${r.title}${c.name}`,
    part: PART_OF[r.table],
    row: `${r.table}-${r.no}`,
    source: `${DOC_2017}${DOC_2017_ARTICLE[PART_OF[r.table]]}；《全国义务教育发展优质均衡县（市、区）申报表》表${r.table}第 ${r.no} 项`,
  })),
);

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

/** The document the 2012 method comes from, as its rules cite it. */
export const DOC_2012 = '教督〔2012〕3号《县域义务教育均衡发展督导评估暂行办法》';
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
