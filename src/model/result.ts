// The result of a pure computation that can fail: a value, or a typed failure with a Chinese message.

/** Typed failure of a pure computation: never NaN, never a silent 0. */
export interface CalcError {
  ok: false;
  code: 'negative_weight' | 'no_weight' | 'zero_mean' | 'length_mismatch' | 'no_data' | 'unknown_indicator' | 'unknown_standard' | 'invalid_value';
  message: string;
}
export type Result<T> = { ok: true; value: T } | CalcError;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: CalcError['code'], message: string): CalcError => ({ ok: false, code, message });
