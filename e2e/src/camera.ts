// A real JPEG from the browser's own encoder, as a phone camera would hand over: the upload path then sees what a
// field user's photo is (magic bytes, a decodable image for the thumbnailer), not a fixture file.
import type { Page } from 'playwright-core';

export async function cameraJpeg(page: Page, colour = '#8c8c8c'): Promise<Buffer> {
  const b64 = await page.evaluate(async (fill) => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d')!;
    g.fillStyle = fill;
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#d4380d';
    g.fillRect(40, 60, 200, 80);
    const blob: Blob = await new Promise((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.8));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return btoa(s);
  }, colour);
  return Buffer.from(b64, 'base64');
}
