// A tiny formula evaluator for the tests: `BALANCE.CV(B2:B6, C2:C6)` over a sheet given as rows, with
// blanks passed as the host would pass them (desktop Excel: 0, Excel on the web: null).
import { functionById } from '../../src/functions/definitions.ts';
import type { FnResult } from '../../src/functions/types.ts';

export type Sheet = Record<string, unknown>;
export type BlankMode = 'desktop' | 'web';

const colIndex = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colName = (n: number): string => (n <= 0 ? '' : colName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function cell(sheet: Sheet, ref: string, mode: BlankMode): unknown {
  const v = sheet[ref];
  return v === undefined ? (mode === 'desktop' ? 0 : null) : v;
}

function range(sheet: Sheet, ref: string, mode: BlankMode): unknown[][] {
  const [a, b] = ref.split(':');
  const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
  const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b ?? a)!;
  const rows: unknown[][] = [];
  for (let r = Number(r1); r <= Number(r2); r++) {
    const row: unknown[] = [];
    for (let c = colIndex(c1); c <= colIndex(c2); c++) row.push(cell(sheet, `${colName(c)}${r}`, mode));
    rows.push(row);
  }
  return rows;
}

/** Splits top-level arguments; quoted strings may contain commas. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

export function evaluate(formula: string, sheet: Sheet, mode: BlankMode = 'web'): FnResult {
  const m = /^=?BALANCE\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a BALANCE formula: ${formula}`);
  const def = functionById(m[1]);
  if (!def) throw new Error(`unknown function ${m[1]}`);
  const args = m[2].trim() === '' ? [] : splitArgs(m[2]);
  const values = args.map((a, i): unknown => {
    if (a === '') return undefined; // omitted optional argument
    if (a.startsWith('"')) return a.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(a)) return Number(a);
    if (a === 'TRUE' || a === 'FALSE') return a === 'TRUE';
    if (/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(a)) {
      const r = range(sheet, a, mode);
      return def.params[i]?.dimensionality === 'matrix' ? r : r[0][0];
    }
    throw new Error(`cannot read argument ${a}`);
  });
  return def.impl(...values);
}
