import { describe, expect, it } from 'vitest';
import { compositeCV, leaveOneOutImpact, roundTo, weightedCV, weightedMean, weightedStats } from '../../src/core/stats.ts';

// rules §1 worked example: 生均图书册数, five primary schools (pupils, books).
const PUPILS = [45, 37, 89, 76, 55];
const BOOKS = [279, 137, 935, 160, 402];
const perPupil = BOOKS.map((b, i) => b / PUPILS[i]);

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('weighted CV — rules §1 worked example', () => {
  it('county value is total books ÷ total pupils = 6.3344', () => {
    expect(value(weightedMean(perPupil, PUPILS))).toBeCloseTo(1913 / 302, 10);
    expect(roundTo(value(weightedMean(perPupil, PUPILS)), 4)).toBe(6.3344);
  });

  it('gives 0.51526 (published 0.52)', () => {
    const cv = value(weightedCV(perPupil, PUPILS));
    expect(roundTo(cv, 5)).toBe(0.51526);
    expect(roundTo(cv, 2)).toBe(0.52);
  });

  it('gives 0.51513 when school values are first rounded to 2 decimals', () => {
    const rounded = perPupil.map((x) => roundTo(x, 2));
    expect(roundTo(value(weightedCV(rounded, PUPILS)), 5)).toBe(0.51513);
  });

  it('tells the methods apart: unweighted population CV is 0.4888, the n−1 form 0.5465', () => {
    const ones = PUPILS.map(() => 1);
    expect(roundTo(value(weightedCV(perPupil, ones)), 4)).toBe(0.4888);
    const mean = perPupil.reduce((a, b) => a + b) / perPupil.length;
    const sample = Math.sqrt(perPupil.reduce((a, x) => a + (x - mean) ** 2, 0) / (perPupil.length - 1)) / mean;
    expect(roundTo(sample, 4)).toBe(0.5465);
    expect(roundTo(value(weightedCV(perPupil, PUPILS)), 4)).not.toBe(0.4888);
  });

  it('is scale-invariant: per pupil and per 100 pupils give the same CV', () => {
    const per100 = perPupil.map((x) => x * 100);
    expect(value(weightedCV(per100, PUPILS))).toBeCloseTo(value(weightedCV(perPupil, PUPILS)), 12);
  });
});

describe('composite CV — published checks (rules §1)', () => {
  const cases: [string, number[], number, number][] = [
    ['Yining 2021 primary', [0.3636, 1.2059, 0.5141, 0.3542, 0.0994, 0.386, 0.4083, 0.4718], 0.4754, 4],
    ['Yining 2021 junior', [0.0904, 0.1323, 0.1351, 0.0808, 0.1404, 0.0536, 0.0532, 0.187], 0.1091, 4],
    ['Wanzhou primary', [0.437, 0.419, 0.255, 0.188, 0.171, 0.263, 0.263, 0.42], 0.302, 3],
    ['Jiujiang 2023 primary (seven 2017 CVs)', [0.297929, 0.501787, 0.401952, 0.288419, 0.37545, 0.312782, 0.394205], 0.367503, 6],
  ];
  it.each(cases)('%s → %d', (_name, cvs, expected, decimals) => {
    expect(roundTo(value(compositeCV(cvs)), decimals)).toBe(expected);
  });

  it('rejects an empty list and negative CVs', () => {
    expect(compositeCV([])).toMatchObject({ ok: false, code: 'no_data' });
    expect(compositeCV([0.2, -0.1])).toMatchObject({ ok: false, code: 'invalid_value' });
  });
});

describe('impossible input gives typed errors with Chinese messages', () => {
  it.each([
    ['negative weight', [1, 2], [3, -1], 'negative_weight', '负数'],
    ['all-zero weights', [1, 2], [0, 0], 'no_weight', '权重'],
    ['mean of 0', [0, 0], [3, 4], 'zero_mean', '平均值为 0'],
    ['length mismatch', [1, 2, 3], [1, 2], 'length_mismatch', '个数不一致'],
    ['not a number', [1, Number.NaN], [1, 2], 'invalid_value', '有效数字'],
  ])('%s', (_name, values, weights, code, text) => {
    const r = weightedStats(values as number[], weights as number[]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(text);
    }
  });

  it('a weight of 0 takes no part, a value of 0 with a positive weight counts', () => {
    const without = value(weightedStats([2, 4], [1, 1]));
    const withZeroWeight = value(weightedStats([2, 4, 1000], [1, 1, 0]));
    expect(withZeroWeight).toEqual(without);
    const withZeroValue = value(weightedStats([2, 4, 0], [1, 1, 1]));
    expect(withZeroValue.n).toBe(3);
    expect(withZeroValue.mean).toBe(2);
  });
});

describe('leave-one-out impact', () => {
  it('equals recomputing the CV without each school', () => {
    const impacts = value(leaveOneOutImpact(perPupil, PUPILS));
    const all = value(weightedCV(perPupil, PUPILS));
    perPupil.forEach((_, i) => {
      const rest = value(weightedCV(perPupil.filter((_, k) => k !== i), PUPILS.filter((_, k) => k !== i)));
      expect(impacts[i]).toBeCloseTo(all - rest, 12);
    });
  });

  it('ranks the outlier school as the one that drags the CV most', () => {
    const impacts = value(leaveOneOutImpact(perPupil, PUPILS));
    const worst = impacts.indexOf(Math.max(...(impacts as number[])));
    // school 4 (76 pupils, 2.1 books each against a county value of 6.33) weighs more than school 3's surplus
    expect(worst).toBe(3);
    expect(impacts[3]).toBeGreaterThan(0);
    expect(impacts[0]).toBeLessThan(0); // 6.2 books per pupil: near the county value, it lowers the CV
  });

  it('is null where leaving the school out leaves no CV', () => {
    expect(value(leaveOneOutImpact([5], [10]))).toEqual([null]);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero as the templates print', () => {
    expect(roundTo(0.5155, 3)).toBe(0.516);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
  });
});
