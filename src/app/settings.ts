// The settings saved in a workbook, resolved against the workbook as it is now and the options given: one answer
// for the task pane, `balance validate` and `balance rollup`, so none of them remembers a sheet that is gone.
import type { WorkbookSettings } from '../hosts/types.ts';
import type { HeaderMapping, SheetValues } from '../ledger/types.ts';
import type { EvaluationSettings } from '../standards/types.ts';

export interface ResolvedSettings {
  standard?: string;
  sheet?: string;
  mapping?: HeaderMapping;
  evaluation?: Partial<EvaluationSettings>;
}

/** Given options win field by field; the mapping and evaluation settings merge over the saved ones. */
export function resolveSettings(saved: WorkbookSettings | null | undefined, sheets: SheetValues[], given: ResolvedSettings = {}): ResolvedSettings {
  // A saved sheet that was renamed or deleted since is forgotten rather than failing every later run.
  const savedSheet = saved?.sheet && sheets.some((s) => s.name === saved.sheet) ? saved.sheet : undefined;
  return {
    standard: given.standard ?? saved?.standard,
    sheet: given.sheet ?? savedSheet,
    mapping: saved?.mapping || given.mapping ? { ...saved?.mapping, ...given.mapping } : undefined,
    evaluation: saved?.evaluation || given.evaluation ? { ...saved?.evaluation, ...given.evaluation } : undefined,
  };
}
