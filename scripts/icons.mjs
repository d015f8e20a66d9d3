// Writes the app's icons from one drawing (a seat ring on the app's dark blue): build/icon.png
// (1024 px, Linux and the source for electron-builder), build/icon.ico (Windows, PNG-in-ICO),
// build/icon.icns (macOS, PNG-in-ICNS) and resources/icons/tray.png (the tray, 32 px).
// Run `node scripts/icons.mjs` after changing the drawing; the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BG = [15, 23, 38];
const RING = [76, 175, 255];
const DOT = [255, 255, 255];

/** The colour of pixel (x, y) of a size×size icon, RGBA, with 4×4 supersampling at the edges. */
function pixel(x, y, size) {
  let r = 0,
    g = 0,
    b = 0,
    a = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size - 0.5;
      const v = (y + (sy + 0.5) / 4) / size - 0.5;
      const corner = 0.18;
      const qx = Math.max(Math.abs(u) - (0.5 - corner), 0);
      const qy = Math.max(Math.abs(v) - (0.5 - corner), 0);
      if (Math.hypot(qx, qy) > corner) continue; // outside the rounded square
      const d = Math.hypot(u, v);
      const c = d < 0.11 ? DOT : d > 0.22 && d < 0.34 ? RING : BG;
      r += c[0];
      g += c[1];
      b += c[2];
      a += 255;
    }
  const n = 16;
  return a ? [r / (a / 255), g / (a / 255), b / (a / 255), a / n].map(Math.round) : [0, 0, 0, 0];
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
export function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel(x, y, size);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(sizes) {
  const images = sizes.map(png);
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((img, i) => {
    const e = 6 + 16 * i;
    head[e] = sizes[i] >= 256 ? 0 : sizes[i];
    head[e + 1] = sizes[i] >= 256 ? 0 : sizes[i];
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(img.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += img.length;
  });
  return Buffer.concat([head, ...images]);
}
function icns(entries) {
  const parts = entries.map(([type, size]) => {
    const img = png(size);
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(img.length + 8, 4);
    return Buffer.concat([h, img]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

mkdirSync(join(root, 'build'), { recursive: true });
mkdirSync(join(root, 'resources', 'icons'), { recursive: true });
writeFileSync(join(root, 'build', 'icon.png'), png(1024));
writeFileSync(join(root, 'build', 'icon.ico'), ico([16, 32, 48, 256]));
writeFileSync(
  join(root, 'build', 'icon.icns'),
  icns([
    ['icp4', 16],
    ['icp5', 32],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
  ]),
);
writeFileSync(join(root, 'resources', 'icons', 'tray.png'), png(32));
console.log('[icons] build/icon.png, build/icon.ico, build/icon.icns, resources/icons/tray.png');
