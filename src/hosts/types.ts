// The one small interface every host implements (Excel via Office.js, WPS via the ET object model,
// files via ExcelJS). Hosts read values and apply plans; they never decide what is wrong.
import type { AnnotationPlan } from '../core/plan.ts';
import type { EvaluationSettings } from '../standards/types.ts';
import type { HeaderMapping, SheetValues } from '../ledger/types.ts';
import type { LeftMark } from '../plan/identity.ts';

export type { LeftMark };

/** Saved in the workbook so the mapping and chosen standard travel with the file. */
export interface WorkbookSettings {
  version: 1;
  standard?: string;
  sheet?: string;
  mapping?: HeaderMapping;
  evaluation?: Partial<EvaluationSettings>;
}

/** What apply wrote where the plan left the host a choice by rule. */
export interface Applied {
  reportSheet: string;
  /** Marks of the previous validation that could not be found again with certainty: left as they are (plan/identity.ts). */
  left: LeftMark[];
}

/** What clear did: how many marked cells it gave back their own look, and which it left (and why). */
export interface Cleared {
  restored: number;
  left: LeftMark[];
}

export interface Host {
  readonly kind: 'excel' | 'wps' | 'file';
  /** Every visible worksheet's used range (the add-in's own sheets excluded), in a fixed number of round trips. */
  readWorkbook(): Promise<SheetValues[]>;
  /** Name of the active sheet, where the host has one. */
  activeSheet(): Promise<string | null>;
  /**
   * Writes fills, notes and the report sheet. Replaces earlier annotations instead of stacking them. Returns the
   * name the report was written under (plan/host-rules.ts reportSheetName: the planned one unless a sheet of the
   * clerk's has it).
   */
  apply(plan: AnnotationPlan): Promise<Applied>;
  /**
   * Removes exactly what apply added and restores what it covered (fills, notes), on each cell found again by
   * its school and column (plan/identity.ts placeMarks); a cell not found with certainty is left and listed.
   */
  clear(): Promise<Cleared>;
  loadSettings(): Promise<WorkbookSettings | null>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Selects a cell so the user sees the offending value. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Adds a data-entry sheet the clerk fills in (县级指标), unless one of that name exists: false then, and nothing
   * is written. Not an annotation: clear() leaves it, since it holds the clerk's figures once filled.
   */
  addSheet(name: string, rows: (string | number | null)[][], columnWidths: number[]): Promise<boolean>;
}
