import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/ledger/index.ts';

// The CLI refuses a --map whose header is missing by the problem's code and field, not by its wording.
describe('mapping problems carry a code and the field', () => {
  it('a header the sheet lacks and a field the ledger lacks', () => {
    const values = [
      ['学校名称', '学校类型', '在校学生数'],
      ['一小', '小学', 300],
    ];
    const read = readLedger([{ name: '台账', values }], { mapping: { books: '藏书', no_such_field: '甲' } as Record<string, string> });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const coded = read.problems.filter((p) => p.code).map(({ code, field, sheet }) => ({ code, field, sheet }));
    expect(coded).toEqual(
      expect.arrayContaining([
        { code: 'mapping_column_not_found', field: 'books', sheet: '台账' },
        { code: 'mapping_unknown_field', field: 'no_such_field', sheet: '台账' },
      ]),
    );
  });
});
