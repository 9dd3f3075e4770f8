// WPS registration of the shared custom functions (src/functions/definitions.ts): one definition, a second
// registration beside Excel's. WPS custom functions are synchronous (wps-notes §5 [CF]), and so is this.
import { isFnError, type FnResult, type FunctionDef, type FunctionParam } from '../functions/types.ts';

export const WPS_NAMESPACE = 'BALANCE';

/** DISP_E_PARAMNOTFOUND: what WPS passes for an optional argument the formula left out (wps-notes §5 [XL]). */
export const WPS_MISSING = -2147352572;

export interface WpsFunctionMetadata {
  description?: string;
  result: { type?: string };
  parameters: { name?: string; type?: string; description?: string }[];
}

/** The slice of the `wps` root (et-jsapi-declare addon.et.d.ts, EtAddonRoot) registration uses. */
export interface WpsFunctionRoot {
  AddCustomFunction?: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: WpsFunctionMetadata) => void;
}

export type WpsCell = number | string | boolean;
export type WpsValue = WpsCell | WpsCell[][];

// Ranges are declared any[][] so cells arrive raw and the shared definition reports a text cell with its
// position in Chinese; results are declared any because an error comes back as text (see toWpsValue).
function paramType(p: FunctionParam): string {
  const base = p.dimensionality === 'matrix' ? 'any[][]' : p.type === 'boolean' ? 'bool' : p.type;
  return p.optional ? `${base}?` : base;
}

export function wpsMetadata(def: FunctionDef): WpsFunctionMetadata {
  return {
    description: def.description,
    result: { type: def.result.dimensionality === 'matrix' ? 'any[][]' : 'any' },
    parameters: def.params.map((p) => ({ name: p.name, type: paramType(p), description: p.description })),
  };
}

/** functions.json for manifest.xml's <Functions>, in the shape wpsjs's functionsScanner writes (wps-notes §5 [N]). */
export function functionsJson(defs: FunctionDef[]): { functions: (WpsFunctionMetadata & { name: string })[] } {
  return { functions: defs.map((d) => ({ name: d.id, ...wpsMetadata(d) })) };
}

function cellValue(x: unknown): unknown {
  return x === WPS_MISSING ? undefined : x;
}

/** What WPS passed → what the shared definition expects: 2-D arrays for ranges, plain values for scalars. */
function toArg(x: unknown, p: FunctionParam | undefined): unknown {
  const value = isRange(x) ? x.Value2 : x;
  if (p?.dimensionality === 'matrix') {
    if (value === WPS_MISSING) return undefined;
    if (!Array.isArray(value)) return [[value]];
    return value.map((row) => (Array.isArray(row) ? row : [row]));
  }
  // A one-cell range handed to a scalar parameter may arrive as [[x]].
  const scalar = Array.isArray(value) ? (Array.isArray(value[0]) ? value[0][0] : value[0]) : value;
  return cellValue(scalar);
}

const isRange = (x: unknown): x is { Value2: unknown } => typeof x === 'object' && x !== null && !Array.isArray(x) && 'Value2' in x;

/**
 * An FnResult as a value WPS can show. WPS documents no way for a JS function to return an error value
 * (wps-notes §5 ⚠), so an error is the text "#VALUE! 权重含负数": the error code first, as Excel shows it,
 * then the Chinese reason. Blank → empty text; a non-finite number never reaches the sheet.
 */
export function toWpsValue(r: FnResult): WpsValue {
  if (isFnError(r)) return `${r.error} ${r.message}`;
  if (Array.isArray(r)) return r.map((row) => row.map((c) => toWpsCell(c)));
  return toWpsCell(r);
}

function toWpsCell(c: unknown): WpsCell {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number' && !Number.isFinite(c)) return '#NUM! 结果不是有限数';
  if (isFnError(c)) return `${c.error} ${c.message}`;
  return c as WpsCell;
}

/** The synchronous callback WPS calls for one definition. */
export function wpsCallback(def: FunctionDef): (...args: unknown[]) => WpsValue {
  return (...args: unknown[]) => {
    try {
      return toWpsValue(def.impl(...def.params.map((p, i) => toArg(args[i], p))));
    } catch (e) {
      return `#VALUE! 内部错误：${(e as Error).message}`;
    }
  };
}

/**
 * Registers every definition under BALANCE. Returns the ids registered; none where the host has no
 * AddCustomFunction (WPS before 12.1.0.20540, Writer, Presentation).
 */
export function registerFunctions(root: WpsFunctionRoot, defs: FunctionDef[]): string[] {
  if (typeof root.AddCustomFunction !== 'function') return [];
  for (const def of defs) root.AddCustomFunction(WPS_NAMESPACE, def.id, wpsCallback(def), wpsMetadata(def));
  return defs.map((d) => d.id);
}
