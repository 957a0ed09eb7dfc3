// Test files: hand-built JPEG structures whose metadata carries a location (EXIF GPS, XMP, comment) and an embedded
// preview, real photos encoded here with the same codecs the server uses (four coloured quadrants, so orientation
// is visible in the pixels), and a multipart body builder for upload tests.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { encodeJpeg, type Raster } from './thumbnails';

export const SECRET = 'SECRET-LOCATION-22.7209N-114.2468E';

function segment(marker: number, payload: Buffer): Buffer {
  const len = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, len >> 8, len & 0xff]), payload]);
}

/** SOI, a quantisation table, a frame header, one scan with a few bytes, EOI: enough structure for the parser. */
export function tinyJpeg(extra: Buffer[] = [], scanBytes = 16): Buffer {
  const dqt = segment(0xdb, Buffer.alloc(65, 1));
  const sof = segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
  const sos = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...extra, dqt, sof, sos, Buffer.alloc(scanBytes, 0x55), Buffer.from([0xff, 0xd9])]);
}

export const jfif = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));

/** Little-endian EXIF: Orientation, a GPS IFD holding SECRET, and IFD1 pointing at an embedded preview JPEG. */
export function exifSegment(orientation: number, thumbnail: Buffer): Buffer {
  const tiff: Buffer[] = [];
  const header = Buffer.from('II*\0\x08\0\0\0', 'latin1');
  // IFD0 at 8: 2 entries (12 bytes each) + count + next pointer = 2 + 24 + 4 = 30 → ends at 38.
  const gpsOffset = 38;
  // GPS IFD at 38: 1 entry (ASCII, count = SECRET + NUL, value at offset) = 2 + 12 + 4 = 18 → data at 56.
  const secret = Buffer.from(`${SECRET}\0`, 'latin1');
  const secretOffset = 56;
  const ifd1Offset = secretOffset + secret.length + (secret.length % 2);
  const thumbOffset = ifd1Offset + 2 + 24 + 4;
  const ifd0 = Buffer.alloc(30);
  ifd0.writeUInt16LE(2, 0);
  ifd0.writeUInt16LE(0x0112, 2);
  ifd0.writeUInt16LE(3, 4);
  ifd0.writeUInt32LE(1, 6);
  ifd0.writeUInt16LE(orientation, 10);
  ifd0.writeUInt16LE(0x8825, 14);
  ifd0.writeUInt16LE(4, 16);
  ifd0.writeUInt32LE(1, 18);
  ifd0.writeUInt32LE(gpsOffset, 22);
  ifd0.writeUInt32LE(ifd1Offset, 26);
  const gps = Buffer.alloc(18);
  gps.writeUInt16LE(1, 0);
  gps.writeUInt16LE(0x001b, 2);
  gps.writeUInt16LE(2, 4);
  gps.writeUInt32LE(secret.length, 6);
  gps.writeUInt32LE(secretOffset, 10);
  gps.writeUInt32LE(0, 14);
  const ifd1 = Buffer.alloc(30);
  ifd1.writeUInt16LE(2, 0);
  ifd1.writeUInt16LE(0x0201, 2);
  ifd1.writeUInt16LE(4, 4);
  ifd1.writeUInt32LE(1, 6);
  ifd1.writeUInt32LE(thumbOffset, 10);
  ifd1.writeUInt16LE(0x0202, 14);
  ifd1.writeUInt16LE(4, 16);
  ifd1.writeUInt32LE(1, 18);
  ifd1.writeUInt32LE(thumbnail.length, 22);
  ifd1.writeUInt32LE(0, 26);
  tiff.push(header, ifd0, gps, secret, Buffer.alloc(secret.length % 2), ifd1, thumbnail);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), ...tiff]));
}

/** A phone-style photo: JFIF, EXIF (orientation 6, GPS, preview), XMP and a comment that also name the place. */
export function phonePhoto(scanBytes = 64): { photo: Buffer; thumbnail: Buffer } {
  const thumbnail = tinyJpeg([segment(0xfe, Buffer.from(`thumb ${SECRET}`))], 8);
  const xmp = segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}</x:xmpmeta>`, 'latin1'));
  const comment = segment(0xfe, Buffer.from(`taken at ${SECRET}`));
  return { photo: tinyJpeg([jfif, exifSegment(6, thumbnail), xmp, comment], scanBytes), thumbnail };
}

/** A multipart/form-data body with one file field, as a browser would send it. */
export function multipart(filename: string, contentType: string, data: Buffer, field = 'file') {
  const boundary = `----anjian${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The four quadrant colours of a test photo, as stored (before any EXIF orientation). */
export const QUADRANTS = { topLeft: [220, 30, 30], topRight: [30, 200, 30], bottomLeft: [30, 30, 220], bottomRight: [240, 240, 240] };

export function quadrantRaster(width: number, height: number, alpha = 255): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const q =
        y < height / 2
          ? x < width / 2
            ? QUADRANTS.topLeft
            : QUADRANTS.topRight
          : x < width / 2
            ? QUADRANTS.bottomLeft
            : QUADRANTS.bottomRight;
      const i = (y * width + x) * 4;
      data.set([...q, alpha], i);
    }
  return { data, width, height };
}

/** A real JPEG as a phone writes it: JFIF, EXIF with the orientation and a GPS location, XMP and a comment. */
export async function realPhoto(width: number, height: number, orientation: number): Promise<Buffer> {
  const jpeg = await encodeJpeg(quadrantRaster(width, height), 90);
  const xmp = segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRET}</x:xmpmeta>`, 'latin1'));
  const comment = segment(0xfe, Buffer.from(`taken at ${SECRET}`));
  const exif = exifSegment(orientation, tinyJpeg([segment(0xfe, Buffer.from(`thumb ${SECRET}`))], 8));
  // After SOI and the encoder's JFIF APP0, as cameras place them.
  const app0End = 2 + 2 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, app0End), exif, xmp, comment, jpeg.subarray(app0End)]);
}

/** A real PNG (quadrants, optionally translucent) carrying a location in a text chunk. */
export function realPng(width: number, height: number, alpha = 255): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(quadrantRaster(width, height, alpha).data);
  const encoded = PNG.sync.write(png);
  const text = Buffer.from(`Location\0${SECRET}`, 'latin1');
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  return Buffer.concat([encoded.subarray(0, 33), chunk, encoded.subarray(33)]); // after the 8-byte signature + IHDR
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A PNG that only declares a huge size (the IHDR of a decompression bomb) over one tiny, valid-looking IDAT. */
export function bombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    data.copy(b, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
    return b;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG frame header declaring width × height over the tiny test scan. */
export function bombJpeg(width: number, height: number): Buffer {
  const j = tinyJpeg();
  const sof = j.indexOf(Buffer.from([0xff, 0xc0]));
  j.writeUInt16BE(height, sof + 5);
  j.writeUInt16BE(width, sof + 7);
  return j;
}

/** JPEG marker codes before the scan, in order (APPn, COM, DQT, SOF, DHT …). */
export function jpegMarkers(buf: Buffer): number[] {
  const out: number[] = [];
  let pos = 2;
  while (pos + 4 <= buf.length && buf[pos] === 0xff) {
    const marker = buf[pos + 1]!;
    out.push(marker);
    if (marker === 0xda) break;
    pos += 2 + buf.readUInt16BE(pos + 2);
  }
  return out;
}

/**
 * A real lossy WebP encoded with libwebp (WASM), with an EXIF chunk naming the place. The encoder glue picks its
 * SIMD build when the engine validates SIMD, so it is handed the matching binary.
 */
export async function realWebp(width: number, height: number): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly;
  const simd = fs.readFileSync(require.resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm'));
  const wasmBinary = wasm.validate(simd) ? simd : fs.readFileSync(require.resolve('@jsquash/webp/codec/enc/webp_enc.wasm'));
  type Encoder = { init(opts: object): Promise<unknown>; default(img: Raster, o: object): Promise<ArrayBuffer> };
  const enc = (await import('@jsquash/webp/encode.js')) as unknown as Encoder;
  await enc.init({ wasmBinary });
  const webp = Buffer.from(await enc.default(quadrantRaster(width, height), { quality: 80 }));
  const exif = Buffer.concat([Buffer.from('EXIF', 'latin1'), Buffer.alloc(4), Buffer.from(SECRET), Buffer.alloc(SECRET.length % 2)]);
  exif.writeUInt32LE(SECRET.length, 4);
  const out = Buffer.concat([webp, exif]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** A WebP whose VP8X header declares a huge canvas over a tiny lossless image. */
export function bombWebp(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const vp8l = Buffer.from([0x56, 0x50, 0x38, 0x4c, 6, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0]);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + vp8x.length + vp8l.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, vp8x, vp8l]);
}

/** A minimal but well-formed PDF 1.4 (one empty page, a cross-reference table, trailer and %%EOF). */
export function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(out.length);
    out += o;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
