// How accurate BALANCE.CV is over a column (one pass, the spread summed about a shift: src/functions/range-stats.ts),
// against exact arithmetic (exact-cv.ts) and against the plain two-pass form, on the bench's data and on data made
// to break one-pass forms: large offsets with a tiny spread, wide weights, sorted values, an outlier first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionById } from '../../src/functions/definitions.ts';
import { isFnError } from '../../src/functions/types.ts';
import { exactCV } from './exact-cv.ts';

const cv = functionById('CV')!;
const mean = functionById('MEAN')!;
const column = (xs: (number | string | null)[]) => xs.map((x) => [x]);
const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

/** The plain two-pass form, written out as the independent peer. */
function twoPassCV(xs: number[], ws: number[]): number {
  const sum = (f: (x: number, w: number) => number) => xs.reduce((a, x, i) => a + f(x, ws[i]), 0);
  const sw = sum((_, w) => w);
  const m = sum((x, w) => w * x) / sw;
  return Math.sqrt(sum((x, w) => w * (x - m) ** 2) / sw) / Math.abs(m);
}

/** The textbook one-pass form Σ P·X² − (Σ P·X)² / Σ P, to show which data defeat it. */
function textbookCV(xs: number[], ws: number[]): number {
  let sw = 0;
  let swx = 0;
  let swxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sw += ws[i];
    swx += ws[i] * xs[i];
    swxx += ws[i] * xs[i] * xs[i];
  }
  return Math.sqrt((swxx - (swx * swx) / sw) / sw) / Math.abs(swx / sw);
}

/** The bench's county (bench/sections/60-excel.ts): 100,000 schools, values 3–13, 50–1549 pupils. */
function benchCounty(n = 100_000) {
  const xs: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < n; i++) {
    xs.push(3 + ((i * 7919) % 1000) / 100);
    ws.push(50 + ((i * 104729) % 1500));
  }
  return { xs, ws };
}

describe('the exact reference', () => {
  it('gives the rules §1 figures: books per pupil 0.51526, and 0.368514 for 10, 20, 30 with 1, 1, 2 pupils', () => {
    const pupils = [45, 37, 89, 76, 55];
    const books = [279, 137, 935, 160, 402];
    expect(exactCV(books.map((b, i) => b / pupils[i]), pupils).toFixed(5)).toBe('0.51526');
    expect(exactCV([10, 20, 30], [1, 1, 2]).toFixed(6)).toBe('0.368514');
    expect(exactCV([1, 3], [7, 7])).toBe(0.5);
  });
});

describe('BALANCE.CV over a column is within 1e-12 of exact arithmetic', () => {
  const { xs, ws } = benchCounty();

  it('on the bench’s 100,000 rows, and within 1e-12 of the two-pass form there', () => {
    const got = cv.impl(column(xs), column(ws)) as number;
    expect(relative(got, exactCV(xs, ws))).toBeLessThan(1e-12);
    expect(relative(got, twoPassCV(xs, ws))).toBeLessThan(1e-12);
  });

  it('with the bench’s blank rows (null value and weight) left out', () => {
    const values = xs.map((x, i) => (i % 997 === 0 ? null : x));
    const weights = ws.map((w, i) => (i % 997 === 0 ? null : w));
    const kept = xs.map((_, i) => i).filter((i) => i % 997 !== 0);
    const want = exactCV(kept.map((i) => xs[i]), kept.map((i) => ws[i]));
    expect(relative(cv.impl(column(values), column(weights)) as number, want)).toBeLessThan(1e-12);
  });

  const n = 20_000;
  const near = (offset: number) => xs.slice(0, n).map((x) => offset + x * 1e-4);
  const adversarial: [string, number[], number[]][] = [
    ['values near 10⁶ with a spread of 10⁻³', near(1e6), ws.slice(0, n)],
    ['values near −10⁶ with a spread of 10⁻³', near(-1e6), ws.slice(0, n)],
    ['values near 10⁹ with a spread of 10⁻³', near(1e9), ws.slice(0, n)],
    ['values near 10⁶, weights from 1 to 1.5 million', near(1e6), ws.slice(0, n).map((w, i) => (i % 3 === 0 ? 1 : w * 1000))],
    ['values near 10⁶ sorted ascending (the first is the smallest)', near(1e6).sort((a, b) => a - b), ws.slice(0, n)],
    ['an outlier first: 2·10⁶ with one pupil, the rest near 10⁶', near(1e6).map((x, i) => (i === 0 ? 2e6 : x)), ws.slice(0, n).map((w, i) => (i === 0 ? 1 : w))],
    ['an outlier first: 10⁶, the rest near 1', xs.slice(0, n).map((x, i) => (i === 0 ? 1e6 : 1 + x * 1e-4)), ws.slice(0, n)],
    ['a tiny first school value 0.001, the rest 3,000–13,000', xs.slice(0, n).map((x, i) => (i === 0 ? 0.001 : x * 1000)), ws.slice(0, n)],
  ];
  for (const [name, values, weights] of adversarial) {
    it(name, () => {
      const got = cv.impl(column(values), column(weights)) as number;
      expect(typeof got).toBe('number');
      expect(relative(got, exactCV(values, weights))).toBeLessThan(1e-12);
    });
  }

  it('where the textbook one-pass form has no digit left and the two-pass form loses several', () => {
    const [, values, weights] = adversarial[0];
    const want = exactCV(values, weights);
    const textbook = textbookCV(values, weights);
    expect(Number.isNaN(textbook) || relative(textbook, want) > 1e-3).toBe(true);
    expect(relative(twoPassCV(values, weights), want)).toBeGreaterThan(1e-12);
  });

  it('over random columns: offsets up to 10⁶, spreads from 10⁻³, blank rows, numeric text, a far first value', () => {
    // Values as a ledger has them: decimals (no subnormal fractions, whose mean underflows in any form).
    const school = fc.record({ u: fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1e6), w: fc.integer({ min: 1, max: 3000 }) });
    const county = fc.record({
      offset: fc.constantFrom(0, 1, -50, 1e3, 1e6, -1e6),
      spread: fc.constantFrom(1e-3, 0.5, 10, 1e4),
      first: fc.option(fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 100), { nil: undefined }),
      schools: fc.array(school, { minLength: 2, maxLength: 300 }),
      blanks: fc.integer({ min: 0, max: 5 }),
      asText: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(county, ({ offset, spread, first, schools, blanks, asText }) => {
        const xs = schools.map((s) => offset + spread * s.u);
        const ws = schools.map((s) => s.w);
        if (first !== undefined) xs[0] = first;
        // A mean that cancels to near 0 is ill-conditioned in any form (and no county's): not this test's subject.
        const sum = xs.reduce((a, x, i) => a + ws[i] * x, 0);
        const sumAbs = xs.reduce((a, x, i) => a + ws[i] * Math.abs(x), 0);
        fc.pre(Math.abs(sum) > sumAbs / 100);
        const want = exactCV(xs, ws);
        fc.pre(want > 0);
        // Rows without pupils between the schools, and a few numbers as text, read by the shared reader.
        const values: (number | string | null)[] = xs.map((x, i) => (i < asText ? String(x) : x));
        const weights: (number | null)[] = [...ws];
        for (let b = 0; b < blanks; b++) {
          values.splice(b * 2, 0, b % 2 ? 7 : null);
          weights.splice(b * 2, 0, b % 2 ? 0 : null);
        }
        const got = cv.impl(column(values), column(weights));
        expect(typeof got).toBe('number');
        expect(relative(got as number, want)).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('BALANCE.CV and MEAN answers that stay as they were', () => {
  it('MEAN is Σ P·X / Σ P summed in reading order, to the last bit', () => {
    const { xs, ws } = benchCounty(5_000);
    let sw = 0;
    let swx = 0;
    for (let i = 0; i < xs.length; i++) {
      sw += ws[i];
      swx += ws[i] * xs[i];
    }
    expect(mean.impl(column(xs), column(ws))).toBe(swx / sw);
  });

  it('a column whose values are all alike gives the two-pass answer (0 here), not a rounding of it', () => {
    expect(cv.impl(column([0.1, 0.1, 0.1]), column([3, 5, 11]))).toBe(twoPassCV([0.1, 0.1, 0.1], [3, 5, 11]));
    expect(cv.impl(column([4, 4]), column([1, 2]))).toBe(0);
  });

  it('numeric text inside a column is read where it stands, and gives the same CV as the numbers', () => {
    const { xs, ws } = benchCounty(1_000);
    const text = xs.map((x, i) => (i % 10 === 3 ? ` ${x} ` : i % 10 === 7 ? `${x}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : x));
    expect(cv.impl(column(text), column(ws))).toBe(cv.impl(column(xs), column(ws)));
  });

  it('an error further down a column is named as before, and a ragged range is a shape error before it', () => {
    const values = column([1, 2, 3, 4, 'abc', 6]);
    const weights = column([1, 1, 1, 1, 1, 1]);
    expect(cv.impl(values, weights)).toEqual({ error: '#VALUE!', message: '数值第 5 行“abc”不是数字' });
    expect(cv.impl([[1], ['abc'], [3], [4, 5]], [[1], [1], [1], [1]])).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/大小不一致/) });
    expect(cv.impl(column([1, 2, '—']), column([1, 1, 1]))).toEqual({
      error: '#VALUE!',
      message: '数值第 3 行“—”表示数据缺失，但其权重（在校生数）为 1：缺少数据',
    });
    expect(cv.impl(column([1, 2, 3]), column([1, '两', 1]))).toEqual({ error: '#VALUE!', message: '权重第 2 行“两”不是数字' });
    const all = cv.impl(column([1, 2]), column([null, 0]));
    expect(isFnError(all) && all.error).toBe('#DIV/0!');
  });
});
