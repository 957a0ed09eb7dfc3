// Thumbnails for uploaded photos: decoded, turned upright by the EXIF orientation, scaled down so the longest side
// is at most `side` pixels, and encoded as a fresh baseline JPEG that carries no metadata at all (the encoder
// writes only the JFIF header; nothing of the original's EXIF, XMP, ICC or comments survives).
// Codecs are WebAssembly or plain JavaScript so the same build runs on x86-64, aarch64 and loongarch64:
// MozJPEG compiled to WASM (@jsquash/jpeg) for JPEG decode and encode, libwebp compiled to WASM (@jsquash/webp)
// for WebP decode, pngjs (pure JS over node:zlib) for PNG.
// The decode runs in a worker thread (thumbnail-pool.ts); this file holds the pure parts and the codec calls.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';

export interface Raster {
  /** RGBA, 8 bits per channel, rows top to bottom. */
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface ImageSettings {
  /** Photos whose declared width × height is above this are refused before any decoding (decompression bombs). */
  maxPixels: number;
  /** Longest side of a thumbnail, in pixels. */
  thumbnailSide: number;
}

/**
 * 50 megapixels admits the full-resolution mode of current phone cameras (8160 × 6120 = 49.9 MP) while a decode
 * stays near 200 MB of RGBA plus the codec's buffers; a small file declaring more is a decompression bomb.
 */
export const defaultImageSettings: ImageSettings = { maxPixels: 50_000_000, thumbnailSide: 320 };

/** The size an image has once its EXIF orientation is applied: 5–8 swap width and height. */
export function orientedSize(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/** Fits a size within side × side keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  if (width <= side && height <= side) return { width, height };
  const scale = side / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Where the stored pixel (x, y) of a W × H image lands when displayed, per EXIF orientation (TIFF 6.0 / Exif 2.32
 * tag 0x0112: 1 as stored, 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise,
 * 7 transversed, 8 turned 90° counter-clockwise).
 */
export function displayPosition(x: number, y: number, w: number, h: number, orientation: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [h - 1 - y, x];
    case 7:
      return [h - 1 - y, w - 1 - x];
    case 8:
      return [y, w - 1 - x];
    default:
      return [x, y];
  }
}

/**
 * Turns the raster upright and shrinks it by area averaging (every source pixel counts once, in the output pixel
 * its display position falls in), so fine detail averages out instead of aliasing. Transparent pixels are laid
 * on white, as JPEG has no alpha. One pass over the source; memory is the output's size.
 */
export function downscaleOriented(src: Raster, orientation: number, side: number): Raster {
  const { width: W, height: H, data } = src;
  const shown = orientedSize(W, H, orientation);
  const out = fitWithin(shown.width, shown.height, side);
  const colOf = (dx: number) => Math.floor((dx * out.width) / shown.width);
  const rowOf = (dy: number) => Math.floor((dy * out.height) / shown.height) * out.width;
  // The output index of (x, y) is a part that depends on x only plus a part that depends on y only: without a
  // transpose (1–4) x gives the display column and y the row; with one (5–8) x gives the row and y the column.
  const swap = orientation >= 5 && orientation <= 8;
  const byX = new Uint32Array(W);
  const byY = new Uint32Array(H);
  for (let x = 0; x < W; x++) {
    const [dx, dy] = displayPosition(x, 0, W, H, orientation);
    byX[x] = swap ? rowOf(dy) : colOf(dx);
  }
  for (let y = 0; y < H; y++) {
    const [dx, dy] = displayPosition(0, y, W, H, orientation);
    byY[y] = swap ? colOf(dx) : rowOf(dy);
  }
  const sums = new Float64Array(out.width * out.height * 3);
  const counts = new Uint32Array(out.width * out.height);
  for (let y = 0; y < H; y++) {
    const base = byY[y]!;
    let i = y * W * 4;
    for (let x = 0; x < W; x++, i += 4) {
      const o = base + byX[x]!;
      const a = data[i + 3]!;
      const k = o * 3;
      if (a === 255) {
        sums[k] = sums[k]! + data[i]!;
        sums[k + 1] = sums[k + 1]! + data[i + 1]!;
        sums[k + 2] = sums[k + 2]! + data[i + 2]!;
      } else {
        const white = 255 - a;
        sums[k] = sums[k]! + (data[i]! * a) / 255 + white;
        sums[k + 1] = sums[k + 1]! + (data[i + 1]! * a) / 255 + white;
        sums[k + 2] = sums[k + 2]! + (data[i + 2]! * a) / 255 + white;
      }
      counts[o] = counts[o]! + 1;
    }
  }
  const rgba = new Uint8ClampedArray(out.width * out.height * 4);
  for (let o = 0; o < counts.length; o++) {
    const n = counts[o] || 1;
    rgba[o * 4] = Math.round(sums[o * 3]! / n);
    rgba[o * 4 + 1] = Math.round(sums[o * 3 + 1]! / n);
    rgba[o * 4 + 2] = Math.round(sums[o * 3 + 2]! / n);
    rgba[o * 4 + 3] = 255;
  }
  return { data: rgba, width: out.width, height: out.height };
}

export class ImageTooLargeError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    super(`image of ${width} × ${height} pixels is above the ${maxPixels}-pixel limit`);
  }
}

/** Refuses, from the declared size alone, an image whose decode would need more memory than allowed. */
export function checkPixelLimit(width: number | null, height: number | null, maxPixels: number): void {
  if (width !== null && height !== null && width * height > maxPixels) throw new ImageTooLargeError(width, height, maxPixels);
}

// ── codecs ──────────────────────────────────────────────────────────────────────────────────────────────────────

interface Codecs {
  decodeJpeg(buf: ArrayBuffer): Promise<Raster>;
  decodeWebp(buf: ArrayBuffer): Promise<Raster>;
  encodeJpeg(image: Raster, options: { quality: number; progressive: boolean }): Promise<ArrayBuffer>;
}

let codecs: Promise<Codecs> | null = null;

/**
 * Loads the WASM codecs from the packages' own files (the emscripten glue would otherwise fetch() them by URL,
 * which Node does not do for file: URLs).
 */
function loadCodecs(): Promise<Codecs> {
  codecs ??= (async () => {
    const require = createRequire(import.meta.url);
    // The server's lib settings carry no WebAssembly typings; the one call needed is typed here.
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;
    const compile = (p: string) => wasm.compile(fs.readFileSync(require.resolve(p)));
    type Codec<F> = { init(module: object): Promise<void>; default: F };
    const jpegDec = (await import('@jsquash/jpeg/decode.js')) as unknown as Codec<Codecs['decodeJpeg']>;
    const jpegEnc = (await import('@jsquash/jpeg/encode.js')) as unknown as Codec<Codecs['encodeJpeg']>;
    const webpDec = (await import('@jsquash/webp/decode.js')) as unknown as Codec<Codecs['decodeWebp']>;
    await jpegDec.init(await compile('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'));
    await jpegEnc.init(await compile('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'));
    await webpDec.init(await compile('@jsquash/webp/codec/dec/webp_dec.wasm'));
    return { decodeJpeg: jpegDec.default, decodeWebp: webpDec.default, encodeJpeg: jpegEnc.default };
  })();
  return codecs;
}

/** Its own ArrayBuffer holding exactly these bytes (a Buffer may be a view into a larger shared pool). */
function ownBuffer(data: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
}

export async function decodeImage(mime: string, data: Uint8Array): Promise<Raster> {
  // MozJPEG ignores the EXIF orientation here (preserveOrientation is off); it is applied in downscaleOriented.
  if (mime === 'image/jpeg') return (await loadCodecs()).decodeJpeg(ownBuffer(data));
  if (mime === 'image/webp') return (await loadCodecs()).decodeWebp(ownBuffer(data));
  if (mime === 'image/png') {
    const png = PNG.sync.read(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return { data: png.data, width: png.width, height: png.height };
  }
  throw new Error(`no decoder for ${mime}`);
}

export async function encodeJpeg(image: Raster, quality = 80): Promise<Buffer> {
  const codec = await loadCodecs();
  const data = image.data instanceof Uint8ClampedArray ? image.data : new Uint8ClampedArray(image.data);
  // Baseline: the thumbnail is small, and every decoder (old Android WebViews included) reads baseline.
  return Buffer.from(await codec.encodeJpeg({ data, width: image.width, height: image.height }, { quality, progressive: false }));
}

export interface ThumbnailJob {
  mime: string;
  data: Uint8Array;
  orientation: number;
  side: number;
}

/** Mime types a thumbnail can be rendered from. */
export const thumbnailable = new Set(['image/jpeg', 'image/png', 'image/webp']);

export async function renderThumbnail(job: ThumbnailJob): Promise<Buffer> {
  const raster = await decodeImage(job.mime, job.data);
  return encodeJpeg(downscaleOriented(raster, job.orientation, job.side));
}
