// Per-school least raises for the 2017 rule (≥ 6 of 7 met, the rest ≥ 85%), hand-computed.
import { describe, expect, it } from 'vitest';
import { planIndicators, schoolRaisesOf } from './helpers.ts';

// One primary school of 200 pupils; its seven numerators in pack order (teachers, teachers, teachers, ㎡, ㎡, 元, 间).
const GOOD = [10, 2.4, 2.2, 1000, 1800, 480000, 5.6];
const raise = (amounts: number[], costs?: Parameters<typeof planIndicators>[0]) => schoolRaisesOf(amounts, 200, costs);

describe('school raises (2017)', () => {
  it('a passing school gets none, even with one indicator between 85% and its threshold', () => {
    expect(raise(GOOD)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Teaching area 4.0 ㎡/生 < 4.5 but ≥ 85% × 4.5 = 3.825.
    expect(raise([10, 2.4, 2.2, 800, 1800, 480000, 5.6])).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('one indicator under 85%: raised to 85% only (sports 5 ㎡/生 → 6.375: 1,275 − 1,000 = 275 ㎡)', () => {
    expect(raise([10, 2.4, 2.2, 1000, 1000, 480000, 5.6])).toEqual([0, 0, 0, 0, 275, 0, 0]);
  });

  it('two unmet: the one left at 85% is the one whose full raise saves most relative to its threshold', () => {
    // Teaching 4.0 (full raise 100 ㎡ = 11.1% of 900; at 85% already), sports 5.0 (full 500 ㎡, to 85% 275 ㎡: saves
    // 225 ㎡ = 15% of 1,500). Sports stays at 85%, teaching goes to its threshold.
    expect(raise([10, 2.4, 2.2, 800, 1000, 480000, 5.6])).toEqual([0, 0, 0, 100, 275, 0, 0]);
  });

  it('with unit costs, the one left at 85% is the one whose full raise costs most', () => {
    // Teaching full raise 100 ㎡ × 3,000 元 saves 300,000 元 by staying at 85%; sports saves 225 ㎡ × 200 元 = 45,000 元.
    const costs = { teaching_area: 3000, sports_area: 200, teacher: 100000, equipment: 1, multimedia_room: 50000 };
    expect(raise([10, 2.4, 2.2, 800, 1000, 480000, 5.6], costs)).toEqual([0, 0, 0, 0, 500, 0, 0]);
  });

  it('whole teachers and rooms, rounded up, no further than the threshold', () => {
    // Backbone 1.6 (0.8 per 100 < 0.85): full 2 − 1.6 → 1, to 85% 1.7 − 1.6 → 1. PE/art 1 (0.5 < 0.765): full
    // 1.8 − 1 → 1, to 85% 1.53 − 1 → 1. Rooms 3 (1.5 < 1.955): full 4.6 − 3 → 2, to 85% 3.91 − 3 → 1. Only rooms save
    // by staying at 85% (one room of 4.6), so: one backbone teacher, one PE/art teacher, one room.
    expect(raise([10, 1.6, 1, 1000, 1800, 480000, 3])).toEqual([0, 1, 1, 0, 0, 0, 1]);
  });

  it('equipment to its threshold in whole 元', () => {
    // 1,500 元/生 < 85% × 2,000 = 1,700: to 1,700 → 340,000 − 300,000 = 40,000 元.
    expect(raise([10, 2.4, 2.2, 1000, 1800, 300000, 5.6])).toEqual([0, 0, 0, 0, 0, 40000, 0]);
  });
});
