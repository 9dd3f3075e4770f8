// Issue #3 bench: the whole 2017 resource evaluation (7 indicators × 2 stages, per-school verdicts, CVs)
// for a synthetic nation of 300,000 schools in 3,000 counties, against peers computed in the same run:
// the bare two-pass CV loop (the floor), a naive object-per-school version, the product's object API
// evaluate() county by county, and HyperFormula evaluating the SUMPRODUCT formulas a clerk would write.
import { HyperFormula } from 'hyperformula';
import { FORMULAS } from '../../src/core/derive.ts';
import { evaluate } from '../../src/core/evaluate.ts';
import { judgeStageTable, type IndicatorSpec } from '../../src/core/kernel.ts';
import type { County, LedgerSchool, NumericField, Stage } from '../../src/core/types.ts';
import { mulberry32 } from '../../src/sample/prng.ts';
import { figure } from '../figures.ts';
import { fastestAlternating } from '../timing.ts';
import { national2017Quality as pack } from '../../src/standards/national-2017-quality.ts';

const COUNTIES = 3000;
const SCHOOLS_PER_COUNTY = 100;
const JUNIOR_SHARE = 0.3;
const RUNS = 5;

interface StageData {
  groupStart: Int32Array;
  students: Float64Array;
  /** Numerator amounts per indicator (pack order), base units. */
  amounts: Float64Array[];
}

const TYPICAL: Record<Stage, number[]> = {
  primary: [5, 1.2, 1.1, 5.5, 9, 2600, 2.9],
  junior: [6.2, 1.2, 1.1, 7, 12, 3300, 3],
};

function makeStage(stage: Stage, rand: () => number): StageData {
  const perCounty = Math.round(SCHOOLS_PER_COUNTY * (stage === 'junior' ? JUNIOR_SHARE : 1 - JUNIOR_SHARE));
  const n = COUNTIES * perCounty;
  const groupStart = Int32Array.from({ length: COUNTIES + 1 }, (_, g) => g * perCounty);
  const students = Float64Array.from({ length: n }, () => Math.round(30 + rand() * 1500));
  const amounts = pack.indicators.map((rule, j) => {
    const scale = FORMULAS[rule.id].scale;
    return Float64Array.from(students, (p) => (TYPICAL[stage][j] * (0.6 + rand() * 0.8) * p) / scale);
  });
  return { groupStart, students, amounts };
}

const specsOf = (stage: Stage): IndicatorSpec[] =>
  pack.indicators.map((r) => ({ threshold: r.threshold?.[stage] ?? null, cvLimit: r.cvLimit?.[stage] ?? null }));

/** Ours: the kernel derives each value from its amount, computes CVs and judges schools and counties. */
function oursStage(stage: Stage, d: StageData) {
  const scales = pack.indicators.map((rule) => FORMULAS[rule.id].scale);
  return judgeStageTable({ groupStart: d.groupStart, weights: d.students, amounts: d.amounts, scales }, specsOf(stage), pack.schoolRule);
}

/** The floor: the bare two-pass weighted CV loop over already-derived values, nothing else. */
function floorStage(d: StageData, values: Float64Array[]): Float64Array[] {
  return values.map((xs) => {
    const out = new Float64Array(COUNTIES);
    for (let g = 0; g < COUNTIES; g++) {
      let sw = 0;
      let swx = 0;
      for (let i = d.groupStart[g]; i < d.groupStart[g + 1]; i++) {
        sw += d.students[i];
        swx += d.students[i] * xs[i];
      }
      const mean = swx / sw;
      let ss = 0;
      for (let i = d.groupStart[g]; i < d.groupStart[g + 1]; i++) ss += d.students[i] * (xs[i] - mean) ** 2;
      out[g] = Math.sqrt(ss / sw) / mean;
    }
    return out;
  });
}

interface NaiveSchool {
  county: number;
  students: number;
  amounts: Record<string, number>;
}

/** A straightforward reference: one object per school, filter/map/reduce per county. */
function naiveStage(stage: Stage, schools: NaiveSchool[]) {
  const byCounty = new Map<number, NaiveSchool[]>();
  for (const s of schools) {
    const list = byCounty.get(s.county);
    if (list) list.push(s);
    else byCounty.set(s.county, [s]);
  }
  const results: { cvs: number[]; pass: boolean }[] = [];
  for (const list of byCounty.values()) {
    const cvs = pack.indicators.map((rule) => {
      const values = list.map((s) => (FORMULAS[rule.id].scale * s.amounts[rule.id]) / s.students);
      const total = list.reduce((a, s) => a + s.students, 0);
      const mean = list.reduce((a, s, i) => a + s.students * values[i], 0) / total;
      const variance = list.reduce((a, s, i) => a + (s.students / total) * (values[i] - mean) ** 2, 0);
      return Math.sqrt(variance) / mean;
    });
    const schoolsPass = list.every((s) => {
      const ratios = pack.indicators.map((rule) => (FORMULAS[rule.id].scale * s.amounts[rule.id]) / s.students / rule.threshold![stage]!);
      const met = ratios.filter((r) => r >= 1).length;
      return met >= 6 && ratios.every((r) => r >= 0.85);
    });
    results.push({ cvs, pass: schoolsPass && cvs.every((cv) => cv <= pack.indicators[0].cvLimit![stage]!) });
  }
  return results;
}

const FIELD_OF: Record<string, NumericField> = {
  above_degree_teachers_per_100: 'above_degree_teachers',
  backbone_teachers_per_100: 'backbone_teachers',
  pe_art_teachers_per_100: 'pe_art_teachers',
  teaching_area_per_student: 'teaching_area',
  sports_area_per_student: 'sports_ground_area',
  equipment_value_per_student: 'equipment_value',
  multimedia_rooms_per_100: 'multimedia_rooms',
};

/** The product's object API: one County of LedgerSchool rows per county through evaluate(). */
function countiesOf(nation: Record<Stage, StageData>, count: number): County[] {
  const out: County[] = [];
  for (let g = 0; g < count; g++) {
    const schools: LedgerSchool[] = [];
    for (const stage of ['primary', 'junior'] as const) {
      const d = nation[stage];
      for (let i = d.groupStart[g]; i < d.groupStart[g + 1]; i++) {
        const values: LedgerSchool['values'] = { [`students_${stage}`]: d.students[i] };
        pack.indicators.forEach((rule, j) => {
          const f = FIELD_OF[rule.id];
          values[(f.endsWith('teachers') ? `${f}_${stage}` : f) as NumericField] = d.amounts[j][i];
        });
        schools.push({ name: `校${i}`, row: i + 2, type: stage, values });
      }
    }
    out.push({ name: `县${g}`, schools });
  }
  return out;
}

/** HyperFormula: the SUMPRODUCT formulas a clerk would type, for one county's stage. */
function hyperFormulaCounty(d: StageData, g: number): number[] {
  const rows: (number | string)[][] = [];
  for (let i = d.groupStart[g]; i < d.groupStart[g + 1]; i++) {
    rows.push([d.students[i], ...pack.indicators.map((rule, j) => (FORMULAS[rule.id].scale * d.amounts[j][i]) / d.students[i])]);
  }
  const n = rows.length;
  const cols = 'BCDEFGH';
  const formulas = [...cols].map((c) => {
    const x = `${c}1:${c}${n}`;
    const p = `A1:A${n}`;
    const mean = `SUMPRODUCT(${p},${x})/SUM(${p})`;
    return `=SQRT(SUMPRODUCT(${p},(${x}-${mean})^2)/SUM(${p}))/(${mean})`;
  });
  rows.push(['', ...formulas]);
  const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const out = [...cols].map((_, j) => hf.getCellValue({ sheet: 0, row: n, col: j + 1 }) as number);
  hf.destroy();
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs = RUNS): number {
  fn(); // warm up
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

export async function run(): Promise<void> {
  const rand = mulberry32(20261123); // deterministic: every run measures the same nation
  const nation = { primary: makeStage('primary', rand), junior: makeStage('junior', rand) };
  const schools = nation.primary.students.length + nation.junior.students.length;
  console.log(`synthetic nation: ${schools.toLocaleString('en')} schools in ${COUNTIES.toLocaleString('en')} counties, 7 indicators × 2 stages`);

  const valuesOf = (stage: Stage) =>
    pack.indicators.map((rule, j) => Float64Array.from(nation[stage].amounts[j], (a, i) => (FORMULAS[rule.id].scale * a) / nation[stage].students[i]));
  const pv = valuesOf('primary');
  const jv = valuesOf('junior');
  const [floorMs, oursMs] = fastestAlternating(
    [
      () => {
      floorStage(nation.primary, pv);
      floorStage(nation.junior, jv);
    },
    () => {
      oursStage('primary', nation.primary);
      oursStage('junior', nation.junior);
    },
  ],
    4 * RUNS,
  );
  const derived = (stage: Stage) => oursStage(stage, nation[stage]);

  // Same answers: the kernel's CVs equal the floor's.
  const check = floorStage(nation.primary, pv);
  const ours = derived('primary');
  let maxDiff = 0;
  for (let j = 0; j < check.length; j++) for (let g = 0; g < COUNTIES; g++) maxDiff = Math.max(maxDiff, Math.abs(check[j][g] - ours.cv[j][g]));

  const naive = (['primary', 'junior'] as const).map((stage) => {
    const d = nation[stage];
    const list: NaiveSchool[] = [];
    for (let g = 0; g < COUNTIES; g++) {
      for (let i = d.groupStart[g]; i < d.groupStart[g + 1]; i++) {
        list.push({ county: g, students: d.students[i], amounts: Object.fromEntries(pack.indicators.map((r, j) => [r.id, d.amounts[j][i]])) });
      }
    }
    return list;
  });
  const naiveMs = time(() => {
    naiveStage('primary', naive[0]);
    naiveStage('junior', naive[1]);
  }, 3);

  const sample = 300;
  const counties = countiesOf(nation, sample);
  // Timed as the floor is (fastest of several runs), not as a median: on a shared machine a median of 3 measures
  // the other engineers' load as much as the code, and the ratio to a fastest-run floor then inflates with it.
  const [objectSampleMs] = fastestAlternating([() => counties.forEach((c) => evaluate(c, pack))], RUNS);
  const objectMs = (objectSampleMs * COUNTIES) / sample;

  const hfSample = 10;
  const hfMs =
    (time(() => {
      for (let g = 0; g < hfSample; g++) {
        hyperFormulaCounty(nation.primary, g);
        hyperFormulaCounty(nation.junior, g);
      }
    }, 3) *
      COUNTIES) /
    hfSample;
  const hfCheck = hyperFormulaCounty(nation.primary, 0);
  const hfDiff = Math.max(...hfCheck.map((cv, j) => Math.abs(cv - ours.cv[j][0])));

  const row = (name: string, ms: number, note = '') =>
    console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(10)} ms   ${(ms / floorMs).toFixed(2).padStart(8)}× floor${note}`);
  console.log(`floor and ours: fastest of ${4 * RUNS} alternating runs; evaluate(): fastest of ${RUNS}; other peers: median of ${RUNS} (or 3); * = run on a sample, scaled to the nation`);
  row('bare two-pass CV loop (floor)', floorMs);
  row('ours: kernel, values + CVs + verdicts', oursMs, oursMs <= 2 * floorMs ? '   (target ≤ 2×: met)' : '   (target ≤ 2×: NOT met)');
  row('naive object-per-school reference', naiveMs);
  row(`* evaluate() object API, ${sample} counties`, objectMs);
  row(`* HyperFormula SUMPRODUCT formulas, ${hfSample} counties`, hfMs);
  console.log(`largest CV difference: kernel vs floor ${maxDiff.toExponential(1)}, kernel vs HyperFormula ${hfDiff.toExponential(1)}`);
  figure('nation_schools', schools);
  figure('nation_floor_ms', floorMs);
  figure('nation_kernel_ms', oursMs);
  figure('nation_kernel_ratio', oursMs / floorMs);
  figure('nation_naive_ratio', naiveMs / floorMs);
  // The per-county path: evaluate() county by county, per school against the kernel floor per school.
  figure('evaluate_per_school_ratio', objectMs / floorMs);
  figure('evaluate_us_per_school', (objectMs * 1000) / schools);
  figure('nation_hyperformula_ratio', hfMs / floorMs);
  figure('nation_kernel_max_cv_diff', maxDiff);
}
