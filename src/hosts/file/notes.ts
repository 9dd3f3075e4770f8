// A worksheet's notes: its comments part (authors and <comment> elements) and the VML that draws their boxes.
// Comments we do not touch keep their XML as written (authors, rich runs, plain-text notes); a cell holding a
// threaded comment is left alone; parts are created on the first note and removed when the last one goes.
import { parseCell } from '../../model/a1.ts';
import { NS, relativeTarget, relsPathOf, type Package } from './package.ts';
import { attr, findAll, findElement, prefixOf, setAttr, stringItemText, xstr } from './xml.ts';
import { textWidth } from '../../plan/grid.ts';
import { markedNote } from '../../plan/host-rules.ts';

export const OUR_AUTHOR = '均衡督导助手';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

interface Comment {
  ref: string;
  xml: string;
}

const cellRC = (ref: string): [number, number] => {
  const { row, col } = parseCell(ref);
  return [row, col];
};

/** Where the sheet's <legacyDrawing> must change once the notes are saved. */
export type LegacyDrawingEdit = { add: string } | { remove: string } | null;

export class SheetNotes {
  /** By cell reference, in the part's order (a Map keeps insertion order). */
  private comments = new Map<string, Comment>();
  private authors: string[] = [];
  private head = '';
  private tail = '';
  private vml: string | null = null;
  private vmlPath: string | null = null;
  private vmlRelId: string | null = null;
  private commentsPath: string | null = null;
  private commentsRelId: string | null = null;
  private readonly threadedRefs = new Set<string>();
  private changed = false;
  private readonly removedShapes: [number, number][] = [];
  private readonly addedShapes: { row: number; col: number; lines: string[] }[] = [];

  private constructor(
    private readonly pkg: Package,
    private readonly sheetPath: string,
  ) {}

  static load(pkg: Package, sheetPath: string, legacyDrawingRelId: string | null): SheetNotes {
    const n = new SheetNotes(pkg, sheetPath);
    const comments = pkg.related(sheetPath, NS.comments)[0];
    if (comments) {
      const text = pkg.text(comments.path) ?? '';
      n.commentsPath = comments.path;
      n.commentsRelId = comments.rel.id;
      const authors = findElement(text, 'authors');
      n.authors = authors ? findAll(authors.inner, 'author').map((a) => stringItemText(`<t>${a.inner}</t>`)) : [];
      const list = findElement(text, 'commentList');
      if (list) {
        const innerStart = list.start + list.tag.length;
        n.head = text.slice(0, innerStart);
        for (const f of findAll(list.inner, 'comment')) {
          const ref = (attr(f.tag, 'ref') ?? '').toUpperCase();
          n.comments.set(ref, { ref, xml: list.inner.slice(f.start, f.end) });
        }
        n.tail = text.slice(list.end - '</commentList>'.length);
        if (list.tag.endsWith('/>')) {
          n.head = `${text.slice(0, list.start)}<commentList>`;
          n.tail = `</commentList>${text.slice(list.end)}`;
        }
      } else {
        n.head = text.replace(/<\/comments>\s*$/, '') + '<commentList>';
        n.tail = '</commentList></comments>';
      }
    }
    const vmlRel = legacyDrawingRelId ? pkg.rels(sheetPath).find((r) => r.id === legacyDrawingRelId) : undefined;
    if (vmlRel) {
      n.vmlRelId = vmlRel.id;
      n.vmlPath = pkg.related(sheetPath, NS.vml).find((r) => r.rel.id === vmlRel.id)?.path ?? null;
      n.vml = n.vmlPath ? pkg.text(n.vmlPath) : null;
    }
    for (const t of pkg.related(sheetPath, NS.threaded)) {
      for (const f of findAll(pkg.text(t.path) ?? '', 'threadedComment')) n.threadedRefs.add((attr(f.tag, 'ref') ?? '').toUpperCase());
    }
    return n;
  }

  /** A cell whose note belongs to a comment thread: its note is the thread's placeholder, not ours to edit. */
  threaded(ref: string): boolean {
    return this.threadedRefs.has(ref.toUpperCase());
  }

  /** The cell's <comment> element, or null. */
  get(ref: string): string | null {
    return this.comments.get(ref.toUpperCase())?.xml ?? null;
  }

  /** A comment's plain text (runs joined). */
  static text(xml: string | null): string | null {
    if (xml === null) return null;
    const t = findElement(xml, 'text');
    return t ? stringItemText(t.inner) : '';
  }

  /**
   * Writes our note on the cell: below the clerk's own (kept as its runs and author) when there is one,
   * otherwise as a new note of ours with a box sized to the text. Returns the full text now on the cell.
   */
  write(ref: string, ours: string): string {
    const key = ref.toUpperCase();
    const existing = this.comments.get(key);
    this.changed = true;
    if (existing) {
      const own = SheetNotes.text(existing.xml) ?? '';
      const added = markedNote(own, ours).slice(own.length);
      const t = findElement(existing.xml, 'text')!;
      // A plain-text note (<text><t>…</t></text>) becomes one run, so our run can follow it.
      const runs = /<r[\s>]/.test(t.inner) ? t.inner.replace(/<rPh[\s\S]*?<\/rPh>|<phoneticPr[^>]*\/>/g, '') : `<r>${t.inner.replace(/<rPh[\s\S]*?<\/rPh>|<phoneticPr[^>]*\/>/g, '')}</r>`;
      const inner = own ? `${runs}<r><t xml:space="preserve">${xstr(added)}</t></r>` : `<r><t xml:space="preserve">${xstr(ours)}</t></r>`;
      existing.xml = existing.xml.slice(0, t.start) + `<text>${inner}</text>` + existing.xml.slice(t.end);
      return own + added;
    }
    let author = this.authors.indexOf(OUR_AUTHOR);
    if (author < 0) {
      this.authors.push(OUR_AUTHOR);
      author = this.authors.length - 1;
    }
    this.comments.set(key, { ref: key, xml: `<comment ref="${key}" authorId="${author}"><text><r><t xml:space="preserve">${xstr(ours)}</t></r></text></comment>` });
    const [row, col] = cellRC(key);
    this.addedShapes.push({ row, col, lines: ours.split('\n') });
    return ours;
  }

  /** Puts the cell's note back as it was: the clerk's element, or none (our note and its box removed). */
  restore(ref: string, original: string | null): void {
    const key = ref.toUpperCase();
    this.changed = true;
    if (original !== null) {
      // The clerk's element as it was, at the cell's address now (the row may have moved since).
      const end = original.indexOf('>');
      this.comments.set(key, { ref: key, xml: setAttr(original.slice(0, end + 1), 'ref', key) + original.slice(end + 1) });
      return;
    }
    this.comments.delete(key);
    this.removedShapes.push(cellRC(key));
  }

  /** Writes the parts back; says how the sheet's <legacyDrawing> must change. */
  save(): LegacyDrawingEdit {
    if (!this.changed) return null;
    const pkg = this.pkg;
    if (this.comments.size === 0) return this.dropAll();
    if (!this.commentsPath) {
      this.commentsPath = pkg.freeName('xl/comments', '.xml');
      this.commentsRelId = pkg.addRel(this.sheetPath, NS.comments, relativeTarget(this.sheetPath, this.commentsPath));
      pkg.setContentType(this.commentsPath, COMMENTS_TYPE);
      this.head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors></authors><commentList>`;
      this.tail = '</commentList></comments>';
    }
    pkg.set(this.commentsPath, this.authorsInto(this.head) + [...this.comments.values()].map((c) => c.xml).join('') + this.tail);
    let edit: LegacyDrawingEdit = null;
    if (!this.vmlPath) {
      this.vmlPath = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
      this.vmlRelId = pkg.addRel(this.sheetPath, NS.vml, relativeTarget(this.sheetPath, this.vmlPath));
      pkg.ensureDefault('vml', VML_TYPE);
      this.vml = newVml(freeIdBlock(pkg));
      edit = { add: this.vmlRelId };
    }
    pkg.set(this.vmlPath, this.shapesInto(this.vml ?? ''));
    return edit;
  }

  /** No note left: our parts go, and with them the sheet's link to the VML unless it draws other shapes. */
  private dropAll(): LegacyDrawingEdit {
    const pkg = this.pkg;
    if (this.commentsPath) {
      pkg.remove(this.commentsPath);
      pkg.removeContentType(this.commentsPath);
      if (this.commentsRelId) pkg.removeRel(this.sheetPath, this.commentsRelId);
    }
    if (!this.vmlPath || this.vml === null) return null;
    const vml = this.shapesInto(this.vml);
    if (/<v:shape[\s>]/.test(vml)) {
      pkg.set(this.vmlPath, vml);
      return null;
    }
    pkg.remove(this.vmlPath);
    if (this.vmlRelId) pkg.removeRel(this.sheetPath, this.vmlRelId);
    if (pkg.rels(this.sheetPath).length === 0) pkg.remove(relsPathOf(this.sheetPath));
    return { remove: this.vmlRelId ?? '' };
  }

  private authorsInto(head: string): string {
    const a = findElement(head, 'authors');
    const xml = `<authors>${this.authors.map((x) => `<author>${xstr(x)}</author>`).join('')}</authors>`;
    if (!a) return head.replace('<commentList>', `${xml}<commentList>`);
    // The clerk's authors keep their XML; ours are appended.
    const known = findAll(a.inner, 'author').length;
    const extra = this.authors.slice(known).map((x) => `<author>${xstr(x)}</author>`).join('');
    if (!extra) return head;
    return `${head.slice(0, a.start)}<authors>${a.inner}${extra}</authors>${head.slice(a.end)}`;
  }

  private shapesInto(vml: string): string {
    let text = vml;
    if (this.removedShapes.length > 0) {
      const gone = new Set(this.removedShapes.map(([row, col]) => `${row - 1}:${col - 1}`));
      let kept = '';
      let pos = 0;
      for (const shape of noteShapes(text)) {
        if (!gone.has(`${shape.row}:${shape.col}`)) continue;
        gone.delete(`${shape.row}:${shape.col}`);
        kept += text.slice(pos, shape.start);
        pos = shape.end;
      }
      text = kept + text.slice(pos);
      this.removedShapes.length = 0;
    }
    if (this.addedShapes.length === 0) return text;
    const v = prefixOf(text, 'urn:schemas-microsoft-com:vml') ?? 'v';
    if (!new RegExp(`<${v}:shapetype[^>]*id="_x0000_t202"`).test(text)) {
      text = text.replace(/<\/xml>\s*$/, `${SHAPETYPE}</xml>`);
    }
    let next = nextShapeNumber(text);
    const shapes = this.addedShapes.map((s) => noteShape(next++, s.row, s.col, s.lines)).join('');
    this.addedShapes.length = 0;
    const end = text.lastIndexOf('</xml>');
    return `${text.slice(0, end)}${shapes}${text.slice(end)}`;
  }
}

const SHAPETYPE = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(block: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`;
}

/** The note shapes of a VML part, with their 0-based row and column. */
function noteShapes(vml: string): { start: number; end: number; row: number; col: number }[] {
  const out: { start: number; end: number; row: number; col: number }[] = [];
  for (const m of vml.matchAll(/<v:shape[\s>][\s\S]*?<\/v:shape>/g)) {
    const s = m[0];
    if (!/ObjectType="Note"/.test(s)) continue;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
    if (row && col) out.push({ start: m.index, end: m.index + s.length, row: Number(row[1]), col: Number(col[1]) });
  }
  return out;
}

/** Shape ids live in blocks of 1,024 per drawing (o:idmap): a new VML part takes a block no other part uses. */
function freeIdBlock(pkg: Package): number {
  let max = 0;
  for (const name of pkg.partNames()) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    for (const m of (pkg.text(name) ?? '').matchAll(/<o:idmap[^>]*data="([^"]*)"/g)) for (const d of m[1].split(',')) max = Math.max(max, Number(d) || 0);
  }
  return max + 1;
}

function nextShapeNumber(vml: string): number {
  const block = Number(/<o:idmap[^>]*data="(\d+)/.exec(vml)?.[1] ?? 1);
  let max = block * 1024;
  for (const m of vml.matchAll(/id="_x0000_s(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max + 1;
}

/** A hidden note box beside the cell, wide and tall enough to show the text (Excel does not autofit it). */
function noteShape(n: number, row: number, col: number, lines: string[]): string {
  const width = Math.min(64, Math.max(...lines.map(textWidth))) + 2;
  const cols = Math.max(2, Math.ceil(width / 9));
  const top = Math.max(row - 2, 0);
  const anchor = `${col}, 15, ${top}, 10, ${col + cols}, 15, ${top + lines.length + 1}, 4`;
  return `<v:shape id="_x0000_s${n}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:${cols * 54}pt;height:${(lines.length + 1) * 15}pt;z-index:${n};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`;
}

/** The r:id of the sheet's <legacyDrawing>, from the part's tail text. */
export function legacyDrawingId(tail: string): string | null {
  const f = findElement(tail, 'legacyDrawing');
  if (!f) return null;
  const m = /\s[\w]+:id="([^"]*)"/.exec(f.tag);
  return m ? m[1] : null;
}

/** The tail of the sheet part with <legacyDrawing> added (in schema order) or removed. */
export function editLegacyDrawing(tail: string, edit: LegacyDrawingEdit, relPrefix: string | null): string {
  if (!edit) return tail;
  if ('remove' in edit) {
    const f = findElement(tail, 'legacyDrawing');
    return f ? tail.slice(0, f.start) + tail.slice(f.end) : tail;
  }
  const after = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
  const at = after.map((n) => findElement(tail, n)?.start).filter((x): x is number => x !== undefined);
  const pos = at.length > 0 ? Math.min(...at) : tail.lastIndexOf('</worksheet>');
  const ns = relPrefix === 'r' ? '' : ` xmlns:r="${NS.rel}"`;
  return `${tail.slice(0, pos)}<legacyDrawing${ns} r:id="${edit.add}"/>${tail.slice(pos)}`;
}
