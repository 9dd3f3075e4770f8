// What the pane asks of the application layer. The pane holds no rules: reading the ledger, evaluating and
// writing annotations all happen behind this seam (src/ledger, src/app/validate.ts), which index.tsx wires in.
import type { ValidateOptions, ValidateOutcome } from '../app/types.ts';
import { insertCountySheet, type InsertResult } from '../app/county-sheet.ts';
import { clearWorkbook, validateWorkbook } from '../app/validate.ts';
import type { Cleared, Host } from '../hosts/types.ts';
import { readLedger } from '../ledger/index.ts';
import type { HeaderMapping, LedgerRead, SheetValues } from '../ledger/types.ts';

export interface InspectOptions {
  sheet?: string;
  mapping?: HeaderMapping;
  /** On a sheet with several counties, the one chosen. */
  county?: string;
}

export interface Inspection {
  /** Every readable sheet, for the ledger-sheet picker. */
  sheetNames: string[];
  ledger: LedgerRead;
}

export interface PanePipeline {
  /** Detects the ledger (sheet, header rows, mapping) in values already read from the host. */
  detect(sheets: SheetValues[], options: InspectOptions): LedgerRead;
  /** Reads, evaluates, writes the annotations (replacing earlier ones) and saves the settings. */
  validate(host: Host, options: ValidateOptions): Promise<ValidateOutcome>;
  /** Removes every annotation the add-in wrote. */
  clear(host: Host): Promise<Cleared>;
  /** Adds the blank 县级指标 sheet of the standard, unless the workbook has one. */
  insertCountySheet(host: Host, standard: string, countyName: string): Promise<InsertResult>;
}

/** The real pipeline: the ledger reader for detection, the shared validation for everything else. */
export const appPipeline: PanePipeline = {
  detect: (sheets, options) => readLedger(sheets, options),
  validate: validateWorkbook,
  clear: clearWorkbook,
  insertCountySheet,
};
