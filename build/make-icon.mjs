// Draws the app icon (512x512 RGBA PNG) with no image library: a teal rounded square with a
// white "play" triangle on a navy ring. Run `node build/make-icon.mjs` to regenerate
// build/icon.png; electron-builder derives every platform's icon sizes from it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }

  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));

  return Buffer.concat([length, body, crc]);
}

function insideRoundedSquare(x, y) {
  const [min, max, radius] = [48, 464, 80];
  const cx = Math.min(Math.max(x, min + radius), max - radius);
  const cy = Math.min(Math.max(y, min + radius), max - radius);

  return (
    x >= min && x <= max && y >= min && y <= max && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
  );
}

function insideTriangle(x, y) {
  // Points (212,168), (212,344), (364,256): a play symbol, centred on the ring.
  return x >= 212 && Math.abs(y - 256) <= (364 - x) * (88 / 152);
}

function pixel(x, y) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  const distance = Math.hypot(x - 256, y - 256);
  if (insideTriangle(x, y)) return [255, 255, 255, 255];
  if (distance <= 150 && distance >= 122) return [15, 39, 66, 255];

  return [43, 179, 163, 255];
}

const rows = [];
for (let y = 0; y < SIZE; y += 1) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x += 1) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('icon.png', import.meta.url), png);
