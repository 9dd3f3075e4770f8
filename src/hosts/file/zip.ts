// The zip container of an .xlsx, read from its central directory and written back with every part we did not
// change copied as its original compressed bytes (no inflate/deflate round trip: byte for byte, and fast).
// ZIP64 archives (which some writers produce even for small files) are read; what we write is a plain zip.
// fflate does the (de)compression: small, dependency-free, the fastest pure-JS inflate, and it streams, so a
// 200,000-row sheet is never held inflated in full. Sizes are checked before inflating: a zip bomb is refused.
import { Deflate, Inflate, deflateSync, inflateSync } from 'fflate';
import { WorkbookReadError } from './errors.ts';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the original entry, kept when it is copied. */
  time: number;
  date: number;
  /** The compressed bytes as stored (a view into the input). */
  raw: Uint8Array;
}

/** What a spreadsheet package can plausibly hold; anything past these is refused before inflating. */
export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes. */
  total: 2_000_000_000,
  /** One part. */
  entry: 1_500_000_000,
  /** Uncompressed/compressed of a part larger than `ratioFrom` (XML of a real sheet stays far below). */
  ratio: 1000,
  ratioFrom: 10_000_000,
  entries: 20_000,
};

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const utf8 = new TextDecoder('utf-8');

function damaged(name: string, why: string): WorkbookReadError {
  return new WorkbookReadError('not_xlsx', `无法读取工作簿 ${name}：不是 .xlsx 文件或文件已损坏（${why}）`);
}

function bomb(name: string, why: string): WorkbookReadError {
  return new WorkbookReadError('corrupt', `无法读取工作簿 ${name}：压缩包内容异常（${why}），疑似压缩炸弹，已拒绝打开`);
}

/** The entries of a zip, in central-directory order, after checking declared sizes. */
export function readZip(bytes: Uint8Array, label: string): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(label, '找不到 zip 目录');
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  // ZIP64 (some writers use it for any size): the real count and offset are in the ZIP64 end record.
  if (count === 0xffff || cdOffset === 0xffffffff || u32(bytes, eocd + 12) === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw damaged(label, 'ZIP64 目录定位记录缺失');
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) throw damaged(label, 'ZIP64 目录记录损坏');
    count = u64(bytes, record + 32);
    cdOffset = u64(bytes, record + 48);
  }
  if (count > ZIP_LIMITS.entries) throw bomb(label, `包含 ${count} 个部件`);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw damaged(label, 'zip 目录损坏');
    const method = u16(bytes, p + 10);
    const entry = {
      method,
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
    };
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const skip = nameLen + extraLen + u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || local === 0xffffffff) {
      // The ZIP64 extra field holds, in this order, each of these that its 32-bit field could not.
      const z = zip64Extra(bytes, p + 46 + nameLen, extraLen);
      if (!z) throw damaged(label, `部件 ${name} 缺少 ZIP64 大小信息`);
      let k = 0;
      const next = () => {
        if (z.start + 8 * (k + 1) > z.end) throw damaged(label, `部件 ${name} 的 ZIP64 大小信息不完整`);
        return u64(bytes, z.start + 8 * k++);
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (local === 0xffffffff) local = next();
    }
    p += 46 + skip;
    if (u32(bytes, local) !== 0x04034b50) throw damaged(label, `部件 ${name} 损坏`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + entry.compressedSize > bytes.length) throw damaged(label, `部件 ${name} 不完整`);
    if (method !== 0 && method !== 8) throw damaged(label, `部件 ${name} 的压缩方式 ${method} 不受支持`);
    if (entry.size > ZIP_LIMITS.entry) throw bomb(label, `部件 ${name} 解压后 ${mb(entry.size)}`);
    if (entry.size > ZIP_LIMITS.ratioFrom && entry.size > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw bomb(label, `部件 ${name} 压缩比 ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1`);
    }
    total += entry.size;
    if (total > ZIP_LIMITS.total) throw bomb(label, `解压后合计超过 ${mb(ZIP_LIMITS.total)}`);
    entries.push({ name, ...entry, raw: bytes.subarray(start, start + entry.compressedSize) });
  }
  return entries;
}

const mb = (n: number) => `${Math.round(n / 1e6)} MB`;

/** A little-endian 64-bit size or offset (exact below 2^53, far beyond any workbook). */
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** Where the ZIP64 field (header id 1) of an extra block lies, if it has one. */
function zip64Extra(b: Uint8Array, at: number, length: number): { start: number; end: number } | null {
  for (let o = at; o + 4 <= at + length; ) {
    const size = u16(b, o + 2);
    if (u16(b, o) === 0x0001) return { start: o + 4, end: Math.min(o + 4 + size, at + length) };
    o += 4 + size;
  }
  return null;
}

/** Node's native inflate of a whole part, given the most it may produce; the browser keeps fflate's. */
type InflateRaw = (raw: Uint8Array, limit: number) => Uint8Array;
let nativeInflate: InflateRaw | null = null;

/** Node installs its native inflate here: 3–4× fflate's, which is most of reading a 200,000-row sheet. */
export function useInflate(fn: InflateRaw): void {
  nativeInflate = fn;
}

/** The largest part read whole rather than streamed when asked (inflateEntryChunks' `whole`). */
const WHOLE_MAX = 256 << 20;

/** A whole part, inflated; refuses output past the declared size (a header that lies about it). */
export function inflateEntry(e: ZipEntry, label: string): Uint8Array {
  if (e.method === 0) return e.raw;
  let out: Uint8Array;
  try {
    out = nativeInflate ? nativeInflate(e.raw, e.size) : inflateSync(e.raw, { out: new Uint8Array(e.size) });
  } catch (err) {
    // Native inflate stops at the declared size with a RangeError: the part holds more than its header says.
    if (err instanceof RangeError) throw bomb(label, `部件 ${e.name} 的实际大小与声明不符`);
    throw damaged(label, `部件 ${e.name}：${(err as Error).message}`);
  }
  if (out.length !== e.size) throw bomb(label, `部件 ${e.name} 的实际大小与声明不符`);
  return out;
}

/**
 * A part inflated in chunks (for the sheet XML), each passed to `onChunk`; stops past the declared size.
 * `whole`: a part up to WHOLE_MAX is inflated at once by the native inflate when there is one, then passed on in
 * chunks (for reading, at the start of a run, when the heap is small; patching, at its peak, streams).
 */
export function inflateEntryChunks(e: ZipEntry, label: string, onChunk: (chunk: Uint8Array) => void, whole = false): void {
  if (e.method === 0) {
    onChunk(e.raw);
    return;
  }
  if (whole && nativeInflate && e.size <= WHOLE_MAX) {
    const out = inflateEntry(e, label);
    for (let o = 0; o < out.length; o += 1 << 20) onChunk(out.subarray(o, Math.min(out.length, o + (1 << 20))));
    return;
  }
  let seen = 0;
  const inflater = new Inflate((chunk) => {
    seen += chunk.length;
    if (seen > e.size) throw bomb(label, `部件 ${e.name} 的实际大小超过声明`);
    onChunk(chunk);
  });
  const STEP = 1 << 20;
  try {
    for (let o = 0; o < e.raw.length; o += STEP) inflater.push(e.raw.subarray(o, Math.min(e.raw.length, o + STEP)), o + STEP >= e.raw.length);
    if (e.raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw damaged(label, `部件 ${e.name}：${(err as Error).message}`);
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of data, continuing from `prev` (the CRC of what came before): Node's native one once installed. */
export function crc32(data: Uint8Array, prev = 0): number {
  return crc(data, prev);
}

function jsCrc32(data: Uint8Array, prev: number): number {
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflater fed in pieces: it keeps only what it has compressed so far. */
export interface DeflateStream {
  push(data: Uint8Array): void;
  /** The whole raw DEFLATE stream. */
  finish(): Uint8Array;
}

const concat = (chunks: Uint8Array[]): Uint8Array => {
  let size = 0;
  for (const c of chunks) size += c.length;
  const whole = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    whole.set(c, o);
    o += c.length;
  }
  return whole;
};

/** fflate's streaming deflate (the browser's). */
function fflateStream(): DeflateStream {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  return {
    push: (data) => deflater.push(data),
    finish() {
      deflater.push(new Uint8Array(0), true);
      return concat(out);
    },
  };
}

/**
 * A new part written in pieces (a patched sheet, our report): encoded and deflated as it comes, so neither its
 * text nor its bytes are ever held whole (a 200,000-row sheet is some 150 MB of XML).
 */
export function entryWriter(name: string): { push(text: string): void; finish(): ZipEntry } {
  const encoder = new TextEncoder();
  const deflater = deflateStream();
  let crc = 0;
  let size = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    const data = encoder.encode(pending.join(''));
    pending = [];
    pendingLength = 0;
    crc = crc32(data, crc);
    size += data.length;
    if (data.length > 0) deflater.push(data);
  };
  return {
    push(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 1 << 20) flush();
    },
    finish() {
      flush();
      const raw = deflater.finish();
      return { name, method: 8, crc, compressedSize: raw.length, size, time: 0, date: 0x21, raw };
    },
  };
}

/** A part whose text `write` produces in pieces, streamed through entryWriter. */
export function streamedEntry(name: string, write: (push: (text: string) => void) => void): ZipEntry {
  const writer = entryWriter(name);
  write((text) => writer.push(text));
  return writer.finish();
}

type DeflateRaw = (data: Uint8Array) => Uint8Array;
type Crc32 = (data: Uint8Array, prev: number) => number;
let deflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 6 });
let deflateStream: () => DeflateStream = fflateStream;
let crc: Crc32 = jsCrc32;

/**
 * Node installs its native zlib here (several times faster than any JS deflate, and its CRC-32 some 50× faster
 * than the table loop: 150 MB in 40 ms); the browser keeps fflate's and the loop.
 */
export function useDeflate(fn: DeflateRaw, stream?: () => DeflateStream, crc32Native?: Crc32): void {
  deflateRaw = fn;
  if (stream) deflateStream = stream;
  if (crc32Native) crc = crc32Native;
}

/** A new or changed part, deflated. Time 00:00 of 1980-01-01 so the same input gives the same bytes. */
export function newEntry(name: string, data: Uint8Array): ZipEntry {
  const raw = deflateRaw(data);
  return { name, method: 8, crc: crc32(data), compressedSize: raw.length, size: data.length, time: 0, date: 0x21, raw };
}

const utf8Encode = new TextEncoder();

/** The zip of these entries, in this order; copied entries keep their compressed bytes, CRC and time. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => utf8Encode.encode(e.name));
  // General-purpose bit 11: the name is UTF-8 (Chinese sheet and part names), in both headers of an entry.
  const flags = entries.map((e) => (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i].length + e.raw.length));
  if (size > 0xffffffff || entries.length > 0xfffe) throw new Error('工作簿过大，无法写成 zip（超过 4 GB）');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i];
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags[i], true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + 30);
    out.set(e.raw, p + 30 + name.length);
    p += 30 + name.length + e.raw.length;
  });
  const cd = p;
  entries.forEach((e, i) => {
    const name = names[i];
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags[i], true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, name.length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cd, true);
  view.setUint32(p + 16, cd, true);
  return out.subarray(0, p + 22);
}
