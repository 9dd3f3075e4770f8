// BALANCE.PLAN over one indicator, hand-computed.
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../src/functions/definitions.ts';
import { isFnError } from '../../src/functions/types.ts';

const plan = FUNCTIONS.find((f) => f.id === 'PLAN')!;
const col = (xs: (number | null)[]) => xs.map((x) => [x]);

describe('BALANCE.PLAN', () => {
  it('raises a school below the threshold to it: (7.5 − 3.1) × 180 = 792 ㎡', () => {
    expect(plan.impl(col([9.5, 3.1, 10.2]), col([420, 180, 650]), '小学', '生均体育运动场馆面积')).toEqual([
      [1, 0, 9.5],
      [2, 792, 7.5],
      [3, 0, 10.2],
    ]);
  });

  it('levels the others when one lavish school pushes the CV over, in whole teachers', () => {
    // Backbone teachers per 100 pupils 1, 1, 1, 10 (100 pupils each): CV 1.20. Three schools at L and one at 10 give
    // CV = √(3/16) × (10 − L) ÷ ((3L + 10) / 4) = 0.5 at L = 3.81: 2.81 teachers each, so 3 each (CV 0.472).
    // 2 + 3 + 3 = 8 teachers leaves 3, 4, 4, 10: CV 0.528, over 0.5.
    expect(plan.impl(col([1, 1, 1, 10]), col([100, 100, 100, 100]), '小学', 'backbone_teachers_per_100')).toEqual([
      [1, 3, 4],
      [2, 3, 4],
      [3, 3, 4],
      [4, 0, 10],
    ]);
  });

  it('keeps a school with no pupils in the stage in its place, with nothing to add', () => {
    const out = plan.impl(col([9.5, 5, 3.1]), col([420, 0, 180]), '小学', 'sports_area_per_student') as unknown[][];
    expect(out[1]).toEqual([2, 0, 5]);
    expect(out[2]).toEqual([3, 792, 7.5]);
  });

  it('says which indicator the standard lacks, and which stage word is wrong', () => {
    const missing = plan.impl(col([1]), col([1]), '小学', 'books_per_student');
    expect(isFnError(missing) && missing.error).toBe('#N/A');
    const stage = plan.impl(col([1]), col([1]), '高中', 'books_per_student');
    expect(isFnError(stage) && stage.message).toContain('学段');
  });
});
