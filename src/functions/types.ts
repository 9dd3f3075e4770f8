// One definition per custom function; Excel (JSDoc metadata) and WPS (wps.AddCustomFunction) both register
// from the same list. Implementations are pure and synchronous (WPS functions cannot await).

export type FnScalar = number | string | boolean | null;
export type FnMatrix = FnScalar[][];

/** An error value with a Chinese message; each host turns it into its own error representation. */
export interface FnError {
  error: '#VALUE!' | '#N/A' | '#DIV/0!' | '#NUM!' | '#REF!';
  message: string;
}
export const fnError = (error: FnError['error'], message: string): FnError => ({ error, message });
export const isFnError = (x: unknown): x is FnError =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && 'error' in x && 'message' in x;

export type FnResult = FnScalar | FnMatrix | FnError;

export interface FunctionParam {
  name: string;
  /** Chinese help text. */
  description: string;
  type: 'number' | 'string' | 'boolean' | 'any';
  dimensionality: 'scalar' | 'matrix';
  optional?: boolean;
}

export interface FunctionDef {
  /** Bare id as in functions.json ('CV'); the namespace BALANCE comes from the manifest. */
  id: string;
  /** Chinese description. */
  description: string;
  params: FunctionParam[];
  result: { type: 'number' | 'string' | 'boolean' | 'any'; dimensionality: 'scalar' | 'matrix' };
  impl: (...args: unknown[]) => FnResult;
}
