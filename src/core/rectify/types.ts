// The planner's inputs (one stage as columns, as the kernel takes them) and the report's rectification (rules §7).
import type { IndicatorId } from '../../standards/types.ts';
import type { SchoolRule } from '../kernel.ts';
import type { Stage } from '../types.ts';
import type { ResourceUnit, UnitCosts } from './units.ts';

export interface PlanIndicator {
  id: IndicatorId;
  /** Chinese name, for notes. */
  name: string;
  /** 1 for per pupil, 100 for per 100 pupils: value = scale × amount ÷ pupils. */
  scale: number;
  threshold: number | null;
  cvLimit: number | null;
  unit: ResourceUnit;
  /** 元 per unit of the numerator, or null when the county set none. */
  cost: number | null;
}

/** One stage of one county: school parts as rows, the same columns the kernel judges. */
export interface StageInput {
  stage: Stage;
  /** Enrolment P_i of each school part (never changed by a plan). */
  weights: Float64Array;
  /** Per indicator, per school numerator in base units; NaN where the ledger lacks it. */
  amounts: Float64Array[];
  indicators: PlanIndicator[];
  schoolRule?: SchoolRule;
  /** 2012: limit on the average of the stage's CVs. */
  compositeLimit: number | null;
  /** The evaluation's rounding policy, so the plan is checked as the verdict is judged. */
  compareCV?: (cv: number) => number;
  valueDecimals?: number | null;
}

/** A stage's plan: per indicator, per school, what to add for the school rule and what on top for the CVs. */
export interface StagePlan {
  school: Float64Array[];
  cv: Float64Array[];
  /** Verdict after applying both, judged by the kernel. */
  passAfter: boolean;
  cvAfter: (number | null)[];
  compositeAfter: number | null;
  /** 2012: the indicators levelled to bring the composite within its limit, and on what basis. */
  chosen?: { indicators: IndicatorId[]; basis: 'cost' | 'fewest' };
  /** Why part of the stage could not be planned (Chinese); a stage with notes has no additions. */
  notes: string[];
}

export interface Addition {
  school: string;
  stage: Stage;
  row: number;
  sheet?: string;
  indicator: IndicatorId;
  amount: number;
  unit: string;
  reason: 'school' | 'cv';
}

export interface IndicatorPlan {
  stage: Stage;
  indicator: IndicatorId;
  name: string;
  cvBefore: number | null;
  cvAfter: number | null;
  limit: number | null;
  /** Every addition to this indicator (school and cv), in `unit`. */
  total: number;
  schoolTotal: number;
  cvTotal: number;
  unit: string;
  /** School parts receiving an addition. */
  schools: number;
  /** 万元, or null without a unit cost. */
  cost: number | null;
}

export interface CompositePlan {
  stage: Stage;
  before: number | null;
  after: number | null;
  limit: number;
  indicators: IndicatorId[];
  basis: 'cost' | 'fewest';
}

export interface Rectification {
  additions: Addition[];
  byIndicator: IndicatorPlan[];
  cost: { total: number; unitCosts: UnitCosts };
  /** 2012: per stage whose composite was over its limit, the indicators the plan levels. */
  composite: CompositePlan[];
  /** Resource verdict per stage after applying every addition (checked by evaluating again). */
  stagesAfter: Partial<Record<Stage, boolean | null>>;
  /**
   * True when every stage with schools passes after the plan; null when a stage rests on data that was not read
   * (rules §5.2): the plan then covers the schools read and cannot promise a pass.
   */
  passAfter: boolean | null;
  /** What could not be planned and why (Chinese). */
  notes: string[];
}
