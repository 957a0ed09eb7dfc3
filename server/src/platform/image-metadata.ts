// Strips metadata that can reveal where and by whom a photo was taken (EXIF GPS, XMP, IPTC, comments) from
// JPEG, PNG and WebP files, in plain JavaScript by walking the container structure, without decoding pixels.
// A JPEG keeps its orientation (re-written as a minimal EXIF block, so portrait phone photos still display
// upright). The walk also reports the declared pixel size, so the thumbnail step (thumbnails.ts) can refuse a
// decompression bomb before anything is decoded. The preview cameras embed in EXIF is dropped with the rest of
// the EXIF block: thumbnails are rendered from the pixels instead.
// A file whose structure does not parse is refused: a "JPEG" that is not one never reaches the disk.

export class MalformedImageError extends Error {}

export interface SanitizedImage {
  data: Buffer;
  /** EXIF orientation (1–8) the stored file keeps; 1 when there is none. */
  orientation: number;
  /** Declared in the frame header (JPEG SOF, PNG IHDR, WebP VP8X/VP8/VP8L); null when none was found. */
  width: number | null;
  height: number | null;
}

const SOI = Buffer.from([0xff, 0xd8]);

/** The Orientation tag of an APP1 EXIF block; 1 when absent or out of range. */
export function readExifOrientation(app1: Buffer): number {
  if (app1.length < 14 || app1.toString('latin1', 0, 6) !== 'Exif\0\0') return 1;
  const tiff = app1.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const le = order === 'II';
  const u16 = (o: number) => (o + 2 <= tiff.length ? (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= tiff.length ? (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o)) : -1);
  const ifd0 = u32(4);
  if (ifd0 <= 0) return 1;
  const n = u16(ifd0);
  for (let i = 0; n > 0 && i < n && i < 512; i++) {
    const e = ifd0 + 2 + i * 12;
    if (e + 12 > tiff.length) break;
    if (u16(e) === 0x0112) {
      const value = u16(e + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** APP1 holding only the Orientation tag (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Buffer {
  const body = Buffer.alloc(32);
  body.write('Exif\0\0', 0, 'latin1');
  body.write('MM', 6, 'latin1');
  body.writeUInt16BE(42, 8);
  body.writeUInt32BE(8, 10);
  body.writeUInt16BE(1, 14); // one entry
  body.writeUInt16BE(0x0112, 16); // Orientation
  body.writeUInt16BE(3, 18); // SHORT
  body.writeUInt32BE(1, 20);
  body.writeUInt16BE(orientation, 24);
  body.writeUInt32BE(0, 28); // no next IFD
  return Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, body.length + 2]), body]);
}

// APP1 (EXIF, XMP), APP13 (IPTC / Photoshop) and COM can all carry places, names and free text.
const DROPPED = new Set([0xe1, 0xed, 0xfe]);

// Start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic), not DHT/JPG/DAC.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function sanitizeJpeg(buf: Buffer): SanitizedImage {
  if (!buf.subarray(0, 2).equals(SOI)) throw new MalformedImageError('not a JPEG');
  const kept: Buffer[] = [];
  let orientation = 1;
  let size: { width: number; height: number } | null = null;
  let pos = 2;
  let sawScan = false;
  while (pos < buf.length) {
    if (buf[pos] !== 0xff) throw new MalformedImageError(`expected a marker at ${pos}`);
    while (buf[pos] === 0xff) pos++; // fill bytes
    const marker = buf[pos]!;
    pos++;
    if (marker === 0xd9) break; // EOI before any scan: malformed, caught below
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (pos + 2 > buf.length) throw new MalformedImageError('truncated segment');
    const len = buf.readUInt16BE(pos);
    if (len < 2 || pos + len > buf.length) throw new MalformedImageError('bad segment length');
    const segment = buf.subarray(pos - 2, pos + len);
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data and everything after it are kept as they are.
      kept.push(buf.subarray(pos - 2));
      sawScan = true;
      break;
    }
    if (marker === 0xe1) {
      const o = readExifOrientation(buf.subarray(pos + 2, pos + len));
      if (o !== 1) orientation = o;
    }
    if (SOF.has(marker) && !size && len >= 7) size = { height: buf.readUInt16BE(pos + 3), width: buf.readUInt16BE(pos + 5) };
    if (!DROPPED.has(marker)) kept.push(segment);
    pos += len;
  }
  if (!sawScan) throw new MalformedImageError('no image data');
  const head = kept[0] && kept[0][1] === 0xe0 ? [kept.shift()!] : []; // JFIF APP0 stays first
  const exif = orientation !== 1 ? [orientationSegment(orientation)] : [];
  return {
    data: Buffer.concat([SOI, ...head, ...exif, ...kept]),
    orientation,
    width: size?.width ?? null,
    height: size?.height ?? null,
  };
}

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

export function sanitizePng(buf: Buffer): SanitizedImage {
  const out: Buffer[] = [buf.subarray(0, 8)];
  let pos = 8;
  let ended = false;
  let size: { width: number; height: number } | null = null;
  while (pos + 12 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (end > buf.length) throw new MalformedImageError('truncated PNG chunk');
    if (type === 'IHDR' && len >= 8 && !size) size = { width: buf.readUInt32BE(pos + 8), height: buf.readUInt32BE(pos + 12) };
    if (!PNG_DROPPED.has(type)) out.push(buf.subarray(pos, end));
    pos = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) throw new MalformedImageError('PNG without IEND');
  // Orientation: the eXIf chunk is dropped, so the stored PNG (and its thumbnail) show the pixels as stored.
  return { data: Buffer.concat(out), orientation: 1, width: size?.width ?? null, height: size?.height ?? null };
}

/**
 * The canvas size a WebP chunk declares: VP8X (extended: 24-bit width−1 and height−1), VP8 (lossy key frame:
 * 14-bit sizes after the start code 9d 01 2a) or VP8L (lossless: 14-bit width−1 and height−1 after 0x2f).
 */
function webpSize(fourcc: string, d: Buffer): { width: number; height: number } | null {
  if (fourcc === 'VP8X' && d.length >= 10) return { width: d.readUIntLE(4, 3) + 1, height: d.readUIntLE(7, 3) + 1 };
  if (fourcc === 'VP8 ' && d.length >= 10 && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a)
    return { width: d.readUInt16LE(6) & 0x3fff, height: d.readUInt16LE(8) & 0x3fff };
  if (fourcc === 'VP8L' && d.length >= 5 && d[0] === 0x2f) {
    const bits = d.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

export function sanitizeWebp(buf: Buffer): SanitizedImage {
  if (buf.length < 12) throw new MalformedImageError('truncated WebP');
  const chunks: Buffer[] = [];
  let size: { width: number; height: number } | null = null;
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const fourcc = buf.toString('latin1', pos, pos + 4);
    const chunkSize = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + chunkSize + (chunkSize % 2);
    if (pos + 8 + chunkSize > buf.length) throw new MalformedImageError('truncated WebP chunk');
    size ??= webpSize(fourcc, buf.subarray(pos + 8, pos + 8 + chunkSize));
    const chunk = Buffer.from(buf.subarray(pos, Math.min(end, buf.length)));
    if (fourcc === 'VP8X' && chunkSize >= 1) chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF and XMP flags
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') chunks.push(chunk);
    pos = end;
  }
  if (chunks.length === 0) throw new MalformedImageError('empty WebP');
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  // Orientation: the EXIF chunk is dropped, so the stored WebP (and its thumbnail) show the pixels as stored.
  return { data: Buffer.concat([header, body]), orientation: 1, width: size?.width ?? null, height: size?.height ?? null };
}

export function sanitizeImage(mime: string, buf: Buffer): SanitizedImage {
  if (mime === 'image/jpeg') return sanitizeJpeg(buf);
  if (mime === 'image/png') return sanitizePng(buf);
  if (mime === 'image/webp') return sanitizeWebp(buf);
  return { data: buf, orientation: 1, width: null, height: null };
}
