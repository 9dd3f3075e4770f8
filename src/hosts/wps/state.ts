// WpsHost keeps its state in the layout every host shares (src/hosts/state.ts). PluginStorage is not persisted
// (wps-notes §3) and CustomDocumentProperties is unconfirmed at run time, so it is the very hidden sheet
// (Visible = 2). Here: the Interior as WPS reads it ↔ a mark's neutral and exact forms.
import type { MarkRecord } from '../state.ts';
import { bgrToHex, hexToBgr } from './color.ts';
import { XL_PATTERN_NONE, XL_PATTERN_SOLID } from './et.ts';

export { STATE_SHEET, STATE_MARKER, chunkJson, decodeSlots, encodeSlots, type AnnotationRecord, type MarkRecord, type StateSlots } from '../state.ts';

/** Interior as read → the neutral colour other hosts restore, plus the exact ET values WPS restores. */
export function recordFill(pattern: number, color: number): Pick<MarkRecord, 'fill' | 'et'> {
  return { fill: pattern === XL_PATTERN_NONE ? null : bgrToHex(color), et: { pattern, color } };
}

/** The Interior to restore: exact for a mark WPS recorded, else the neutral solid colour or none. */
export function fillToRestore(m: Pick<MarkRecord, 'fill' | 'et'>): { pattern: number; color?: number } {
  if (m.et) return m.et;
  return m.fill ? { pattern: XL_PATTERN_SOLID, color: hexToBgr(m.fill) } : { pattern: XL_PATTERN_NONE };
}
