import { DOC_2012, GOVERNMENT_WORK_2012, GOVERNMENT_WORK_PASS, SATISFACTION_2012 } from './government.ts';
import { INDICATOR_INFO } from './indicators.ts';
import type { IndicatorId, IndicatorRule, RulePack } from './types.ts';

const DOC = DOC_2012;

const rule = (id: IndicatorId): IndicatorRule => ({ id, ...INDICATOR_INFO[id], source: DOC });

/** National 2012 basic balance (rules §3): eight CVs, judged by their average. No national per-school thresholds. */
export const national2012Basic: RulePack = {
  id: 'national-2012-basic',
  name: '全国县域义务教育基本均衡（2012）',
  method: '2012',
  indicators: [
    rule('teaching_area_per_student'),
    rule('sports_area_per_student'),
    rule('equipment_value_per_student'),
    rule('computers_per_100'),
    rule('books_per_student'),
    rule('teachers_per_100'),
    rule('above_degree_teachers_per_100'),
    rule('senior_title_teachers_per_100'),
  ],
  compositeLimit: { primary: 0.65, junior: 0.55 },
  splitFields: [
    'teaching_area',
    'indoor_sports_area',
    'sports_ground_area',
    'sports_area',
    'equipment_value',
    'computers',
    'books',
  ],
  teachingPoints: { mode: 'exclude', minStudents: 50 },
  relaxations: false,
  governmentWork: { items: GOVERNMENT_WORK_2012, passMark: GOVERNMENT_WORK_PASS },
  satisfaction: SATISFACTION_2012,
  sources: [DOC, '《全国义务教育发展基本均衡县（市、区）申报表》'],
};
