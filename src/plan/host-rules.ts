// What every host does the same way when it applies a plan, decided once here so Excel, WPS and the file host
// agree: the key that makes two marks one cell (the planner merges by it, so a plan has one mark per cell), how
// a clerk's own note shares a marked cell with ours, which sheets are ours, and the name our report takes when a
// sheet of the clerk's already has it. Hosts call these with what they read from the workbook and apply the
// answer; they decide nothing of their own.
import { isReportMarker, REPORT_SHEET, STATE_SHEET } from '../model/sheets.ts';

/** One cell, however its address was spelled ("f9", "$F$9", " F9 "): the key marks are merged and recorded by. */
export const markKey = (sheet: string, cell: string): string => `${sheet}!${normalCell(cell)}`;

export const normalCell = (cell: string): string => cell.replace(/\$/g, '').trim().toUpperCase();

/** The line that separates a clerk's own note from ours on one cell. */
export const OUR_NOTE_HEADER = '【均衡校验】';

/**
 * The note text a marked cell carries: ours alone, or the clerk's own note first, untouched, then ours under
 * OUR_NOTE_HEADER. The clerk's note is recorded as it was and put back alone by clear.
 */
export function markedNote(clerkNote: string | null, ours: string): string {
  return clerkNote ? `${clerkNote}\n\n${OUR_NOTE_HEADER}\n${ours}` : ours;
}

/** What a host reads of one sheet to decide whether it is ours: its name and the value in REPORT_MARKER_CELL. */
export interface SheetFacts {
  name: string;
  marker: unknown;
}

/**
 * Our report sheets: every sheet holding our marker, whatever it is called and whatever the state record says.
 * They are never read as data. A sheet without the marker is the clerk's, even when it is called 均衡校验报告 or a
 * record names it: no host ever replaces or deletes it.
 */
export function ourReports(sheets: readonly SheetFacts[]): Set<string> {
  return new Set(sheets.filter((s) => isReportMarker(s.marker)).map((s) => s.name));
}

/** Our sheets: the hidden state sheet and our reports (ourReports). */
export function ownSheets(sheets: readonly SheetFacts[]): Set<string> {
  const own = ourReports(sheets);
  if (sheets.some((s) => s.name === STATE_SHEET)) own.add(STATE_SHEET);
  return own;
}

/**
 * The report sheets a run replaces and clear removes: ours (the marker) under the name the state recorded or
 * the planned name. A report of ours the clerk renamed or copied to keep ("十月校验") stays: it is the clerk's
 * copy now, skipped as data but never deleted.
 */
export function replacedReports(sheets: readonly SheetFacts[], recorded: string | null | undefined): Set<string> {
  const names = new Set([REPORT_SHEET, recorded]);
  return new Set([...ourReports(sheets)].filter((name) => names.has(name)));
}

/** Excel's and WPS's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * The name our report sheet is written under: the planned one, unless a sheet that stays (anything but the
 * reports this run replaces, see replacedReports) has it — a clerk's sheet is never replaced nor deleted — then
 * the first free "均衡校验报告(2)", "(3)"…. The name taken is recorded in the state, so the next run replaces
 * that sheet, and told to the clerk.
 */
export function reportSheetName(planned: string, sheets: readonly SheetFacts[], replaced: ReadonlySet<string>): string {
  // Excel and WPS compare sheet names without case.
  const taken = new Set(sheets.filter((s) => !replaced.has(s.name)).map((s) => s.name.toLowerCase()));
  if (!taken.has(planned.toLowerCase())) return planned;
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const name = `${planned.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
