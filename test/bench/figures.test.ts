import { describe, expect, it } from 'vitest';
import { figure, recordedFigures } from '../../bench/figures.ts';

describe('bench figures', () => {
  it('records snake_case keys once each, in order, and refuses what a tracker could not compare', () => {
    expect(figure('test_first_ms', 1.5)).toBe(1.5);
    figure('test_second_ratio', 3);
    expect(Object.entries(recordedFigures()).slice(-2)).toEqual([['test_first_ms', 1.5], ['test_second_ratio', 3]]);
    expect(() => figure('test_first_ms', 2)).toThrow(/twice/);
    expect(() => figure('TestCamel', 2)).toThrow(/snake_case/);
    expect(() => figure('test_nan', Number.NaN)).toThrow(/finite/);
    expect(() => figure('test_inf', Infinity)).toThrow(/finite/);
  });
});
