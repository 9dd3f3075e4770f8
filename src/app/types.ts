// Contract of the validation pipeline shared by the task pane (any host) and the CLI.
import type { AnnotationPlan } from '../core/plan.ts';
import type { LeftMark } from '../plan/identity.ts';
import type { Evaluation } from '../core/report.ts';
import type { Problem } from '../core/types.ts';
import type { HeaderMapping, LedgerRead, SheetValues } from '../ledger/types.ts';
import type { EvaluationSettings, RulePack } from '../standards/types.ts';

export interface ValidateOptions {
  /**
   * The host's values, already read and still current (the pane in browser mode): validateWorkbook validates them
   * instead of reading the workbook again.
   */
  sheets?: SheetValues[];
  standard?: string;
  sheet?: string;
  mapping?: HeaderMapping;
  settings?: Partial<EvaluationSettings>;
  fallbackCountyName?: string;
  /** On a sheet with several counties, the one to evaluate. */
  county?: string;
  /** false: evaluate only, no annotation plan (a roll-up writes nothing into the county workbooks). */
  plan?: boolean;
  /**
   * Called once the plan is built, before the host applies it: the outcome to keep from there on. The CLI lets
   * what it no longer needs go here (a 200,000-school county's school records and per-school results are most
   * of the heap while the workbook is written).
   */
  beforeApply?: (outcome: ValidateOutcome) => ValidateOutcome;
  /** 0..1 and a Chinese label, for the task pane's progress bar and the CLI's stderr. */
  onProgress?: (fraction: number, label: string) => void;
}

export interface ValidateOutcome {
  ledger: LedgerRead;
  /** Absent when the ledger could not be read or the standard is unknown. */
  evaluation?: Evaluation;
  /** The rule pack the evaluation used, present with it: callers need not resolve the standard again. */
  pack?: RulePack;
  plan?: AnnotationPlan;
  /** The values validateWorkbook validated (read once, or given): a caller keeps them instead of reading again. */
  sheets?: SheetValues[];
  /** The sheet validateWorkbook wrote the report to (均衡校验报告, or 均衡校验报告(2)… beside a clerk's sheet of that name). */
  reportSheet?: string;
  /** Marks of the earlier validation that could not be found again with certainty after rows moved: left as they are. */
  left?: LeftMark[];
  /** Fatal problems (unknown standard, no ledger) in Chinese. */
  error?: string;
  problems: Problem[];
}
