// A generated primary-school ledger of any size, read and evaluated by the real pipeline into a plan.
import { validateSheets } from '../../src/app/validate.ts';
import type { AnnotationPlan } from '../../src/core/plan.ts';
import type { SheetValues } from '../../src/ledger/types.ts';

export const HEADERS = [
  '学校名称',
  '小学在校生数',
  '高于规定学历教师数（小学）',
  '县级及以上骨干教师数（小学）',
  '体育艺术专任教师数（小学）',
  '教学及辅助用房面积（㎡）',
  '室内体育用房面积（㎡）',
  '运动场地面积（㎡）',
  '教学仪器设备值（万元）',
  '网络多媒体教室数（间）',
];

/** Every 5th school is short of teaching rooms and every 7th of multimedia rooms; the rest meet every threshold. */
export function ledgerRows(schools: number): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  for (let i = 0; i < schools; i++) {
    const pupils = 200 + ((i * 37) % 1000);
    const area = (i % 5 === 4 ? 3.8 : 5 + (i % 3) * 0.4) * pupils;
    const rooms = Math.ceil((i % 7 === 6 ? 1.5 : 2.6) * pupils / 100);
    rows.push([
      `第${i + 1}小学`,
      pupils,
      Math.ceil(0.05 * pupils),
      Math.ceil(0.012 * pupils),
      Math.ceil(0.011 * pupils),
      Math.round(area),
      0,
      Math.round(8 * pupils + (i % 4) * 50),
      Math.round(0.25 * pupils * 100) / 100,
      rooms,
    ]);
  }
  return rows;
}

export function planFor(sheets: SheetValues[]): AnnotationPlan {
  const outcome = validateSheets(sheets, { standard: 'national-2017-quality' });
  if (!outcome.plan) throw new Error(`no plan: ${outcome.error}`);
  return outcome.plan;
}
