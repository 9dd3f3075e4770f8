// The Excel entry over the shared definitions, with a small stand-in for Excel's CustomFunctions global.
import { beforeAll, describe, expect, it } from 'vitest';

class StandInError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  invalidReference: '#REF!',
  invalidName: '#NAME?',
  nullReference: '#NULL!',
};

let excel: typeof import('../../src/functions/excel.ts');

beforeAll(async () => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: StandInError, ErrorCode, associate: () => undefined };
  excel = await import('../../src/functions/excel.ts');
});

function thrown(fn: () => unknown): StandInError {
  try {
    fn();
  } catch (e) {
    return e as StandInError;
  }
  throw new Error('expected an Excel error');
}

describe('Excel custom-function entry', () => {
  it('returns plain values from the shared definitions', () => {
    const books = [[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]];
    const pupils = [[45], [37], [89], [76], [55]];
    expect(excel.cv(books, pupils)).toBeCloseTo(0.51526, 5);
    expect(excel.diffcoef(books, pupils)).toBe(excel.cv(books, pupils));
    expect(excel.standard('生均体育运动场馆面积', '初中')).toBe(10.2);
    expect(excel.check(4.5, 'teaching_area_per_student', '小学')).toBe('达标');
    expect(excel.impact([[1], [3]], [[1], [1]])).toHaveLength(2);
  });

  it('turns #VALUE! and #N/A into Excel errors that carry the Chinese message', () => {
    const e = thrown(() => excel.cv([[1], [2]], [[1], [-2]]));
    expect(e).toBeInstanceOf(StandInError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/权重含负数/);
    const na = thrown(() => excel.standard('books_per_student', '小学', 'national-2012-basic'));
    expect(na.code).toBe('#N/A');
    expect(na.message).toMatch(/未规定/);
  });

  it('sends #DIV/0! and #NUM! without a message, as Excel allows a message only on #VALUE! and #N/A', () => {
    const div = thrown(() => excel.cv([[1], [2]], [[0], [0]]));
    expect(div.code).toBe('#DIV/0!');
    expect(div.message).toBeUndefined();
    const num = thrown(() => excel.per(10, -1));
    expect(num.code).toBe('#NUM!');
    expect(num.message).toBeUndefined();
  });

  it('maps every FnError code to an Excel error code', () => {
    for (const code of ['#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#REF!'] as const) {
      expect((excel.toExcelError({ error: code, message: 'x' }) as unknown as StandInError).code).toBe(code);
    }
  });
});
