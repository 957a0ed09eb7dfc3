// Strips metadata that can reveal where and by whom a photo was taken (EXIF GPS, XMP, IPTC, comments) from
// JPEG, PNG and WebP files, in plain JavaScript by walking the container structure: no image library, no native
// code. A JPEG keeps its orientation (re-written as a minimal EXIF block, so portrait phone photos still display
// upright) and hands back the small preview most cameras embed in EXIF, which serves as the thumbnail.
// A file whose structure does not parse is refused: a "JPEG" that is not one never reaches the disk.

export class MalformedImageError extends Error {}

export interface SanitizedImage {
  data: Buffer;
  /** The EXIF-embedded preview (itself stripped), or null. */
  thumbnail: Buffer | null;
}

const SOI = Buffer.from([0xff, 0xd8]);

interface ExifInfo {
  orientation: number;
  thumbnail: Buffer | null;
}

function readExif(app1: Buffer): ExifInfo {
  const info: ExifInfo = { orientation: 1, thumbnail: null };
  if (app1.length < 14 || app1.toString('latin1', 0, 6) !== 'Exif\0\0') return info;
  const tiff = app1.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return info;
  const le = order === 'II';
  const u16 = (o: number) => (o + 2 <= tiff.length ? (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= tiff.length ? (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o)) : -1);
  const ifd0 = u32(4);
  const entries = (ifd: number) => {
    const n = u16(ifd);
    const out: { tag: number; value: number; short: number }[] = [];
    for (let i = 0; n > 0 && i < n && i < 512; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > tiff.length) break;
      out.push({ tag: u16(e), value: u32(e + 8), short: u16(e + 8) });
    }
    return { list: out, next: n > 0 ? u32(ifd + 2 + n * 12) : -1 };
  };
  if (ifd0 <= 0) return info;
  const first = entries(ifd0);
  const orientation = first.list.find((e) => e.tag === 0x0112)?.short ?? 1;
  if (orientation >= 1 && orientation <= 8) info.orientation = orientation;
  if (first.next > 0 && first.next < tiff.length) {
    const second = entries(first.next).list;
    const offset = second.find((e) => e.tag === 0x0201)?.value ?? -1;
    const length = second.find((e) => e.tag === 0x0202)?.value ?? -1;
    if (offset > 0 && length > 0 && offset + length <= tiff.length) {
      const thumb = tiff.subarray(offset, offset + length);
      if (thumb[0] === 0xff && thumb[1] === 0xd8) info.thumbnail = Buffer.from(thumb);
    }
  }
  return info;
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

export function sanitizeJpeg(buf: Buffer, withThumbnail = true): SanitizedImage {
  if (!buf.subarray(0, 2).equals(SOI)) throw new MalformedImageError('not a JPEG');
  const kept: Buffer[] = [];
  let exif: ExifInfo = { orientation: 1, thumbnail: null };
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
      const info = readExif(buf.subarray(pos + 2, pos + len));
      if (info.orientation !== 1 || info.thumbnail) exif = { ...exif, ...info };
    }
    if (!DROPPED.has(marker)) kept.push(segment);
    pos += len;
  }
  if (!sawScan) throw new MalformedImageError('no image data');
  const head = kept[0] && kept[0][1] === 0xe0 ? [kept.shift()!] : []; // JFIF APP0 stays first
  const orientation = exif.orientation !== 1 ? [orientationSegment(exif.orientation)] : [];
  let thumbnail: Buffer | null = null;
  if (withThumbnail && exif.thumbnail) {
    try {
      thumbnail = sanitizeJpeg(exif.thumbnail, false).data;
    } catch {
      thumbnail = null; // a broken preview is not a reason to refuse the photo
    }
  }
  return { data: Buffer.concat([SOI, ...head, ...orientation, ...kept]), thumbnail };
}

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

export function sanitizePng(buf: Buffer): SanitizedImage {
  const out: Buffer[] = [buf.subarray(0, 8)];
  let pos = 8;
  let ended = false;
  while (pos + 12 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (end > buf.length) throw new MalformedImageError('truncated PNG chunk');
    if (!PNG_DROPPED.has(type)) out.push(buf.subarray(pos, end));
    pos = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) throw new MalformedImageError('PNG without IEND');
  return { data: Buffer.concat(out), thumbnail: null };
}

export function sanitizeWebp(buf: Buffer): SanitizedImage {
  if (buf.length < 12) throw new MalformedImageError('truncated WebP');
  const chunks: Buffer[] = [];
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const fourcc = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    if (pos + 8 + size > buf.length) throw new MalformedImageError('truncated WebP chunk');
    const chunk = Buffer.from(buf.subarray(pos, Math.min(end, buf.length)));
    if (fourcc === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF and XMP flags
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') chunks.push(chunk);
    pos = end;
  }
  if (chunks.length === 0) throw new MalformedImageError('empty WebP');
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { data: Buffer.concat([header, body]), thumbnail: null };
}

export function sanitizeImage(mime: string, buf: Buffer): SanitizedImage {
  if (mime === 'image/jpeg') return sanitizeJpeg(buf);
  if (mime === 'image/png') return sanitizePng(buf);
  if (mime === 'image/webp') return sanitizeWebp(buf);
  return { data: buf, thumbnail: null };
}
