// Thumbnail rendering with the real codecs, on images encoded here: size, orientation (read back from the pixels),
// no metadata in the result, transparency, and the decompression-bomb guard that runs before any decoding.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import {
  bombJpeg,
  bombPng,
  bombWebp,
  jpegMarkers,
  QUADRANTS,
  quadrantRaster,
  realPhoto,
  realPng,
  realWebp,
  SECRET,
} from './files.fixtures';
import { sanitizeImage } from './image-metadata';
import {
  checkPixelLimit,
  decodeImage,
  displayPosition,
  downscaleOriented,
  fitWithin,
  ImageTooLargeError,
  orientedSize,
  renderThumbnail,
  type Raster,
} from './thumbnails';

const pixel = (r: Raster, x: number, y: number) => [...r.data.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 3)];
/** The colour at the centre of each display quadrant. */
const quadrants = (r: Raster) => ({
  topLeft: pixel(r, Math.floor(r.width / 4), Math.floor(r.height / 4)),
  topRight: pixel(r, Math.floor((3 * r.width) / 4), Math.floor(r.height / 4)),
  bottomLeft: pixel(r, Math.floor(r.width / 4), Math.floor((3 * r.height) / 4)),
  bottomRight: pixel(r, Math.floor((3 * r.width) / 4), Math.floor((3 * r.height) / 4)),
});
const close = (got: number[], want: number[], tolerance = 12) => got.every((v, i) => Math.abs(v - want[i]!) <= tolerance);

// What the viewer must see in each display quadrant, per EXIF orientation, for a photo stored as QUADRANTS.
const { topLeft: TL, topRight: TR, bottomLeft: BL, bottomRight: BR } = QUADRANTS;
const expected: Record<number, [number[], number[], number[], number[]]> = {
  1: [TL, TR, BL, BR],
  2: [TR, TL, BR, BL], // mirrored left-right
  3: [BR, BL, TR, TL], // turned 180°
  4: [BL, BR, TL, TR], // flipped top-bottom
  5: [TL, BL, TR, BR], // transposed
  6: [BL, TL, BR, TR], // turned 90° clockwise: the stored left edge becomes the top
  7: [BR, TR, BL, TL], // transversed
  8: [TR, BR, TL, BL], // turned 90° counter-clockwise
};

describe('geometry', () => {
  it('fits the longest side, keeps the aspect ratio, never enlarges', () => {
    expect(fitWithin(4000, 3000, 320)).toEqual({ width: 320, height: 240 });
    expect(fitWithin(3000, 4000, 320)).toEqual({ width: 240, height: 320 });
    expect(fitWithin(100, 50, 320)).toEqual({ width: 100, height: 50 });
    expect(fitWithin(10000, 1, 320)).toEqual({ width: 320, height: 1 });
    expect(orientedSize(400, 200, 6)).toEqual({ width: 200, height: 400 });
    expect(orientedSize(400, 200, 3)).toEqual({ width: 400, height: 200 });
  });

  it('maps every stored pixel to a distinct display pixel for all eight orientations', () => {
    for (let o = 1; o <= 8; o++) {
      const seen = new Set<string>();
      const { width, height } = orientedSize(5, 3, o);
      for (let y = 0; y < 3; y++)
        for (let x = 0; x < 5; x++) {
          const [dx, dy] = displayPosition(x, y, 5, 3, o);
          expect(dx >= 0 && dx < width && dy >= 0 && dy < height, `o=${o}`).toBe(true);
          seen.add(`${dx},${dy}`);
        }
      expect(seen.size).toBe(15);
    }
  });

  it('turns and shrinks a raster so each quadrant lands where the viewer expects it', () => {
    for (let o = 1; o <= 8; o++) {
      const out = downscaleOriented(quadrantRaster(64, 32), o, 16);
      expect([out.width, out.height]).toEqual(o >= 5 ? [8, 16] : [16, 8]);
      expect(Object.values(quadrants(out)), `orientation ${o}`).toEqual(expected[o]);
    }
  });

  it('averages areas and lays transparency on white', () => {
    const half = quadrantRaster(4, 4, 0);
    expect(pixel(downscaleOriented(half, 1, 1), 0, 0)).toEqual([255, 255, 255]);
    // A 2 × 1 black-and-white raster shrunk to 1 pixel is mid grey.
    const bw: Raster = { data: new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255]), width: 2, height: 1 };
    expect(pixel(downscaleOriented(bw, 1, 1), 0, 0)).toEqual([128, 128, 128]);
  });

  it('equals the average of each output pixel’s source pixels, opaque or not, in every orientation', () => {
    // The definition, written plainly: each source pixel goes to the output pixel its display position falls in.
    const reference = (src: Raster, o: number, side: number) => {
      const shown = orientedSize(src.width, src.height, o);
      const out = fitWithin(shown.width, shown.height, side);
      const sums = new Array<number>(out.width * out.height * 3).fill(0);
      const counts = new Array<number>(out.width * out.height).fill(0);
      for (let y = 0; y < src.height; y++)
        for (let x = 0; x < src.width; x++) {
          const [dx, dy] = displayPosition(x, y, src.width, src.height, o);
          const cell = Math.floor((dy * out.height) / shown.height) * out.width + Math.floor((dx * out.width) / shown.width);
          const i = (y * src.width + x) * 4;
          const a = src.data[i + 3]!;
          for (let c = 0; c < 3; c++) {
            const v = src.data[i + c]!;
            // Added in the implementation's order, so the floating-point sums are the same to the last bit.
            const j = cell * 3 + c;
            sums[j] = a === 255 ? sums[j]! + v : sums[j]! + (v * a) / 255 + (255 - a);
          }
          counts[cell] = counts[cell]! + 1;
        }
      return counts.flatMap((n, cell) => [0, 1, 2].map((c) => Math.round(sums[cell * 3 + c]! / (n || 1))).concat(255));
    };
    const raster = fc
      .record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }), opaque: fc.boolean() })
      .chain(({ width, height, opaque }) =>
        fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }).map((bytes) => {
          if (opaque) for (let i = 3; i < bytes.length; i += 4) bytes[i] = 255;
          return { data: bytes, width, height } as Raster;
        }),
      );
    fc.assert(
      fc.property(raster, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 12 }), (src, o, side) => {
        expect([...downscaleOriented(src, o, side).data]).toEqual(reference(src, o, side));
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderThumbnail with the real codecs', () => {
  it('renders a phone JPEG upright, 320 px on its longest side, with no metadata at all', async () => {
    const photo = await realPhoto(1200, 600, 6);
    expect(photo.includes(SECRET)).toBe(true);
    const clean = sanitizeImage('image/jpeg', photo);
    expect([clean.width, clean.height, clean.orientation]).toEqual([1200, 600, 6]);
    const thumb = await renderThumbnail({ mime: 'image/jpeg', data: clean.data, orientation: clean.orientation, side: 320 });
    const markers = jpegMarkers(thumb);
    // Only the JFIF header, tables, frame and scan: no APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC) or comment.
    expect(markers.filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(markers[0]).toBe(0xe0);
    expect(thumb.includes(Buffer.from('Exif'))).toBe(false);
    expect(thumb.includes(SECRET)).toBe(false);
    const decoded = await decodeImage('image/jpeg', thumb);
    expect([decoded.width, decoded.height]).toEqual([160, 320]);
    const q = quadrants(decoded);
    expect(close(q.topLeft, BL) && close(q.topRight, TL) && close(q.bottomLeft, BR) && close(q.bottomRight, TR), JSON.stringify(q)).toBe(
      true,
    );
  });

  it('renders a translucent PNG on white, as a JPEG', async () => {
    const png = realPng(640, 480, 128);
    const clean = sanitizeImage('image/png', png);
    expect(clean.data.includes(SECRET)).toBe(false);
    expect([clean.width, clean.height]).toEqual([640, 480]);
    const thumb = await renderThumbnail({ mime: 'image/png', data: clean.data, orientation: 1, side: 320 });
    expect(thumb.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const decoded = await decodeImage('image/jpeg', thumb);
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
    // Red at half opacity on white: (220·128/255 + 127) ≈ 237 red, 30·0.5 + 127 ≈ 142 green and blue.
    expect(close(quadrants(decoded).topLeft, [237, 142, 142])).toBe(true);
  });

  it('renders a WebP photo, after its EXIF chunk is dropped', async () => {
    const webp = await realWebp(900, 600);
    expect(webp.includes(SECRET)).toBe(true);
    const clean = sanitizeImage('image/webp', webp);
    expect(clean.data.includes(SECRET)).toBe(false);
    expect([clean.width, clean.height]).toEqual([900, 600]);
    const thumb = await renderThumbnail({ mime: 'image/webp', data: clean.data, orientation: 1, side: 320 });
    const decoded = await decodeImage('image/jpeg', thumb);
    expect([decoded.width, decoded.height]).toEqual([320, 213]);
    const q = quadrants(decoded);
    expect(close(q.topLeft, TL, 20) && close(q.bottomRight, BR, 20), JSON.stringify(q)).toBe(true);
  });

  it('keeps a small image at its own size', async () => {
    const thumb = await renderThumbnail({ mime: 'image/png', data: realPng(40, 20), orientation: 1, side: 320 });
    const decoded = await decodeImage('image/jpeg', thumb);
    expect([decoded.width, decoded.height]).toEqual([40, 20]);
  });

  it('fails on pixels the decoder cannot read (the caller then stores no thumbnail)', async () => {
    const png = PNG.sync.write(Object.assign(new PNG({ width: 4, height: 4 }), { data: Buffer.alloc(64, 255) }));
    const broken = Buffer.from(png);
    broken[40] = broken[40]! ^ 0xff; // corrupt the IDAT (its CRC no longer matches)
    await expect(renderThumbnail({ mime: 'image/png', data: broken, orientation: 1, side: 320 })).rejects.toThrow();
  });
});

describe('decompression-bomb guard', () => {
  it('reads the declared size from the header alone and refuses it above the limit', () => {
    const png = sanitizeImage('image/png', bombPng(30000, 30000));
    expect([png.width, png.height]).toEqual([30000, 30000]);
    expect(() => checkPixelLimit(png.width, png.height, 50_000_000)).toThrow(ImageTooLargeError);
    const jpeg = sanitizeImage('image/jpeg', bombJpeg(65000, 65000));
    expect([jpeg.width, jpeg.height]).toEqual([65000, 65000]);
    expect(() => checkPixelLimit(jpeg.width, jpeg.height, 50_000_000)).toThrow(ImageTooLargeError);
    const webp = sanitizeImage('image/webp', bombWebp(16384, 16384));
    expect([webp.width, webp.height]).toEqual([16384, 16384]);
    expect(() => checkPixelLimit(webp.width, webp.height, 50_000_000)).toThrow(ImageTooLargeError);
  });
  it('admits a 50-megapixel phone photo and anything at the limit exactly', () => {
    expect(() => checkPixelLimit(8160, 6120, 50_000_000)).not.toThrow();
    expect(() => checkPixelLimit(10_000, 5_000, 50_000_000)).not.toThrow();
    expect(() => checkPixelLimit(10_000, 5_001, 50_000_000)).toThrow(ImageTooLargeError);
  });
});
