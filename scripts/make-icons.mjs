// Draws the add-in icons (assets/icon-16|32|64|80.png and assets/logo-filled.png, 300×300) with no
// dependencies: shapes are described in a unit square, rasterised with 8×8 supersampling, and written
// as RGBA PNGs through node:zlib. Design: a teal→blue rounded tile with three white rising bars inside
// a white circular arrow (a chart that is reviewed again and again). Run: `node scripts/make-icons.mjs`.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const SIZES = { 'icon-16.png': 16, 'icon-32.png': 32, 'icon-64.png': 64, 'icon-80.png': 80, 'logo-filled.png': 300 };
const SUPERSAMPLE = 8;

// ---- design (unit square, y pointing down) ----
const TOP_LEFT = [0x14, 0xb8, 0xa6]; // teal
const BOTTOM_RIGHT = [0x03, 0x69, 0xa1]; // blue
const WHITE = [0xff, 0xff, 0xff];

/** The full design, for 32 px and up. The ring leaves a gap at the top right (math angles, counter-
 *  clockwise from +x): the arrow's head sits at the gap's lower edge and points into the gap. */
const REGULAR = {
  tile: { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, r: 0.2 },
  ring: { cx: 0.5, cy: 0.52, rIn: 0.315, rOut: 0.395 },
  gap: { from: 18, to: 78 },
  arrow: { half: 0.11, len: 0.15 },
  bars: [
    { x0: 0.31, x1: 0.42, top: 0.58 },
    { x0: 0.445, x1: 0.555, top: 0.48 },
    { x0: 0.58, x1: 0.69, top: 0.37 },
  ],
  baseline: 0.71,
  barRadius: 0.025,
};

/** 16 px: the same picture laid on the pixel grid (2 px bars, 1 px gaps, a 1.5 px ring) so it stays crisp. */
const px16 = (v) => v / 16;
const SMALL = {
  tile: { x0: 0, y0: 0, x1: 1, y1: 1, r: px16(3) },
  ring: { cx: 0.5, cy: 0.5, rIn: px16(5.6), rOut: px16(7.3) },
  gap: { from: 12, to: 84 },
  arrow: { half: px16(2.9), len: px16(3.4) },
  bars: [
    { x0: px16(4), x1: px16(6), top: px16(9) },
    { x0: px16(7), x1: px16(9), top: px16(7) },
    { x0: px16(10), x1: px16(12), top: px16(5) },
  ],
  baseline: px16(11),
  barRadius: 0,
};

const deg = (a) => (a * Math.PI) / 180;

function inRoundedRect(x, y, { x0, y0, x1, y1, r }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inRing(x, y, { ring, gap }) {
  const d = Math.hypot(x - ring.cx, y - ring.cy);
  if (d < ring.rIn || d > ring.rOut) return false;
  let angle = (Math.atan2(-(y - ring.cy), x - ring.cx) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  return angle < gap.from || angle > gap.to;
}

/** Triangle of the arrow head: base across the ring at gap.from, tip ahead along the tangent. */
function arrowHead({ ring, gap, arrow }) {
  const a = deg(gap.from);
  const mid = (ring.rIn + ring.rOut) / 2;
  const at = (r) => [ring.cx + r * Math.cos(a), ring.cy - r * Math.sin(a)];
  const base = at(mid);
  const tangent = [-Math.sin(a), -Math.cos(a)]; // counter-clockwise in y-down coordinates
  return [at(mid - arrow.half), at(mid + arrow.half), [base[0] + tangent[0] * arrow.len, base[1] + tangent[1] * arrow.len]];
}

function inTriangle(x, y, [[ax, ay], [bx, by], [cx, cy]]) {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function inBars(x, y, { bars, baseline, barRadius }) {
  if (y > baseline) return false;
  return bars.some((b) => inRoundedRect(x, y, { x0: b.x0, y0: b.top, x1: b.x1, y1: baseline + 2 * barRadius, r: barRadius }));
}

/** Colour of one sample: [r, g, b, a] with a in 0..1. */
function sample(x, y, design, head) {
  if (!inRoundedRect(x, y, design.tile)) return [0, 0, 0, 0];
  if (inBars(x, y, design) || inRing(x, y, design) || inTriangle(x, y, head)) return [...WHITE, 1];
  const t = Math.min(1, Math.max(0, (x + y) / 2));
  return [...TOP_LEFT.map((c, i) => c + (BOTTOM_RIGHT[i] - c) * t), 1];
}

function render(size) {
  const design = size <= 16 ? SMALL : REGULAR;
  const head = arrowHead(design);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, design, head);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca; // premultiplied sum
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const [name, size] of Object.entries(SIZES)) {
  const png = encodePng(size, render(size));
  writeFileSync(join(OUT_DIR, name), png);
  console.log(`assets/${name}  ${size}×${size}  ${png.length} bytes`);
}
