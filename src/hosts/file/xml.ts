// The little XML the package parts need: escaping, attributes of one tag, elements found by name. Parts we
// patch are edited as text around the elements we own, so everything else in them stays as the clerk's
// program wrote it (namespaces, extension lists, attribute order).

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for an element or attribute; characters XML 1.0 cannot hold are dropped, never passed on. */
export const esc = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ESC[c]);

/**
 * Text of a cell, note or string item (OOXML ST_Xstring), as Excel writes it: a control character XML cannot
 * hold becomes _xHHHH_, and text that already reads as such an escape is guarded by _x005F_ (an underscore),
 * so every character of a school name comes back as it was — still data, never a raw control character in XML.
 */
export const xstr = (s: string): string =>
  s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[&<>"]/g, (c) => ESC[c]);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entity and character references, and the _xHHHH_ escapes OOXML uses for control characters. */
export function unesc(s: string): string {
  let out = s.indexOf('&') < 0 ? s : s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]);
  if (out.indexOf('_x') >= 0) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** An attribute of the start tag `tag` (e.g. '<c r="A1" s="3">'), unescaped; undefined when absent. */
const attrPatterns = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`[\\s<]${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unesc(m[2] ?? m[3]) : undefined;
}

/** The start tag with the attribute set (added before the tag's end when absent) or removed (value null). */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, value === null ? '' : `$1${name}="${esc(value)}"`);
  if (value === null) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${esc(value)}"${tag.slice(end)}`;
}

export interface Found {
  /** Offsets of the whole element in the text (start tag to end tag, or the empty tag). */
  start: number;
  end: number;
  /** The start tag. */
  tag: string;
  /** Inner text ('' for an empty tag). */
  inner: string;
}

/** Local name match of a tag at i: `<name` then a space, '>' or '/' (prefixed names too, e.g. x:row). */
function isTagAt(text: string, i: number, name: string): boolean {
  if (!text.startsWith(name, i)) return false;
  const ch = text.charCodeAt(i + name.length);
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** The first element named `name` (exactly, with its prefix if any) at or after `from`; not nested in itself. */
export function findElement(text: string, name: string, from = 0): Found | null {
  let i = text.indexOf(`<${name}`, from);
  while (i >= 0 && !isTagAt(text, i + 1, name)) i = text.indexOf(`<${name}`, i + 1);
  if (i < 0) return null;
  const close = text.indexOf('>', i);
  const tag = text.slice(i, close + 1);
  if (tag.endsWith('/>')) return { start: i, end: close + 1, tag, inner: '' };
  const endTag = `</${name}>`;
  const j = text.indexOf(endTag, close);
  if (j < 0) return null;
  return { start: i, end: j + endTag.length, tag, inner: text.slice(close + 1, j) };
}

/** Every element named `name` in order (not nested in one another). */
export function findAll(text: string, name: string, from = 0, to = text.length): Found[] {
  const out: Found[] = [];
  for (let f = findElement(text, name, from); f && f.start < to; f = findElement(text, name, f.end)) out.push(f);
  return out;
}

/** The text of a rich or plain string item (<si>, <is>, <text>): its <t> runs joined, phonetic runs left out. */
export function stringItemText(inner: string): string {
  let text = '';
  let i = 0;
  for (;;) {
    const rph = inner.indexOf('<rPh', i);
    let t = inner.indexOf('<t', i);
    while (t >= 0 && !isTagAt(inner, t + 1, 't')) t = inner.indexOf('<t', t + 1);
    if (t < 0) break;
    if (rph >= 0 && rph < t) {
      const endRph = inner.indexOf('</rPh>', rph);
      i = endRph < 0 ? inner.length : endRph + 6;
      continue;
    }
    const close = inner.indexOf('>', t);
    if (inner[close - 1] === '/') {
      i = close + 1;
      continue;
    }
    const end = inner.indexOf('</t>', close);
    text += unesc(inner.slice(close + 1, end));
    i = end + 4;
  }
  return text;
}

const utf8 = new TextDecoder('utf-8');
export const decodeUtf8 = (b: Uint8Array): string => utf8.decode(b);
const encoder = new TextEncoder();
export const encodeUtf8 = (s: string): Uint8Array => encoder.encode(s);

/** The namespace prefix a part binds to `uri` ('' for the default namespace, null when unbound). */
export function prefixOf(text: string, uri: string): string | null {
  const m = new RegExp(`xmlns(?::([A-Za-z_][\\w.-]*))?="${uri.replace(/[./]/g, '\\$&')}"`).exec(text.slice(0, 4000));
  return m ? (m[1] ?? '') : null;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * A part's text with SpreadsheetML's own prefix taken off its elements (<x:row> → <row>), fed in chunks:
 * some generators (.NET's OpenXML SDK among them) bind the main namespace to a prefix, and every reader and
 * patcher here looks for unprefixed tags. A cell we did not see would silently be a blank, so the part is
 * read as the unprefixed XML it means. Parts without a prefix pass through unchanged.
 */
export function mainPrefixStripper(): (text: string, final: boolean) => string {
  let head = '';
  let strip: ((t: string) => string) | null = null;
  let identity = false;
  let held = '';
  return (text, final) => {
    if (!strip) {
      head += text;
      // The root start tag declares the prefix: wait for it (past any <?xml …?> declaration).
      const root = head.search(/<[A-Za-z_]/);
      const rootEnd = root < 0 ? -1 : head.indexOf('>', root);
      if (rootEnd < 0 && !final) return '';
      const rootTag = head.slice(0, rootEnd < 0 ? head.length : rootEnd + 1);
      const prefix = mainPrefix(rootTag);
      // A root whose default namespace is another one (a drawing) keeps its prefixes: unprefixing would clash.
      const otherDefault = /\sxmlns="([^"]*)"/.exec(rootTag)?.[1];
      if (!prefix || (otherDefault !== undefined && otherDefault !== MAIN_NS)) {
        strip = (t) => t;
        identity = true;
      } else {
        const tags = new RegExp(`<(/?)${prefix.replace(/[.-]/g, '\\$&')}:`, 'g');
        const decl = new RegExp(`\\sxmlns:${prefix}="${MAIN_NS.replace(/[./]/g, '\\$&')}"`);
        const hasDefault = otherDefault === MAIN_NS;
        let first = true;
        strip = (t) => {
          let out = t.replace(tags, '<$1');
          if (first) {
            first = false;
            out = out.replace(decl, hasDefault ? '' : ` xmlns="${MAIN_NS}"`);
          }
          return out;
        };
      }
      text = head;
      head = '';
    }
    if (identity) return text;
    // A tag split over two chunks is held back until it is whole.
    let t = held + text;
    held = '';
    if (!final) {
      const lt = t.lastIndexOf('<');
      if (lt >= 0 && t.indexOf('>', lt) < 0) {
        held = t.slice(lt);
        t = t.slice(0, lt);
      }
    }
    return strip(t);
  };
}

/** The prefix a start tag binds to SpreadsheetML's namespace, even beside a default declaration of it. */
const mainPrefix = (tag: string): string | null => new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${MAIN_NS.replace(/[./]/g, '\\$&')}"`).exec(tag)?.[1] ?? null;

/** A whole part's text with SpreadsheetML's prefix taken off its elements (see mainPrefixStripper). */
export function unprefixMain(text: string): string {
  if (text.indexOf(`:`) < 0 || mainPrefix(text.slice(0, 4000)) === null) return text;
  return mainPrefixStripper()(text, true);
}
