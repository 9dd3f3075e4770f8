// The report JSON of rules §6, and the extra detail the planner and task pane use.
import type { Review } from './review.ts';
import type { IndicatorId } from '../standards/types.ts';
import type { Rectification } from './rectify/types.ts';
import type { DataGap, Problem, SkipReason, Stage } from './types.ts';

export interface IndicatorResult {
  id: IndicatorId;
  name: string;
  /** County value: Σ P·X / Σ P. */
  mean: number | null;
  cv: number | null;
  cvLimit: number | null;
  cvPass: boolean | null;
  threshold: number | null;
  schoolsBelow: number | null;
}

export interface StageResult {
  schoolCount: number;
  students: number;
  /** Resource verdict of the stage; null when the stage has no schools or its data is incomplete (rules §5.2). */
  pass: boolean | null;
  /** Why pass is null: 数据不全 with the sheet and cells, or no schools. */
  reason?: string;
  composite: number | null;
  compositeLimit: number | null;
  indicators: IndicatorResult[];
}

export interface SchoolResult {
  name: string;
  stage: Stage;
  row: number;
  /** Sheet of `row` when the ledger was read from several sheets. */
  sheet?: string;
  students: number;
  values: Partial<Record<IndicatorId, number | null>>;
  met: Partial<Record<IndicatorId, boolean | null>> | null;
  metCount: number | null;
  pass: boolean | null;
  shortfall: Partial<Record<IndicatorId, number | null>> | null;
}

export type PartId = 'resources' | 'government' | 'quality' | 'recognition' | 'basic_standard' | 'government_work' | 'satisfaction';

export interface PartItem {
  id: string;
  name: string;
  value: number | string | boolean | null;
  threshold: number | string | null;
  /** How value is held to threshold, for display: ≥ 10 (%), ≤ 45 (人), < 0.15, = 是. */
  op?: '≥' | '≤' | '<' | '=';
  unit?: string;
  pass: boolean | null;
  school?: string;
  /** Sheet of `cell` when it is not the ledger sheet (county items live on 县级指标). */
  sheet?: string;
  cell?: string;
  /** The verdict rests on the county's own 是/否 (自报), not on figures the add-in computed. */
  declared?: boolean;
}

export interface PartResult {
  id: PartId;
  name: string;
  pass: boolean | null;
  /** Why it failed or why it was not evaluated (未评估: …). */
  reason?: string;
  items: PartItem[];
}

export interface Report {
  version: 1;
  standard: string;
  county: string;
  /** true only when every part was evaluated and passed; false when one failed; null when one could not be judged. */
  pass: boolean | null;
  /** Which parts failed or could not be judged, and why. */
  reason?: string;
  stages: Partial<Record<Stage, StageResult>>;
  schools: SchoolResult[];
  problems: Problem[];
  parts: PartResult[];
  /** The data the verdict could not rest on (rules §5.2), each naming its sheet and cells. */
  gaps: DataGap[];
  /** Every sheet the schools were read from, when more than one (one stage per sheet). */
  sheets?: string[];
  /** How the ledger's rows were used, counted per reason (when the county came from a ledger). */
  rows?: RowSummary;
  /** The same for each further sheet of `sheets`. */
  moreRows?: RowSummary[];
  /** 整改测算 (rules §7): what it would take to pass, checked by applying it and judging again. */
  rectification?: Rectification;
  /** 复核: the workbook's stated 表Ⅲ figures against the recomputed ones (申报表 workbooks). */
  review?: Review;
}

/** The row accounting of the ledger, as counts (RowAccounting holds the row numbers). */
export interface RowSummary {
  sheet: string;
  /** First and last sheet row below the header. */
  first: number;
  last: number;
  total: number;
  schools: number;
  skipped: Partial<Record<SkipReason, number>>;
  errors: number;
}

/** A school whose leave-one-out effect raises the county CV. */
export interface Driver {
  name: string;
  row: number;
  sheet?: string;
  value: number;
  /** CV with the school minus CV without it. */
  impact: number;
}

/** Per-school detail beside report.schools (same index): where each indicator's input lives and how far it is from the threshold. */
export interface SchoolDetail {
  cells: Partial<Record<IndicatorId, string>>;
  /** value ÷ threshold, for the 85% rule and for display. */
  ratio: Partial<Record<IndicatorId, number | null>>;
}

export interface Evaluation {
  report: Report;
  schoolDetails: SchoolDetail[];
  drivers: Partial<Record<Stage, Partial<Record<IndicatorId, Driver[]>>>>;
}
