// The blank ledger the add-in writes (`balance template`): one column per canonical field of rules §5,
// with the exact header text the reader's synonym table matches first.
import { CLASS_BANDS, STAGE_NAMES, STAGES, classBandField, type CanonicalField } from '../core/types.ts';

export const TEMPLATE_SHEET = '台账';

export interface TemplateColumn {
  field: CanonicalField;
  /** Header text written in the template (rules §5, "template header"). */
  header: string;
  /** What to count, the unit and the stage, for the 填表说明 sheet. */
  explanation: string;
  /** Needed for the 2017 resource-allocation indicators (rules §4.1). */
  required: boolean;
}

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  { field: 'school', header: '学校名称', required: true,
    explanation: '学校全称，每校一行；九年一贯制等学校填一行，由系统按在校生分学段拆分。不填民办学校、特殊教育学校和职业学校。' },
  { field: 'type', header: '学校类型', required: false,
    explanation: '小学、初中、九年一贯制、完全中学、十二年一贯制或教学点；已按学部分行填报（申报表格式）时填小学部或初中部。不填时按各学段在校生数推断。' },
  { field: 'central_school', header: '所属中心校', required: false,
    explanation: '教学点所属中心校的学校名称，与本表“学校名称”一致；其他学校不填。' },
  { field: 'students_primary', header: '小学在校生数', required: true,
    explanation: '小学阶段（一至六年级）在校学生数，单位：人。没有小学阶段的学校不填。' },
  { field: 'students_junior', header: '初中在校生数', required: true,
    explanation: '初中阶段（七至九年级）在校学生数，单位：人。没有初中阶段的学校不填。' },
  { field: 'students_senior', header: '高中在校生数', required: false,
    explanation: '完全中学、十二年一贯制学校的高中阶段在校学生数，单位：人；用于按加权学生数拆分共用资源。' },
  { field: 'teachers_primary', header: '专任教师数（小学）', required: false,
    explanation: '在小学阶段任教的专任教师数，单位：人（2012 年基本均衡“师生比”用）。' },
  { field: 'teachers_junior', header: '专任教师数（初中）', required: false,
    explanation: '在初中阶段任教的专任教师数，单位：人（2012 年基本均衡“师生比”用）。' },
  { field: 'above_degree_teachers_primary', header: '高于规定学历教师数（小学）', required: true,
    explanation: '小学阶段专科及以上学历的专任教师数，单位：人。' },
  { field: 'above_degree_teachers_junior', header: '高于规定学历教师数（初中）', required: true,
    explanation: '初中阶段本科及以上学历的专任教师数，单位：人。' },
  { field: 'backbone_teachers_primary', header: '县级及以上骨干教师数（小学）', required: true,
    explanation: '小学阶段获县级及以上教育行政部门认定的骨干教师数（含学科带头人、名师），单位：人。' },
  { field: 'backbone_teachers_junior', header: '县级及以上骨干教师数（初中）', required: true,
    explanation: '初中阶段获县级及以上教育行政部门认定的骨干教师数（含学科带头人、名师），单位：人。' },
  { field: 'pe_art_teachers_primary', header: '体育艺术专任教师数（小学）', required: true,
    explanation: '小学阶段体育、音乐、美术（艺术）专任教师数之和，单位：人。' },
  { field: 'pe_art_teachers_junior', header: '体育艺术专任教师数（初中）', required: true,
    explanation: '初中阶段体育、音乐、美术（艺术）专任教师数之和，单位：人。' },
  { field: 'senior_title_teachers_primary', header: '中级及以上职称教师数（小学）', required: false,
    explanation: '小学阶段具有中级及以上专业技术职务的专任教师数，单位：人（2012 年基本均衡用）。' },
  { field: 'senior_title_teachers_junior', header: '中级及以上职称教师数（初中）', required: false,
    explanation: '初中阶段具有中级及以上专业技术职务的专任教师数，单位：人（2012 年基本均衡用）。' },
  { field: 'teaching_area', header: '教学及辅助用房面积（㎡）', required: true,
    explanation: '全校教学及辅助用房建筑面积（含室内体育用房），单位：平方米；一贯制学校填全校合计。' },
  { field: 'indoor_sports_area', header: '室内体育用房面积（㎡）', required: true,
    explanation: '教学及辅助用房中室内体育用房（体育馆、风雨操场等）的面积，单位：平方米；计算时从教学用房移入体育运动场馆面积。' },
  { field: 'sports_ground_area', header: '运动场地面积（㎡）', required: true,
    explanation: '校内室外体育运动场地面积，单位：平方米；一贯制学校填全校合计。' },
  { field: 'equipment_value', header: '教学仪器设备值（万元）', required: true,
    explanation: '教学仪器设备资产值（账面原值），单位：万元；一贯制学校填全校合计。' },
  { field: 'multimedia_rooms', header: '网络多媒体教室数（间）', required: true,
    explanation: '接入网络的多媒体教室间数，单位：间；一贯制学校填全校合计。' },
  { field: 'computers', header: '计算机台数', required: false,
    explanation: '教学用计算机台数，单位：台（2012 年基本均衡用）。' },
  { field: 'books', header: '图书册数', required: false,
    explanation: '纸质图书册数，单位：册（2012 年基本均衡用）。' },
  { field: 'classes', header: '班级数', required: false,
    explanation: '全校教学班的个数（各学段合计），单位：个。' },
  { field: 'max_class_size', header: '最大班额', required: false,
    explanation: '单一学段学校（小学、初中、教学点）人数最多的教学班的学生数，单位：人；小学不超过 45 人，初中不超过 50 人。一贯制学校填下面两列。' },
  { field: 'max_class_size_primary', header: '最大班额（小学）', required: false,
    explanation: '九年一贯制、十二年一贯制学校小学阶段人数最多的教学班的学生数，单位：人（不超过 45 人）。' },
  { field: 'max_class_size_junior', header: '最大班额（初中）', required: false,
    explanation: '九年一贯制、十二年一贯制、完全中学初中阶段人数最多的教学班的学生数，单位：人（不超过 50 人）。' },
  { field: 'pe_art_itinerant_teachers', header: '交流轮岗兼职走教体育艺术教师数', required: false,
    explanation: '50—100 人乡村小规模学校和教学点：交流轮岗、兼职、走教的体育艺术教师数，单位：人；仅在启用规程放宽条款时计入。' },
  { field: 'rented_sports_area', header: '校外租赁场馆面积', required: false,
    explanation: '人口密度过高的中心城区学校：就近（步行 10 分钟内）租赁的体育场馆面积，单位：平方米。' },
  { field: 'other_sports_area', header: '校内其他体育场面积', required: false,
    explanation: '人口密度过高的中心城区学校：楼顶、地下等改建的校内其他体育场地面积，单位：平方米。' },
  { field: 'music_rooms', header: '音乐专用教室数（间）', required: false,
    explanation: '音乐专用教室间数，单位：间；每 12 个班级应至少 1 间（政府保障程度）。' },
  { field: 'music_room_area', header: '音乐专用教室最小面积（㎡）', required: false,
    explanation: '面积最小的一间音乐专用教室的使用面积，单位：平方米；每间应不小于 96 ㎡（2016 年及以前建成的学校 73 ㎡；最大班额不足 30 人的乡村小规模学校小学 54 ㎡、初中 61 ㎡）。' },
  { field: 'art_rooms', header: '美术专用教室数（间）', required: false,
    explanation: '美术专用教室间数，单位：间；每 12 个班级应至少 1 间。' },
  { field: 'art_room_area', header: '美术专用教室最小面积（㎡）', required: false,
    explanation: '面积最小的一间美术专用教室的使用面积，单位：平方米；每间应不小于 90 ㎡（2016 年及以前建成的学校 67 ㎡；乡村小规模学校同音乐教室）。' },
  { field: 'built_year', header: '建校年份', required: false,
    explanation: '学校建成的年份，如 2009；用于规程对 2010、2016 年及以前建成学校的放宽条款。' },
  { field: 'migrant_students', header: '随迁子女在校生数', required: false,
    explanation: '进城务工人员随迁子女在校生数，单位：人；超过一半时学校规模上限按规程放宽。' },
  { field: 'public_funding', header: '公用经费拨款（元）', required: false,
    explanation: '本年度拨付学校的公用经费总额，单位：元（可用万元并在表头注明）；不足 100 人的学校按 100 人核定。' },
  { field: 'basic_standard_met', header: '是否达到办学基本标准', required: false,
    explanation: '填“是”或“否”：学校是否达到本省义务教育学校办学基本标准（2012 年基本均衡用）。' },
  { field: 'small_rural_school', header: '是否50-100人乡村小规模学校', required: false,
    explanation: '填“是”或“否”；是时可计入交流轮岗兼职走教的体育艺术教师。' },
  { field: 'dense_city_centre', header: '是否人口密度过高中心城区学校', required: false,
    explanation: '填“是”或“否”；是时体育运动场馆面积可计入校外租赁和校内其他体育场面积。' },
];

/** Template fields the 2017 resource indicators cannot do without. */
export const REQUIRED_FIELDS: CanonicalField[] = TEMPLATE_COLUMNS.filter((c) => c.required).map((c) => c.field);

const TOTAL_LABELS: Partial<Record<CanonicalField, string>> = {
  teachers: '专任教师数', above_degree_teachers: '高于规定学历教师数', backbone_teachers: '县级及以上骨干教师数',
  pe_art_teachers: '体育艺术专任教师数', senior_title_teachers: '中级及以上职称教师数', sports_area: '体育运动场馆面积',
  max_class_size_primary: '最大班额（小学）', max_class_size_junior: '最大班额（初中）', ownership: '办学性质', counted_as_school: '是否计校数',
};

/** 班额 band columns are read, not written (docs/ledger.md): 班额46-50人班级数（小学）. */
const BAND_LABELS: Partial<Record<CanonicalField, string>> = Object.fromEntries(
  CLASS_BANDS.flatMap((b) => [
    [classBandField(b.id), `班额${b.label}班级数`],
    ...STAGES.map((st) => [classBandField(b.id, st), `班额${b.label}班级数（${STAGE_NAMES[st]}）`]),
  ]),
);

/** The Chinese name of a field for messages: its template header, or the usual name of a school total. */
export const fieldLabel = (field: CanonicalField): string =>
  TEMPLATE_COLUMNS.find((c) => c.field === field)?.header ?? TOTAL_LABELS[field] ?? BAND_LABELS[field] ?? field;
