// The fictional county's schools: names, types, enrolment and the profile their resources are drawn from.

export type Profile = 'urban' | 'town' | 'village' | 'point';

export interface SchoolSpec {
  name: string;
  type: '小学' | '初中' | '九年一贯制' | '完全中学' | '教学点';
  profile: Profile;
  primary?: number;
  junior?: number;
  senior?: number;
  central?: string;
  /** Deliberate weak spots: per-pupil rates that replace the drawn ones (the one or two clearly failing schools). */
  override?: Partial<Rates>;
  /** A deliberate 大班额: the largest class, replacing the drawn one. */
  maxClass?: number;
  /** Year the school was built (the 规程 relaxations for schools built by 2010 and 2016). */
  built?: number;
}

/** Per-pupil (or per-100-pupil) rates a school's amounts are derived from. */
export interface Rates {
  aboveDegreePer100: number;
  backbonePer100: number;
  peArtPer100: number;
  teachingAreaPerPupil: number;
  sportsAreaPerPupil: number;
  equipmentPerPupil: number;
  multimediaPer100: number;
}

export const COUNTY_NAME = '云岭县';
export const LEDGER_TITLE = `${COUNTY_NAME}义务教育学校办学条件台账（2025学年）`;

const TOWNS = ['石门镇', '桃源镇', '青溪镇', '马坪镇', '龙泉镇', '白沙乡', '双河乡', '高坪乡'];

export const SCHOOLS: SchoolSpec[] = [
  { name: '云岭县实验小学', type: '小学', profile: 'urban', primary: 2160, maxClass: 56, built: 2012 },
  { name: '城关第一小学', type: '小学', profile: 'urban', primary: 1925, override: { sportsAreaPerPupil: 7.1 } },
  { name: '城关第二小学', type: '小学', profile: 'urban', primary: 1680 },
  { name: '城东小学', type: '小学', profile: 'urban', primary: 1340 },
  { name: '城西小学', type: '小学', profile: 'urban', primary: 1105, override: { multimediaPer100: 2.2 } },
  ...TOWNS.map((t, i): SchoolSpec => ({ name: `${t}中心小学`, type: '小学', profile: 'town', primary: [860, 745, 690, 612, 580, 455, 420, 388][i] })),
  { name: '石门镇岩口小学', type: '小学', profile: 'village', primary: 182, override: { sportsAreaPerPupil: 4.9 } },
  { name: '桃源镇杨柳小学', type: '小学', profile: 'village', primary: 126, override: { aboveDegreePer100: 3.2, backbonePer100: 0, peArtPer100: 0.8 } },
  { name: '青溪镇花园小学', type: '小学', profile: 'village', primary: 245 },
  { name: '马坪镇大坝小学', type: '小学', profile: 'village', primary: 213 },
  { name: '龙泉镇金竹小学', type: '小学', profile: 'village', primary: 168 },
  { name: '龙泉镇水口小学', type: '小学', profile: 'village', primary: 142 },
  { name: '白沙乡茶园小学', type: '小学', profile: 'village', primary: 118 },
  { name: '双河乡河坝小学', type: '小学', profile: 'village', primary: 156 },
  { name: '高坪乡松林小学', type: '小学', profile: 'village', primary: 104 },
  { name: '石门镇新寨小学', type: '小学', profile: 'village', primary: 231 },
  { name: '桃源镇黄泥教学点', type: '教学点', profile: 'point', primary: 62, central: '桃源镇中心小学' },
  { name: '青溪镇岭上教学点', type: '教学点', profile: 'point', primary: 55, central: '青溪镇中心小学' },
  { name: '马坪镇麻柳教学点', type: '教学点', profile: 'point', primary: 71, central: '马坪镇中心小学' },
  { name: '龙泉镇坪上教学点', type: '教学点', profile: 'point', primary: 23, central: '龙泉镇中心小学' },
  { name: '白沙乡岩脚教学点', type: '教学点', profile: 'point', primary: 38, central: '白沙乡中心小学' },
  { name: '高坪乡垭口教学点', type: '教学点', profile: 'point', primary: 41, central: '高坪乡中心小学' },
  { name: '云岭县实验中学', type: '初中', profile: 'urban', junior: 1860 },
  { name: '城关中学', type: '初中', profile: 'urban', junior: 1245 },
  { name: '石门镇中学', type: '初中', profile: 'town', junior: 712 },
  { name: '桃源镇中学', type: '初中', profile: 'town', junior: 640 },
  { name: '青溪镇中学', type: '初中', profile: 'town', junior: 566 },
  { name: '马坪镇中学', type: '初中', profile: 'town', junior: 498 },
  { name: '龙泉镇中学', type: '初中', profile: 'town', junior: 455 },
  { name: '高坪乡中学', type: '初中', profile: 'town', junior: 318 },
  { name: '白沙九年一贯制学校', type: '九年一贯制', profile: 'town', primary: 415, junior: 306 },
  { name: '双河九年一贯制学校', type: '九年一贯制', profile: 'town', primary: 362, junior: 248 },
  { name: '云岭县第二中学', type: '完全中学', profile: 'urban', junior: 920, senior: 1140 },
];
