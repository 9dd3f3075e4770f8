// The streamed JSON writer prints what JSON.stringify prints, piece by piece: the expected text is always
// JSON.stringify's own, on values chosen for its edge cases.
import { describe, expect, it } from 'vitest';
import { jsonChunks, type JsonReplacer } from '../../src/cli/json-stream.ts';

const text = (value: unknown, indent?: number, replacer?: JsonReplacer, chunk?: number) =>
  [...jsonChunks(value, { indent, replacer, chunk })].join('');

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  get sum() {
    return this.x + this.y;
  }
}

const VALUES: [string, unknown][] = [
  ['a number', 1.5],
  ['minus zero', -0],
  ['NaN and infinities in arrays and objects', { a: NaN, b: [Infinity, -Infinity, NaN], c: -0 }],
  ['tiny and huge numbers', [5e-324, 1e21, 1.7976931348623157e308, 0.1 + 0.2, -1e-7, 123456789012345680000]],
  ['unicode, escapes, lone surrogates', ['县域义务教育', 'emoji 🏫', '\u2028\u2029', '"quoted" \\ back/slash', '\n\t\r\b\f\u0000\u001f', '\ud800', 'a\udc00b']],
  ['null, true, false', [null, true, false]],
  ['undefined, functions and symbols: skipped in objects, null in arrays', { u: undefined, f: () => 1, s: Symbol('s'), keep: 1, list: [undefined, () => 1, Symbol('t'), 2] }],
  ['an object with every property skipped', { u: undefined, f() {} }],
  ['empty containers, nested', { a: [], o: {}, deep: [[], [{}], [[[]]], { x: { y: {} } }] }],
  ['sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
  ['key order: integer keys first, then insertion order', { b: 1, 2: 'two', a: 2, 1: 'one', '-1': 'minus', '01': 'lead' }],
  ['keys that need escaping', { '"': 1, '\n': 2, 学校: 3, '': 4 }],
  ['toJSON (a Date), called with its key', { when: new Date(Date.UTC(2026, 11, 2)), custom: { toJSON: (k: string) => `key=${k}` } }],
  ['boxed primitives', [Object(1), Object('s'), Object(false)]],
  ['a class instance (own fields only) and a Map and Set', { p: new Point(1, 2), m: new Map([[1, 2]]), s: new Set([1]) }],
  ['a typed array', new Uint8Array([1, 2, 3])],
  ['deep nesting', JSON.parse('[' .repeat(200) + ']'.repeat(200))],
  ['the top level undefined', undefined],
  ['a top-level function', () => 1],
  ['a top-level string', 'x'],
];

describe('jsonChunks', () => {
  for (const [name, value] of VALUES) {
    it(`prints ${name} as JSON.stringify does (no indent, 2, 4)`, () => {
      expect(text(value)).toBe(JSON.stringify(value) ?? '');
      expect(text(value, 2)).toBe(JSON.stringify(value, null, 2) ?? '');
      expect(text(value, 4)).toBe(JSON.stringify(value, null, 4) ?? '');
    });
  }

  it('gives nothing where JSON.stringify gives undefined', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
    expect([...jsonChunks(Symbol('x'))]).toEqual([]);
  });

  it('calls the replacer as JSON.stringify does: holder as this, key, value after toJSON', () => {
    const seen: string[] = [];
    const replacer: JsonReplacer = function (this: unknown, key, value) {
      seen.push(`${Array.isArray(this) ? 'array' : typeof this}:${key}`);
      if (typeof value === 'number') return value * 10;
      if (key === 'drop') return undefined;
      if (key === 'when') return `[${String(value)}]`;
      return value;
    };
    const value = { a: 1, list: [2, { b: 3 }], drop: 'x', when: new Date(0) };
    const expected: string[] = [];
    const reference = JSON.stringify(
      value,
      function (this: unknown, key, v) {
        expected.push(`${Array.isArray(this) ? 'array' : typeof this}:${key}`);
        return replacer.call(this, key, v);
      },
      2,
    );
    seen.length = 0;
    expect(text(value, 2, replacer)).toBe(reference);
    expect(seen).toEqual(expected);
  });

  it('replaces array elements by their holder (as the report JSON re-keys its schools)', () => {
    const schools = [{ z: 1, a: 2 }, { z: 3, a: 4 }];
    const value = { schools, other: [{ z: 5, a: 6 }] };
    const replacer: JsonReplacer = function (this: unknown, _key, v) {
      return this === schools ? { a: (v as { a: number }).a, z: (v as { z: number }).z } : v;
    };
    expect(text(value, 2, replacer)).toBe(JSON.stringify(value, replacer, 2));
    expect(text(value, 2, replacer)).toContain('"a": 2,\n      "z": 1');
  });

  it('hands out pieces of about the size asked, the same text once joined', () => {
    const value = { items: Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `学校${i}`, values: [i / 7, null, -i] })) };
    const chunks = [...jsonChunks(value, { indent: 2, chunk: 10_000 })];
    expect(chunks.length).toBeGreaterThan(40);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(10_200);
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('refuses a cycle and a BigInt, as JSON.stringify does', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = [cyclic];
    expect(() => JSON.stringify(cyclic)).toThrow(TypeError);
    expect(() => text(cyclic, 2)).toThrow(TypeError);
    expect(() => JSON.stringify({ n: 1n })).toThrow(TypeError);
    expect(() => text({ n: 1n })).toThrow(TypeError);
  });

  it('prints the same object twice when it is shared, not a cycle', () => {
    const shared = { a: 1 };
    const value = { x: shared, y: [shared, shared] };
    expect(text(value, 2)).toBe(JSON.stringify(value, null, 2));
  });
});
