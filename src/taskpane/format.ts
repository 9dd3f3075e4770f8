// Display precision of the national filing template (申报表): CVs to 3 decimals, county means and school
// values to 2. Only for showing; comparisons happen unrounded in src/core.
const DASH = '—';

const fixed = (digits: number) => (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? DASH : x.toFixed(digits);

export const formatCV = fixed(3);
export const formatMean = fixed(2);
export const formatValue = fixed(2);

/** Thresholds and limits as the rule pack states them (4.5, 2000, 0.5 → "0.50" for limits). */
export const formatThreshold = (x: number | null | undefined): string =>
  x === null || x === undefined ? DASH : String(x);
export const formatLimit = fixed(2);
