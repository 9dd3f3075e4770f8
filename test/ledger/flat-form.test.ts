// A form summary whose per-stage parts are flat headers with the stage in the name (小学专科学历教师数,
// 小学体育教师数) instead of a group over sub-headers: the parts are still summed (rules §5.1 item 2).
// Hand-computed: above-degree 6 of 100 and 12 of 300 pupils → 6 and 4 per 100, mean 4.5, CV √0.75 ÷ 4.5;
// PE/art 2/100 and 3/300 → mean 1.25, CV √0.1875 ÷ 1.25.
import { describe, expect, it } from 'vitest';
import { validateSheets } from '../../src/app/validate.ts';

const HEADER = ['学校名称', '学校类型', '小学在校生数', '小学专任教师数', '小学专科学历教师数', '小学本科学历教师数',
  '小学研究生学历教师数', '小学县级以上骨干教师数', '小学体育教师数', '小学音乐教师数', '小学美术教师数',
  '教学及辅助用房面积（㎡）', '运动场地面积（㎡）', '教学仪器设备值（万元）', '网络多媒体教室数（间）'];
const sheet = {
  name: '学校汇总',
  values: [
    ['青山县义务教育学校基本情况汇总表'],
    HEADER,
    ['甲小学', '小学', 100, 8, 3, 2, 1, 2, 1, 1, 0, 500, 900, 25, 3],
    ['乙小学', '小学', 300, 20, 6, 6, 0, 4, 1, 1, 1, 1500, 2700, 75, 9],
  ],
};

describe('form summary with flat per-stage part headers', () => {
  it('sums 专科 + 本科 + 研究生 into above-degree and 体育 + 音乐 + 美术 into PE/art, saying which columns', () => {
    const out = validateSheets([sheet]);
    expect(out.error).toBeUndefined();
    const st = out.evaluation!.report.stages.primary!;
    const ind = (id: string) => st.indicators.find((i) => i.id === id)!;
    expect(ind('above_degree_teachers_per_100').mean).toBeCloseTo(4.5, 10);
    expect(ind('above_degree_teachers_per_100').cv).toBeCloseTo(Math.sqrt(0.75) / 4.5, 10);
    expect(ind('pe_art_teachers_per_100').mean).toBeCloseTo(1.25, 10);
    expect(ind('pe_art_teachers_per_100').cv).toBeCloseTo(Math.sqrt(0.1875) / 1.25, 10);
    const infos = out.evaluation!.report.problems.map((p) => p.message);
    expect(infos.some((m) => m.includes('小学专科学历教师数') && m.includes('小学研究生学历教师数') && m.includes('相加'))).toBe(true);
    expect(infos.some((m) => m.includes('小学体育教师数') && m.includes('小学美术教师数') && m.includes('相加'))).toBe(true);
  });
});
