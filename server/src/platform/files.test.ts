// Content detection and metadata stripping, without a database.
import { describe, expect, it } from 'vitest';
import { detectType, zipEntryNames } from './file-types';
import { MalformedImageError, sanitizeJpeg, sanitizePng, sanitizeWebp } from './image-metadata';
import { checkUploadName, contentDisposition } from './files';
import { minimalPdf, phonePhoto, SECRET, tinyJpeg } from './files.fixtures';

describe('detectType', () => {
  it('knows JPEG, PNG, WebP and PDF by their magic bytes', () => {
    expect(detectType(tinyJpeg())?.mime).toBe('image/jpeg');
    expect(detectType(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))?.mime).toBe('image/png');
    expect(detectType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))?.mime).toBe('image/webp');
    expect(detectType(minimalPdf())?.kind).toBe('document');
  });

  it('refuses an HTML page that begins with %PDF-, and a "PDF" without structure', () => {
    const disguised = Buffer.from('%PDF-1.4\n<html><body><script>fetch("/api/users")</script></body></html>\n1 0 obj<<>>endobj\n%%EOF\n');
    expect(detectType(disguised)).toBeNull();
    expect(detectType(Buffer.from('%PDF-1.4\n<!DOCTYPE html><p>hi'))).toBeNull();
    // HTML hidden in the middle of an otherwise plausible PDF.
    const pdf = minimalPdf();
    const middle = Buffer.concat([pdf.subarray(0, 20), Buffer.from('\n<ScRiPt >alert(1)</script>\n'), pdf.subarray(20)]);
    expect(detectType(middle)).toBeNull();
    expect(detectType(Buffer.from('%PDF-1.7\n'))).toBeNull(); // no object, no %%EOF
    expect(detectType(Buffer.concat([pdf, Buffer.alloc(2048)]))).toBeNull(); // %%EOF not near the end
    expect(detectType(Buffer.from('%PDF-x.y\n1 0 obj<<>>endobj\n%%EOF'))).toBeNull(); // no version
  });

  it('refuses HTML, SVG and scripts whatever they are called', () => {
    expect(detectType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(detectType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectType(Buffer.from('\uFEFF<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(detectType(Buffer.alloc(0))).toBeNull();
  });

  it('refuses a ZIP that is not an OOXML document, and a truncated one', () => {
    const notZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect(zipEntryNames(notZip)).toBeNull();
    expect(detectType(notZip)).toBeNull();
  });
});

describe('sanitizeJpeg', () => {
  it('drops EXIF GPS, XMP, comments and the embedded preview, keeps the orientation, reports the frame size', () => {
    const { photo } = phonePhoto();
    expect(photo.includes(SECRET)).toBe(true);
    const out = sanitizeJpeg(photo);
    expect(out.data.includes(SECRET)).toBe(false);
    expect(out.data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(out.data.includes(Buffer.from('JFIF'))).toBe(true);
    // Minimal big-endian EXIF with Orientation = 6 only.
    const exif = out.data.indexOf(Buffer.from('Exif\0\0MM', 'latin1'));
    expect(exif).toBeGreaterThan(0);
    expect(out.data.readUInt16BE(exif + 24)).toBe(6); // value of the one IFD entry
    expect(out.orientation).toBe(6);
    expect([out.width, out.height]).toEqual([1, 1]); // the fixture's SOF0 declares 1 × 1
    expect(out.data.includes(Buffer.from(`thumb ${SECRET}`))).toBe(false);
    // The scan data is untouched.
    expect(out.data.subarray(-66)).toEqual(photo.subarray(-66));
  });

  it('adds no EXIF block to a photo that had none', () => {
    const out = sanitizeJpeg(tinyJpeg());
    expect(out.data).toEqual(tinyJpeg());
    expect(out.orientation).toBe(1);
  });

  it('refuses something that only starts like a JPEG', () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(() => sanitizeJpeg(fake)).toThrow(MalformedImageError);
    expect(() => sanitizeJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toThrow(MalformedImageError);
  });
});

describe('PNG and WebP metadata', () => {
  const chunk = (type: string, data: Buffer) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    data.copy(b, 8);
    return b; // CRC left zero: the sanitiser does not check it
  };
  it('drops eXIf and text chunks from a PNG', () => {
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from(`Location\0${SECRET}`)),
      chunk('eXIf', Buffer.from(SECRET)),
      chunk('IDAT', Buffer.alloc(10)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const out = sanitizePng(png).data;
    expect(out.includes(SECRET)).toBe(false);
    expect(out.includes(Buffer.from('IDAT'))).toBe(true);
  });
  it('drops EXIF and XMP chunks from a WebP and clears their flags', () => {
    const c = (fourcc: string, data: Buffer) => {
      const h = Buffer.alloc(8);
      h.write(fourcc, 0, 'latin1');
      h.writeUInt32LE(data.length, 4);
      return Buffer.concat([h, data, Buffer.alloc(data.length % 2)]);
    };
    const body = Buffer.concat([
      c('VP8X', Buffer.from([0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
      c('VP8 ', Buffer.alloc(10)),
      c('EXIF', Buffer.from(SECRET)),
      c('XMP ', Buffer.from(SECRET)),
    ]);
    const head = Buffer.alloc(12);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(body.length + 4, 4);
    head.write('WEBP', 8, 'latin1');
    const out = sanitizeWebp(Buffer.concat([head, body])).data;
    expect(out.includes(SECRET)).toBe(false);
    expect(out[20]! & 0x0c).toBe(0);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
  });
});

describe('upload names', () => {
  it('refuses path traversal and control characters, accepts Chinese names', () => {
    for (const bad of ['../../etc/passwd.jpg', '..\\..\\boot.ini', '/etc/shadow', 'a/b.jpg', 'x\u0000.jpg', '..', '']) {
      expect(() => checkUploadName(bad), bad).toThrow();
    }
    expect(checkUploadName('配电箱 整改前.jpg')).toBe('配电箱 整改前.jpg');
  });
  it('drops right-to-left overrides and other invisible characters from upload and download names', () => {
    const spoof = 'invoice\u202Efdp.exe'; // shows as "invoiceexe.pdf"
    expect(checkUploadName(spoof)).toBe('invoicefdp.exe');
    const header = contentDisposition(`报告\u2066\u200F\u202Bx\u2069\uFEFF\u00AD.pdf`);
    expect(header).toBe(`attachment; filename="__x.pdf"; filename*=UTF-8''${encodeURIComponent('报告x.pdf')}`);
    expect(decodeURIComponent(contentDisposition(spoof).split("''")[1]!)).toBe('invoicefdp.exe');
    expect(contentDisposition('\u202E\u200B')).toContain(`filename="file"`);
  });
  it('offers downloads as attachments with a safe ASCII fallback', () => {
    expect(contentDisposition('整改"报告".pdf')).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('整改"报告".pdf')}`,
    );
  });
});

describe('byte ranges for course videos (modules/files byteRange)', () => {
  it('answers one range within the file, a suffix, an open end, and refuses one past the end', async () => {
    const { byteRange } = await import('../modules/files/files.routes');
    expect(byteRange(undefined, 100)).toBeNull();
    expect(byteRange('bytes=0-1', 100)).toEqual({ start: 0, end: 1 });
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
  });
});
