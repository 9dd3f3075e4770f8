// Header names of rules §5 as data: what each canonical field is called in real ledgers.
// Entries are compared after normalising (see headers.ts): no spaces, punctuation, brackets, stage or unit.
// A plain entry matches when the header contains it (the longest contained entry wins, so
// 高于规定学历教师数 beats 教师数); '=' marks an entry that must equal the whole header (学校 must not
// match 学校代码); '+' marks one subject of a column group that is summed (体育, 音乐, 美术 → pe_art).
import { CLASS_BANDS, type ClassBandId, type FlagField, type NumericField, type TextField } from '../core/types.ts';

/** Fields that come per stage: the header's stage token (小学/初中/高中) picks the suffix. */
export type StagedBase = 'students' | 'teachers' | 'above_degree_teachers' | 'backbone_teachers' | 'pe_art_teachers'
  | 'senior_title_teachers' | 'max_class_size' | `class_band_${ClassBandId}`;

export type SynonymKey = StagedBase | Exclude<NumericField, `${StagedBase}_${string}`> | TextField | FlagField;

export const STAGED_BASES: readonly StagedBase[] = ['students', 'teachers', 'above_degree_teachers', 'backbone_teachers',
  'pe_art_teachers', 'senior_title_teachers', 'max_class_size', ...CLASS_BANDS.map((b) => `class_band_${b.id}` as const)];

/**
 * A 班额 band's header names (46-50人, 46-50人班级数, 班额46-50人（个）, 25人及以下, 66人以上), after normalising:
 * headers.ts writes every digit range (46～50, 46—50, 46至50) as 46-50. A bare range (46-50 under a 班额（人） group)
 * must be the whole header.
 */
function bandSynonyms(): Record<`class_band_${ClassBandId}`, string[]> {
  const out = {} as Record<`class_band_${ClassBandId}`, string[]>;
  for (const b of CLASS_BANDS) {
    const [edge, words] = b.hi === null ? [b.lo, ['及以上', '以上']] : b.lo === 0 ? [b.hi, ['及以下', '以下']] : [null, []];
    out[`class_band_${b.id}`] = edge === null
      ? [`${b.lo}-${b.hi}人`, `=${b.lo}-${b.hi}`]
      : [...words.flatMap((w) => [`${edge}人${w}`, `=${edge}${w}`]), b.hi === null ? `≥${edge}人` : `≤${edge}人`];
  }
  return out;
}

export const SYNONYMS: Record<SynonymKey, string[]> = {
  school: ['学校名称', '学校全称', '单位名称', '学校单位名称', '=学校', '=校名', '=名称', '=单位', '=学校名'],
  type: ['学校类型', '办学类型', '学校类别', '学校性质类别', '=类型', '=类别', '=学段', '=办学层次'],
  central_school: ['所属中心校', '所属中心学校', '所属学校', '所属中心学校名称', '中心校名称', '中心学校名称', '=中心校', '=中心学校'],
  ownership: ['办学性质', '举办者', '举办性质', '办学体制', '=性质', '=学校性质'],
  students: ['在校生数', '在校学生数', '在校生人数', '在校学生人数', '学生人数', '学生数', '=在校生', '=在校学生', '=学生'],
  teachers: ['专任教师数', '专任教师人数', '专任教师总人数', '专任教师总数', '专任教师', '教师总数', '=教师数', '=教师', '=教师人数'],
  above_degree_teachers: ['高于规定学历教师数', '高于规定学历教师', '高于规定学历', '专科及以上学历', '本科及以上学历',
    '专科及以上', '本科及以上', '专科以上学历', '本科以上学历'],
  backbone_teachers: ['县级及以上骨干教师数', '县级以上骨干教师数', '县级及以上骨干教师', '骨干教师数', '骨干教师'],
  pe_art_teachers: ['体育艺术专任教师数', '体育艺术专任教师', '体育艺术美术音乐专任教师', '体育艺术教师数', '体育艺术教师',
    '体艺专任教师', '体艺教师', '+体育', '+音乐', '+美术', '+艺术', '+体育教师', '+音乐教师', '+美术教师', '+艺术教师',
    '+体育专任教师', '+音乐专任教师', '+美术专任教师', '+艺术专任教师', '+体育与健康', '+体育与健康教师', '+体育与健康专任教师',
    // Flat form-summary headers with the stage in the name (小学体育教师数): the stage is stripped before matching.
    '+体育教师数', '+音乐教师数', '+美术教师数', '+艺术教师数', '+体育专任教师数', '+音乐专任教师数', '+美术专任教师数',
    '+艺术专任教师数', '+体育与健康教师数', '+体育与健康专任教师数'],
  senior_title_teachers: ['中级及以上职称教师数', '中级及以上专业技术职务教师数', '中级及以上职称', '中级及以上专业技术职务',
    '中级以上职称', '中高级职称教师'],
  max_class_size: ['最大班额', '最大班级人数', '最大班级学生数'],
  ...bandSynonyms(),
  teaching_area: ['教学及辅助用房面积', '教学及辅助用房总面积', '教学及辅助用房', '教学辅助用房面积', '教学及教辅用房面积', '教学及教辅用房'],
  indoor_sports_area: ['室内体育用房面积', '室内体育用房', '体育馆面积', '=体育馆', '风雨操场面积', '室内体育场馆面积'],
  sports_ground_area: ['运动场地面积', '运动场面积', '校内体育场面积', '体育场地面积', '室外运动场地面积', '=运动场地', '=运动场'],
  sports_area: ['体育运动场馆面积', '体育运动场馆', '体育场馆面积', '体育运动场馆总面积'],
  equipment_value: ['教学仪器设备值', '教学仪器设备资产值', '教学仪器设备总值', '教学仪器设备', '仪器设备值', '仪器设备资产值', '教学设备值'],
  multimedia_rooms: ['网络多媒体教室数', '网络多媒体教室间数', '网络多媒体教室', '多媒体教室数', '多媒体教室'],
  computers: ['计算机台数', '计算机数', '学生用计算机', '教学用计算机', '=计算机', '电脑台数'],
  books: ['图书册数', '图书总册数', '藏书册数', '藏书量', '纸质图书', '=图书', '=藏书', '图书数'],
  classes: ['班级数', '教学班数', '=班数', '=班级', '=教学班'],
  pe_art_itinerant_teachers: ['交流轮岗兼职走教体育艺术教师数', '交流轮岗兼职走教体育艺术教师', '走教体育艺术教师', '兼职走教', '交流轮岗兼职走教'],
  rented_sports_area: ['校外租赁场馆面积', '校外租赁场馆', '租赁场馆面积', '租用场馆面积'],
  other_sports_area: ['校内其他体育场面积', '校内其他体育场', '其他体育场面积', '其他体育场地面积'],
  music_rooms: ['音乐专用教室数', '音乐专用教室间数', '音乐专用教室', '音乐教室数', '音乐教室间数', '=音乐教室'],
  art_rooms: ['美术专用教室数', '美术专用教室间数', '美术专用教室', '美术教室数', '美术教室间数', '=美术教室'],
  music_room_area: ['音乐专用教室面积', '音乐专用教室最小面积', '最小音乐专用教室面积', '音乐教室面积', '音乐教室最小面积'],
  art_room_area: ['美术专用教室面积', '美术专用教室最小面积', '最小美术专用教室面积', '美术教室面积', '美术教室最小面积'],
  built_year: ['建校年份', '建成年份', '建校时间', '建校年代', '建成时间', '始建年份'],
  migrant_students: ['随迁子女在校生数', '随迁子女数', '随迁子女人数', '进城务工人员随迁子女数', '=随迁子女'],
  public_funding: ['公用经费拨款', '公用经费拨付总额', '公用经费拨款总额', '公用经费总额', '年度公用经费', '=公用经费'],
  basic_standard_met: ['是否达到办学基本标准', '达到办学基本标准', '是否达到省定办学基本标准', '=办学基本标准'],
  small_rural_school: ['是否50-100人乡村小规模学校', '乡村小规模学校', '小规模学校'],
  counted_as_school: ['是否计校数', '计校数', '是否计入校数'],
  dense_city_centre: ['是否人口密度过高中心城区学校', '人口密度过高中心城区学校', '人口密度过高', '中心城区学校'],
};

/** Headers of computed columns (生均…, 差异系数, 是否达标): never read as inputs even when they name an input. */
export const DERIVED_MARKERS = ['生均', '每百名', '百名学生', '师生比', '差异系数', '达标', '比例', '占比', '百分比', '率', '标准值', '缺口'];

/** Cells above a ledger that start a note, not a school: the table ends there. */
export const NOTE_PREFIXES = ['填表人', '填报人', '制表人', '审核人', '负责人', '单位负责人', '统计负责人', '填表说明', '说明',
  '注:', '注1', '备注:', '填报日期', '填表日期', '联系电话', '制表日期'];
