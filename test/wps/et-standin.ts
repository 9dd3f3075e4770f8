// In-memory stand-in for exactly the ET objects and members WpsHost touches, written from WPS's own
// documentation, not from the host's code:
// - official typings et-jsapi-declare@2.5.0, lib.et.d.ts: Application (ActiveWorkbook, ActiveSheet,
//   DisplayAlerts, ScreenUpdating), Worksheets (Count, Item, Add(Before, After)), Worksheet (Name, Visible:
//   XlSheetVisibility, UsedRange, Range(Cell1, Cell2), Cells, Hyperlinks, Activate, Delete), Range (Value2,
//   Interior, Font, NumberFormat, ColumnWidth, Row, Column, Rows.Count, Comment, AddComment, ClearComments,
//   ClearContents, Merge, Select, Address), Interior (Color, Pattern), Comment (Text() is a method, Delete);
// - Value2 shape — one cell a scalar, several an array of row arrays: community ET code [XL] in
//   /work/shared/wps-notes.md §4; Color is the Excel RGB long r + g*256 + b*65536 (airsheet.wps.cn
//   apiV2 excel Color 属性 [AIR]); xlSheetVeryHidden = 2, xlPatternNone = -4142 (lib.et.d.ts enums);
// - behaviour the typings leave implicit follows the Excel object model they mirror
//   (https://learn.microsoft.com/office/vba/api/excel.range.addcomment: AddComment fails on a cell that
//   already has a comment; excel.worksheet.delete: asks the user unless DisplayAlerts is false; a workbook
//   keeps at least one visible sheet; Worksheets.Add activates the new sheet; an unfilled cell reads
//   Interior.Color 16777215 with Pattern xlPatternNone).
// It counts calls so tests can assert whole-range writes.

export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
const WHITE = 16777215;

export interface CellState {
  value: unknown;
  color: number;
  pattern: number;
  comment: string | null;
  numFmt: string;
  bold: boolean;
}

const blankCell = (): CellState => ({ value: null, color: WHITE, pattern: XL_PATTERN_NONE, comment: null, numFmt: 'General', bold: false });

export interface Counters {
  value2Writes: number;
  value2Reads: number;
  interiorWrites: number;
  commentWrites: number;
  formatWrites: number;
  /** Sheet deletions made while DisplayAlerts was true (WPS would have asked the user). */
  deletePrompts: number;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseRef(ref: string): { r1: number; c1: number; r2: number; c2: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.replace(/^'[^']*'!|^[^!]*!/, ''));
  if (!m) throw new Error(`stand-in: bad range ${ref}`);
  const c1 = colNum(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNum(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/**
 * Text written through Value2 is parsed as if typed, unless the cell is formatted as text ('@'):
 * "123" becomes a number and "=…" a formula (Excel's Range.Value2 behaviour, which ET mirrors).
 */
function entered(v: unknown, cell: CellState): unknown {
  if (typeof v !== 'string' || cell.numFmt === '@') return v;
  if (v.startsWith('=')) return { formula: v };
  const t = v.trim();
  if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  return v;
}

export class StandinComment {
  constructor(private readonly cell: CellState) {}
  Text(text?: string): string {
    if (text !== undefined) this.cell.comment = text;
    return this.cell.comment ?? '';
  }
  Delete(): void {
    this.cell.comment = null;
  }
}

export class StandinRange {
  constructor(
    private readonly sheet: StandinSheet,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
  ) {}

  private *each(): Generator<CellState> {
    for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) yield this.sheet.cell(r, c, true);
  }
  private get single(): boolean {
    return this.r1 === this.r2 && this.c1 === this.c2;
  }
  private uniform<T>(pick: (c: CellState) => T): T | null {
    const vals = [...this.each()].map(pick);
    return vals.every((v) => v === vals[0]) ? vals[0] : null;
  }

  get Row() {
    return this.r1;
  }
  get Column() {
    return this.c1;
  }
  get Rows() {
    return { Count: this.r2 - this.r1 + 1 };
  }
  get Columns() {
    return { Count: this.c2 - this.c1 + 1 };
  }
  /** Address(RowAbsolute = true, ColumnAbsolute = true) as in Excel: "$A$1:$C$3", or "A1:C3" with false, false. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const ref = (r: number, c: number) => `${columnAbsolute ? '$' : ''}${colLetters(c)}${rowAbsolute ? '$' : ''}${r}`;
    return this.single ? ref(this.r1, this.c1) : `${ref(this.r1, this.c1)}:${ref(this.r2, this.c2)}`;
  }

  get Value2(): unknown {
    this.sheet.app.counters.value2Reads++;
    if (this.single) return this.sheet.peek(this.r1, this.c1)?.value ?? undefined;
    const rows: unknown[][] = [];
    for (let r = this.r1; r <= this.r2; r++) {
      const row: unknown[] = [];
      for (let c = this.c1; c <= this.c2; c++) row.push(this.sheet.peek(r, c)?.value ?? undefined);
      rows.push(row);
    }
    return rows;
  }
  set Value2(v: unknown) {
    this.sheet.app.counters.value2Writes++;
    if (!Array.isArray(v)) {
      for (const cell of this.each()) cell.value = entered(v, cell);
      return;
    }
    const rows = this.r2 - this.r1 + 1;
    const cols = this.c2 - this.c1 + 1;
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new Error(`stand-in: Value2 array is not ${rows}×${cols} for ${this.Address()}`);
    }
    v.forEach((row: unknown[], i) =>
      row.forEach((x, j) => {
        const cell = this.sheet.cell(this.r1 + i, this.c1 + j, true);
        cell.value = entered(x, cell);
      }),
    );
  }

  get Interior() {
    const uniform = <T>(pick: (c: CellState) => T) => this.uniform(pick);
    const each = () => this.each();
    const counters = this.sheet.app.counters;
    return {
      get Color(): number | null {
        return uniform((c) => c.color);
      },
      set Color(v: number) {
        counters.interiorWrites++;
        for (const c of each()) {
          c.color = v;
          c.pattern = XL_PATTERN_SOLID;
        }
      },
      get Pattern(): number | null {
        return uniform((c) => c.pattern);
      },
      set Pattern(v: number) {
        counters.interiorWrites++;
        for (const c of each()) {
          c.pattern = v;
          if (v === XL_PATTERN_NONE) c.color = WHITE;
        }
      },
    };
  }

  get Font() {
    const uniform = <T>(pick: (c: CellState) => T) => this.uniform(pick);
    const each = () => this.each();
    const counters = this.sheet.app.counters;
    return {
      get Bold(): boolean | null {
        return uniform((c) => c.bold); // mixed → null [MAC]
      },
      set Bold(v: boolean) {
        counters.formatWrites++;
        for (const c of each()) c.bold = v;
      },
    };
  }

  get NumberFormat(): string {
    return this.uniform((c) => c.numFmt) ?? '';
  }
  set NumberFormat(v: string) {
    this.sheet.app.counters.formatWrites++;
    for (const c of this.each()) c.numFmt = v;
  }

  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.c1) ?? 8.43;
  }
  set ColumnWidth(w: number) {
    this.sheet.app.counters.formatWrites++;
    for (let c = this.c1; c <= this.c2; c++) this.sheet.columnWidths.set(c, w);
  }

  get Comment(): StandinComment | null {
    const cell = this.sheet.peek(this.r1, this.c1);
    return cell && cell.comment !== null ? new StandinComment(cell) : null;
  }
  AddComment(text?: string): StandinComment {
    if (!this.single) throw new Error('stand-in: AddComment needs a single cell');
    const cell = this.sheet.cell(this.r1, this.c1, true);
    if (cell.comment !== null) throw new Error(`stand-in: ${this.Address()} already has a comment`);
    this.sheet.app.counters.commentWrites++;
    cell.comment = text ?? '';
    return new StandinComment(cell);
  }
  ClearComments(): void {
    for (let r = this.r1; r <= this.r2; r++)
      for (let c = this.c1; c <= this.c2; c++) {
        const cell = this.sheet.peek(r, c);
        if (cell) cell.comment = null;
      }
  }
  ClearContents(): boolean {
    for (let r = this.r1; r <= this.r2; r++)
      for (let c = this.c1; c <= this.c2; c++) {
        const cell = this.sheet.peek(r, c);
        if (cell) cell.value = null;
      }
    return true;
  }
  Merge(): void {
    this.sheet.merges.push(this.Address().replace(/\$/g, ''));
  }
  private mergeOf(r: number, c: number): { r1: number; c1: number; r2: number; c2: number } | undefined {
    return this.sheet.merges.map(parseRef).find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  }
  get MergeCells(): boolean | null {
    const flags: boolean[] = [];
    for (let r = this.r1; r <= this.r2; r++) for (let c = this.c1; c <= this.c2; c++) flags.push(this.mergeOf(r, c) !== undefined);
    return flags.every((f) => f) ? true : flags.every((f) => !f) ? false : null;
  }
  get MergeArea(): StandinRange {
    const m = this.mergeOf(this.r1, this.c1);
    return m ? new StandinRange(this.sheet, m.r1, m.c1, m.r2, m.c2) : new StandinRange(this.sheet, this.r1, this.c1, this.r1, this.c1);
  }
  Select(): boolean {
    this.sheet.app.selection = { sheet: this.sheet.Name, address: this.Address().replace(/\$/g, '') };
    return true;
  }
}

export class StandinSheet {
  private cells = new Map<string, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly merges: string[] = [];
  readonly links: { cell: string; address: string; subAddress?: string }[] = [];
  private name: string;
  private visible = -1;

  constructor(
    readonly app: StandinApp,
    name: string,
  ) {
    this.name = name;
  }

  get Name() {
    return this.name;
  }
  set Name(v: string) {
    if (this.app.sheets.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase())) {
      throw new Error(`stand-in: a sheet named ${v} already exists`);
    }
    this.name = v;
  }
  get Visible() {
    return this.visible;
  }
  set Visible(v: number) {
    if (v !== -1 && this.app.sheets.filter((s) => s !== this && s.visible === -1).length === 0) {
      throw new Error('stand-in: a workbook must keep one visible sheet');
    }
    this.visible = v;
  }

  peek(r: number, c: number): CellState | undefined {
    return this.cells.get(`${r},${c}`);
  }
  cell(r: number, c: number, create: true): CellState {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell && create) this.cells.set(k, (cell = blankCell()));
    return cell as CellState;
  }

  /** Excel's used range: the smallest block holding every cell with a value or formatting; A1 when empty. */
  get UsedRange(): StandinRange {
    const used = [...this.cells.entries()].filter(([, c]) => JSON.stringify(c) !== JSON.stringify(blankCell()));
    if (used.length === 0) return new StandinRange(this, 1, 1, 1, 1);
    const rc = used.map(([k]) => k.split(',').map(Number));
    const rows = rc.map(([r]) => r);
    const cols = rc.map(([, c]) => c);
    return new StandinRange(this, Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols));
  }

  Range(cell1: string, cell2?: string): StandinRange {
    const a = parseRef(cell1);
    const b = cell2 ? parseRef(cell2) : a;
    return new StandinRange(this, Math.min(a.r1, b.r1), Math.min(a.c1, b.c1), Math.max(a.r2, b.r2), Math.max(a.c2, b.c2));
  }

  get Cells() {
    return { Item: (r: number, c: number) => new StandinRange(this, r, c, r, c) };
  }

  get Hyperlinks() {
    return {
      Add: (anchor: StandinRange, address: string, subAddress?: string) => {
        this.links.push({ cell: anchor.Address().replace(/\$/g, ''), address, subAddress });
        return {};
      },
    };
  }

  Activate(): void {
    this.app.activeSheet = this;
  }

  Delete(): void {
    if (this.app.DisplayAlerts) this.app.counters.deletePrompts++;
    if (this.app.sheets.filter((s) => s !== this && s.visible === -1).length === 0) {
      throw new Error('stand-in: cannot delete the last visible sheet');
    }
    this.app.sheets.splice(this.app.sheets.indexOf(this), 1);
    if (this.app.activeSheet === this) this.app.activeSheet = this.app.sheets.find((s) => s.visible === -1) ?? null;
  }

  /** Test helper: widths of columns A.. as set, up to the last one set. */
  ColumnWidths(): number[] {
    const last = Math.max(0, ...this.columnWidths.keys());
    return Array.from({ length: last }, (_, i) => this.columnWidths.get(i + 1) ?? 8.43);
  }

  /** Test helper: the clerk moves rows (sort, insert, delete) with everything on them; `to(row)` is the new row, null deletes it. */
  moveRows(to: (row: number) => number | null): void {
    const moved = new Map<string, CellState>();
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(',').map(Number);
      const t = to(r);
      if (t !== null) moved.set(`${t},${c}`, cell);
    }
    this.cells = moved;
  }

  /** Test helper: set values from a 2-D array at A1 without counting as a host write. */
  load(rows: unknown[][]): this {
    rows.forEach((row, i) => row.forEach((v, j) => (this.cell(i + 1, j + 1, true).value = v)));
    return this;
  }
}

export class StandinApp {
  readonly sheets: StandinSheet[] = [];
  activeSheet: StandinSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  DisplayAlerts = true;
  ScreenUpdating = true;
  counters: Counters = { value2Writes: 0, value2Reads: 0, interiorWrites: 0, commentWrites: 0, formatWrites: 0, deletePrompts: 0 };

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.sheets.push(new StandinSheet(this, n));
    this.activeSheet = this.sheets[0] ?? null;
  }

  get ActiveSheet() {
    return this.activeSheet;
  }

  get ActiveWorkbook() {
    const sheets = this.sheets;
    const add = (before?: StandinSheet | null, after?: StandinSheet | null) => this.addSheet(before, after);
    return {
      Worksheets: {
        get Count() {
          return sheets.length;
        },
        Item(index: number | string): StandinSheet {
          const ws = typeof index === 'number' ? sheets[index - 1] : sheets.find((s) => s.Name === index);
          if (!ws) throw new Error(`stand-in: no sheet ${index}`);
          return ws;
        },
        Add: add,
      },
    };
  }

  private addSheet(before?: StandinSheet | null, after?: StandinSheet | null): StandinSheet {
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
    const ws = new StandinSheet(this, `Sheet${n}`);
    const at = after ? this.sheets.indexOf(after) + 1 : before ? this.sheets.indexOf(before) : this.sheets.indexOf(this.activeSheet as StandinSheet);
    this.sheets.splice(Math.max(0, at), 0, ws);
    this.activeSheet = ws;
    return ws;
  }

  sheet(name: string): StandinSheet {
    const ws = this.sheets.find((s) => s.Name === name);
    if (!ws) throw new Error(`stand-in: no sheet ${name}`);
    return ws;
  }

  resetCounters(): void {
    for (const k of Object.keys(this.counters) as (keyof Counters)[]) this.counters[k] = 0;
  }

  /** Everything a user could see or lose: sheets in order with visibility, and every cell's state. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.Name,
      visible: s.Visible,
      cells: (() => {
        const out: Record<string, CellState> = {};
        const used = s.UsedRange;
        for (let r = used.r1; r <= used.r2; r++)
          for (let c = used.c1; c <= used.c2; c++) {
            const cell = s.peek(r, c);
            if (cell && JSON.stringify(cell) !== JSON.stringify(blankCell())) out[`${colLetters(c)}${r}`] = { ...cell };
          }
        return out;
      })(),
    }));
  }
}
