// Property: however a clerk types the numbers (plain, "1,234", full-width, padded) and the blanks ("—", "/",
// "无", empty), the template ledger reads back the same values in base units, and every row keeps its cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMERIC_FIELDS, type NumericField } from '../../src/core/types.ts';
import { columnLetter } from '../../src/model/a1.ts';
import { readLedger } from '../../src/ledger/index.ts';
import { cellOf } from '../../src/model/school.ts';
import { TEMPLATE_COLUMNS } from '../../src/ledger/template.ts';

const NUMERIC = TEMPLATE_COLUMNS.filter((c) => (NUMERIC_FIELDS as readonly string[]).includes(c.field));
const MISSING = [null, '', '—', '/', '无', '-', '\u3000'];
const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const typed = fc.oneof(
  fc.constant<'missing'>('missing'),
  fc.record({ n: fc.integer({ min: 1, max: 3_000_000 }), style: fc.constantFrom('number', 'comma', 'full', 'padded') }),
);

/** Enrolment over 20,000 in one stage is implausible (rules §5.2, its own test): the property keeps counts in range. */
const inRange = (field: string, n: number): number => (field.startsWith('students_') ? (n % 20_000) + 1 : n);

function render(cell: { n: number; style: string } | 'missing', pick: number, field: string): unknown {
  if (cell === 'missing') return MISSING[pick % MISSING.length];
  const v = { ...cell, n: inRange(field, cell.n) };
  switch (v.style) {
    case 'comma':
      return v.n.toLocaleString('en-US');
    case 'full':
      return FULL_WIDTH(String(v.n));
    case 'padded':
      return ` ${v.n}\u3000`;
    default:
      return v.n;
  }
}

describe('readLedger properties', () => {
  it('reads typed-as-text numbers and missing markers back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.array(typed, { minLength: NUMERIC.length, maxLength: NUMERIC.length }), { minLength: 1, maxLength: 8 }), fc.nat(), (rows, pick) => {
        const header = TEMPLATE_COLUMNS.map((c) => c.header);
        const values: unknown[][] = [header];
        rows.forEach((cells, i) => {
          const byField = new Map(NUMERIC.map((c, j) => [c.field, render(cells[j], pick + j, c.field)]));
          values.push(TEMPLATE_COLUMNS.map((c) => (c.field === 'school' ? `第${i + 1}小学` : byField.get(c.field) ?? null)));
        });
        const read = readLedger([{ name: '台账', values }]);
        if (!read.ok) throw new Error(read.message);
        expect(read.county.schools.length).toBe(rows.length);
        rows.forEach((cells, i) => {
          const school = read.county.schools[i];
          NUMERIC.forEach((c, j) => {
            const want = cells[j] === 'missing' ? undefined : inRange(c.field, (cells[j] as { n: number }).n) * (c.field === 'equipment_value' ? 10000 : 1);
            expect(school.values[c.field as NumericField], `${school.name} ${c.field}`).toBe(want);
            const col = columnLetter(TEMPLATE_COLUMNS.findIndex((t) => t.field === c.field) + 1);
            expect(cellOf(school, c.field), c.field).toBe(`${col}${i + 2}`);
          });
        });
        // Nothing unreadable was typed, so no cell is reported as unreadable.
        expect(read.problems.filter((p) => p.message.includes('不是数字'))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
