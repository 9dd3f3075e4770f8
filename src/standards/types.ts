import type { NumericField } from '../model/fields.ts';
import type { IndicatorId, UnitCosts } from '../model/indicators.ts';
import type { Stage } from '../model/stages.ts';
import type { CountyItemRule, SchoolGovernmentRules } from './government.ts';

export { INDICATOR_IDS, type IndicatorId } from '../model/indicators.ts';

export interface IndicatorRule {
  id: IndicatorId;
  /** Chinese name as the national template prints it. */
  name: string;
  /** Unit of the per-school value, e.g. '㎡/生', '元/生', '人/百生'. */
  unit: string;
  /** Per-school threshold (inclusive ≥) per stage; absent where the standard sets none. */
  threshold?: Partial<Record<Stage, number>>;
  /** CV limit (inclusive ≤) per stage, for methods that judge each indicator's CV. */
  cvLimit?: Partial<Record<Stage, number>>;
  /** Document the threshold or limit comes from. */
  source: string;
}

export type TeachingPointMode = 'threshold' | 'exclude' | 'merge';

export interface RulePack {
  id: string;
  /** Chinese name shown to users. */
  name: string;
  method: '2012' | '2017';
  /** Pack this one was derived from, for provincial variants. */
  basedOn?: string;
  /** Region a local variant applies to. */
  region?: string;
  indicators: IndicatorRule[];
  /** 2012: limit on the composite CV (average of the indicator CVs), per stage. */
  compositeLimit?: Partial<Record<Stage, number>>;
  /** 2017 per-school rule: at least minMet indicators met and every unmet one at least minRatio of its threshold. */
  schoolRule?: { minMet: number; minRatio: number };
  /** Shared school totals divided between the stages of a combined school (rules §2). */
  splitFields: NumericField[];
  teachingPoints: { mode: TeachingPointMode; minStudents: number };
  /** 规程 transitional relaxations (rules §4.1); only changes results where the ledger has their columns. */
  relaxations: boolean;
  /** 生均公用经费 (government guarantee, rules §4.2): per-stage standard in 元; schools under minFundedStudents funded as that many. */
  publicFunding?: {
    /** Absent in the national pack: the province sets it. */
    perStudent?: Record<Stage, number>;
    minFundedStudents: number;
    source: string;
  };
  /** 2017: per-school government checks and the county items of the 县级指标 sheet (government, quality, recognition). */
  government?: { school: SchoolGovernmentRules; countyItems: CountyItemRule[] };
  /** 2012: the scored government work (item points summed, pass at passMark) and public satisfaction. */
  governmentWork?: { items: CountyItemRule[]; passMark: number };
  satisfaction?: CountyItemRule;
  sources: string[];
}

/** Evaluation settings a user may change; defaults come from the pack. */
export interface EvaluationSettings {
  /** Round school values (valueDecimals) and CVs (cvDecimals) before comparing. Default false: compare unrounded. */
  roundBeforeCompare: boolean;
  valueDecimals: number;
  cvDecimals: number;
  teachingPoints?: { mode: TeachingPointMode; minStudents: number };
  relaxations?: boolean;
  /**
   * Merge every unit the statistics do not count as a school (是否计校数 = 0: campuses, teaching points) into its
   * main school (rules §5.1 item 3). Default false: such a unit follows the teaching-point rule.
   */
  mergeCampuses?: boolean;
  /** 元 per unit of each resource, for the rectification plan's cost in 万元 (rules §7); a county setting. */
  unitCosts?: UnitCosts;
}

export const DEFAULT_SETTINGS: EvaluationSettings = {
  roundBeforeCompare: false,
  valueDecimals: 2,
  cvDecimals: 3,
};
