import { COUNTY_ITEMS_2017, SCHOOL_GOVERNMENT_2017 } from './government.ts';
import { INDICATOR_INFO } from './indicators.ts';
import type { IndicatorId, IndicatorRule, RulePack } from './types.ts';

const DOC = '教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》第五条';
const CV_LIMIT = { primary: 0.5, junior: 0.45 };

const rule = (id: IndicatorId, primary: number, junior: number): IndicatorRule => ({
  id,
  ...INDICATOR_INFO[id],
  threshold: { primary, junior },
  cvLimit: CV_LIMIT,
  source: DOC,
});

/** National 2017 quality balance, resource allocation (rules §4.1). */
export const national2017Quality: RulePack = {
  id: 'national-2017-quality',
  name: '全国县域义务教育优质均衡（2017）',
  method: '2017',
  indicators: [
    rule('above_degree_teachers_per_100', 4.2, 5.3),
    rule('backbone_teachers_per_100', 1.0, 1.0),
    rule('pe_art_teachers_per_100', 0.9, 0.9),
    rule('teaching_area_per_student', 4.5, 5.8),
    rule('sports_area_per_student', 7.5, 10.2),
    rule('equipment_value_per_student', 2000, 2500),
    rule('multimedia_rooms_per_100', 2.3, 2.4),
  ],
  schoolRule: { minMet: 6, minRatio: 0.85 },
  splitFields: [
    'teaching_area',
    'indoor_sports_area',
    'sports_ground_area',
    'sports_area',
    'rented_sports_area',
    'other_sports_area',
    'equipment_value',
    'multimedia_rooms',
  ],
  teachingPoints: { mode: 'threshold', minStudents: 50 },
  relaxations: true,
  publicFunding: {
    minFundedStudents: 100,
    source: `${DOC}（生均公用经费以省定标准为准）`,
  },
  government: { school: SCHOOL_GOVERNMENT_2017, countyItems: COUNTY_ITEMS_2017 },
  sources: [
    DOC,
    '国教督办函〔2019〕30号《县域义务教育优质均衡发展督导评估规程》（过渡期放宽条款）',
    '《全国义务教育发展优质均衡县（市、区）申报表》',
  ],
};
