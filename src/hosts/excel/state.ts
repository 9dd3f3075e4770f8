// The Excel host keeps its state in the layout every host shares (src/hosts/state.ts). Here: what Excel
// reports about a cell ↔ a mark's neutral form.
import type { MarkRecord } from '../state.ts';

export { STATE_SHEET, markKey } from '../state.ts';

/** Excel reports "no fill" as white; treat it as none so clearing removes the fill instead of painting white. */
export function normalizeFill(color: string | null | undefined): string | null {
  if (!color) return null;
  const c = color.toUpperCase();
  return c === '#FFFFFF' ? null : c;
}

/** How our text is attached to a marked cell; another host's mark was a note (xlsx notes are Excel's notes). */
export const viaOf = (m: MarkRecord): 'note' | 'comment' | 'none' => m.via ?? 'note';
