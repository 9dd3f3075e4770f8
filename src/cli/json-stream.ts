// JSON text in pieces: what JSON.stringify(value, replacer, indent) prints, made by walking the value with a
// stack of its own and handed out about a megabyte at a time. A county of 200,000 schools makes more text than
// one JavaScript string can hold, and stringifying each of its million items apart (then indenting the copy)
// made gigabytes of garbage. Generic over plain values, so it does not follow the Report's TypeScript shape.

/** JSON.stringify's replacer function: called with the holder as `this`, after toJSON. */
export type JsonReplacer = (this: unknown, key: string, value: unknown) => unknown;

export interface JsonChunkOptions {
  replacer?: JsonReplacer;
  /** Spaces per level (JSON.stringify's number argument, 0–10); 0 prints on one line. */
  indent?: number;
  /** Characters a piece reaches before it is handed out. */
  chunk?: number;
}

const CHUNK = 1 << 20;

/** An array or object being printed: its entries and how far the walk is through them. */
interface Frame {
  holder: object;
  /** Property names; null for an array (indices). */
  keys: string[] | null;
  length: number;
  next: number;
  /** Whether an entry was printed yet (an object skips undefined, functions and symbols). */
  any: boolean;
  depth: number;
}

/**
 * The pieces of JSON.stringify(value, replacer, indent), joined the same text (nothing when JSON.stringify gives
 * undefined). Throws as JSON.stringify does on a cycle or a BigInt.
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const { replacer } = options;
  const gap = ' '.repeat(Math.max(0, Math.min(10, Math.floor(options.indent ?? 0))));
  const chunk = options.chunk ?? CHUNK;
  const pads: string[] = [''];
  const pad = (depth: number): string => (pads[depth] ??= pad(depth - 1) + gap);
  // What goes before an entry at a depth: the first one, the others (after a comma).
  const firsts: string[] = [];
  const others: string[] = [];
  const first = (depth: number) => (firsts[depth] ??= gap ? `\n${pad(depth)}` : '');
  const other = (depth: number) => (others[depth] ??= gap ? `,\n${pad(depth)}` : ',');
  const colon = gap ? ': ' : ':';
  const quotedKeys = new Map<string, string>();
  const keyText = (key: string) => {
    let q = quotedKeys.get(key);
    if (q === undefined) quotedKeys.set(key, (q = JSON.stringify(key) + colon));
    return q;
  };

  const stack: Frame[] = [];
  /** The objects being printed, for JSON.stringify's cycle error. */
  const open = new Set<object>();
  let out = '';

  /** The value as JSON.stringify prints it: toJSON, then the replacer, then boxed primitives unwrapped. */
  const prepared = (holder: object, key: string, v: unknown): unknown => {
    if (v !== null && (typeof v === 'object' || typeof v === 'bigint')) {
      const toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') v = toJSON.call(v, key);
    }
    if (replacer) v = replacer.call(holder, key, v);
    if (v instanceof Number) return Number(v);
    if (v instanceof String) return String(v);
    if (v instanceof Boolean) return v.valueOf();
    if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object BigInt]') return v.valueOf();
    return v;
  };

  /** Prints a primitive, or opens a frame for an array or object; false when JSON has no text for it. */
  const put = (v: unknown, depth: number): boolean => {
    switch (typeof v) {
      case 'string':
        out += JSON.stringify(v);
        return true;
      case 'number':
        out += Number.isFinite(v) ? String(v) : 'null';
        return true;
      case 'boolean':
        out += v ? 'true' : 'false';
        return true;
      case 'bigint':
        throw new TypeError('Do not know how to serialize a BigInt');
      case 'object': {
        if (v === null) {
          out += 'null';
          return true;
        }
        if (open.has(v)) throw new TypeError('Converting circular structure to JSON');
        const array = Array.isArray(v);
        const keys = array ? null : Object.keys(v);
        const length = array ? (v as unknown[]).length : keys!.length;
        if (length === 0 && array) {
          out += '[]';
          return true;
        }
        out += array ? '[' : '{';
        open.add(v);
        stack.push({ holder: v, keys, length, next: 0, any: false, depth });
        return true;
      }
      default:
        return false;
    }
  };

  const root = { '': value };
  if (!put(prepared(root, '', value), 0)) return;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.length) {
      stack.pop();
      open.delete(frame.holder);
      // An object whose every property was skipped prints as {}, on one line.
      out += frame.any ? first(frame.depth) : '';
      out += frame.keys ? '}' : ']';
      continue;
    }
    const i = frame.next++;
    const inner = frame.depth + 1;
    const lead = frame.any ? other(inner) : first(inner);
    if (frame.keys) {
      const key = frame.keys[i];
      const v = prepared(frame.holder, key, (frame.holder as Record<string, unknown>)[key]);
      if (!printable(v)) continue;
      out += lead + keyText(key);
      frame.any = true;
      put(v, inner);
    } else {
      const v = prepared(frame.holder, String(i), (frame.holder as unknown[])[i]);
      out += lead;
      frame.any = true;
      if (!put(v, inner)) out += 'null';
    }
    if (out.length >= chunk) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Whether JSON prints a property with this (prepared) value: not undefined, a function or a symbol. */
const printable = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
