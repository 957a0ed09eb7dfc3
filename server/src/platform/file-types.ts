// What an uploaded file really is, decided from its bytes (magic numbers and structure), never from the name or
// the Content-Type the client sent. Only the types the platform accepts are recognised; anything else, SVG and
// HTML included, is "unknown" and refused by the caller.

export type FileKind = 'photo' | 'document' | 'video';

export interface DetectedType {
  mime: string;
  ext: string;
  kind: FileKind;
}

const JPEG: DetectedType = { mime: 'image/jpeg', ext: 'jpg', kind: 'photo' };
const PNG: DetectedType = { mime: 'image/png', ext: 'png', kind: 'photo' };
const WEBP: DetectedType = { mime: 'image/webp', ext: 'webp', kind: 'photo' };
const PDF: DetectedType = { mime: 'application/pdf', ext: 'pdf', kind: 'document' };
const DOCX: DetectedType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  kind: 'document',
};
const XLSX: DetectedType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', kind: 'document' };

/** Course videos (training materials): MP4 only, the one format every phone plays. */
const MP4: DetectedType = { mime: 'video/mp4', ext: 'mp4', kind: 'video' };
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash']);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(buf: Buffer, bytes: Buffer | number[], at = 0): boolean {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return buf.length >= at + b.length && buf.subarray(at, at + b.length).equals(b);
}

export function detectType(buf: Buffer): DetectedType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(buf, PNG_SIGNATURE)) return PNG;
  if (startsWith(buf, Buffer.from('RIFF')) && startsWith(buf, Buffer.from('WEBP'), 8)) return WEBP;
  // ISO BMFF: the first box is `ftyp` (size, 'ftyp', major brand); only the MP4 brands are accepted.
  if (startsWith(buf, Buffer.from('ftyp'), 4) && MP4_BRANDS.has(buf.subarray(8, 12).toString('latin1'))) return MP4;
  if (startsWith(buf, Buffer.from('%PDF-'))) return plausiblePdf(buf) ? PDF : null;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buf);
    if (!names || !names.includes('[Content_Types].xml')) return null;
    // Macro-enabled documents renamed to .docx/.xlsx are refused: they carry a VBA project.
    if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
    if (names.includes('word/document.xml')) return DOCX;
    if (names.includes('xl/workbook.xml')) return XLSX;
  }
  return null;
}

// Tags that make a browser or a preview treat bytes as a web page; no real PDF has them outside compressed streams.
const HTML_MARKERS =
  /<\s*(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>/]|iframe[\s>/]|svg[\s>/]|object[\s>/]|embed[\s>/]|meta[\s>/])/i;

/**
 * A PDF is more than its first five bytes: a version header, the end-of-file marker near the end (ISO 32000-1 §7.5.5:
 * the last line is %%EOF; writers may append a little garbage, so the last KiB is searched), at least one indirect
 * object, and no HTML anywhere — an HTML page starting with "%PDF-" is refused.
 */
export function plausiblePdf(buf: Buffer): boolean {
  const head = buf.subarray(0, 16).toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(head)) return false;
  if (!buf.subarray(Math.max(0, buf.length - 1024)).includes('%%EOF')) return false;
  const text = buf.toString('latin1');
  if (!/\d+\s+\d+\s+obj\b/.test(text)) return false;
  return !HTML_MARKERS.test(text);
}

/**
 * Entry names from a ZIP's central directory (OOXML documents are ZIPs). Returns null for anything that is not a
 * well-formed, non-ZIP64 archive, so a truncated or crafted file is refused rather than half-read.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset >= buf.length) return null;
  const names: string[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
