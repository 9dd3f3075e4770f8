import { national2017Quality } from './national-2017-quality.ts';
import type { RulePack } from './types.ts';

const DOC = '省级优质均衡评估实施细则（公用经费：小学 935 元、初中 1155 元）';

/** A provincial variant of the 2017 standard (rules §4.2, "a province 935/1155 元"); special education at the national 6000 元. */
export const province2017Funding935: RulePack = {
  ...national2017Quality,
  id: 'province-2017-funding-935',
  name: '优质均衡（2017）· 省级标准：公用经费 935/1155 元',
  basedOn: national2017Quality.id,
  region: '省级示例',
  publicFunding: {
    perStudent: { primary: 935, junior: 1155 },
    minFundedStudents: 100,
    source: DOC,
  },
  sources: [...national2017Quality.sources, DOC],
};
