// The one cell-number reader (model/cell-number.ts), line by line in the style of formulajs's
// test/statistical.js: every expected value written out by hand from rules §5 ("1,234", full-width "１２３", stray
// spaces are read; "—", "/", "无" and blank mean missing, not zero) and the two policies the module documents
// (the ledger reads units and refuses Excel notation; the functions the other way round).
import { describe, expect, it } from 'vitest';
import { FUNCTION_ARGUMENT, LEDGER_CELL, readCellNumber } from '../../src/model/cell-number.ts';
import { readNumber } from '../../src/ledger/cells.ts';
import { cellText, trimmed } from '../../src/model/cell-value.ts';
import { cellNumber } from '../../src/functions/args.ts';

const ledger = (v: unknown) => readCellNumber(v, LEDGER_CELL);
const fn = (v: unknown) => readCellNumber(v, FUNCTION_ARGUMENT);
const value = (r: ReturnType<typeof ledger>) => (r.kind === 'number' ? r.value : r.kind);
const reason = (r: ReturnType<typeof ledger>) => (r.kind === 'bad' ? r.reason : r.kind);

describe('numbers both read alike', () => {
  it('numbers as they are', () => {
    expect(value(ledger(0))).toBe(0);
    expect(value(ledger(-3))).toBe(-3);
    expect(value(ledger(1234.5))).toBe(1234.5);
    expect(value(fn(0))).toBe(0);
    expect(value(fn(1e-7))).toBe(1e-7);
  });

  it('numbers typed as text', () => {
    for (const read of [ledger, fn]) {
      expect(value(read('1234'))).toBe(1234);
      expect(value(read('1,234'))).toBe(1234);
      expect(value(read('1,234.5'))).toBe(1234.5);
      expect(value(read('12,345,678'))).toBe(12345678);
      expect(value(read('-1,234'))).toBe(-1234);
      expect(value(read('+7'))).toBe(7);
      expect(value(read('.5'))).toBe(0.5);
      expect(value(read('-.25'))).toBe(-0.25);
      expect(value(read('007'))).toBe(7);
      expect(value(read('0'))).toBe(0);
    }
  });

  it('full-width digits, separators, point and spaces of any width', () => {
    for (const read of [ledger, fn]) {
      expect(value(read('１２３'))).toBe(123);
      expect(value(read('１，２３４'))).toBe(1234);
      expect(value(read('１２．５'))).toBe(12.5);
      expect(value(read('－５'))).toBe(-5);
      expect(value(read(' 12 '))).toBe(12);
      expect(value(read('\u300012\u3000'))).toBe(12);
      expect(value(read('\u00a012'))).toBe(12);
      expect(value(read('1 234'))).toBe(1234);
      expect(value(read('\t45\n'))).toBe(45);
    }
  });

  it('thousands separators only in groups of three', () => {
    for (const read of [ledger, fn]) {
      expect(reason(read('1,2,3'))).toBe('“1,2,3”不是数字');
      expect(reason(read('12,34'))).toBe('“12,34”不是数字');
      expect(reason(read('1234,567'))).toBe('“1234,567”不是数字');
      expect(reason(read(',123'))).toBe('“,123”不是数字');
      expect(reason(read('1.2.3'))).toBe('“1.2.3”不是数字');
    }
  });

  it('the missing markers of rules §5 are missing, never 0', () => {
    for (const read of [ledger, fn]) {
      for (const v of [null, undefined, '', '   ', '\u3000', '—', '——', '-', '--', '–', '－', '/', '／', '\\', '无', '空', '暂无', 'N/A', 'n/a', 'NA', '…', '...', ' — ', '＃Ｎ／Ａ']) {
        expect(read(v), JSON.stringify(v)).toEqual({ kind: 'missing' });
      }
    }
  });

  it('booleans, dates, Excel error values and words are not numbers', () => {
    for (const read of [ledger, fn]) {
      expect(reason(read(true))).toBe('是逻辑值 TRUE，不是数字');
      expect(reason(read(false))).toBe('是逻辑值 FALSE，不是数字');
      expect(reason(read('#N/A'))).toBe('是错误值 #N/A');
      expect(reason(read(' #DIV/0! '))).toBe('是错误值 #DIV/0!');
      expect(reason(read('#ref!'))).toBe('是错误值 #ref!');
      expect(reason(read({ error: '#VALUE!' }))).toBe('是错误值 #VALUE!');
      expect(reason(read(new Date(2024, 8, 1)))).toBe('是日期，不是数字');
      expect(reason(read({ formula: 'SUM(A1:A3)' }))).toBe('：公式没有计算结果，请在 Excel/WPS 中重新计算并保存');
      expect(value(read({ formula: 'A1+1', result: 7 }))).toBe(7);
      expect(value(read({ richText: [{ text: '1,2' }, { text: '00' }] }))).toBe(1200);
      expect(reason(read(NaN))).toBe('数值无效（NaN）');
      expect(reason(read(Infinity))).toBe('数值无效（Infinity）');
      expect(reason(read('约50'))).toBe('“约50”不是数字');
      expect(reason(read('一百'))).toBe('“一百”不是数字');
      expect(reason(read('0x10'))).toBe('“0x10”不是数字');
      expect(reason(read('Infinity'))).toBe('“Infinity”不是数字');
      expect(reason(read('12a'))).toBe('“12a”不是数字');
      expect(reason(read(' abc '))).toBe('“abc”不是数字');
    }
  });

  it('a number too long for a double is refused, not Infinity', () => {
    const long = '9'.repeat(400);
    expect(reason(ledger(long))).toBe(`“${'9'.repeat(24)}…”位数过长，不是有效的数字`);
    expect(reason(fn(long))).toBe(`“${'9'.repeat(24)}…”位数过长，不是有效的数字`);
  });

  it('digits as typed, for IDs pasted into a count', () => {
    const id = ledger('110101199001011230');
    expect(id.kind === 'number' && id.digits).toBe(18);
    const money = ledger('1,234.56');
    expect(money.kind === 'number' && money.digits).toBe(6);
    const typed = ledger(1234);
    expect(typed.kind === 'number' && typed.digits).toBe(undefined);
  });
});

describe('where the policies differ on purpose', () => {
  it('units: the ledger reads them, a function argument is a bare number', () => {
    expect(ledger('12万')).toEqual({ kind: 'number', value: 120000, absolute: true, digits: 2, unit: '万' });
    expect(ledger('12.5万元')).toEqual({ kind: 'number', value: 125000, absolute: true, digits: 3, unit: '万元' });
    expect(ledger('1,200元')).toEqual({ kind: 'number', value: 1200, absolute: true, digits: 4, unit: '元' });
    expect(ledger('120㎡')).toEqual({ kind: 'number', value: 120, digits: 3, unit: 'm2' });
    expect(ledger('120平方米')).toEqual({ kind: 'number', value: 120, digits: 3, unit: '平方米' });
    expect(ledger('30 人')).toEqual({ kind: 'number', value: 30, digits: 2, unit: '人' });
    expect(ledger('5间')).toEqual({ kind: 'number', value: 5, digits: 1, unit: '间' });
    expect(reason(ledger('5公斤'))).toBe('“5公斤”不是数字');
    expect(reason(fn('12万'))).toBe('“12万”不是数字');
    expect(reason(fn('1200元'))).toBe('“1200元”不是数字');
    expect(reason(fn('30人'))).toBe('“30人”不是数字');
  });

  it("Excel notation: the functions read 1.2e3 and 12% as Excel's VALUE() does, the ledger refuses both", () => {
    expect(value(fn('1.2e3'))).toBe(1200);
    expect(value(fn('1.2E3'))).toBe(1200);
    expect(value(fn('5e-1'))).toBe(0.5);
    expect(value(fn('12%'))).toBe(0.12);
    expect(value(fn('１２％'))).toBe(0.12);
    expect(value(fn('-50%'))).toBe(-0.5);
    expect(reason(fn('1e400'))).toBe('“1e400…”位数过长，不是有效的数字');
    expect(reason(fn('12%人'))).toBe('“12%人”不是数字');
    expect(reason(ledger('1.2e3'))).toBe('“1.2e3”不是数字');
    expect(reason(ledger('1.23457E+17'))).toBe('“1.23457E+17”不是数字');
    expect(reason(ledger('12%'))).toBe('“12%”不是数字');
  });
});

describe('the two callers', () => {
  it('the ledger reads with its policy', () => {
    expect(readNumber('12.5万')).toEqual({ kind: 'number', value: 125000, absolute: true, digits: 3, unit: '万' });
    expect(readNumber('1.2e3').kind).toBe('bad');
  });

  it('the functions: a number, null for blank or a missing marker, undefined for an error to name', () => {
    expect(cellNumber(5)).toBe(5);
    expect(cellNumber('１２３')).toBe(123);
    expect(cellNumber('1,234.5')).toBe(1234.5);
    expect(cellNumber(' 12 ')).toBe(12);
    expect(cellNumber('12%')).toBe(0.12);
    expect(cellNumber('1.2e3')).toBe(1200);
    expect(cellNumber(null)).toBe(null);
    expect(cellNumber('')).toBe(null);
    expect(cellNumber('—')).toBe(null);
    expect(cellNumber('/')).toBe(null);
    expect(cellNumber('无')).toBe(null);
    expect(cellNumber('-')).toBe(null);
    expect(cellNumber('12万')).toBe(undefined);
    expect(cellNumber(true)).toBe(undefined);
    expect(cellNumber('#N/A')).toBe(undefined);
    expect(cellNumber(Infinity)).toBe(undefined);
  });
});

describe('what a cell shows as text', () => {
  it('trims spaces of any width as String.prototype.trim does', () => {
    expect(trimmed('城关小学')).toBe('城关小学');
    expect(trimmed(' 城关小学 ')).toBe('城关小学');
    expect(trimmed('\u3000城关小学\u00a0')).toBe('城关小学');
    expect(trimmed('\ufeff1')).toBe('1');
    expect(trimmed('\t')).toBe('');
    expect(trimmed('')).toBe('');
    expect(trimmed('a b')).toBe('a b');
  });
  it('numbers as typed, blanks empty, error values trimmed', () => {
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(null)).toBe('');
    expect(cellText('   ')).toBe('');
    expect(cellText(' #N/A ')).toBe('#N/A');
    expect(cellText(' 城关 ')).toBe(' 城关 ');
    expect(cellText({ richText: [{ text: '城关' }, { text: '小学' }] })).toBe('城关小学');
    expect(cellText(true)).toBe('true');
  });
});
