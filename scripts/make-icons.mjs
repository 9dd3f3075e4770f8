// Writes the add-in icons (assets/icon-16/32/64/80.png): a white balance scale on a teal rounded square.
// Drawn from signed distances with 4×4 supersampling and encoded as PNG with node:zlib only.
/* global console, URL */
import { Buffer } from 'node:buffer';
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [0x0f, 0x6c, 0x7d];
const WHITE = [0xff, 0xff, 0xff];

// Shapes in a unit square (0..1, y down).
const box = (x, y, cx, cy, hw, hh, r = 0) => {
  const dx = Math.abs(x - cx) - hw + r;
  const dy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
/** A pan: the lower half of a disc. */
const pan = (x, y, cx, cy, r) => Math.max(circle(x, y, cx, cy, r), cy - y);
/** A thin line from a to b. */
const line = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - w;
};

function glyph(x, y, size) {
  // Strokes never thinner than about one pixel at 16 px.
  const w = Math.max(0.035, 0.9 / size);
  return Math.min(
    box(x, y, 0.5, 0.52, w, 0.28), // pillar
    box(x, y, 0.5, 0.82, 0.2, w * 1.1, w * 0.5), // base
    box(x, y, 0.5, 0.27, 0.34, w, w * 0.5), // beam
    circle(x, y, 0.5, 0.22, w * 1.6), // pivot
    line(x, y, 0.2, 0.28, 0.13, 0.52, w * 0.6),
    line(x, y, 0.2, 0.28, 0.27, 0.52, w * 0.6),
    line(x, y, 0.8, 0.28, 0.73, 0.52, w * 0.6),
    line(x, y, 0.8, 0.28, 0.87, 0.52, w * 0.6),
    pan(x, y, 0.2, 0.52, 0.1),
    pan(x, y, 0.8, 0.52, 0.1),
  );
}

function render(size) {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let fg = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const x = (i + (si + 0.5) / ss) / size;
          const y = (j + (sj + 0.5) / ss) / size;
          if (box(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) <= 0) {
            bg++;
            if (glyph(x, y, size) <= 0) fg++;
          }
        }
      }
      const n = ss * ss;
      const k = (j * size + i) * 4;
      const t = bg === 0 ? 0 : fg / bg;
      for (let c = 0; c < 3; c++) px[k + c] = Math.round(TEAL[c] * (1 - t) + WHITE[c] * t);
      px[k + 3] = Math.round((255 * bg) / n);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

export function png(size) {
  const px = render(size);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let j = 0; j < size; j++) {
    raw[j * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(px.buffer, j * size * 4, size * 4).copy(raw, j * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../assets/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(new URL(`icon-${size}.png`, out), png(size));
console.log('assets/icon-{16,32,64,80}.png written');
