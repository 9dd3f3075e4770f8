// The weighted CV of a list of doubles in exact arithmetic (BigInt), rounded once at the end: the independent
// reference the accuracy tests hold BALANCE.CV to. Each double is m·2^e exactly; scaled to one exponent the sums
// Σ P, Σ P·X and Σ P·X² are exact integers and CV² = (Σ P · Σ P·X² − (Σ P·X)²) / (Σ P·X)².

function mantissaExponent(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [sign * m, -1074] : [sign * (m | (1n << 52n)), biased - 1075];
}

/** The doubles as integers over one common power of two. */
function onePowerOfTwo(xs: number[]): bigint[] {
  const parts = xs.map(mantissaExponent);
  const low = Math.min(...parts.map(([, e]) => e));
  return parts.map(([m, e]) => m << BigInt(e - low));
}

const bitLength = (b: bigint): number => (b < 0n ? -b : b).toString(2).length;

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √(Σ P(X − X̄)² / Σ P) / |X̄| of the doubles given, exact to the last bit but one (infinite for a mean of 0). */
export function exactCV(xs: number[], ws: number[]): number {
  const x = onePowerOfTwo(xs);
  const w = onePowerOfTwo(ws);
  let sw = 0n;
  let swx = 0n;
  let swxx = 0n;
  for (let i = 0; i < x.length; i++) {
    const wx = w[i] * x[i];
    sw += w[i];
    swx += wx;
    swxx += wx * x[i];
  }
  const num = sw * swxx - swx * swx;
  const den = swx * swx;
  if (den === 0n) return Number.POSITIVE_INFINITY;
  // CV·2^p with about 80 significant bits, then one rounding to a double.
  const p = 80 - Math.floor((bitLength(num) - bitLength(den)) / 2);
  const scaled = p >= 0 ? (num << BigInt(2 * p)) / den : num / (den << BigInt(-2 * p));
  return Number(isqrt(scaled)) * 2 ** -p;
}
