// A workbook too large for this machine's memory ends with a Chinese message naming the sheet and its size
// (exit 2), never a V8 out-of-memory abort, which no code can catch: the need is estimated from the cells just
// read, before the reading of the ledger, the evaluation and the report that take it.
import { getHeapStatistics } from 'node:v8';
import type { SheetValues } from '../ledger/types.ts';
import { InputError } from './errors.ts';

/**
 * Peak heap a validation with --out takes per cell of the visible sheets (their dense rows × columns), measured
 * on the bench's generated county (2026-12-02, after the CLI let the school records and per-school results go
 * before writing, and the report plan's cells were made compact): 50,000 rows × 40 columns (2 million cells)
 * abort with --max-old-space-size=270 and finish with 310 (slowly, the GC working hard) and 350, i.e. 135–155
 * bytes a cell (was 250–350). --json keeps the per-school results to the end and takes more. Revisit when the
 * read path's, the ledger's or the evaluation's memory changes.
 */
export const BYTES_PER_CELL = 160;

interface Heap {
  heap_size_limit: number;
  used_heap_size: number;
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
const count = (n: number) => n.toLocaleString('en-US');

export function checkMemory(sheets: SheetValues[], label: string, heap: Heap = getHeapStatistics()): void {
  let cells = 0;
  let largest: { sheet: SheetValues; cells: number } | null = null;
  for (const sheet of sheets) {
    const n = sheet.values.length * (sheet.values[0]?.length ?? 0);
    cells += n;
    if (!largest || n > largest.cells) largest = { sheet, cells: n };
  }
  const need = cells * BYTES_PER_CELL;
  const available = heap.heap_size_limit - heap.used_heap_size;
  if (!largest || need <= available) return;
  const { values, name } = largest.sheet;
  throw new InputError(
    `${label}：工作表“${name}”有 ${count(values.length)} 行 × ${count(values[0]?.length ?? 0)} 列（工作簿共 ${count(cells)} 个单元格），` +
      `校验约需 ${gb(need)} 内存，超过本机 Node.js 可用的 ${gb(available)}（上限 ${gb(heap.heap_size_limit)}），未能校验。` +
      '请把台账按乡镇或学段拆成几个文件分别校验，或在内存更大的电脑上用 node --max-old-space-size=8192 运行',
  );
}
