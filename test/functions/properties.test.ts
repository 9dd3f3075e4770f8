// Properties of the range functions over random ranges: the two blank conventions agree, and the answer
// does not depend on row order or on rows that take no part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionById } from '../../src/functions/definitions.ts';
import { isFnError } from '../../src/functions/types.ts';

const cv = functionById('CV')!;
const mean = functionById('MEAN')!;

/** A school row: a value and pupils, or a row with no pupils whose value cell may be blank. */
const row = fc.oneof(
  { weight: 4, arbitrary: fc.record({ x: fc.double({ min: 0.5, max: 5000, noNaN: true }), w: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.record({ x: fc.constantFrom<number | null>(null, 0, 7), w: fc.constantFrom<number | null>(null, 0) }) },
);
const rows = fc.array(row, { minLength: 2, maxLength: 40 }).filter((rs) => rs.some((r) => (r.w ?? 0) > 0));

/** As Excel passes a column: the web keeps null, desktop turns blanks into 0. */
const column = (xs: (number | null)[], desktop: boolean) => xs.map((x) => [desktop && x === null ? 0 : x]);

describe('CV and MEAN properties', () => {
  it('desktop (blank = 0) and web (blank = null) give the same answer', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const x = rs.map((r) => r.x);
        const w = rs.map((r) => r.w);
        for (const f of [cv, mean]) {
          const web = f.impl(column(x, false), column(w, false));
          const desktop = f.impl(column(x, true), column(w, true));
          expect(desktop).toEqual(web);
        }
      }),
    );
  });

  it('row order and rows without pupils do not change the CV', () => {
    fc.assert(
      fc.property(rows, fc.integer(), (rs, seed) => {
        const taking = rs.filter((r) => (r.w ?? 0) > 0);
        const key = (r: { x: number | null }) => ((r.x ?? 0) * 7919 + seed) % 13;
        const shuffled = [...taking].sort((a, b) => key(a) - key(b));
        const all = cv.impl(column(rs.map((r) => r.x), false), column(rs.map((r) => r.w), false));
        const only = cv.impl(column(shuffled.map((r) => r.x), false), column(shuffled.map((r) => r.w), false));
        if (isFnError(all)) expect(only).toEqual(all);
        else expect(only as number).toBeCloseTo(all as number, 9);
      }),
    );
  });
});
