import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockAddress, cellAddress, columnLetter, columnNumber, originOf, parseCell, parseRange } from '../../src/model/a1.ts';

describe('A1 addresses (the one module every layer uses)', () => {
  it('column letters at the edges of each letter count', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect([columnNumber('A'), columnNumber('xfd'), columnNumber('AAAA'), columnNumber('学校'), columnNumber('')]).toEqual([1, 16384, null, null, null]);
  });

  it('letters and numbers round-trip for every column Excel has', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (col) => columnNumber(columnLetter(col)) === col));
  });

  it('cells, blocks, ranges and the origin of an address as Excel prints it', () => {
    expect(cellAddress(7, 28)).toBe('AB7');
    expect(blockAddress(2, 2, 3, 4)).toBe('B2:E4');
    expect(parseCell('$AB$7')).toEqual({ row: 7, col: 28 });
    expect(() => parseCell('B2:C3')).toThrow('单元格地址不正确');
    expect(parseRange('台账!$B$2:D3')).toEqual({ r1: 2, c1: 2, r2: 3, c2: 4 });
    expect(parseRange('D3:B2')).toEqual({ r1: 2, c1: 2, r2: 3, c2: 4 });
    expect(parseRange('C5')).toEqual({ r1: 5, c1: 3, r2: 5, c2: 3 });
    expect(parseRange('学校')).toBeNull();
    expect(originOf("'台账!1'!C3:F40")).toEqual({ row: 3, col: 3 });
    expect(originOf('Sheet1!B2')).toEqual({ row: 2, col: 2 });
  });
});
