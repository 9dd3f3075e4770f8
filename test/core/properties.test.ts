import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortfall } from '../../src/core/derive.ts';
import { splitCounty } from '../../src/core/split.ts';
import { weightedCV } from '../../src/core/stats.ts';
import { national2017Quality } from '../../src/standards/national-2017-quality.ts';
import { school } from './fixtures.ts';

const cvOf = (xs: number[], ws: number[]): number => {
  const r = weightedCV(xs, ws);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

/** Schools as (value, pupils) pairs with positive values so the mean is never 0. */
const schools = fc.array(fc.tuple(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 60 });

describe('CV properties (fast-check)', () => {
  it('is scale-invariant', () => {
    fc.assert(
      fc.property(schools, fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (ss, k) => {
        const xs = ss.map(([x]) => x);
        const ws = ss.map(([, w]) => w);
        expect(cvOf(xs.map((x) => x * k), ws)).toBeCloseTo(cvOf(xs, ws), 9);
      }),
    );
  });

  it('is permutation-invariant', () => {
    fc.assert(
      fc.property(schools, fc.integer(), (ss, seed) => {
        const shuffled = [...ss].sort((a, b) => ((a[0] * 7919 + a[1] + seed) % 97) - ((b[0] * 7919 + b[1] + seed) % 97));
        expect(cvOf(shuffled.map(([x]) => x), shuffled.map(([, w]) => w))).toBeCloseTo(cvOf(ss.map(([x]) => x), ss.map(([, w]) => w)), 9);
      }),
    );
  });

  it('is 0 for identical schools', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 50 }), (x, ws) => {
        expect(cvOf(ws.map(() => x), ws)).toBeLessThan(1e-12);
      }),
    );
  });

  it('with equal weights is the plain population CV (÷n)', () => {
    fc.assert(
      fc.property(schools, fc.integer({ min: 1, max: 100 }), (ss, w) => {
        const xs = ss.map(([x]) => x);
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const pop = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length) / mean;
        expect(cvOf(xs, xs.map(() => w))).toBeCloseTo(pop, 9);
      }),
    );
  });
});

describe('split properties (fast-check)', () => {
  it('splitting a combined school then recombining its parts conserves every shared total', () => {
    const types = fc.constantFrom('nine_year' as const, 'twelve_year' as const, 'complete_secondary' as const);
    fc.assert(
      fc.property(
        types,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (type, a, b, c, area) => {
          const values = { students_primary: type === 'complete_secondary' ? 0 : a, students_junior: b, students_senior: type === 'nine_year' ? 0 : c, teaching_area: area };
          const { parts } = splitCounty({ name: '县', schools: [school('校', type, values)] }, national2017Quality);
          const senior = type === 'nine_year' ? 0 : c;
          const compulsory = type === 'complete_secondary' ? b * 1.1 : a + 1.1 * b;
          const seniorShare = (1.32 * senior) / (compulsory + 1.32 * senior);
          const recombined = parts.reduce((sum, p) => sum + (p.values.teaching_area ?? 0), 0);
          expect(recombined).toBeCloseTo(area * (1 - seniorShare), 6);
          expect(parts.reduce((sum, p) => sum + p.students, 0)).toBe(values.students_primary + b);
        },
      ),
    );
  });
});

describe('shortfall properties (fast-check)', () => {
  it('is 0 exactly when the threshold is met, and otherwise brings the school exactly to the threshold', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(1, 100),
        (value, threshold, students, scale) => {
          const gap = shortfall(value, threshold, students, scale);
          expect(gap === 0).toBe(value >= threshold);
          if (gap > 0) expect(value + (gap * scale) / students).toBeCloseTo(threshold, 6);
        },
      ),
    );
  });
});
