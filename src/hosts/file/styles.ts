// The styles part: which cell formats show dates (for reading), and formats we add (for writing). We only ever
// append fonts, fills, borders, number formats and cell formats, each once (an equal one is reused), so every
// index the clerk's sheets use keeps its meaning.
import { attr, findAll, findElement } from './xml.ts';

const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format code that shows a date or a time (quoted text, [colours] and escapes aside). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*./g, '').replace(/\[(?:[^\]]*)\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? 'h' : ''));
  if (/General/i.test(bare) && !/[ymdhs]/i.test(bare.replace(/General/gi, ''))) return false;
  return /[ymdhs]/i.test(bare.replace(/General/gi, '')) && !/^[#0.,%E+\-\s]*$/.test(bare);
}

export const STYLES_EMPTY = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Cell formats whose number format is a date or time. */
export function dateStyles(text: string | null): Set<number> {
  const out = new Set<number>();
  if (!text) return out;
  const custom = new Map<number, string>();
  const fmts = findElement(text, 'numFmts');
  if (fmts) for (const f of findAll(fmts.inner, 'numFmt')) custom.set(Number(attr(f.tag, 'numFmtId')), attr(f.tag, 'formatCode') ?? '');
  const xfs = findElement(text, 'cellXfs');
  if (!xfs) return out;
  findAll(xfs.inner, 'xf').forEach((f, i) => {
    const id = Number(attr(f.tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_IDS.has(id)) out.add(i);
  });
  return out;
}

type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs';
const ITEM: Record<Section, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };
/** Where a missing section goes: before the first of these that exists. */
const ORDER: Section[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'];

/** The styles part being extended: existing items read once, additions kept apart until written. */
export class StyleBook {
  private readonly items = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();
  private readonly index = new Map<string, number>();
  private nextFmt = 200;

  constructor(private readonly text: string) {
    for (const s of ORDER) {
      const el = findElement(text, s);
      const list = el ? findAll(el.inner, ITEM[s]).map((f) => el.inner.slice(f.start, f.end)) : [];
      this.items.set(s, list);
      this.added.set(s, []);
      list.forEach((xml, i) => this.index.set(`${s}|${xml}`, i));
      if (s === 'numFmts') for (const xml of list) this.nextFmt = Math.max(this.nextFmt, Number(attr(xml, 'numFmtId') ?? 0) + 1);
    }
  }

  /** The item at an index (the clerk's or ours). */
  item(s: Section, i: number): string | undefined {
    const base = this.items.get(s)!;
    return i < base.length ? base[i] : this.added.get(s)![i - base.length];
  }

  count(s: Section): number {
    return this.items.get(s)!.length + this.added.get(s)!.length;
  }

  /** The index of an item equal to `xml`, appending it when there is none. */
  add(s: Section, xml: string): number {
    const key = `${s}|${xml}`;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const i = this.count(s);
    this.added.get(s)!.push(xml);
    this.index.set(key, i);
    return i;
  }

  /** A number format code's id: built-in 0 (General), an existing custom one, or a new one. */
  numFmt(code: string): number {
    if (code === 'General') return 0;
    for (const xml of [...this.items.get('numFmts')!, ...this.added.get('numFmts')!]) {
      if (attr(xml, 'formatCode') === code) return Number(attr(xml, 'numFmtId'));
    }
    const id = this.nextFmt++;
    this.add('numFmts', `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>`);
    return id;
  }

  changed(): boolean {
    return ORDER.some((s) => this.added.get(s)!.length > 0);
  }

  /** The part with our items appended to each section and its count updated. */
  toXml(): string {
    let text = this.text;
    for (const s of ORDER) {
      const extra = this.added.get(s)!;
      if (extra.length === 0) continue;
      const el = findElement(text, s);
      const count = this.count(s);
      if (el) {
        const tag = el.tag.endsWith('/>') ? el.tag.slice(0, -2) + '>' : el.tag;
        const withCount = /\scount="/.test(tag) ? tag.replace(/\scount="[^"]*"/, ` count="${count}"`) : tag.replace(/>$/, ` count="${count}">`);
        text = `${text.slice(0, el.start)}${withCount}${el.inner}${extra.join('')}</${s}>${text.slice(el.end)}`;
      } else {
        const later = ORDER.slice(ORDER.indexOf(s) + 1).map((n) => findElement(text, n)).find(Boolean);
        const at = later ? later.start : text.indexOf('>', text.indexOf('<styleSheet')) + 1;
        text = `${text.slice(0, at)}<${s} count="${count}">${extra.join('')}</${s}>${text.slice(at)}`;
      }
    }
    return text;
  }
}
