// A real JPEG from the browser's own encoder, as a phone camera would hand over: the upload path then sees what a
// field user's photo is (magic bytes, a decodable image for the thumbnailer), not a fixture file.
import type { Page } from 'playwright-core';

export async function cameraJpeg(
  page: Page,
  colour = '#8c8c8c',
  size: { width: number; height: number } = { width: 320, height: 240 },
): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ fill, width, height }) => {
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      const g = c.getContext('2d')!;
      g.fillStyle = fill;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#d4380d';
      g.fillRect(width / 8, height / 4, (width * 5) / 8, height / 3);
      const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.8));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const x of bytes) s += String.fromCharCode(x);
      return btoa(s);
    },
    { fill: colour, ...size },
  );
  return Buffer.from(b64, 'base64');
}
