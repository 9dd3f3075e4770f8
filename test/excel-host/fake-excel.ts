// An in-memory Excel for the host tests. office-addin-mock's OfficeMockObject is a static property tree: it
// cannot hand out a distinct Range per getRange(address), add or delete sheets, or batch requests. So this
// stand-in queues every call the way Office.js does, runs the queue at context.sync(), counts syncs and
// measures each request's size from the JSON of what was queued — independently of the host's own estimate.
// office-addin-mock still supplies the Office global (requirements.isSetSupported) in the tests.

export interface Cell {
  v?: unknown;
  fmt?: string;
  fill?: string;
  bold?: boolean;
  link?: string;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, Cell>;
  notes: Map<string, string>;
  widths: Map<string, number>;
  merges: string[];
  charts: { type: string; title?: string; position?: string; series: { name?: string; values?: string; x?: string }[] }[];
  frozenRows: number;
}

type Op = { bytes: number; run: () => void };

const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const letters = (i: number): string => (i < 0 ? '' : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const a1 = (r: number, c: number) => `${letters(c)}${r + 1}`;

/** Cells of "B2", "A1:C3" or a whole column "A:A" (existing cells only for columns). */
function cellsOf(sheet: FakeSheet, address: string): string[] {
  if (address.includes(',')) return address.split(',').flatMap((a) => cellsOf(sheet, a.trim()));
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (whole) return [...sheet.cells.keys()].filter((k) => col(/^[A-Z]+/.exec(k)![0]) >= col(whole[1]) && col(/^[A-Z]+/.exec(k)![0]) <= col(whole[2]));
  const [from, to = from] = address.split(':');
  const p = /^([A-Z]+)(\d+)$/.exec(from)!;
  const q = /^([A-Z]+)(\d+)$/.exec(to)!;
  const out: string[] = [];
  for (let r = Number(p[2]) - 1; r <= Number(q[2]) - 1; r++) for (let c = col(p[1]); c <= col(q[1]); c++) out.push(a1(r, c));
  return out;
}

/** UTF-8 bytes of the JSON a call adds, plus the object path and action records around it. */
const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x ?? null)) + 100;
/** The arguments naming the object a call acts on (sheet name, cell address), as the request repeats them per call. */
const pathBytes = (...args: string[]) => Buffer.byteLength(JSON.stringify(args));

export class FakeExcel {
  sheets: FakeSheet[] = [];
  comments: { sheet: string; cell: string; content: string }[] = [];
  syncs = 0;
  requestSizes: number[] = [];
  active = '';
  selected: string | null = null;
  private queue: Op[] = [];

  addSheet(name: string, rows: unknown[][] = [], visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
    const sheet: FakeSheet = { name, visibility, cells: new Map(), notes: new Map(), widths: new Map(), merges: [], charts: [], frozenRows: 0 };
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== '' && sheet.cells.set(a1(r, c), { v })));
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  }

  /** Excel.run over this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const result = await batch(this.context() as unknown as Excel.RequestContext);
    if (this.queue.length > 0) await this.sync();
    return result;
  };

  private push(bytes: number, run: () => void) {
    this.queue.push({ bytes, run });
  }

  /** Excel on the web refuses a response over 5 MB; tests lower this to see the host read in blocks. */
  responseLimit = Infinity;
  private responseBytes = 0;

  private async sync() {
    this.syncs++;
    this.requestSizes.push(this.queue.reduce((n, op) => n + op.bytes, 0));
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    for (const op of ops) op.run();
    if (this.responseBytes > this.responseLimit) {
      throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    }
  }

  private respond(x: unknown) {
    this.responseBytes += size(x);
  }

  private grid(s: FakeSheet, r0: number, c0: number, r1: number, c1: number): unknown[][] {
    const values: unknown[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: unknown[] = [];
      for (let c = c0; c <= c1; c++) row.push(s.cells.get(a1(r, c))?.v ?? '');
      values.push(row);
    }
    return values;
  }

  private context() {
    return { workbook: { worksheets: this.worksheets(), comments: this.commentCollection() }, sync: () => this.sync() };
  }

  private worksheets() {
    const collection = {
      items: undefined as unknown,
      load: () => {
        this.push(size('load sheets'), () => {
          collection.items = this.sheets.map((s) => ({ ...this.worksheet(() => s.name), name: s.name, visibility: s.visibility }));
        });
      },
      getItem: (name: string) => this.worksheet(() => name),
      getItemOrNullObject: (name: string) => {
        const ws = this.worksheet(() => name) as ReturnType<FakeExcel['worksheet']> & { isNullObject?: boolean };
        this.push(size(name), () => (ws.isNullObject = !this.sheets.some((s) => s.name === name)));
        return ws;
      },
      getActiveWorksheet: () => {
        const ws = this.worksheet(() => this.active) as ReturnType<FakeExcel['worksheet']> & { name?: string };
        return Object.assign(ws, { load: () => this.push(40, () => (ws.name = this.active)) });
      },
      add: (name: string) => {
        this.push(size(name), () => {
          if (this.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
          this.addSheet(name);
        });
        return this.worksheet(() => name);
      },
    };
    return collection;
  }

  private worksheet(name: () => string) {
    const sheet = () => this.sheet(name());
    const self = {
      set visibility(v: string) {
        push(size(v), () => (sheet().visibility = v as FakeSheet['visibility']));
      },
      activate: () => this.push(40, () => (this.active = name())),
      delete: () =>
        this.push(40, () => {
          const s = sheet();
          this.sheets = this.sheets.filter((x) => x !== s);
        }),
      getRange: (address: string) => this.range(sheet, address, name),
      getRanges: (addresses: string) => this.range(sheet, addresses, name),
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
        // Indexes travel as four numbers, the sheet by name.
        this.range(sheet, rows === 1 && cols === 1 ? a1(r, c) : `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`, name, pathBytes(name(), String(r), String(c), String(rows), String(cols))),
      getUsedRangeOrNullObject: () => {
        const range = { isNullObject: true, values: [] as unknown[][], address: '', rowCount: 0, columnCount: 0 };
        const merged = { isNullObject: true, address: '' };
        return Object.assign(range, {
          getMergedAreasOrNullObject: () =>
            Object.assign(merged, {
              load: () =>
                this.push(60, () => {
                  const s = this.sheets.find((x) => x.name === name());
                  merged.isNullObject = !s || s.merges.length === 0;
                  merged.address = s ? s.merges.map((m) => `'${s.name}'!${m.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`).join(', ') : '';
                }),
            }),
          load: (props = '') =>
            this.push(60, () => {
              // On a null sheet (getItemOrNullObject of a missing one) the range is a null object too.
              const s = this.sheets.find((x) => x.name === name());
              if (!s) return;
              const keys = [...s.cells.entries()].filter(([, c]) => c.v !== undefined && c.v !== '').map(([k]) => /^([A-Z]+)(\d+)$/.exec(k)!);
              range.isNullObject = keys.length === 0;
              if (range.isNullObject) return;
              // Folded, not spread: a 20,000-school sheet has more cells than a call takes arguments.
              const rows = keys.map((m) => Number(m[2]) - 1);
              const cols = keys.map((m) => col(m[1]));
              const least = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b));
              const most = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b));
              const [r0, r1, c0, c1] = [least(rows), most(rows), least(cols), most(cols)];
              range.address = `${s.name}!${a1(r0, c0)}:${a1(r1, c1)}`;
              range.rowCount = r1 - r0 + 1;
              range.columnCount = c1 - c0 + 1;
              range.values = this.grid(s, r0, c0, r1, c1);
              if (props.includes('values')) this.respond(range.values);
            }),
        });
      },
      notes: {
        add: (range: { address: string }, content: string) =>
          this.push(size(content) + pathBytes(name(), range.address), () => {
            const s = sheet();
            if (s.notes.has(range.address)) throw new Error(`InvalidArgument: note exists at ${range.address}`);
            s.notes.set(range.address, content);
          }),
        getItem: (cell: string) => {
          const check = () => {
            if (!sheet().notes.has(cell)) throw new Error(`ItemNotFound: note ${cell}`);
          };
          return {
            set content(text: string) {
              push(size(text) + pathBytes(name(), cell), () => {
                check();
                sheet().notes.set(cell, text);
              });
            },
            delete: () =>
              this.push(40 + pathBytes(name(), cell), () => {
                check();
                sheet().notes.delete(cell);
              }),
          };
        },
        getItemOrNullObject: (cell: string) => {
          const note = { isNullObject: true, content: undefined as string | undefined };
          return Object.assign(note, {
            load: () =>
              this.push(60 + pathBytes(name(), cell), () => {
                const text = sheet().notes.get(cell);
                note.isNullObject = text === undefined;
                note.content = text;
              }),
          });
        },
      },
      charts: {
        add: (type: string, source: { address: string }) => {
          const chart: FakeSheet['charts'][number] = { type, series: [{ values: source.address }] };
          this.push(size(source.address), () => sheet().charts.push(chart));
          return {
            title: {
              set text(t: string) {
                push(size(t), () => (chart.title = t));
              },
            },
            setPosition: (at: string) => this.push(40, () => (chart.position = at)),
            series: {
              getItemAt: (i: number) => this.series(chart, i),
              add: (n: string) => {
                this.push(size(n), () => chart.series.push({ name: n }));
                return this.series(chart, -1);
              },
            },
          };
        },
      },
      freezePanes: { freezeRows: (n: number) => this.push(40, () => (sheet().frozenRows = n)) },
    };
    const push = (bytes: number, run: () => void) => this.push(bytes, run);
    return self;
  }

  private series(chart: FakeSheet['charts'][number], index: number) {
    const at = () => chart.series[index < 0 ? chart.series.length - 1 : index];
    const push = (bytes: number, run: () => void) => this.push(bytes, run);
    return {
      set name(n: string) {
        push(size(n), () => (at().name = n));
      },
      setValues: (r: { address: string }) => this.push(size(r.address), () => (at().values = r.address)),
      setXAxisValues: (r: { address: string }) => this.push(size(r.address), () => (at().x = r.address)),
    };
  }

  private range(sheet: () => FakeSheet, address: string, name: () => string, path = pathBytes(name(), address)) {
    // Every call on this range carries the path that names it.
    const push = (bytes: number, run: () => void) => this.push(bytes + path, run);
    const cells = () => cellsOf(sheet(), address);
    const touch = (a: string): Cell => {
      const s = sheet();
      let c = s.cells.get(a);
      if (!c) s.cells.set(a, (c = {}));
      return c;
    };
    const grid = (m: unknown[][], set: (c: Cell, v: unknown) => void) => {
      const [from] = address.split(':');
      const p = /^([A-Z]+)(\d+)$/.exec(from)!;
      m.forEach((row, r) => row.forEach((v, c) => set(touch(a1(Number(p[2]) - 1 + r, col(p[1]) + c)), v)));
    };
    let loadedFill: string | undefined;
    const fill = {
      get color(): string | undefined {
        return loadedFill;
      },
      set color(v: string) {
        push(size(v), () => cells().forEach((a) => (touch(a).fill = v.toUpperCase())));
      },
      // Excel reports "no fill" as white.
      load: () => push(60, () => (loadedFill = sheet().cells.get(address)?.fill ?? '#FFFFFF')),
      clear: () => push(40, () => cells().forEach((a) => delete touch(a).fill)),
    };
    const loaded = { values: [] as unknown[][] };
    return {
      address,
      sheetName: () => sheet().name,
      get values(): unknown[][] {
        return loaded.values;
      },
      load: () =>
        push(60, () => {
          const [from, to = from] = address.split(':');
          const p = /^([A-Z]+)(\d+)$/.exec(from)!;
          const q = /^([A-Z]+)(\d+)$/.exec(to)!;
          loaded.values = this.grid(sheet(), Number(p[2]) - 1, col(p[1]), Number(q[2]) - 1, col(q[1]));
          this.respond(loaded.values);
        }),
      set values(m: unknown[][]) {
        push(size(m), () => grid(m, (c, v) => (c.v = v)));
      },
      // A single format applies to every cell of the range (ExcelApi 1.1), a 2-D array cell by cell.
      set numberFormat(m: string[][] | string) {
        push(size(m), () => (typeof m === 'string' ? cells().forEach((a) => (touch(a).fmt = m)) : grid(m, (c, v) => (c.fmt = v as string))));
      },
      set hyperlink(h: { documentReference: string }) {
        push(size(h), () => (touch(address).link = h.documentReference));
      },
      setCellProperties: (m: { hyperlink?: { documentReference: string } }[][]) =>
        push(size(m), () =>
          grid(m, (c, v) => {
            const link = (v as { hyperlink?: { documentReference: string } }).hyperlink;
            if (link) c.link = link.documentReference;
          }),
        ),
      format: {
        fill,
        font: {
          set bold(b: boolean) {
            push(40, () => cells().forEach((a) => (touch(a).bold = b)));
          },
        },
        set columnWidth(w: number) {
          push(40, () => sheet().widths.set(address.split(':')[0], w));
        },
      },
      merge: () => push(size(address), () => sheet().merges.push(address)),
      select: () => push(40, () => (this.selected = `${sheet().name}!${address}`)),
      clear: () => push(40, () => cells().forEach((a) => sheet().cells.delete(a))),
    };
  }

  private commentCollection() {
    const collection = {
      items: [] as { getLocation: () => { address: string; load: () => void } }[],
      load: () =>
        this.push(40, () => {
          collection.items = this.comments.map((c) => ({
            getLocation: () => ({ address: `'${c.sheet}'!${c.cell}`, load: () => undefined }),
          }));
        }),
      add: (range: { address: string; sheetName: () => string }, content: string) =>
        this.push(size(content) + pathBytes(range.sheetName(), range.address), () => {
          const sheet = range.sheetName();
          if (this.comments.some((c) => c.sheet === sheet && c.cell === range.address)) throw new Error('InvalidArgument: comment exists');
          this.comments.push({ sheet, cell: range.address, content });
        }),
      getItemByCell: (range: { address: string; sheetName: () => string }) => {
        const find = () => {
          const c = this.comments.find((x) => x.sheet === range.sheetName() && x.cell === range.address);
          if (!c) throw new Error('ItemNotFound: comment');
          return c;
        };
        const push = (bytes: number, run: () => void) => this.push(bytes + pathBytes(range.sheetName(), range.address), run);
        return {
          delete: () => push(40, () => (this.comments = this.comments.filter((x) => x !== find()))),
          set content(t: string) {
            push(size(t), () => (find().content = t));
          },
        };
      },
    };
    return collection;
  }
}

/** The Excel enums the host uses. */
export const ExcelEnums = {
  ChartType: { columnClustered: 'ColumnClustered' },
  ChartSeriesBy: { columns: 'Columns' },
  SheetVisibility: { veryHidden: 'VeryHidden' },
  ClearApplyTo: { contents: 'Contents' },
};
