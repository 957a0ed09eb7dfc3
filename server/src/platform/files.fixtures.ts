// Hand-built test files: a JPEG whose metadata carries a location (EXIF GPS, XMP, comment) and an embedded
// preview, and a multipart body builder for upload tests. Markers only — the server never decodes pixels.

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
