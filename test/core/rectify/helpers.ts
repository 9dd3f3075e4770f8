import { planIndicators as packIndicators, type UnitCosts } from '../../../src/core/rectify/index.ts';
import { schoolRaises } from '../../../src/core/rectify/school.ts';
import { national2017Quality } from '../../../src/standards/national-2017-quality.ts';

export const planIndicators = (costs?: UnitCosts) => packIndicators(national2017Quality, 'primary', costs);

/** The raises of one primary school with these numerators (pack order) and pupils. */
export function schoolRaisesOf(amounts: number[], pupils: number, costs?: UnitCosts): number[] {
  const raises = schoolRaises({
    stage: 'primary',
    weights: Float64Array.of(pupils),
    amounts: amounts.map((a) => Float64Array.of(a)),
    indicators: planIndicators(costs),
    schoolRule: national2017Quality.schoolRule,
    compositeLimit: null,
  });
  return raises.map((r) => r[0]);
}
