// Excel on the web rejects a request over 5 MB. The host estimates what each queued operation adds to the
// request and syncs whenever the estimate would pass 4 MB, so very large counties cost one extra round trip
// per 4 MB chunk and a normal county costs none.

export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Rough per-operation overhead of the batched request JSON (object path, action, ids). */
export const OP_BYTES = 160;

export interface Syncable {
  sync(): Promise<unknown>;
}

/** Estimated request bytes of a value written to Excel (strings count as UTF-8 JSON). */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'string') {
    let n = 2;
    // As JSON text: quotes, backslashes and line breaks are escaped (2 bytes), other control characters take 6.
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      n += c === 34 || c === 92 || c === 10 || c === 13 || c === 9 ? 2 : c < 32 ? 6 : c < 128 ? 1 : 3;
    }
    return n;
  }
  if (Array.isArray(value)) {
    let n = 2;
    for (const v of value) n += payloadBytes(v) + 1;
    return n;
  }
  // Objects key by key, so their text counts as UTF-8 too (a report link's Chinese sheet name is 3 bytes a character).
  let n = 2;
  for (const [k, v] of Object.entries(value as object)) n += payloadBytes(k) + payloadBytes(v) + 2;
  return n;
}

/** Counts queued bytes and syncs between chunks; `flush` ends a phase with the sync it needs anyway. */
export class ChunkedBatch {
  private queued = 0;
  /** Largest estimated request sent, for the bench. */
  largest = 0;
  /** Estimated size of every request sent, and whether it went because the chunk was full. */
  readonly sent: { bytes: number; full: boolean }[] = [];

  constructor(private readonly context: Syncable, private readonly limit = CHUNK_BYTES) {}

  /** Call before queueing an operation of `bytes`; syncs first when it would overflow the chunk. */
  async add(bytes: number): Promise<void> {
    const size = bytes + OP_BYTES;
    if (this.queued > 0 && this.queued + size > this.limit) await this.send(true);
    this.queued += size;
  }

  async flush(): Promise<void> {
    await this.send(false);
  }

  private async send(full: boolean): Promise<void> {
    this.largest = Math.max(this.largest, this.queued);
    this.sent.push({ bytes: this.queued, full });
    this.queued = 0;
    await this.context.sync();
  }
}
