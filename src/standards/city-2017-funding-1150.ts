import { withThreshold } from './government.ts';
import { national2017Quality } from './national-2017-quality.ts';
import type { RulePack } from './types.ts';

const DOC = '市级优质均衡创建实施方案（公用经费：小学 1150 元、初中 1350 元；特殊教育 8000 元）';

/**
 * A city variant of the 2017 standard (rules §4.2, "a city 1150/1350 元"; "some provinces and cities 8000").
 * Resource thresholds are the national ones; the funding standard is the city's.
 */
export const city2017Funding1150: RulePack = {
  ...national2017Quality,
  id: 'city-2017-funding-1150',
  name: '优质均衡（2017）· 市级标准：公用经费 1150/1350 元，特教 8000 元',
  basedOn: national2017Quality.id,
  region: '市级示例',
  publicFunding: {
    perStudent: { primary: 1150, junior: 1350 },
    minFundedStudents: 100,
    source: DOC,
  },
  government: {
    school: national2017Quality.government!.school,
    countyItems: withThreshold(national2017Quality.government!.countyItems, 'special_education_funding', 8000, DOC),
  },
  sources: [...national2017Quality.sources, DOC],
};
