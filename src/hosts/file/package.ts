// An OOXML package in memory: its parts by name (compressed as read until one is asked for), relationships,
// content types and the workbook's sheet list. Parts are replaced as wholes; untouched ones are written back
// as their original compressed bytes.
import { WorkbookReadError } from './errors.ts';
import { attr, decodeUtf8, encodeUtf8, esc, findAll, findElement, setAttr, unprefixMain } from './xml.ts';
import { inflateEntry, newEntry, readZip, writeZip, type ZipEntry } from './zip.ts';

export const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  threaded: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  strictOfficeDocument: 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
};

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Part name, e.g. xl/worksheets/sheet1.xml. */
  path: string;
}

/** The directory of a part name ('xl/worksheets/sheet1.xml' → 'xl/worksheets/'). */
const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** A relationship target resolved against the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dirOf(fromPart) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The .rels part of a part ('xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'). */
export const relsPathOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** A target relative to `fromPart`'s directory, as Excel writes them. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

type Part =
  | { entry: ZipEntry; data?: undefined; produce?: undefined }
  | { entry?: ZipEntry; data: Uint8Array; produce?: undefined }
  /** Written when first read or when the package is written: a part replaced several times is made once. */
  | { entry?: ZipEntry; data?: undefined; produce: () => ZipEntry };

export class Package {
  private readonly parts = new Map<string, Part>();
  /** Lower-case name → stored name: zip names are case-sensitive, OOXML part names are not. */
  private readonly names = new Map<string, string>();

  constructor(
    entries: ZipEntry[],
    readonly label: string,
  ) {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      this.parts.set(entry.name, { entry });
      this.names.set(entry.name.toLowerCase(), entry.name);
    }
  }

  static open(bytes: Uint8Array, label: string): Package {
    return new Package(readZip(bytes, label), label);
  }

  private key(name: string): string | undefined {
    return this.names.get(name.replace(/^\//, '').toLowerCase());
  }

  has(name: string): boolean {
    return this.key(name) !== undefined;
  }

  /** The part, a deferred one made now. */
  private part(k: string | undefined): Part | undefined {
    const p = k === undefined ? undefined : this.parts.get(k);
    if (!p?.produce) return p;
    this.setEntry(k!, p.produce());
    return this.parts.get(k!);
  }

  /** The stored entry (for streaming a large part), or undefined once the part was replaced. */
  entry(name: string): ZipEntry | undefined {
    const p = this.part(this.key(name));
    return p && p.data === undefined ? p.entry : undefined;
  }

  bytes(name: string): Uint8Array | null {
    const p = this.part(this.key(name));
    if (!p) return null;
    return p.data ?? inflateEntry(p.entry!, this.label);
  }

  text(name: string): string | null {
    const b = this.bytes(name);
    if (!b) return null;
    const s = decodeUtf8(b);
    return unprefixMain(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  }

  set(name: string, content: string | Uint8Array): void {
    const k = this.key(name) ?? name;
    const data = typeof content === 'string' ? encodeUtf8(content) : content;
    this.parts.set(k, { entry: this.parts.get(k)?.entry, data });
    this.names.set(k.toLowerCase(), k);
  }

  /** A part already deflated (a patched sheet streamed through entryWriter). */
  setEntry(name: string, entry: ZipEntry): void {
    const k = this.key(name) ?? name;
    const old = this.parts.get(k)?.entry;
    this.parts.set(k, { entry: old ? { ...entry, name: k, time: old.time, date: old.date } : { ...entry, name: k } });
    this.names.set(k.toLowerCase(), k);
  }

  /** A part made only when read or written (our state, replaced by every step of a validation). */
  setDeferred(name: string, produce: () => ZipEntry): void {
    const k = this.key(name) ?? name;
    this.parts.set(k, { entry: this.parts.get(k)?.entry, produce });
    this.names.set(k.toLowerCase(), k);
  }

  remove(name: string): void {
    const k = this.key(name);
    if (k === undefined) return;
    this.parts.delete(k);
    this.names.delete(k.toLowerCase());
  }

  partNames(): string[] {
    return [...this.parts.keys()];
  }

  /** The package as zip bytes: unchanged parts copied as stored, in their original order, new parts after. */
  toBytes(): Uint8Array {
    const entries: ZipEntry[] = [];
    for (const name of [...this.parts.keys()]) {
      const p = this.part(name)!;
      if (p.data === undefined) entries.push(p.entry!);
      else {
        const e = newEntry(name, p.data);
        if (p.entry) Object.assign(e, { time: p.entry.time, date: p.entry.date });
        entries.push(e);
      }
    }
    return writeZip(entries);
  }

  // --- relationships ---

  rels(part: string): Rel[] {
    const text = this.text(relsPathOf(part));
    if (!text) return [];
    return findAll(text, 'Relationship').map((f) => ({
      id: attr(f.tag, 'Id') ?? '',
      type: attr(f.tag, 'Type') ?? '',
      target: attr(f.tag, 'Target') ?? '',
      external: attr(f.tag, 'TargetMode') === 'External',
    }));
  }

  /** The part a relationship of `part` points at, by type suffix (e.g. '/comments'). */
  related(part: string, type: string): { rel: Rel; path: string }[] {
    return this.rels(part)
      .filter((r) => !r.external && r.type === type)
      .map((rel) => ({ rel, path: resolveTarget(part, rel.target) }));
  }

  /** Adds a relationship (a fresh rIdN) and returns its id; the rels part is created when missing. */
  addRel(part: string, type: string, target: string): string {
    const path = relsPathOf(part);
    const text =
      this.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const used = new Set(findAll(text, 'Relationship').map((f) => attr(f.tag, 'Id')));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"/>`;
    const end = text.lastIndexOf('</Relationships>');
    this.set(path, end < 0 ? text.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`) : text.slice(0, end) + rel + text.slice(end));
    return id;
  }

  removeRel(part: string, id: string): void {
    const path = relsPathOf(part);
    const text = this.text(path);
    if (!text) return;
    const f = findAll(text, 'Relationship').find((r) => attr(r.tag, 'Id') === id);
    if (f) this.set(path, text.slice(0, f.start) + text.slice(f.end));
  }

  // --- content types ---

  /** Declares a part's content type (an Override), unless its extension's Default already says the same. */
  setContentType(part: string, type: string): void {
    const path = '[Content_Types].xml';
    let text = this.text(path) ?? '';
    const name = `/${part}`;
    const existing = findAll(text, 'Override').find((f) => attr(f.tag, 'PartName')?.toLowerCase() === name.toLowerCase());
    if (existing) {
      if (attr(existing.tag, 'ContentType') === type) return;
      text = text.slice(0, existing.start) + setAttr(existing.tag, 'ContentType', type) + text.slice(existing.end);
    } else {
      const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
      const def = findAll(text, 'Default').find((f) => attr(f.tag, 'Extension')?.toLowerCase() === ext);
      if (def && attr(def.tag, 'ContentType') === type) return;
      const end = text.lastIndexOf('</Types>');
      text = `${text.slice(0, end)}<Override PartName="${esc(name)}" ContentType="${type}"/>${text.slice(end)}`;
    }
    this.set(path, text);
  }

  /** Declares a Default for an extension (vml, png) when none exists. */
  ensureDefault(ext: string, type: string): void {
    const path = '[Content_Types].xml';
    const text = this.text(path) ?? '';
    if (findAll(text, 'Default').some((f) => attr(f.tag, 'Extension')?.toLowerCase() === ext)) return;
    const at = text.indexOf('>', text.indexOf('<Types')) + 1;
    this.set(path, `${text.slice(0, at)}<Default Extension="${ext}" ContentType="${type}"/>${text.slice(at)}`);
  }

  removeContentType(part: string): void {
    const path = '[Content_Types].xml';
    const text = this.text(path);
    if (!text) return;
    const f = findAll(text, 'Override').find((o) => attr(o.tag, 'PartName')?.toLowerCase() === `/${part}`.toLowerCase());
    if (f) this.set(path, text.slice(0, f.start) + text.slice(f.end));
  }

  /** A part name not yet used: `${stem}${n}${ext}` with the smallest free n from 1. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  // --- the workbook ---

  workbookPath(): string {
    const root = this.rels('').find((r) => r.type === NS.officeDocument || r.type === NS.strictOfficeDocument);
    const path = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
    if (!this.has(path)) throw new WorkbookReadError('not_xlsx', `无法读取工作簿 ${this.label}：不是 .xlsx 文件或文件已损坏（缺少 workbook 部件）`);
    return path;
  }

  sheets(): SheetEntry[] {
    const wbPath = this.workbookPath();
    const wb = this.text(wbPath) ?? '';
    const rels = new Map(this.rels(wbPath).map((r) => [r.id, r]));
    const list = findElement(wb, 'sheets');
    if (!list) return [];
    return findAll(list.inner, 'sheet').flatMap((f) => {
      const rId = attr(f.tag, 'r:id') ?? Object.entries(tagAttrs(f.tag)).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.get(rId);
      if (!rel || rel.type !== NS.worksheet) return [];
      const state = attr(f.tag, 'state');
      return [{
        name: attr(f.tag, 'name') ?? '',
        sheetId: attr(f.tag, 'sheetId') ?? '',
        rId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: resolveTarget(wbPath, rel.target),
      } satisfies SheetEntry];
    });
  }
}

/** Every attribute of a start tag (names as written). */
export function tagAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = m[3] ?? m[4];
  return out;
}
