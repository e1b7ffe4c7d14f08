// Draws the toolbar icon (a red lens over a bulletin page) as PNGs, without image libraries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = size / 2, r = size * 0.3, w = Math.max(1.2, size * 0.09);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      const px = x + 0.5, py = y + 0.5;
      // paper
      let col = [255, 253, 245, 255];
      const inPaper = px > size * 0.08 && px < size * 0.92 && py > size * 0.06 && py < size * 0.94;
      if (!inPaper) col = [0, 0, 0, 0];
      // text lines
      if (inPaper && Math.floor(py / (size / 8)) % 2 === 1 && px > size * 0.18 && px < size * 0.82) col = [120, 120, 120, 255];
      // lens ring and handle
      const d = Math.hypot(px - c * 0.9, py - c * 0.9);
      if (Math.abs(d - r) < w) col = [196, 30, 58, 255];
      else if (d < r - w && inPaper) col = [255, 228, 120, 255];
      const hx = px - c * 0.9, hy = py - c * 0.9;
      if (hx > 0 && hy > 0 && Math.abs(hx - hy) < w * 1.1 && d > r && d < r * 1.9) col = [196, 30, 58, 255];
      raw.set(col, i);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}
mkdirSync('public/icons', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s));
