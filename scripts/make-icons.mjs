// Writes the add-in icons into assets/: the add-in's own (icon-N.png, a white balance scale on teal) and one per
// ribbon button (validate-N.png a check mark on green, clear-N.png an eraser on red, pane-N.png a window with
// its side pane on blue), each at every size Office asks for. Each button differs in both shape and colour,
// so a clerk tells them apart at 16 px. Drawn from signed distances with 4×4 supersampling and encoded as PNG
// with node:zlib only.
/* global console, process, URL */
import { Buffer } from 'node:buffer';
import { writeFileSync, mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const WHITE = [0xff, 0xff, 0xff];
/** Sizes the manifest declares: 16/32/80 are required, the rest serve scaled displays (Office add-in docs). */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

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

/** A point turned by `deg` degrees about (cx, cy), to draw a tilted shape with the upright one's distance. */
const turn = (x, y, cx, cy, deg) => {
  const a = (deg * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [cx + dx * Math.cos(a) - dy * Math.sin(a), cy + dx * Math.sin(a) + dy * Math.cos(a)];
};

// Strokes never thinner than about one pixel at 16 px.
const stroke = (size) => Math.max(0.035, 0.9 / size);

function scale(x, y, size) {
  const w = stroke(size);
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

function checkMark(x, y, size) {
  const w = stroke(size) * 1.5;
  return Math.min(line(x, y, 0.24, 0.52, 0.43, 0.71, w), line(x, y, 0.43, 0.71, 0.77, 0.31, w));
}

function eraser(x, y, size) {
  const w = stroke(size);
  const [u, v] = turn(x, y, 0.5, 0.45, 45);
  const body = box(u, v, 0.5, 0.45, 0.3, 0.15, w);
  const sleeve = box(u, v, 0.5, 0.45, w * 0.6, 0.2); // the line between the rubber and its sleeve
  return Math.min(Math.max(body, -sleeve), box(x, y, 0.55, 0.8, 0.27, w * 0.8));
}

function paneWindow(x, y, size) {
  const w = stroke(size);
  const frame = Math.abs(box(x, y, 0.5, 0.5, 0.32, 0.27, w)) - w;
  return Math.min(frame, box(x, y, 0.5, 0.3, 0.32, w * 1.2), box(x, y, 0.7, 0.52, 0.12, 0.23));
}

export const ICONS = {
  icon: { colour: [0x0f, 0x6c, 0x7d], glyph: scale },
  validate: { colour: [0x10, 0x7c, 0x41], glyph: checkMark },
  clear: { colour: [0xb8, 0x3b, 0x1e], glyph: eraser },
  pane: { colour: [0x1f, 0x5a, 0xa8], glyph: paneWindow },
};

function render(size, { colour, glyph }) {
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
      for (let c = 0; c < 3; c++) px[k + c] = Math.round(colour[c] * (1 - t) + WHITE[c] * t);
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

export function png(size, icon = ICONS.icon) {
  const px = render(size, icon);
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = new URL('../assets/', import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const [name, icon] of Object.entries(ICONS)) {
    for (const size of ICON_SIZES) writeFileSync(new URL(`${name}-${size}.png`, out), png(size, icon));
  }
  console.log(`assets/{${Object.keys(ICONS).join(',')}}-{${ICON_SIZES.join(',')}}.png written`);
}
