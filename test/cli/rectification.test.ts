// `validate --costs`: the plan of rules §7 in the JSON, costed with the county's unit costs, and its totals
// printed under the verdict table.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.ts';
import { FAILING, writeLedger } from './fixtures.ts';
import { runCli, tempDir } from './helpers.ts';

const tmp = tempDir('rectification');
beforeAll(async () => {
  await writeLedger(tmp.path('山背县.xlsx'), FAILING);
});
afterAll(() => tmp.remove());

const SAMPLE_COSTS = new URL('../../docs/unit-costs.sample.json', import.meta.url);

describe('balance validate: 整改测算', () => {
  it('writes report.rectification with the §7 fields and costs it in 万元 from --costs', async () => {
    const json = tmp.path('plan.json');
    const run = await runCli(['validate', tmp.path('山背县.xlsx'), '--json', json, '--costs', SAMPLE_COSTS.pathname]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const plan = report.rectification!;
    expect(Object.keys(plan).slice(0, 3)).toEqual(['additions', 'byIndicator', 'cost']);
    expect(plan.additions.length).toBeGreaterThan(0);
    expect(Object.keys(plan.byIndicator[0]).slice(0, 8)).toEqual(['stage', 'indicator', 'cvBefore', 'cvAfter', 'limit', 'total', 'unit', 'schools']);
    const costs = JSON.parse(readFileSync(SAMPLE_COSTS, 'utf8')) as Record<string, number>;
    const perUnit: Record<string, number> = {
      above_degree_teachers_per_100: costs.teacher,
      backbone_teachers_per_100: costs.teacher,
      pe_art_teachers_per_100: costs.teacher,
      teaching_area_per_student: costs.teaching_area,
      sports_area_per_student: costs.sports_area,
      equipment_value_per_student: costs.equipment,
      multimedia_rooms_per_100: costs.multimedia_room,
    };
    const expected = plan.additions.reduce((sum, a) => sum + (a.amount * perUnit[a.indicator]) / 10000, 0);
    expect(plan.cost.total).toBeCloseTo(expected, 4);
    expect(plan.cost.total).toBeGreaterThan(0);
    expect(plan.passAfter).toBe(true);
    expect(run.out).toContain('整改测算（达标至少需增加）');
    expect(run.out).toContain(`整改合计约 ${plan.cost.total.toFixed(2)} 万元`);
  });

  it('a unit-cost file with an unknown key is an input error naming the key', async () => {
    const bad = tmp.path('bad-costs.json');
    writeFileSync(bad, JSON.stringify({ teachers: 100000 }));
    const run = await runCli(['validate', tmp.path('山背县.xlsx'), '--costs', bad]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('“teachers”不是可用的项目');
  });
});
