// What WpsHost remembers inside the workbook, in one very-hidden sheet (Visible = 2, wps-notes §4): the
// saved settings and, for every cell it marked, the fill and comment it covered, so clear() restores them
// exactly and a re-run replaces instead of stacking. PluginStorage is not persisted (wps-notes §3) and
// CustomDocumentProperties is unconfirmed at run time, so a sheet it is.
import type { WorkbookSettings } from '../types.ts';

export const STATE_SHEET = '均衡督导_内部数据';

/** The fill and comment a mark covered. pattern/color as read from Interior. */
export interface MarkOriginal {
  sheet: string;
  cell: string;
  pattern: number;
  color: number;
  comment: string | null;
}

export interface HostState {
  version: 1;
  settings?: WorkbookSettings;
  marks: MarkOriginal[];
  /** The report sheet the last apply created. */
  reportSheet?: string;
}

// One JSON document split over column A. Each chunk is prefixed so the sheet never turns a chunk into a
// number or a formula ("123…", "=…"), and kept well under a cell's 32,767-character limit.
const CHUNK = 8000;
const PREFIX = '|';

export function encodeState(state: HostState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(PREFIX + json.slice(i, i + CHUNK));
  return chunks;
}

/** Column A of the state sheet, top to bottom → the state. Throws a Chinese message when it is damaged. */
export function decodeState(column: unknown[]): HostState {
  const json = column
    .filter((v) => typeof v === 'string' && v.startsWith(PREFIX))
    .map((v) => (v as string).slice(PREFIX.length))
    .join('');
  try {
    const state = JSON.parse(json) as HostState;
    if (state.version !== 1 || !Array.isArray(state.marks)) throw new Error('version');
    return state;
  } catch {
    throw new Error(`工作表 ${STATE_SHEET} 的内容已损坏，无法读取设置或恢复原有格式；可删除该工作表后重新校验。`);
  }
}
