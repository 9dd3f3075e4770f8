// The report JSON is written in pieces (a county of 200,000 schools is more text than one JavaScript string
// holds): the pieces make exactly what JSON.stringify(…, null, 2) prints.
import { describe, expect, it } from 'vitest';
import { evaluateWith } from '../../src/core/evaluate.ts';
import type { Report } from '../../src/core/report.ts';
import { reportJsonChunks, reportJsonObject } from '../../src/cli/report-json.ts';
import { countyOf, FAILING } from './fixtures.ts';

function report(): Report {
  const evaluation = evaluateWith(countyOf('某县', FAILING), 'national-2017-quality');
  if (!evaluation.ok) throw new Error(evaluation.message);
  return evaluation.value.report;
}

describe('reportJsonChunks', () => {
  it('joins to JSON.stringify’s text of the report', () => {
    const r = report();
    expect([...reportJsonChunks(r)].join('')).toBe(`${JSON.stringify(reportJsonObject(r), null, 2)}\n`);
  });

  it('cuts a long school list into pieces of about a megabyte, the same text once joined', () => {
    const r = report();
    const many: Report = { ...r, schools: Array.from({ length: 20_000 }, (_, i) => ({ ...r.schools[i % r.schools.length], row: i + 2 })), gaps: [], problems: [] };
    const chunks = [...reportJsonChunks(many)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(chunks.join('')).toBe(`${JSON.stringify(reportJsonObject(many), null, 2)}\n`);
  });
});
