// Records keyed by indicator id, built per school part of every county. A loop storing `out[id] = x` sees a
// different key at one store site and falls to V8's slow generic path (about four times the cost of a literal);
// one store site per position sees one key per rule pack, so each stays on the fast path.

/** { keys[0]: vals[0], …, keys[n-1]: vals[n-1] }, in that order. */
export function recordOf<V>(keys: readonly string[], vals: readonly V[], n: number): Record<string, V> {
  const o: Record<string, V> = {};
  if (n > 0) o[keys[0]] = vals[0]; if (n > 1) o[keys[1]] = vals[1]; if (n > 2) o[keys[2]] = vals[2];
  if (n > 3) o[keys[3]] = vals[3]; if (n > 4) o[keys[4]] = vals[4]; if (n > 5) o[keys[5]] = vals[5];
  if (n > 6) o[keys[6]] = vals[6]; if (n > 7) o[keys[7]] = vals[7]; if (n > 8) o[keys[8]] = vals[8];
  if (n > 9) o[keys[9]] = vals[9]; if (n > 10) o[keys[10]] = vals[10]; if (n > 11) o[keys[11]] = vals[11];
  for (let i = 12; i < n; i++) o[keys[i]] = vals[i];
  return o;
}
