// Issue #15 bench: the rectification plan (school raises, CV levelling, whole units, the check by judging again)
// for a 2,000-school county (target ≤ 50 ms) and for a synthetic nation of 300,000 schools in 3,000 counties,
// against the kernel's own judgement of the same stages in the same run.
import { FORMULAS } from '../../src/core/derive.ts';
import { judgeStageTable } from '../../src/core/kernel.ts';
import { planIndicators, planStage, type StageInput } from '../../src/core/rectify/index.ts';
import type { Stage } from '../../src/core/types.ts';
import { mulberry32 } from '../../src/sample/prng.ts';
import { national2017Quality as pack } from '../../src/standards/national-2017-quality.ts';
import { figure } from '../figures.ts';
import { fastestAlternating } from '../timing.ts';

const TYPICAL: Record<Stage, number[]> = {
  primary: [5, 1.2, 1.1, 5.5, 9, 2600, 2.9],
  junior: [6.2, 1.2, 1.1, 7, 12, 3300, 3],
};

/** A failing county stage: values spread log-normally around the typical ones, so CVs and schools fail. */
function county(stage: Stage, n: number, rand: () => number): StageInput {
  const weights = Float64Array.from({ length: n }, () => Math.round(30 + rand() * 1500));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const amounts = pack.indicators.map((rule, j) => {
    const scale = FORMULAS[rule.id].scale;
    const spread = j % 2 === 0 ? 0.35 : 0.6;
    return Float64Array.from(weights, (p) => (TYPICAL[stage][j] * Math.exp(spread * gauss()) * p) / scale);
  });
  return { stage, weights, amounts, indicators: planIndicators(pack, stage), schoolRule: pack.schoolRule, compositeLimit: null };
}

const judge = (s: StageInput) =>
  judgeStageTable(
    { groupStart: [0, s.weights.length], weights: s.weights, amounts: s.amounts, scales: s.indicators.map((i) => i.scale) },
    s.indicators.map((i) => ({ threshold: i.threshold, cvLimit: i.cvLimit })),
    s.schoolRule,
  );

export async function run(): Promise<void> {
  const rand = mulberry32(20261201);
  const big = [county('primary', 1400, rand), county('junior', 600, rand)];
  const plans = big.map(planStage);
  const passed = plans.every((p) => p.passAfter);
  const failingCVs = big.reduce((n, s) => n + judge(s).cv.filter((c, j) => c[0] > (s.indicators[j].cvLimit ?? Infinity)).length, 0);
  const [judgeMs, planMs] = fastestAlternating([() => big.forEach(judge), () => big.forEach(planStage)], 10);
  console.log(`county of 2,000 schools (${failingCVs} CVs over their limit): plan ${planMs.toFixed(1)} ms (target ≤ 50), judging it ${judgeMs.toFixed(2)} ms; plan passes when applied: ${passed}`);
  figure('rectify_county_schools', 2000);
  figure('rectify_county_ms', planMs);
  figure('rectify_county_judge_ratio', planMs / judgeMs);

  const nation: StageInput[] = [];
  for (let g = 0; g < 3000; g++) nation.push(county('primary', 70, rand), county('junior', 30, rand));
  let passing = 0;
  const [nationJudgeMs, nationMs] = fastestAlternating(
    [
      () => nation.forEach(judge),
      () => {
        passing = 0;
        for (const s of nation) if (planStage(s).passAfter) passing++;
      },
    ],
    2,
  );
  console.log(`synthetic nation, 300,000 schools in 3,000 counties: plan ${(nationMs / 1000).toFixed(2)} s (${(nationMs / nationJudgeMs).toFixed(0)}× judging it, ${nationJudgeMs.toFixed(0)} ms); ${passing} of ${nation.length} county stages pass after their plan`);
  figure('rectify_nation_schools', 300000);
  figure('rectify_nation_ms', nationMs);
  figure('rectify_nation_judge_ratio', nationMs / nationJudgeMs);
  figure('rectify_nation_stages_passing', passing);
}
