// Draws the MLCycle app icon with no dependencies (Node's zlib writes the PNG):
// a dark rounded tile, a teal three-quarter "cycle" ring with an arrow head, and an amber core.
// Writes build/icon.png (512×512; electron-builder derives the .icns/.ico from it) and
// resources/icon.png (the runtime window icon). Run from the project root: node build/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const BG = [17, 20, 24];
const RING = [63, 182, 168];
const CORE = [242, 193, 78];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

const C = SIZE / 2;
const RING_R = 150;
const RING_W = 22; // half width
const GAP_FROM = -100; // degrees (0 = east, clockwise since y grows down); the ring's open gap
const GAP_TO = -40;
const headAngle = (GAP_TO * Math.PI) / 180;
const along = [Math.cos(headAngle), Math.sin(headAngle)];
const tangent = [-along[1], along[0]]; // clockwise travel direction
const head = [C + RING_R * along[0], C + RING_R * along[1]];
const arrow = [
  [head[0] + along[0] * 52, head[1] + along[1] * 52],
  [head[0] - along[0] * 52, head[1] - along[1] * 52],
  [head[0] - tangent[0] * 70, head[1] - tangent[1] * 70],
];

function colourAt(x, y) {
  if (!insideRoundedRect(x, y, 16, 16, SIZE - 16, SIZE - 16, 100)) return null;
  const dx = x - C;
  const dy = y - C;
  const r = Math.hypot(dx, dy);
  if (r <= 58) return CORE;
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const inGap = angle > GAP_FROM && angle < GAP_TO;
  if (Math.abs(r - RING_R) <= RING_W && !inGap) return RING;
  if (insideTriangle(x, y, arrow[0], arrow[1], arrow[2])) return RING;
  return BG;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

for (const out of ['build/icon.png', 'resources/icon.png']) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, png);
  console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
}
